import type { RequestEvent } from '@sveltejs/kit';
import type { Poll, PollResults, Suggestion } from '$contracts/polls';
import type { LiveSession } from '$contracts/sessions';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = encodeURIComponent(event.params.id);
	const [session, polls] = await Promise.all([apiData<LiveSession>(event, `/sessions/${id}`), apiData<Poll[]>(event, `/sessions/${id}/polls`)]);
	const current: Poll | null = polls.find((p) => p.id === session.currentPollId) ?? null;
	let results: PollResults | null = null;
	let suggestions: Suggestion[] = [];
	if (current) {
		results = await apiData<PollResults>(event, `/polls/${current.id}/results`);
		if (current.type === 'suggest') suggestions = await apiData<Suggestion[]>(event, `/polls/${current.id}/suggestions`);
	}
	return { session, polls, current, results, suggestions };
};

/** Each button on the facilitator view is a small form, so it also works without JavaScript. */
const act =
	(path: (form: FormData, id: string) => string, body: (form: FormData) => unknown = () => ({}), method: 'POST' | 'DELETE' = 'POST') =>
	async (event: RequestEvent<{ id: string }>) => {
		const form = await event.request.formData();
		const r = await api(event, method, path(form, encodeURIComponent(event.params.id)), method === 'DELETE' ? undefined : body(form));
		if (!r.ok) return formFail(r, {});
		return { done: true };
	};

const pid = (f: FormData) => encodeURIComponent(String(f.get('pollId') ?? ''));

export const actions: Actions = {
	push: act((_f, id) => `/sessions/${id}/activity`, (f) => ({ pollId: String(f.get('pollId') ?? '') })),
	clear: act((_f, id) => `/sessions/${id}/activity`, () => ({ pollId: null })),
	results: act((_f, id) => `/sessions/${id}/results`, (f) => ({ show: f.get('show') === 'true' })),
	timer: act(
		(_f, id) => `/sessions/${id}/timer`,
		(f) => (f.get('timer') === 'stop' ? { action: 'stop' } : { action: f.get('timer') === 'add' ? 'add' : 'start', seconds: Number(f.get('seconds') ?? 60) })
	),
	closePoll: act((f) => `/polls/${pid(f)}/close`),
	startVote: act((f) => `/polls/${pid(f)}/start-vote`),
	approve: act((f) => `/polls/${pid(f)}/suggestions/${encodeURIComponent(String(f.get('suggestionId') ?? ''))}/approve`),
	reject: act((f) => `/polls/${pid(f)}/suggestions/${encodeURIComponent(String(f.get('suggestionId') ?? ''))}/reject`),
	remove: act((f, id) => `/sessions/${id}/participants/${encodeURIComponent(String(f.get('participantId') ?? ''))}`, undefined, 'DELETE'),
	close: act((_f, id) => `/sessions/${id}/close`)
};
