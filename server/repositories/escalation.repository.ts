import type { EscalationDoc, Models } from '../models/index.js';
import type { EscalationQuery } from '../../contracts/index.js';
import { isDuplicateKey, oid, writeQueue } from './index.js';

export interface NewEscalation {
	orgId: string;
	hubId: string;
	groupId: string | null;
	source: string;
	sourceRef: string;
	where: string;
	text: string;
	authorName: string | null;
	participantId: string | null;
	reporterId?: string | null;
	reportNote?: string | null;
	severity: string;
	categories: string[];
	reasons: { stage: string; rule: string; category: string }[];
	action: string;
	escalate: boolean;
	context: { id: string; author: string; text: string; at: Date; subject?: boolean }[];
	createdAt: Date;
	ackDueAt: Date;
	nextNotifyAt: Date | null;
	history: { at: Date; by: null; byName: string; action: string }[];
}

export interface HistoryWrite {
	at: Date;
	by: string | null;
	byName: string;
	action: string;
	from?: string | null;
	to?: string | null;
	note?: string | null;
}

const SEVERITY_RANK: Record<string, number> = { urgent: 0, high: 1, medium: 2, low: 3, none: 4 };

export function createEscalationRepository({ Escalation }: Models) {
	const queued = writeQueue();
	return {
		/** Idempotent per source item: a retried message never raises the same concern twice. */
		async create(e: NewEscalation): Promise<{ doc: EscalationDoc; created: boolean }> {
			try {
				const doc = await Escalation.create({
					...e,
					orgId: oid(e.orgId),
					hubId: oid(e.hubId),
					groupId: e.groupId ? oid(e.groupId) : null,
					participantId: e.participantId ? oid(e.participantId) : null,
					reporterId: e.reporterId ? oid(e.reporterId) : null
				});
				return { doc: doc.toObject() as EscalationDoc, created: true };
			} catch (err) {
				if (!isDuplicateKey(err)) throw err;
				const doc = await Escalation.findOne({ source: e.source, sourceRef: e.sourceRef }).lean();
				return { doc: doc as EscalationDoc, created: false };
			}
		},
		findById: (id: string) => Escalation.findById(oid(id)).lean(),
		findBySource: (source: string, sourceRef: string) => Escalation.findOne({ source, sourceRef }).lean(),

		async list(orgId: string, hubIds: string[] | null, q: EscalationQuery & { userId?: string }) {
			const filter: Record<string, unknown> = { orgId: oid(orgId) };
			if (hubIds) filter.hubId = { $in: hubIds.map(oid) };
			if (q.hubId) filter.hubId = hubIds && !hubIds.includes(q.hubId) ? { $in: [] } : oid(q.hubId);
			if (q.groupId) filter.groupId = oid(q.groupId);
			if (q.category) filter.categories = q.category;
			if (q.severity) filter.severity = q.severity;
			if (q.status) filter.status = q.status;
			else if (q.queue === 'active') filter.status = { $in: ['open', 'acknowledged', 'actioned'] };
			else if (q.queue === 'closed') filter.status = 'closed';
			if (q.assignee === 'none') filter.assigneeId = null;
			else if (q.assignee === 'me' && q.userId) filter.assigneeId = oid(q.userId);
			else if (q.assignee && q.assignee !== 'me') filter.assigneeId = oid(q.assignee);
			const projection: Record<string, 0> = { history: 0, notes: 0, context: 0 };
			if (q.queue === 'closed') return (await Escalation.find(filter, projection).sort({ closedAt: -1 }).limit(q.limit).lean()) as EscalationDoc[];
			// Active queue: most severe first, then oldest first (the longest wait at the top). The
			// oldest are read first, so a long queue never drops the most overdue items.
			const rows = (await Escalation.find(filter, projection).sort({ createdAt: 1 }).limit(Math.max(q.limit, 2000)).lean()) as EscalationDoc[];
			rows.sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.createdAt.getTime() - b.createdAt.getTime());
			return rows.slice(0, q.limit);
		},

		/** Escalations raised from these items (for linking queue items to their concern). */
		/** Escalations whose reference starts with any of these prefixes, in one query. */
		findBySourcePrefixes: (source: string, prefixes: string[]) =>
			Escalation.find({ source, sourceRef: { $regex: `^(?:${prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})` } }, { _id: 1, sourceRef: 1 })
				.sort({ createdAt: 1 })
				.lean(),
		findBySources: (source: string, refs: string[]) => Escalation.find({ source, sourceRef: { $in: refs } }, { _id: 1, sourceRef: 1 }).lean(),

		/** Everything in a time window, for the dashboard and exports (no text, context or history). */
		listForStats: (orgId: string, hubIds: string[] | null, since: Date) =>
			Escalation.find(
				{ orgId: oid(orgId), createdAt: { $gte: since }, ...(hubIds ? { hubId: { $in: hubIds.map(oid) } } : {}) },
				{ text: 0, context: 0, notes: 0, history: 0, authorName: 0, reportNote: 0 }
			)
				.sort({ createdAt: 1 })
				.lean(),

		countActive: (orgId: string, hubIds: string[] | null) =>
			Escalation.find(
				{ orgId: oid(orgId), status: { $in: ['open', 'acknowledged', 'actioned'] }, ...(hubIds ? { hubId: { $in: hubIds.map(oid) } } : {}) },
				{ severity: 1, status: 1, ackDueAt: 1 }
			).lean(),

		listForParticipant: (participantId: string, excludeId: string) =>
			Escalation.find({ participantId: oid(participantId), _id: { $ne: oid(excludeId) } }, { text: 0, context: 0, notes: 0, history: 0 })
				.sort({ createdAt: -1 })
				.limit(20)
				.lean(),

		/**
		 * One guarded change: applies only while the escalation is in one of `fromStatuses`
		 * (a single-document update, queued so two moderators cannot both acknowledge).
		 */
		update: (id: string, fromStatuses: string[] | null, set: Record<string, unknown>, history: HistoryWrite, note?: { at: Date; by: string; byName: string; text: string }) =>
			queued(() =>
				Escalation.findOneAndUpdate(
					{ _id: oid(id), ...(fromStatuses ? { status: { $in: fromStatuses } } : {}) },
					{
						...(Object.keys(set).length ? { $set: set } : {}),
						$push: { history: { ...history, by: history.by ? oid(history.by) : null }, ...(note ? { notes: { ...note, by: oid(note.by) } } : {}) }
					},
					{ returnDocument: 'after' }
				).lean()
			),

		/** Unacknowledged urgent/high items whose next out-of-app alert is due. */
		dueForNotify: (now: Date, limit = 50) =>
			Escalation.find({ status: 'open', nextNotifyAt: { $ne: null, $lte: now } }, { _id: 1, orgId: 1, hubId: 1, severity: 1, notifyRound: 1, createdAt: 1 })
				.limit(limit)
				.lean(),

		/** Moves the alert schedule on, only if nobody else did (multi-instance safe). */
		claimNotifyRound: (id: string, round: number, next: Date | null) =>
			queued(() =>
				Escalation.findOneAndUpdate({ _id: oid(id), notifyRound: round, status: 'open' }, { $set: { notifyRound: round + 1, nextNotifyAt: next } }, { returnDocument: 'after' }).lean()
			),

		/** Retention: ids of escalations still needing their source kept. */
		refsKeptSince: (source: string, since: Date) =>
			Escalation.find({ source, $or: [{ status: { $ne: 'closed' } }, { closedAt: { $gte: since } }] }, { sourceRef: 1 }).lean()
	};
}
export type EscalationRepository = ReturnType<typeof createEscalationRepository>;
