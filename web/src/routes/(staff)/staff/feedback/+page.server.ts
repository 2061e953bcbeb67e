import { fail, redirect } from '@sveltejs/kit';
import type { AwaitingFeedback, FeedbackPost } from '$contracts/feedback';
import type { Group, Hub } from '$contracts/org';
import type { Poll } from '$contracts/polls';
import type { SurveySummary } from '$contracts/surveys';
import { api, apiData } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const [posts, awaiting, hubs, groups, polls, surveys] = await Promise.all([
		apiData<FeedbackPost[]>(event, '/feedback'),
		apiData<AwaitingFeedback[]>(event, '/feedback/awaiting'),
		apiData<Hub[]>(event, '/hubs'),
		apiData<Group[]>(event, '/groups'),
		apiData<Poll[]>(event, '/polls'),
		apiData<SurveySummary[]>(event, '/surveys')
	]);
	const q = event.url.searchParams;
	return {
		posts: [...posts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
		awaiting,
		hubs,
		groups,
		sources: [
			...surveys.filter((s) => s.state !== 'draft').map((s) => ({ key: `survey:${s.id}`, title: s.title, kind: 'survey' as const, place: s.audience.kind === 'group' ? `group:${s.audience.groupId}` : `hub:${s.audience.hubId}` })),
			...polls.filter((p) => p.state !== 'draft').map((p) => ({ key: `poll:${p.id}`, title: p.title, kind: 'poll' as const, place: p.groupId ? `group:${p.groupId}` : `hub:${p.hubId}` }))
		],
		editing: posts.find((p) => p.id === q.get('edit')) ?? null,
		deleting: posts.find((p) => p.id === q.get('delete')) ?? null,
		source: q.get('source') ?? '',
		done: q.get('done')
	};
};

function bodyFrom(f: FormData, groups: Group[]) {
	const place = String(f.get('place') ?? '');
	const [kind = '', placeId = ''] = place.split(':');
	const group = kind === 'group' ? groups.find((g) => g.id === placeId) : undefined;
	const source = String(f.get('source') ?? '');
	const [sourceKind, sourceId] = source.split(':');
	return {
		hubId: group ? group.hubId : placeId,
		groupId: group ? group.id : null,
		source: (sourceKind === 'poll' || sourceKind === 'survey') && sourceId ? { kind: sourceKind, id: sourceId } : null,
		youSaid: String(f.get('youSaid') ?? '').trim(),
		weDid: String(f.get('weDid') ?? '').trim(),
		status: String(f.get('status') ?? 'planned')
	};
}

const values = (f: FormData) => ({ place: String(f.get('place') ?? ''), source: String(f.get('source') ?? ''), youSaid: String(f.get('youSaid') ?? ''), weDid: String(f.get('weDid') ?? ''), status: String(f.get('status') ?? 'planned') });

/** The API names fields hubId and groupId; the form has one "place" field. */
const fieldsFor = (fields: Record<string, string> = {}) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k === 'hubId' || k === 'groupId' ? 'place' : k.startsWith('source') ? 'source' : k, v]));

export const actions: Actions = {
	create: async (event) => {
		const f = await event.request.formData();
		const groups = await apiData<Group[]>(event, '/groups');
		const r = await api<FeedbackPost>(event, 'POST', '/feedback', bodyFrom(f, groups));
		if (!r.ok) return fail(400, { form: 'create', error: r.error.message, fields: fieldsFor(r.error.fields), values: values(f) });
		redirect(303, '/staff/feedback?done=created');
	},
	update: async (event) => {
		const f = await event.request.formData();
		const id = String(f.get('id') ?? '');
		const groups = await apiData<Group[]>(event, '/groups');
		// The shared api() helper names GET, POST and DELETE; PATCH goes through the same fetch.
		const r = await api<FeedbackPost>(event, 'PATCH', `/feedback/${encodeURIComponent(id)}`, bodyFrom(f, groups));
		if (!r.ok) return fail(400, { form: 'update', error: r.error.message, fields: fieldsFor(r.error.fields), values: values(f) });
		redirect(303, '/staff/feedback?done=updated');
	},
	status: async (event) => {
		const f = await event.request.formData();
		const id = String(f.get('id') ?? '');
		const post = (await apiData<FeedbackPost[]>(event, '/feedback')).find((p) => p.id === id);
		if (!post) return fail(404, { form: 'status', error: 'That post has gone. It may have been deleted.', fields: {}, values: null });
		// Send the whole post: the API's partial body fills missing group and source with null.
		const r = await api<FeedbackPost>(event, 'PATCH', `/feedback/${encodeURIComponent(id)}`, {
			hubId: post.hubId,
			groupId: post.groupId,
			source: post.source ? { kind: post.source.kind, id: post.source.id } : null,
			youSaid: post.youSaid,
			weDid: post.weDid,
			status: String(f.get('status') ?? '')
		});
		if (!r.ok) return fail(400, { form: 'status', error: r.error.message, fields: {}, values: null });
		return { form: 'status', said: `Marked as ${r.data.status === 'done' ? 'done' : r.data.status === 'in-progress' ? 'happening now' : 'planned'}.` };
	},
	delete: async (event) => {
		const f = await event.request.formData();
		const r = await api(event, 'DELETE', `/feedback/${encodeURIComponent(String(f.get('id') ?? ''))}`);
		if (!r.ok) return fail(400, { form: 'delete', error: r.error.message, fields: {}, values: null });
		redirect(303, '/staff/feedback?done=deleted');
	}
};
