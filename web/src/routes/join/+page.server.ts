import { redirect } from '@sveltejs/kit';
import type { JoinResult } from '$contracts/sessions';
import { api, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	return { code: (url.searchParams.get('code') ?? '').slice(0, 12) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { code: String(form.get('code') ?? ''), displayName: String(form.get('displayName') ?? '') };
		const r = await api<JoinResult>(event, 'POST', '/join', values);
		if (!r.ok) return formFail(r, values);
		redirect(303, '/session');
	}
};
