import { redirect } from '@sveltejs/kit';
import type { Hub } from '$contracts/org';
import type { Escalation, EscalationActionBody, EscalationDetail, ReviewItem } from '$contracts/safeguarding';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role === 'staff') redirect(303, '/staff');
	const id = encodeURIComponent(event.params.id);
	const [escalation, hubs] = await Promise.all([apiData<EscalationDetail>(event, `/moderation/escalations/${id}`), apiData<Hub[]>(event, '/hubs')]);
	// If the item is still held for a check, it can be decided from here too.
	const held = await api<ReviewItem[]>(event, 'GET', `/moderation/reviews?queue=held&hubId=${encodeURIComponent(escalation.hubId)}`);
	const heldItem = held.ok ? (held.data.find((r) => r.ref === escalation.sourceRef) ?? null) : null;
	return { escalation, hubs, heldItem };
};

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

/** Builds one escalation action from the form, sends it, and says what happened in words. */
function act(build: (f: FormData) => EscalationActionBody, done: (e: Escalation) => string) {
	return async (event: RequestEvent) => {
		const f = await event.request.formData();
		const body = build(f);
		const r = await api<Escalation>(event, 'POST', `/moderation/escalations/${encodeURIComponent(event.params.id)}/actions`, body);
		return r.ok ? { done: done(r.data) } : formFail(r, { form: body.action, note: str(f, 'note') });
	};
}

const optionalNote = (f: FormData) => (str(f, 'note') ? { note: str(f, 'note') } : {});

export const actions: Actions = {
	acknowledge: act(
		(f) => ({ action: 'acknowledge', ...optionalNote(f) }),
		(e) => `Acknowledged${e.assignee ? `: it is with ${e.assignee.name}` : ''}.`
	),
	assign: act(
		(f) => ({ action: 'assign', assigneeId: str(f, 'assigneeId') || null }),
		(e) => (e.assignee ? `Assigned to ${e.assignee.name}.` : 'Nobody is assigned now.')
	),
	note: act(
		(f) => ({ action: 'note', note: str(f, 'note') }),
		() => 'Note added.'
	),
	actioned: act(
		(f) => ({ action: 'actioned', ...optionalNote(f) }),
		() => 'Marked as actioned. Record an outcome and close it when you are ready.'
	),
	outcome: act(
		(f) => ({ action: str(f, 'intent') === 'close' ? 'close' : 'outcome', outcome: str(f, 'outcome'), ...optionalNote(f) }),
		(e) => (e.status === 'closed' ? `Closed with the outcome “${e.outcome}”.` : `Outcome recorded: “${e.outcome}”.`)
	),
	reopen: act(
		(f) => ({ action: 'reopen', note: str(f, 'note') }),
		() => 'Reopened.'
	),
	falseAlarm: act(
		(f) => ({ action: 'false-positive', falsePositive: str(f, 'falsePositive') === 'true', ...optionalNote(f) }),
		(e) => (e.falsePositive ? 'Marked as a false alarm. It counts towards tuning the word lists.' : 'The false alarm mark is removed.')
	),
	hide: act(
		(f) => ({ action: 'hide-source', ...optionalNote(f) }),
		() => 'The message is hidden from everyone else.'
	),
	tell: act(
		(f) => ({ action: 'tell-facilitator', note: str(f, 'note') }),
		() => 'Sent to the facilitators of this hub. They see it on their screens now.'
	),
	/** The held item behind the concern: show it after all, or keep it hidden. */
	decide: async (event) => {
		const f = await event.request.formData();
		const decision = str(f, 'decision') === 'reject' ? 'reject' : 'approve';
		const r = await api<ReviewItem>(event, 'POST', `/moderation/reviews/${encodeURIComponent(str(f, 'id'))}/decision`, { decision });
		return r.ok ? { done: `Done: ${(decision === 'approve' ? r.data.approveLabel : r.data.rejectLabel).toLowerCase()}.` } : formFail(r, { form: 'decide' });
	}
};
