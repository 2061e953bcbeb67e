import type { FeedbackPost } from '$contracts/feedback';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { me } = await event.parent();
	if (!me.participant) return { posts: null };
	return { posts: await apiData<FeedbackPost[]>(event, '/my/feedback') };
};
