import { redirect } from '@sveltejs/kit';
import type { StaffUser } from '$contracts/auth';
import type { AuditEntry } from '$contracts/safeguarding';
import type { Group, Hub, Organisation } from '$contracts/org';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role !== 'admin') redirect(303, user.role === 'staff' ? '/staff' : '/moderator');
	const [org, hubs, groups, users, audit] = await Promise.all([
		apiData<Organisation>(event, '/org'),
		apiData<Hub[]>(event, '/hubs'),
		apiData<Group[]>(event, '/groups'),
		apiData<StaffUser[]>(event, '/users'),
		apiData<AuditEntry[]>(event, '/audit?limit=10')
	]);
	return { org, hubs, groups, users, audit };
};

export const actions: Actions = {
	hub: async (event) => {
		const form = await event.request.formData();
		const values = { name: String(form.get('name') ?? '') };
		const r = await api<Hub>(event, 'POST', '/hubs', values);
		return r.ok ? { done: `Hub “${r.data.name}” added.` } : formFail(r, { ...values, form: 'hub' });
	},
	group: async (event) => {
		const form = await event.request.formData();
		const values = { name: String(form.get('name') ?? ''), hubId: String(form.get('hubId') ?? ''), description: String(form.get('description') ?? '') };
		const r = await api<Group>(event, 'POST', '/groups', values);
		return r.ok ? { done: `Group “${r.data.name}” added.` } : formFail(r, { ...values, form: 'group' });
	},
	disable: async (event) => {
		const form = await event.request.formData();
		const id = encodeURIComponent(String(form.get('userId') ?? ''));
		const r = await api<StaffUser>(event, 'POST', `/users/${id}/disabled`, { disabled: form.get('disabled') === 'true' });
		return r.ok ? { done: r.data.disabled ? `${r.data.email} is switched off.` : `${r.data.email} is switched on again.` } : formFail(r, { form: 'disable' });
	},
	user: async (event) => {
		const form = await event.request.formData();
		const values = {
			email: String(form.get('email') ?? ''),
			displayName: String(form.get('displayName') ?? ''),
			role: String(form.get('role') ?? ''),
			hubIds: form.getAll('hubIds').map(String)
		};
		const r = await api<StaffUser>(event, 'POST', '/users', { ...values, password: String(form.get('password') ?? '') });
		return r.ok ? { done: `Account for ${r.data.email} created.` } : formFail(r, { ...values, form: 'user' });
	}
};
