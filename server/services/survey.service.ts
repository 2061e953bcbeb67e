/**
 * Surveys: staff build them (from scratch or a template), open and close them; young people
 * answer, save to finish later, and send. Free-text answers go through the safeguarding filter
 * like everything else young people write. Results are always recomputed from the responses.
 */
import { createHmac } from 'node:crypto';
import {
	surveyContent,
	type CreateSurveyBody,
	type ParticipantIdentity,
	type ParticipantSurvey,
	type SaveResponseBody,
	type Survey,
	type SurveyAnswers,
	type SurveyAudience,
	type SurveyContent,
	type SurveyResults,
	type SurveyResultsQuery,
	type SurveySummary,
	type UpdateSurveyBody
} from '../../contracts/index.js';
import { assertScope, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import { AppError } from '../errors.js';
import type { ContentModerator, ContentVerdict } from '../moderation.js';
import type { SurveyDoc } from '../models/index.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';
import type { EscalationService } from './escalation.service.js';
import type { ReviewService } from './review.service.js';
import { aggregate, answerInWords, checkContent, checkResponse, isTextQuestion, orderedQuestions, visibleQuestions } from './survey-logic.js';
import { surveyTemplates } from './survey-templates.js';

type ResponseRow = NonNullable<Awaited<ReturnType<Repositories['surveys']['findResponseById']>>>;

function audienceOf(s: SurveyDoc): SurveyAudience {
	if (s.audience === 'group') return { kind: 'group', groupId: String(s.groupId) };
	return { kind: s.audience as 'hub' | 'link', hubId: String(s.hubId) };
}

export function createSurveyService(deps: {
	repos: Repositories;
	audit: AuditService;
	now: () => Date;
	moderator: ContentModerator | null;
	escalations: EscalationService;
	reviews: ReviewService;
	keySecret: () => Promise<string>;
}) {
	const { repos, audit, now, escalations, reviews } = deps;

	const contentOf = (s: SurveyDoc): SurveyContent => surveyContent.parse(s.content);
	const accepting = (s: SurveyDoc) => {
		const t = now().getTime();
		return s.state === 'open' && (!s.opensAt || s.opensAt.getTime() <= t) && (!s.closesAt || s.closesAt.getTime() > t);
	};
	const summary = async (s: SurveyDoc): Promise<SurveySummary> => ({
		id: String(s._id),
		hubId: String(s.hubId),
		audience: audienceOf(s),
		title: s.title,
		anonymous: s.anonymous ?? true,
		state: s.state as Survey['state'],
		accepting: accepting(s),
		opensAt: s.opensAt ? s.opensAt.toISOString() : null,
		closesAt: s.closesAt ? s.closesAt.toISOString() : null,
		template: s.template ?? null,
		createdAt: s.createdAt.toISOString(),
		responses: await repos.surveys.countResponses(String(s._id))
	});
	const full = async (s: SurveyDoc): Promise<Survey> => ({ ...(await summary(s)), content: contentOf(s) });

	async function load(actor: Actor, id: string) {
		const s = await repos.surveys.findById(id);
		if (!s) throw new AppError('NOT_FOUND');
		assertScope(actor, { orgId: String(s.orgId), hubId: String(s.hubId) });
		return s;
	}

	/** Where the audience lives, checked against what the staff member may see. */
	async function placeAudience(actor: Actor, audience: SurveyAudience) {
		const user = staffOf(actor);
		if (audience.kind === 'group') {
			const g = await repos.org.findGroup(audience.groupId);
			if (!g || String(g.orgId) !== user.orgId) throw new AppError('VALIDATION_FAILED', 'That group does not exist.', { fields: { 'audience.groupId': 'Unknown group.' } });
			assertScope(actor, { orgId: user.orgId, hubId: String(g.hubId) });
			return { hubId: String(g.hubId), groupId: audience.groupId };
		}
		const h = await repos.org.findHub(audience.hubId);
		if (!h || String(h.orgId) !== user.orgId) throw new AppError('VALIDATION_FAILED', 'That hub does not exist.', { fields: { 'audience.hubId': 'Unknown hub.' } });
		assertScope(actor, { orgId: user.orgId, hubId: audience.hubId });
		return { hubId: audience.hubId, groupId: null };
	}

	function checked(content: SurveyContent) {
		const problems = checkContent(content);
		if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', 'Some questions need fixing.', { fields: Object.fromEntries(Object.entries(problems).map(([k, v]) => [`content.${k}`, v])) });
		return content;
	}

	function dates(opensAt: string | null | undefined, closesAt: string | null | undefined) {
		const o = opensAt ? new Date(opensAt) : null;
		const c = closesAt ? new Date(closesAt) : null;
		if (o && c && c <= o) throw new AppError('VALIDATION_FAILED', 'The closing date must be after the opening date.', { fields: { closesAt: 'Must be after the opening date.' } });
		return { opensAt: o, closesAt: c };
	}

	const respondentKey = async (surveyId: string, participantId: string) =>
		createHmac('sha256', await deps.keySecret()).update(`survey:${surveyId}:${participantId}`).digest('base64url');

	/** A young person may answer a survey for their group, their hub, or their hub's link surveys. */
	async function loadForParticipant(participant: ParticipantIdentity, id: string) {
		const s = await repos.surveys.findById(id);
		if (!s || s.state === 'draft' || String(s.hubId) !== participant.hubId) throw new AppError('NOT_FOUND');
		if (s.audience === 'group' && String(s.groupId) !== participant.groupId) throw new AppError('NOT_FOUND');
		return s;
	}

	const heldOf = (r: ResponseRow) => Object.entries((r.textStatus ?? {}) as Record<string, string>).filter(([, v]) => v === 'held').map(([k]) => k);

	async function moderate(text: string, orgId: string): Promise<ContentVerdict> {
		if (!deps.moderator) return { action: 'allow', escalate: false, severity: 'none', categories: [], reasons: [] };
		return deps.moderator.check(text, 'survey-comment', orgId);
	}

	reviews.registerKind('survey-answer', {
		labels: { held: { approve: 'Approve: include it', reject: 'Keep it out' }, reported: { approve: 'Keep it', reject: 'Hide it' } },
		async decide({ ref }, decision, actor) {
			const [responseId, questionId] = ref.split(':');
			if (!responseId || !questionId) return;
			const r = await repos.surveys.setTextStatus(responseId, questionId, decision === 'approve' ? 'visible' : 'hidden');
			if (r) await audit.record(actor, decision === 'approve' ? 'survey.answer-approve' : 'survey.answer-hide', { type: 'survey', id: String(r.surveyId), hubId: String(r.hubId) }, { questionId });
		}
	});

	return {
		templates: () => surveyTemplates,

		async list(actor: Actor): Promise<SurveySummary[]> {
			const user = staffOf(actor);
			return Promise.all((await repos.surveys.list(user.orgId, hubFilter(actor))).map((s) => summary(s)));
		},

		get: async (actor: Actor, id: string) => full(await load(actor, id)),

		async create(actor: Actor, body: CreateSurveyBody): Promise<Survey> {
			const user = staffOf(actor);
			let content: SurveyContent;
			const t = body.template !== undefined ? surveyTemplates.find((x) => x.id === body.template) : undefined;
			if (body.template !== undefined && !t) throw new AppError('VALIDATION_FAILED', 'There is no template with that name.', { fields: { template: 'Unknown template.' } });
			if (body.content) content = body.content;
			else content = structuredClone(t!.content);
			const place = await placeAudience(actor, body.audience);
			const s = await repos.surveys.create({
				orgId: user.orgId,
				...place,
				audience: body.audience.kind,
				title: content.title,
				content: checked(content),
				anonymous: body.anonymous,
				...dates(body.opensAt, body.closesAt),
				template: body.template ?? null,
				createdBy: user.id
			});
			await audit.record(actor, 'survey.create', { type: 'survey', id: String(s._id), hubId: place.hubId }, { template: body.template ?? null });
			return full(s as SurveyDoc);
		},

		async update(actor: Actor, id: string, body: UpdateSurveyBody): Promise<Survey> {
			const s = await load(actor, id);
			if (s.state !== 'draft') throw new AppError('CONFLICT', 'Questions can only change before the survey opens. Make a copy to change an open survey.');
			const place = body.audience ? await placeAudience(actor, body.audience) : null;
			const d = body.opensAt !== undefined || body.closesAt !== undefined ? dates(body.opensAt ?? (s.opensAt?.toISOString() ?? null), body.closesAt ?? (s.closesAt?.toISOString() ?? null)) : {};
			const next = await repos.surveys.updateDraft(id, {
				...(body.content ? { content: checked(body.content), title: body.content.title } : {}),
				...(place ? { ...place, audience: body.audience!.kind } : {}),
				...(body.anonymous !== undefined ? { anonymous: body.anonymous } : {}),
				...d
			});
			if (!next) throw new AppError('CONFLICT', 'The survey opened while you were editing it.');
			await audit.record(actor, 'survey.update', { type: 'survey', id, hubId: String(next.hubId) });
			return full(next as SurveyDoc);
		},

		async open(actor: Actor, id: string): Promise<Survey> {
			const s = await load(actor, id);
			const next = await repos.surveys.setState(id, ['draft', 'closed'], { state: 'open', openedAt: now(), closedAt: null, ...(s.closesAt && s.closesAt <= now() ? { closesAt: null } : {}) });
			if (!next) throw new AppError('CONFLICT', 'This survey is already open.');
			await audit.record(actor, 'survey.open', { type: 'survey', id, hubId: String(s.hubId) }, { before: s.state, after: 'open' });
			return full(next as SurveyDoc);
		},

		async close(actor: Actor, id: string): Promise<Survey> {
			const s = await load(actor, id);
			const next = await repos.surveys.setState(id, ['open'], { state: 'closed', closedAt: now() });
			if (!next) throw new AppError('CONFLICT', 'This survey is not open.');
			await audit.record(actor, 'survey.close', { type: 'survey', id, hubId: String(s.hubId) }, { before: 'open', after: 'closed' });
			return full(next as SurveyDoc);
		},

		/** What someone opening a link-survey sees before choosing a nickname (no answers, no names). */
		async linkInfo(id: string) {
			const s = await repos.surveys.findById(id);
			if (!s || s.state === 'draft') throw new AppError('NOT_FOUND');
			const content = contentOf(s as SurveyDoc);
			return {
				id,
				title: s.title,
				intro: content.intro,
				whoReads: content.whoReads,
				audience: s.audience as 'group' | 'hub' | 'link',
				anonymous: s.anonymous ?? true,
				accepting: accepting(s as SurveyDoc),
				closesAt: s.closesAt ? s.closesAt.toISOString() : null,
				orgId: String(s.orgId),
				hubId: String(s.hubId)
			};
		},

		async listForParticipant(participant: ParticipantIdentity) {
			const rows = await repos.surveys.listForParticipant(participant.hubId, participant.groupId);
			return Promise.all(
				rows.map(async (s) => {
					const r = await repos.surveys.findResponse(String(s._id), await respondentKey(String(s._id), participant.id));
					return { id: String(s._id), title: s.title, accepting: accepting(s), closesAt: s.closesAt ? s.closesAt.toISOString() : null, mine: r ? (r.state as 'draft' | 'submitted') : null };
				})
			);
		},

		async forParticipant(participant: ParticipantIdentity, id: string): Promise<ParticipantSurvey> {
			const s = (await loadForParticipant(participant, id)) as SurveyDoc;
			const r = await repos.surveys.findResponse(id, await respondentKey(id, participant.id));
			return {
				id,
				title: s.title,
				content: contentOf(s),
				anonymous: s.anonymous ?? true,
				accepting: accepting(s),
				closesAt: s.closesAt ? s.closesAt.toISOString() : null,
				response: r ? { state: r.state as 'draft' | 'submitted', answers: (r.answers ?? {}) as SurveyAnswers, held: heldOf(r) } : null
			};
		},

		/**
		 * Save (to finish later) or send a response. One response per young person per survey,
		 * editable until the survey closes. Free text is checked by the safeguarding filter: held
		 * answers wait for a moderator; a concern is raised at once (even in anonymous surveys) and
		 * the young person is shown where to get help.
		 */
		async saveResponse(participant: ParticipantIdentity, id: string, body: SaveResponseBody) {
			const s = (await loadForParticipant(participant, id)) as SurveyDoc;
			if (!accepting(s)) throw new AppError('POLL_CLOSED', s.state === 'closed' || (s.closesAt && s.closesAt <= now()) ? 'This survey has closed, so answers can’t be changed.' : 'This survey is not open yet.');
			const content = contentOf(s);
			const { answers, problems } = checkResponse(content, body.answers, { final: body.submit });
			if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', body.submit ? 'Some answers need a look before you send.' : 'Some answers need a look.', { fields: problems });
			const named = !(s.anonymous ?? true);
			const row = await repos.surveys.ensureResponse({
				surveyId: id,
				respondentKey: await respondentKey(id, participant.id),
				orgId: participant.orgId,
				hubId: participant.hubId,
				groupId: participant.groupId,
				participantId: named ? participant.id : null,
				displayName: named ? participant.displayName : null
			});
			const previous = (row.answers ?? {}) as SurveyAnswers;
			const status = { ...((row.textStatus ?? {}) as Record<string, string>) };
			const byId = new Map(content.questions.map((q) => [q.id, q]));
			let support: ContentVerdict['support'];
			const checks: { qid: string; text: string; verdict: ContentVerdict }[] = [];
			for (const [qid, value] of Object.entries(answers)) {
				const q = byId.get(qid)!;
				if (!isTextQuestion(q)) continue;
				// Unchanged text keeps its earlier decision; new text is checked.
				if (previous[qid] === value && status[qid]) continue;
				const verdict = await moderate(String(value), participant.orgId);
				status[qid] = verdict.action === 'allow' ? 'visible' : 'held';
				checks.push({ qid, text: String(value), verdict });
				support ??= verdict.support;
			}
			for (const qid of Object.keys(status)) if (!(qid in answers)) delete status[qid];
			const saved = await repos.surveys.saveResponse(String(row._id), {
				answers,
				textStatus: status,
				state: body.submit || row.state === 'submitted' ? 'submitted' : 'draft',
				submittedDay: body.submit || row.state === 'submitted' ? (row.submittedDay ?? now().toISOString().slice(0, 10)) : null
			});
			// Who took part, for participation reports (the day only, never what they answered).
			if (body.submit) await repos.ballots.recordParticipation({ pollId: id, kind: 'survey', participantId: participant.id, orgId: participant.orgId, hubId: participant.hubId, day: now().toISOString().slice(0, 10) });
			const where = `Survey: ${s.title}`;
			for (const c of checks) {
				const ref = `${String(row._id)}:${c.qid}`;
				if (c.verdict.escalate)
					await escalations.raise({
						orgId: participant.orgId,
						hubId: participant.hubId,
						groupId: participant.groupId,
						source: 'survey-answer',
						sourceRef: `${ref}:${saved!.changes}`,
						where,
						text: c.text,
						// Safeguarding comes before anonymity: the lead must be able to reach a child at risk.
						authorName: participant.displayName,
						participantId: participant.id,
						verdict: c.verdict
					});
				if (c.verdict.action !== 'allow')
					await reviews.hold({
						kind: 'survey-answer',
						ref,
						parentId: id,
						orgId: participant.orgId,
						hubId: participant.hubId,
						groupId: participant.groupId,
						where,
						text: c.text,
						authorName: named ? participant.displayName : null,
						participantId: named ? participant.id : null,
						severity: c.verdict.severity,
						categories: c.verdict.categories
					});
				else await reviews.supersede('survey-answer', ref, participant.hubId);
			}
			return {
				state: saved!.state as 'draft' | 'submitted',
				answers: (saved!.answers ?? {}) as SurveyAnswers,
				held: heldOf(saved as ResponseRow),
				...(support ? { support } : {})
			};
		},

		/** Results per question from submitted responses, with filters and the response rate. */
		async results(actor: Actor, id: string, q: SurveyResultsQuery = {}): Promise<SurveyResults> {
			const s = (await load(actor, id)) as SurveyDoc;
			const content = contentOf(s);
			const rows = (await repos.surveys.listSubmitted(id)).filter(
				(r) =>
					(!q.hubId || String(r.hubId) === q.hubId) &&
					(!q.groupId || String(r.groupId) === q.groupId) &&
					(!q.from || (r.submittedDay ?? '') >= q.from) &&
					(!q.to || (r.submittedDay ?? '') <= q.to)
			);
			// Only checked free text counts; held and hidden answers are listed for staff with their status.
			const countable = rows.map((r) => {
				const st = (r.textStatus ?? {}) as Record<string, string>;
				return Object.fromEntries(Object.entries((r.answers ?? {}) as SurveyAnswers).filter(([k]) => !st[k] || st[k] === 'visible'));
			});
			const agg = aggregate(content, countable);
			const audienceSize = await repos.surveys.audienceSize(String(s.hubId), s.audience === 'group' ? String(s.groupId) : null);
			return {
				surveyId: id,
				title: s.title,
				responses: rows.length,
				audienceSize,
				responseRate: s.audience === 'link' || audienceSize === 0 ? null : Math.round((rows.length / audienceSize) * 1000) / 1000,
				questions: agg.map((a) => ({
					...a,
					textAnswers: isTextQuestion({ type: a.type })
						? rows
								.filter((r) => typeof (r.answers as SurveyAnswers | undefined)?.[a.questionId] === 'string')
								.map((r) => ({
									text: String((r.answers as SurveyAnswers)[a.questionId]),
									status: (((r.textStatus ?? {}) as Record<string, string>)[a.questionId] ?? 'visible') as 'visible' | 'held' | 'hidden'
								}))
						: []
				}))
			};
		},

		/** One row per submitted response (answers in words), shuffled; names only on identified surveys. */
		async exportRows(actor: Actor, id: string) {
			const s = (await load(actor, id)) as SurveyDoc;
			const content = contentOf(s);
			const questions = orderedQuestions(content);
			const named = !(s.anonymous ?? true);
			const rows = (await repos.surveys.listSubmitted(id)).map((r) => {
				const answers = (r.answers ?? {}) as SurveyAnswers;
				const st = (r.textStatus ?? {}) as Record<string, string>;
				const shown = new Set(visibleQuestions(content, answers).map((q) => q.id));
				return {
					...(named ? { name: r.displayName ?? '' } : {}),
					...Object.fromEntries(
						questions.map((q) => [q.id, !shown.has(q.id) ? '' : isTextQuestion(q) && st[q.id] && st[q.id] !== 'visible' ? `(${st[q.id]})` : answerInWords(q, answers[q.id])])
					)
				} as Record<string, string>;
			});
			for (let i = rows.length - 1; i > 0; i--) {
				const j = Math.floor(Math.random() * (i + 1));
				[rows[i], rows[j]] = [rows[j]!, rows[i]!];
			}
			await audit.record(actor, 'survey.export', { type: 'survey', id, hubId: String(s.hubId) }, { rows: rows.length });
			return { survey: await summary(s), questions: questions.map((q) => ({ id: q.id, title: q.title })), named, rows };
		}
	};
}
export type SurveyService = ReturnType<typeof createSurveyService>;
