import { redirect } from '@sveltejs/kit';
import type { Group, Hub } from '$contracts/org';
import type { Survey } from '$contracts/surveys';
import { apiData } from '$lib/server/api';
import { draftFromContent } from '$lib/components/survey/builder';
import { editAction, saveAction } from '$lib/components/survey/builder.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = encodeURIComponent(event.params.id);
	const [survey, hubs, groups] = await Promise.all([apiData<Survey>(event, `/surveys/${id}`), apiData<Hub[]>(event, '/hubs'), apiData<Group[]>(event, '/groups')]);
	// Questions only change before a survey opens (the API refuses later changes).
	if (survey.state !== 'draft') redirect(303, `/staff/surveys/${survey.id}?locked=1`);
	return { survey: { id: survey.id, title: survey.title }, draft: draftFromContent(survey.content, survey, groups[0]?.id ?? '', survey.hubId), hubs, groups };
};

export const actions: Actions = {
	edit: (event) => editAction(event),
	save: (event) => saveAction(event, event.params.id)
};
