/**
 * "You said, we did" (what changed because young people spoke up) and the participation report
 * (who took part, by hub and month, for committees). Reports are counts only; numbers under 5
 * are hidden so no child can be identified.
 */
import type {
	FeedbackBody,
	FeedbackPost,
	ParticipantIdentity,
	ParticipationQuery,
	ParticipationReport,
	ParticipationRow,
	UpdateFeedbackBody
} from '../../contracts/index.js';
import { assertScope, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import { AppError } from '../errors.js';
import type { FeedbackPostDoc } from '../models/index.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';
import { SMALL_NUMBER, suppress } from './survey-logic.js';

const monthOf = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 7) : d.toISOString().slice(0, 7));

export function monthsBetween(from: string, to: string): string[] {
	const out: string[] = [];
	let [y, m] = from.split('-').map(Number) as [number, number];
	const [ty, tm] = to.split('-').map(Number) as [number, number];
	while ((y < ty || (y === ty && m <= tm)) && out.length < 120) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		m++;
		if (m > 12) {
			m = 1;
			y++;
		}
	}
	return out;
}

export function createReportService(deps: { repos: Repositories; audit: AuditService; now: () => Date }) {
	const { repos, audit, now } = deps;

	async function toPost(f: FeedbackPostDoc): Promise<FeedbackPost> {
		const hub = await repos.org.findHub(String(f.hubId));
		const group = f.groupId ? await repos.org.findGroup(String(f.groupId)) : null;
		let source: FeedbackPost['source'] = null;
		if (f.sourceKind && f.sourceId) {
			const doc = f.sourceKind === 'poll' ? await repos.polls.findById(String(f.sourceId)) : await repos.surveys.findById(String(f.sourceId));
			source = { kind: f.sourceKind as 'poll' | 'survey', id: String(f.sourceId), title: doc?.title ?? '(deleted)' };
		}
		return {
			id: String(f._id),
			hubId: String(f.hubId),
			hubName: hub?.name ?? '',
			groupId: f.groupId ? String(f.groupId) : null,
			groupName: group?.name ?? null,
			source,
			youSaid: f.youSaid,
			weDid: f.weDid,
			status: f.status as FeedbackPost['status'],
			createdAt: f.createdAt.toISOString(),
			updatedAt: f.updatedAt.toISOString()
		};
	}

	/** The hub, group and linked poll or survey must all be ones this staff member can see. */
	async function checkPlace(actor: Actor, b: { hubId: string; groupId: string | null; source: { kind: 'poll' | 'survey'; id: string } | null }) {
		const user = staffOf(actor);
		const hub = await repos.org.findHub(b.hubId);
		if (!hub || String(hub.orgId) !== user.orgId) throw new AppError('VALIDATION_FAILED', 'That hub does not exist.', { fields: { hubId: 'Unknown hub.' } });
		assertScope(actor, { orgId: user.orgId, hubId: b.hubId });
		if (b.groupId) {
			const g = await repos.org.findGroup(b.groupId);
			if (!g || String(g.hubId) !== b.hubId) throw new AppError('VALIDATION_FAILED', 'That group is not in this hub.', { fields: { groupId: 'Not in this hub.' } });
		}
		if (b.source) {
			const doc = b.source.kind === 'poll' ? await repos.polls.findById(b.source.id) : await repos.surveys.findById(b.source.id);
			if (!doc || String(doc.orgId) !== user.orgId) throw new AppError('VALIDATION_FAILED', 'That poll or survey does not exist.', { fields: { source: 'Unknown poll or survey.' } });
			assertScope(actor, { orgId: user.orgId, hubId: String(doc.hubId) });
		}
	}

	async function loadPost(actor: Actor, id: string) {
		const f = await repos.reports.findFeedback(id);
		if (!f) throw new AppError('NOT_FOUND');
		assertScope(actor, { orgId: String(f.orgId), hubId: String(f.hubId) });
		return f as FeedbackPostDoc;
	}

	return {
		async listFeedback(actor: Actor): Promise<FeedbackPost[]> {
			const user = staffOf(actor);
			return Promise.all((await repos.reports.listFeedback(user.orgId, hubFilter(actor))).map(toPost));
		},

		/** A young person's board: their group's and their hub's. */
		async feedbackFor(participant: ParticipantIdentity): Promise<FeedbackPost[]> {
			return Promise.all((await repos.reports.listFeedbackFor(participant.hubId, participant.groupId)).map(toPost));
		},

		async createFeedback(actor: Actor, body: FeedbackBody): Promise<FeedbackPost> {
			const user = staffOf(actor);
			await checkPlace(actor, body);
			const f = await repos.reports.createFeedback(
				{ orgId: user.orgId, hubId: body.hubId, groupId: body.groupId, sourceKind: body.source?.kind ?? null, sourceId: body.source?.id ?? null, youSaid: body.youSaid, weDid: body.weDid, status: body.status, createdBy: user.id },
				now()
			);
			await audit.record(actor, 'feedback.create', { type: 'feedback', id: String(f._id), hubId: body.hubId }, { status: body.status, source: body.source?.kind ?? null });
			return toPost(f);
		},

		async updateFeedback(actor: Actor, id: string, body: UpdateFeedbackBody): Promise<FeedbackPost> {
			const before = await loadPost(actor, id);
			const merged = {
				hubId: body.hubId ?? String(before.hubId),
				groupId: body.groupId !== undefined ? body.groupId : before.groupId ? String(before.groupId) : null,
				source: body.source !== undefined ? body.source : before.sourceKind && before.sourceId ? { kind: before.sourceKind as 'poll' | 'survey', id: String(before.sourceId) } : null
			};
			await checkPlace(actor, merged);
			const next = await repos.reports.updateFeedback(id, {
				hubId: merged.hubId,
				groupId: merged.groupId,
				sourceKind: merged.source?.kind ?? null,
				sourceId: merged.source?.id ?? null,
				...(body.youSaid ? { youSaid: body.youSaid } : {}),
				...(body.weDid ? { weDid: body.weDid } : {}),
				...(body.status ? { status: body.status } : {}),
				updatedAt: now()
			});
			await audit.record(actor, 'feedback.update', { type: 'feedback', id, hubId: merged.hubId }, { before: before.status, after: body.status ?? before.status });
			return toPost(next as FeedbackPostDoc);
		},

		async deleteFeedback(actor: Actor, id: string) {
			const f = await loadPost(actor, id);
			await repos.reports.deleteFeedback(id);
			await audit.record(actor, 'feedback.delete', { type: 'feedback', id, hubId: String(f.hubId) });
		},

		/** Closed polls and surveys with no "You said, we did" yet: young people are waiting to hear. */
		async awaitingFeedback(actor: Actor) {
			const user = staffOf(actor);
			const polls = await repos.reports.closedPolls(user.orgId, hubFilter(actor));
			const surveys = await repos.reports.closedSurveys(user.orgId, hubFilter(actor));
			const answered = await repos.reports.sourcesWithFeedback([...polls, ...surveys].map((x) => String(x._id)));
			return [
				...polls.map((p) => ({ kind: 'poll' as const, id: String(p._id), title: p.title, hubId: String(p.hubId), closedAt: p.closedAt ? p.closedAt.toISOString() : null })),
				...surveys.map((s) => ({ kind: 'survey' as const, id: String(s._id), title: s.title, hubId: String(s.hubId), closedAt: s.closedAt ? s.closedAt.toISOString() : null }))
			]
				.filter((x) => !answered.has(x.id))
				.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
		},

		/**
		 * Participation by hub and month. A young person is "engaged" in a month when they joined a
		 * session or group, answered a poll or sent a survey that month; "repeat" when they took
		 * part on two or more different days that month.
		 */
		async participation(actor: Actor, q: ParticipationQuery): Promise<ParticipationReport> {
			const user = staffOf(actor);
			const t = now();
			const to = q.to ?? monthOf(t);
			const from = q.from ?? monthsBetween(`${Number(to.slice(0, 4)) - 1}-${to.slice(5)}`, to)[1]!;
			if (from > to) throw new AppError('VALIDATION_FAILED', 'The start month must be before the end month.', { fields: { from: 'After the end month.' } });
			const months = monthsBetween(from, to);
			const start = new Date(`${from}-01T00:00:00Z`);
			const [ey, em] = to.split('-').map(Number) as [number, number];
			const end = new Date(Date.UTC(ey, em, 1));
			let hubIds = hubFilter(actor);
			if (q.hubId) {
				assertScope(actor, { orgId: user.orgId, hubId: q.hubId });
				hubIds = [q.hubId];
			}
			const hubs = await repos.org.listHubs(user.orgId, hubIds ?? undefined);
			const [parts, joins, sessions, polls, surveys] = await Promise.all([
				repos.reports.participations(user.orgId, hubIds, `${from}-01`, `${to}-31`),
				repos.reports.joins(user.orgId, hubIds, start, end),
				repos.reports.sessions(user.orgId, hubIds, start, end),
				repos.reports.pollsOpened(user.orgId, hubIds, start, end),
				repos.reports.surveysOpened(user.orgId, hubIds, start, end)
			]);
			type Cell = { people: Map<string, Set<string>>; sessions: number; polls: number; surveys: number; pollAnswers: number; surveyResponses: number; audience: number };
			const cells = new Map<string, Cell>();
			const cell = (hubId: string, month: string) => {
				const k = `${hubId}|${month}`;
				if (!cells.has(k)) cells.set(k, { people: new Map(), sessions: 0, polls: 0, surveys: 0, pollAnswers: 0, surveyResponses: 0, audience: 0 });
				return cells.get(k)!;
			};
			const seen = (c: Cell, who: string, day: string) => {
				if (!c.people.has(who)) c.people.set(who, new Set());
				c.people.get(who)!.add(day);
			};
			for (const p of parts) {
				const c = cell(String(p.hubId), p.day.slice(0, 7));
				seen(c, String(p.participantId), p.day);
				if (p.kind === 'survey') c.surveyResponses++;
				else c.pollAnswers++;
			}
			for (const j of joins) seen(cell(String(j.hubId), monthOf(j.createdAt)), String(j._id), j.createdAt.toISOString().slice(0, 10));
			for (const s of sessions) cell(String(s.hubId), monthOf(s.createdAt)).sessions++;
			for (const p of polls) cell(String(p.hubId), monthOf(p.openedAt!)).polls++;
			for (const s of surveys) {
				const c = cell(String(s.hubId), monthOf(s.openedAt!));
				c.surveys++;
				if (s.audience !== 'link') c.audience += await repos.surveys.audienceSize(String(s.hubId), s.audience === 'group' ? String(s.groupId) : null);
			}
			const rate = (responses: number, audience: number) => (audience > 0 && responses >= SMALL_NUMBER ? Math.round((responses / audience) * 1000) / 1000 : null);
			const rows: ParticipationRow[] = [];
			const total = { people: new Map<string, Set<string>>(), sessions: 0, polls: 0, surveys: 0, pollAnswers: 0, surveyResponses: 0, audience: 0 };
			for (const h of hubs)
				for (const m of months) {
					const c = cells.get(`${String(h._id)}|${m}`) ?? cell(String(h._id), m);
					const repeat = [...c.people.values()].filter((days) => days.size >= 2).length;
					rows.push({
						hubId: String(h._id),
						hubName: h.name,
						month: m,
						youngPeople: suppress(c.people.size),
						repeat: suppress(repeat),
						sessions: c.sessions,
						pollsRun: c.polls,
						surveysRun: c.surveys,
						pollAnswers: suppress(c.pollAnswers),
						surveyResponses: suppress(c.surveyResponses),
						surveyResponseRate: rate(c.surveyResponses, c.audience)
					});
					for (const [who, days] of c.people) {
						if (!total.people.has(who)) total.people.set(who, new Set());
						for (const d of days) total.people.get(who)!.add(d);
					}
					total.sessions += c.sessions;
					total.polls += c.polls;
					total.surveys += c.surveys;
					total.pollAnswers += c.pollAnswers;
					total.surveyResponses += c.surveyResponses;
					total.audience += c.audience;
				}
			await audit.record(actor, 'report.participation', null, { from, to, hubId: q.hubId ?? null });
			return {
				months,
				rows,
				totals: {
					youngPeople: suppress(total.people.size),
					repeat: suppress([...total.people.values()].filter((d) => d.size >= 2).length),
					sessions: total.sessions,
					pollsRun: total.polls,
					surveysRun: total.surveys,
					pollAnswers: suppress(total.pollAnswers),
					surveyResponses: suppress(total.surveyResponses),
					surveyResponseRate: rate(total.surveyResponses, total.audience)
				},
				smallNumber: SMALL_NUMBER
			};
		}
	};
}
export type ReportService = ReturnType<typeof createReportService>;
