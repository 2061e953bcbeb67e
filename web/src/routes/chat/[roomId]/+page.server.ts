import { redirect } from '@sveltejs/kit';
import type { ChatSnapshot } from '$contracts/chat';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { me } = await event.parent();
	if (me.user) redirect(303, `/staff/chat/${encodeURIComponent(event.params.roomId)}`);
	if (!me.participant) redirect(303, '/join');
	const snapshot = await apiData<ChatSnapshot>(event, `/chat/rooms/${encodeURIComponent(event.params.roomId)}`);
	return { snapshot };
};
