import type { MySurvey } from '$contracts/surveys';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { me } = await event.parent();
	if (!me.participant) return { surveys: null, saved: null };
	const surveys = await apiData<MySurvey[]>(event, '/my/surveys');
	const savedId = event.url.searchParams.get('saved');
	return { surveys, saved: surveys.find((s) => s.id === savedId) ?? null };
};
