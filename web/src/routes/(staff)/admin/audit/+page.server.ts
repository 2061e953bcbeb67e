import { redirect } from '@sveltejs/kit';
import type { StaffUser } from '$contracts/auth';
import type { AuditEntry } from '$contracts/safeguarding';
import type { Hub } from '$contracts/org';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-f0-9]{24}$/i;
const limits = [50, 200, 1000];

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role !== 'admin') redirect(303, user.role === 'staff' ? '/staff' : '/moderator');
	const q = event.url.searchParams;
	const get = (k: string, max: number) => (q.get(k) ?? '').trim().slice(0, max);
	const filters = {
		action: get('action', 80),
		actorId: ID.test(get('actorId', 24)) ? get('actorId', 24) : '',
		targetType: get('targetType', 40),
		targetId: get('targetId', 80),
		from: DATE.test(get('from', 10)) ? get('from', 10) : '',
		to: DATE.test(get('to', 10)) ? get('to', 10) : '',
		limit: limits.includes(Number(q.get('limit'))) ? Number(q.get('limit')) : 200
	};
	const api = new URLSearchParams();
	for (const [k, v] of Object.entries(filters)) if (v !== '') api.set(k, String(v));
	const [entries, users, hubs] = await Promise.all([
		apiData<AuditEntry[]>(event, `/audit?${api}`),
		apiData<StaffUser[]>(event, '/users'),
		apiData<Hub[]>(event, '/hubs')
	]);
	const csv = new URLSearchParams(api);
	csv.delete('limit');
	// Every look at a concern is recorded; leaving those out makes the steps easier to follow.
	const hideViews = q.get('views') === 'hide';
	const shown = hideViews ? entries.filter((e) => !e.action.endsWith('.view')) : entries;
	return { filters, entries: shown, fetched: entries.length, hideViews, users, hubs, limits, query: csv.toString() };
};
