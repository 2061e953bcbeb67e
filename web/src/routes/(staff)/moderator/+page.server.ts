import { redirect } from '@sveltejs/kit';
import type { Hub } from '$contracts/org';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

interface HeldItem {
	kind: 'answer' | 'suggestion';
	id: string;
	pollId: string;
	pollTitle: string;
	text: string;
}

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role === 'staff') redirect(303, '/staff');
	const [hubs, held] = await Promise.all([apiData<Hub[]>(event, '/hubs'), apiData<HeldItem[]>(event, '/moderation/held')]);
	return { hubs, held };
};

const decide = (verb: (kind: string) => string) => async (event: Parameters<Actions[string]>[0]) => {
	const f = await event.request.formData();
	const kind = String(f.get('kind'));
	const pollId = encodeURIComponent(String(f.get('pollId') ?? ''));
	const id = encodeURIComponent(String(f.get('id') ?? ''));
	const path = kind === 'suggestion' ? `/polls/${pollId}/suggestions/${id}/${verb(kind)}` : `/polls/${pollId}/answers/${id}/${verb(kind)}`;
	const r = await api(event, 'POST', path, {});
	return r.ok ? { done: true } : formFail(r, {});
};

export const actions: Actions = {
	approve: decide((kind) => (kind === 'suggestion' ? 'release' : 'approve')),
	reject: decide((kind) => (kind === 'suggestion' ? 'decline' : 'hide'))
};
