/**
 * Answering a survey, one question per screen. Every screen is a plain form: it saves the answer
 * (to finish later) and moves to the next question the skip logic shows, so a phone with
 * JavaScript off or a slow connection can finish it. With JavaScript the same forms are enhanced.
 */
import { fail, redirect } from '@sveltejs/kit';
import type { ParticipantSurvey, SavedResponse, SurveyAnswers, SurveyLinkInfo } from '$contracts/surveys';
import { api, apiData, formFail } from '$lib/server/api';
import { answerFromForm, isBlank, visibleQuestions } from '$lib/components/survey/logic';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const EASY_COOKIE = 'vb-easy-read';

const base = (id: string) => `/surveys/${encodeURIComponent(id)}`;

export const load: PageServerLoad = async (event) => {
	const { me } = await event.parent();
	const id = event.params.id;
	const easyRead = event.cookies.get(EASY_COOKIE) === '1';
	const here = `${event.url.pathname}${event.url.search}`;
	if (!me.participant) {
		// Someone without a Voicebox identity: a link survey lets them choose a nickname here.
		const info = await apiData<SurveyLinkInfo>(event, `/public/surveys/${encodeURIComponent(id)}`);
		return { mode: info.audience === 'link' ? ('join' as const) : ('not-for-you' as const), info, easyRead, here };
	}
	const r = await api<ParticipantSurvey>(event, 'GET', `/my/surveys/${encodeURIComponent(id)}`);
	if (!r.ok) {
		// Signed in for a different group or hub: the link still says what the survey is.
		const info = await api<SurveyLinkInfo>(event, 'GET', `/public/surveys/${encodeURIComponent(id)}`);
		if (!info.ok) return await apiData<never>(event, `/my/surveys/${encodeURIComponent(id)}`);
		return { mode: 'not-for-you' as const, info: info.data, easyRead, here };
	}
	const survey = r.data;
	const answers = survey.response?.answers ?? {};
	const visible = visibleQuestions(survey.content, answers);
	const qid = event.url.searchParams.get('q');
	const step = event.url.searchParams.get('step');
	const sent = survey.response?.state === 'submitted';
	const common = { survey, answers, easyRead, here, sent, held: survey.response?.held ?? [] };

	if (step === 'done') return { ...common, mode: 'done' as const };
	if (!survey.accepting) return { ...common, mode: 'closed' as const };
	if (qid) {
		const index = visible.findIndex((q) => q.id === qid);
		if (index < 0) redirect(303, `${base(id)}?step=check`);
		return {
			...common,
			mode: 'question' as const,
			question: visible[index]!,
			index,
			total: visible.length,
			back: index === 0 ? base(id) : `${base(id)}?q=${visible[index - 1]!.id}`
		};
	}
	if (step === 'check') {
		const missing = visible.filter((q) => q.required && isBlank(answers[q.id])).map((q) => q.id);
		return { ...common, mode: 'check' as const, visible, missing };
	}
	// The start: who reads the answers, and where to carry on from.
	const resume = sent ? null : (visible.find((q) => isBlank(answers[q.id])) ?? null);
	return { ...common, mode: 'intro' as const, visible, firstId: visible[0]?.id ?? null, resumeId: Object.keys(answers).length ? (resume?.id ?? 'check') : null };
};

function safeBack(event: RequestEvent, f: FormData) {
	const back = String(f.get('here') ?? '');
	return back.startsWith(base(event.params.id)) ? back : base(event.params.id);
}

export const actions: Actions = {
	/** Anyone with a link survey: choose a nickname, then start. */
	join: async (event) => {
		const f = await event.request.formData();
		const values = { displayName: String(f.get('displayName') ?? '').trim() };
		const r = await api<{ participantId: string }>(event, 'POST', `/public/surveys/${encodeURIComponent(event.params.id)}/join`, values);
		if (!r.ok) return formFail(r, values);
		redirect(303, base(event.params.id));
	},

	/** Easy read on or off, remembered on this device. */
	easy: async (event) => {
		const f = await event.request.formData();
		event.cookies.set(EASY_COOKIE, f.get('easy') === '1' ? '1' : '0', { path: '/', httpOnly: false, sameSite: 'lax', secure: false, maxAge: 60 * 60 * 24 * 365 });
		redirect(303, safeBack(event, f));
	},

	/** Save this screen's answer, then go on, go back, stop for now, or change a ranking. */
	save: async (event) => {
		const id = event.params.id;
		const f = await event.request.formData();
		const survey = await apiData<ParticipantSurvey>(event, `/my/surveys/${encodeURIComponent(id)}`);
		const qid = String(f.get('qid') ?? '');
		const q = survey.content.questions.find((x) => x.id === qid);
		if (!q) redirect(303, base(id));
		const answers: SurveyAnswers = { ...(survey.response?.answers ?? {}) };
		let value = answerFromForm(q, f);
		const rank = String(f.get('rank') ?? '');
		if (q.type === 'ranking' && rank) {
			const [op, optionId = ''] = rank.split(':');
			const order = Array.isArray(value) ? [...value] : [];
			const i = order.indexOf(optionId);
			if (op === 'add' && i < 0) order.push(optionId);
			else if (op === 'out' && i >= 0) order.splice(i, 1);
			else if (op === 'up' && i > 0) [order[i - 1], order[i]] = [order[i]!, order[i - 1]!];
			else if (op === 'down' && i >= 0 && i < order.length - 1) [order[i + 1], order[i]] = [order[i]!, order[i + 1]!];
			value = order.length ? order : undefined;
		}
		if (value === undefined) delete answers[qid];
		else answers[qid] = value;

		const r = await api<SavedResponse>(event, 'PUT', `/my/surveys/${encodeURIComponent(id)}/response`, { answers, submit: false });
		if (!r.ok) {
			const problem = r.error.fields?.[qid] ?? r.error.message;
			return fail(400, { qid, problem, typed: typeof value === 'string' ? value : null });
		}
		const go = String(f.get('go') ?? 'next');
		const visible = visibleQuestions(survey.content, r.data.answers);
		const at = visible.findIndex((x) => x.id === qid);
		let target: string;
		if (rank) target = `${base(id)}?q=${qid}`;
		else if (go === 'later') target = `/surveys?saved=${encodeURIComponent(id)}`;
		else if (go === 'back') target = at > 0 ? `${base(id)}?q=${visible[at - 1]!.id}` : base(id);
		else if (go === 'check') target = `${base(id)}?step=check`;
		else target = at >= 0 && at < visible.length - 1 ? `${base(id)}?q=${visible[at + 1]!.id}` : `${base(id)}?step=check`;
		// Something they wrote worried the filter: show where to get help before moving on.
		if (r.data.support) return { support: r.data.support, next: target, held: r.data.held.includes(qid) };
		redirect(303, target);
	},

	/** Send: the server checks the required answers. */
	send: async (event) => {
		const id = event.params.id;
		const survey = await apiData<ParticipantSurvey>(event, `/my/surveys/${encodeURIComponent(id)}`);
		const r = await api<SavedResponse>(event, 'PUT', `/my/surveys/${encodeURIComponent(id)}/response`, { answers: survey.response?.answers ?? {}, submit: true });
		if (!r.ok) {
			// Name each question that needs a look, so the summary says which one.
			const visible = visibleQuestions(survey.content, survey.response?.answers ?? {});
			const fields = Object.fromEntries(
				Object.entries(r.error.fields ?? {}).map(([qid, problem]) => {
					const i = visible.findIndex((q) => q.id === qid);
					return [qid, i >= 0 ? `Question ${i + 1}, “${visible[i]!.title}”: ${problem}` : problem];
				})
			);
			return formFail({ ok: false, error: { ...r.error, fields } }, {});
		}
		if (r.data.support) return { support: r.data.support, next: `${base(id)}?step=done`, held: false };
		redirect(303, `${base(id)}?step=done`);
	}
};
