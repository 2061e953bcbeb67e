import { redirect } from '@sveltejs/kit';
import type { Group, Invite } from '$contracts/org';
import type { Poll } from '$contracts/polls';
import type { LiveSession } from '$contracts/sessions';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role === 'moderator') redirect(303, '/moderator');
	const [polls, sessions, groups] = await Promise.all([
		apiData<Poll[]>(event, '/polls'),
		apiData<LiveSession[]>(event, '/sessions'),
		apiData<Group[]>(event, '/groups')
	]);
	return { polls, sessions, groups };
};

export const actions: Actions = {
	startSession: async (event) => {
		const form = await event.request.formData();
		const values = { title: String(form.get('title') ?? ''), groupId: String(form.get('groupId') ?? '') };
		const r = await api<LiveSession>(event, 'POST', '/sessions', values);
		if (!r.ok) return formFail(r, { ...values, form: 'startSession' });
		redirect(303, `/staff/sessions/${r.data.id}`);
	},
	invite: async (event) => {
		const form = await event.request.formData();
		const values = { groupId: String(form.get('groupId') ?? '') };
		const r = await api<Invite>(event, 'POST', '/invites', values);
		if (!r.ok) return formFail(r, { ...values, form: 'invite' });
		return { invite: r.data };
	}
};

