import type { ParticipantPoll, PollResults } from '$contracts/polls';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	return apiData<{ poll: ParticipantPoll; results: PollResults }>(event, `/public/polls/${encodeURIComponent(event.params.id)}/results`);
};
