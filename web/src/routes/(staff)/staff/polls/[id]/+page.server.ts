import type { Poll, PollResults } from '$contracts/polls';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

interface Answer {
	id: string;
	text: string;
	status: 'visible' | 'held' | 'hidden';
	displayName: string | null;
}

export const load: PageServerLoad = async (event) => {
	const id = encodeURIComponent(event.params.id);
	const poll = await apiData<Poll>(event, `/polls/${id}`);
	const results = await apiData<PollResults>(event, `/polls/${id}/results`);
	const answers = poll.type === 'open' ? await apiData<Answer[]>(event, `/polls/${id}/answers`) : [];
	return { poll, results, answers };
};

const post = (path: (id: string, f: FormData) => string, body: (f: FormData) => unknown = () => ({})) => ({
	async run(event: Parameters<Actions[string]>[0]) {
		const f = await event.request.formData();
		const r = await api(event, 'POST', path(encodeURIComponent(event.params.id ?? ''), f), body(f));
		return r.ok ? { done: true } : formFail(r, {});
	}
});

export const actions: Actions = {
	close: (e) => post((id) => `/polls/${id}/close`).run(e),
	open: (e) => post((id) => `/polls/${id}/open`).run(e),
	publish: (e) => post((id) => `/polls/${id}/publish`, (f) => ({ published: f.get('published') === 'true' })).run(e),
	hide: (e) => post((id, f) => `/polls/${id}/answers/${encodeURIComponent(String(f.get('answerId') ?? ''))}/hide`).run(e),
	approve: (e) => post((id, f) => `/polls/${id}/answers/${encodeURIComponent(String(f.get('answerId') ?? ''))}/approve`).run(e)
};
