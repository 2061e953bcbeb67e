/**
 * The builder's form actions, shared by "new survey" and "edit survey": "edit" applies an add,
 * move or remove without JavaScript and shows the form again; "save" sends the survey to the API.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Survey } from '$contracts/surveys';
import { api } from '$lib/server/api';
import { applyOp, draftFromForm, localProblems, toBody } from './builder';

type Event = Pick<RequestEvent, 'request' | 'fetch' | 'cookies'>;

export async function editAction(event: Event) {
	const f = await event.request.formData();
	const draft = draftFromForm(f);
	const said = applyOp(draft, String(f.get('op') ?? ''));
	return { draft, said };
}

export async function saveAction(event: Event, surveyId: string | null) {
	const f = await event.request.formData();
	const draft = draftFromForm(f);
	const problems = localProblems(draft);
	if (Object.keys(problems).length) return fail(400, { draft, error: 'Some questions need fixing.', fields: problems });
	const body = toBody(draft);
	// The shared api() helper names GET, POST and DELETE; PUT goes through the same fetch.
	const r = surveyId ? await api<Survey>(event, 'PUT', `/surveys/${encodeURIComponent(surveyId)}`, body) : await api<Survey>(event, 'POST', '/surveys', body);
	if (!r.ok) return fail(400, { draft, error: r.error.message, fields: r.error.fields ?? {} });
	redirect(303, `/staff/surveys/${r.data.id}?saved=1`);
}
