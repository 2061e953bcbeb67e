import { redirect } from '@sveltejs/kit';
import { api, formFail } from '$lib/server/api';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { displayName: String(form.get('displayName') ?? '') };
		const r = await api(event, 'POST', '/invites/redeem', { token: event.params.token, ...values });
		if (!r.ok) return formFail(r, values);
		redirect(303, '/welcome');
	}
};
