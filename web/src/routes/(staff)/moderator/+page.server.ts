import { redirect } from '@sveltejs/kit';
import type { Group, Hub } from '$contracts/org';
import { categoryLabel, escalationStatuses, severities, type Escalation, type ModerationCounts, type ReviewItem } from '$contracts/safeguarding';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const tabs = ['concerns', 'held', 'reported', 'decided'] as const;
export type Tab = (typeof tabs)[number];

const ID = /^[a-f0-9]{24}$/i;

/** The filters from the address bar, keeping only values the API accepts (a stale link never errors). */
function filtersOf(url: URL) {
	const q = url.searchParams;
	const pick = <T extends string>(name: string, ok: (v: string) => boolean) => {
		const v = q.get(name) ?? '';
		return (ok(v) ? v : '') as T | '';
	};
	const tab = pick<Tab>('tab', (v) => (tabs as readonly string[]).includes(v)) || 'concerns';
	return {
		tab,
		hub: pick('hub', (v) => ID.test(v)),
		group: pick('group', (v) => ID.test(v)),
		category: pick('category', (v) => v in categoryLabel),
		severity: pick('severity', (v) => (severities as readonly string[]).includes(v)),
		status: pick('status', (v) => (escalationStatuses as readonly string[]).includes(v)),
		assignee: pick('assignee', (v) => v === 'me' || v === 'none'),
		show: pick<'active' | 'closed' | 'all'>('show', (v) => v === 'closed' || v === 'all') || 'active'
	};
}
export type Filters = ReturnType<typeof filtersOf>;

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role === 'staff') redirect(303, '/staff');
	const f = filtersOf(event.url);
	const common = new URLSearchParams();
	if (f.hub) common.set('hubId', f.hub);
	if (f.group) common.set('groupId', f.group);
	if (f.category) common.set('category', f.category);
	if (f.severity) common.set('severity', f.severity);

	let escalations: Escalation[] = [];
	let reviews: ReviewItem[] = [];
	const listing = (async () => {
		if (f.tab === 'concerns') {
			const q = new URLSearchParams(common);
			q.set('queue', f.show);
			if (f.status) q.set('status', f.status);
			if (f.assignee) q.set('assignee', f.assignee);
			escalations = await apiData<Escalation[]>(event, `/moderation/escalations?${q}`);
		} else {
			const q = new URLSearchParams(common);
			q.set('queue', f.tab);
			reviews = await apiData<ReviewItem[]>(event, `/moderation/reviews?${q}`);
		}
	})();
	const [counts, hubs, groups] = await Promise.all([
		apiData<ModerationCounts>(event, '/moderation/counts'),
		apiData<Hub[]>(event, '/hubs'),
		apiData<Group[]>(event, '/groups'),
		listing
	]);
	return { filters: f, counts, hubs, groups, escalations, reviews };
};

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

export const actions: Actions = {
	/** Acknowledge straight from the queue. */
	acknowledge: async (event) => {
		const f = await event.request.formData();
		const id = encodeURIComponent(str(f, 'id'));
		const r = await api<Escalation>(event, 'POST', `/moderation/escalations/${id}/actions`, { action: 'acknowledge' });
		return r.ok ? { done: `Acknowledged. It is assigned to ${r.data.assignee?.name ?? 'nobody yet'}.` } : formFail(r, { form: 'acknowledge', id: str(f, 'id') });
	},
	/** Approve or reject one held or reported item. */
	decide: async (event) => {
		const f = await event.request.formData();
		const id = str(f, 'id');
		const decision = str(f, 'decision') === 'reject' ? 'reject' : 'approve';
		const reason = str(f, 'reason');
		const r = await api<ReviewItem>(event, 'POST', `/moderation/reviews/${encodeURIComponent(id)}/decision`, { decision, ...(reason ? { reason } : {}) });
		if (!r.ok) return formFail(r, { form: 'decide', id });
		return { done: `Done: ${(decision === 'approve' ? r.data.approveLabel : r.data.rejectLabel).toLowerCase()}.` };
	},
	/** Several low-concern held items at once; each is still decided and recorded on its own. */
	bulk: async (event) => {
		const f = await event.request.formData();
		const ids = f.getAll('ids').map(String).filter((x) => ID.test(x));
		const decision = str(f, 'decision') === 'reject' ? 'reject' : 'approve';
		const reason = str(f, 'reason');
		if (!ids.length) return formFail({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Tick at least one item first.' } }, { form: 'bulk' });
		const r = await api<{ id: string; ok: boolean; message?: string }[]>(event, 'POST', '/moderation/reviews/bulk', { ids, decision, ...(reason ? { reason } : {}) });
		if (!r.ok) return formFail(r, { form: 'bulk' });
		const done = r.data.filter((x) => x.ok).length;
		const failed = r.data.filter((x) => !x.ok);
		const verb = decision === 'approve' ? 'approved' : 'kept hidden';
		const head = `${done} ${done === 1 ? 'item' : 'items'} ${verb}.`;
		return { done: failed.length ? `${head} ${failed.length} could not be: ${[...new Set(failed.map((x) => x.message ?? 'already decided'))].join(' ')}` : head };
	}
};
