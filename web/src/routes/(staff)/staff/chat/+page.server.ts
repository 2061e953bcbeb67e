import { redirect } from '@sveltejs/kit';
import type { ChatRoom, ChatRoomSummary } from '$contracts/chat';
import type { LiveSession } from '$contracts/sessions';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/** Every group chat in your hubs, recent live-session chats, and (facilitators) open sessions that could have one. */
export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	const rooms = await apiData<ChatRoomSummary[]>(event, '/chat/rooms');
	const sessions = user.role === 'moderator' ? [] : (await apiData<LiveSession[]>(event, '/sessions')).filter((s) => s.state === 'open');
	return { rooms, sessions };
};

export const actions: Actions = {
	openSession: async (event) => {
		const form = await event.request.formData();
		const values = { sessionId: String(form.get('sessionId') ?? '') };
		const r = await api<ChatRoom>(event, 'POST', '/chat/rooms', values);
		if (!r.ok) return formFail(r, values);
		redirect(303, `/staff/chat/${r.data.id}`);
	}
};
