import { redirect } from '@sveltejs/kit';
import type { StaffUser } from '$contracts/auth';
import { api, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const home = { admin: '/admin', staff: '/staff', moderator: '/moderator' } as const;

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : null);

export const load: PageServerLoad = async ({ parent, url }) => {
	const { me } = await parent();
	if (me.user) redirect(303, safeNext(url.searchParams.get('next')) ?? home[me.user.role]);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { email: String(form.get('email') ?? '') };
		const r = await api<{ user: StaffUser }>(event, 'POST', '/auth/login', { ...values, password: String(form.get('password') ?? '') });
		if (!r.ok) return formFail(r, values);
		redirect(303, safeNext(event.url.searchParams.get('next')) ?? home[r.data.user.role]);
	}
};
