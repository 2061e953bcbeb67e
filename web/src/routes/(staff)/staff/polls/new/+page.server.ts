import { redirect } from '@sveltejs/kit';
import type { Group, Hub } from '$contracts/org';
import type { Poll } from '$contracts/polls';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const [hubs, groups] = await Promise.all([apiData<Hub[]>(event, '/hubs'), apiData<Group[]>(event, '/groups')]);
	return {
		hubs,
		groups,
		groupId: event.url.searchParams.get('groupId') ?? groups[0]?.id ?? '',
		session: event.url.searchParams.get('session')
	};
};

const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? undefined : Number(v));

export const actions: Actions = {
	default: async (event) => {
		const f = await event.request.formData();
		const groups = await apiData<Group[]>(event, '/groups');
		const groupId = String(f.get('groupId') ?? '');
		const group = groups.find((g) => g.id === groupId);
		const type = String(f.get('type') ?? 'single');
		const labels = f.getAll('optionLabel').map(String);
		const easy = f.getAll('optionEasyRead').map(String);
		const emoji = f.getAll('optionEmoji').map(String);
		const options = labels
			.map((label, i) => ({ label: label.trim(), easyRead: easy[i]?.trim() || undefined, emoji: emoji[i]?.trim() || undefined }))
			.filter((o) => o.label);
		const body = {
			title: String(f.get('title') ?? ''),
			description: String(f.get('description') ?? ''),
			type,
			hubId: group?.hubId ?? '',
			groupId: group?.id ?? null,
			options,
			settings: {
				anonymous: f.get('named') !== 'on',
				allowChange: f.get('allowChange') === 'on',
				hideResultsUntilClosed: f.get('hideResults') === 'on',
				allowDontKnow: f.get('allowDontKnow') === 'on',
				allowSkip: f.get('allowSkip') === 'on',
				maxPicks: type === 'multiple' ? num(f.get('maxPicks')) : undefined,
				maxRanks: type === 'ranked' || (type === 'suggest' && f.get('voteType') === 'ranked') ? num(f.get('maxRanks')) : undefined,
				scale: type === 'scale' ? { style: String(f.get('scaleStyle') ?? 'numbers'), min: 1, max: num(f.get('scaleMax')) ?? 5 } : undefined,
				voteType: type === 'suggest' ? String(f.get('voteType') ?? 'ranked') : undefined
			}
		};
		const r = await api<Poll>(event, 'POST', '/polls', body);
		if (!r.ok) return formFail(r, { title: body.title, description: body.description, type, options: labels });
		const session = event.url.searchParams.get('session');
		redirect(303, session ? `/staff/sessions/${encodeURIComponent(session)}` : `/staff/polls/${r.data.id}`);
	}
};
