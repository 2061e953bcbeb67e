import type { RequestEvent } from '@sveltejs/kit';
import type { ChatPerson, ChatSnapshot } from '$contracts/chat';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = encodeURIComponent(event.params.roomId);
	const [snapshot, people] = await Promise.all([apiData<ChatSnapshot>(event, `/chat/rooms/${id}`), apiData<ChatPerson[]>(event, `/chat/rooms/${id}/people`)]);
	return { snapshot, people };
};

const str = (f: FormData, k: string) => String(f.get(k) ?? '');
const reason = (f: FormData) => (str(f, 'reason') ? { reason: str(f, 'reason') } : {});

/** Each control is a small form, so it works without JavaScript too; every change is audited by the API. */
const act =
	(path: (f: FormData, id: string) => string, body: (f: FormData) => unknown) =>
	async (event: RequestEvent<{ roomId: string }>) => {
		const form = await event.request.formData();
		const r = await api<unknown>(event, 'POST', path(form, encodeURIComponent(event.params.roomId)), body(form));
		if (!r.ok) return formFail(r, {});
		return { done: true, result: r.data };
	};

export const actions: Actions = {
	control: act(
		(_f, id) => `/chat/rooms/${id}/control`,
		(f) => {
			const action = str(f, 'action');
			if (action === 'slow') return { action, seconds: Number(str(f, 'seconds') || 0), ...reason(f) };
			if (action === 'mode') return { action, mode: str(f, 'mode'), ...reason(f) };
			if (action === 'pin') return { action, messageId: str(f, 'messageId') };
			if (action === 'links') return { action, allow: str(f, 'allow') === 'true' };
			if (action === 'unpin') return { action };
			return { action, ...reason(f) };
		}
	),
	mute: act((_f, id) => `/chat/rooms/${id}/mute`, (f) => ({ participantId: str(f, 'participantId'), minutes: Number(str(f, 'minutes') || 0), ...reason(f) })),
	hide: act((f) => `/chat/messages/${encodeURIComponent(str(f, 'messageId'))}/hide`, (f) => ({ reason: str(f, 'reason') || 'ground-rules' })),
	restore: act((f) => `/chat/messages/${encodeURIComponent(str(f, 'messageId'))}/restore`, (f) => reason(f))
};
