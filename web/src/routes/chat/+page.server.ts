import { redirect } from '@sveltejs/kit';
import type { ChatRoomSummary } from '$contracts/chat';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** A young person's chats: their group's, and their live session's if it has one. */
export const load: PageServerLoad = async (event) => {
	const { me } = await event.parent();
	if (me.user) redirect(303, '/staff/chat');
	if (!me.participant) redirect(303, '/join');
	const rooms = await apiData<ChatRoomSummary[]>(event, '/chat/rooms');
	if (rooms.length === 1) redirect(303, `/chat/${rooms[0]!.id}`);
	return { rooms };
};
