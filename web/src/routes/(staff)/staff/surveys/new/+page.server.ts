import type { Group, Hub } from '$contracts/org';
import type { SurveyTemplateInfo } from '$contracts/surveys';
import { apiData } from '$lib/server/api';
import { blankSection, DEFAULT_WHO_READS, draftFromContent, type Draft } from '$lib/components/survey/builder';
import { editAction, saveAction } from '$lib/components/survey/builder.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const [templates, hubs, groups] = await Promise.all([
		apiData<SurveyTemplateInfo[]>(event, '/surveys/templates'),
		apiData<Hub[]>(event, '/hubs'),
		apiData<Group[]>(event, '/groups')
	]);
	const chosen = event.url.searchParams.get('template');
	const template = templates.find((t) => t.id === chosen) ?? null;
	const groupId = event.url.searchParams.get('groupId') ?? groups[0]?.id ?? '';
	const hubId = groups.find((g) => g.id === groupId)?.hubId ?? hubs[0]?.id ?? '';
	let draft: Draft | null = null;
	if (template) draft = draftFromContent(template.content, {}, groupId, hubId);
	else if (chosen === 'blank')
		draft = {
			title: '',
			intro: '',
			whoReads: DEFAULT_WHO_READS,
			sections: [blankSection('Questions')],
			audienceKind: 'group',
			groupId,
			hubId,
			anonymous: true,
			opensAt: '',
			closesAt: ''
		};
	return { templates: templates.map(({ id, name, summary, content }) => ({ id, name, summary, questions: content.questions.length })), template: template?.name ?? null, draft, hubs, groups };
};

export const actions: Actions = {
	edit: (event) => editAction(event),
	save: (event) => saveAction(event, null)
};
