import { api, formFail } from '$lib/server/api';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const f = await event.request.formData();
		const r = await api(event, 'POST', '/auth/password', { currentPassword: String(f.get('currentPassword') ?? ''), newPassword: String(f.get('newPassword') ?? '') });
		return r.ok ? { done: true } : formFail(r, {});
	}
};
