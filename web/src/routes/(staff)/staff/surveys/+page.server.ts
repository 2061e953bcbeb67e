import type { Group, Hub } from '$contracts/org';
import type { SurveyContent, SurveySummary } from '$contracts/surveys';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const [surveys, templates, hubs, groups] = await Promise.all([
		apiData<SurveySummary[]>(event, '/surveys'),
		apiData<{ id: string; name: string; summary: string; content: SurveyContent }[]>(event, '/surveys/templates'),
		apiData<Hub[]>(event, '/hubs'),
		apiData<Group[]>(event, '/groups')
	]);
	return {
		surveys: [...surveys].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
		templates: templates.map(({ id, name, summary, content }) => ({ id, name, summary, questions: content.questions.length })),
		hubs,
		groups
	};
};
