import type { Models } from '../models/index.js';
import { oid, writeQueue } from './index.js';

export interface NewReview {
	key: string;
	orgId: string;
	hubId: string;
	groupId: string | null;
	queue: 'held' | 'reported';
	kind: string;
	ref: string;
	parentId: string | null;
	where: string;
	text: string;
	authorName: string | null;
	participantId: string | null;
	severity: string;
	categories: string[];
	createdAt: Date;
}

export function createReviewRepository({ Review }: Models) {
	const ids = (r: NewReview) => ({
		orgId: oid(r.orgId),
		hubId: oid(r.hubId),
		groupId: r.groupId ? oid(r.groupId) : null,
		participantId: r.participantId ? oid(r.participantId) : null
	});
	// Guarded and upserting writes one at a time (see writeQueue: the embedded database does not apply them atomically).
	const queued = writeQueue();
	return {
		/**
		 * Puts an item in a queue (or back in it, pending, if it was decided before and is held
		 * again, e.g. an answer changed to new text). Idempotent per key.
		 */
		upsertHeld: (r: NewReview) =>
			queued(() =>
				Review.findOneAndUpdate(
					{ key: r.key },
					{
						$set: { ...r, ...ids(r), status: 'pending', decidedAt: null, decidedBy: null, decidedByName: null, decisionReason: null },
						$setOnInsert: { reports: [] }
					},
					{ upsert: true, returnDocument: 'after' }
				).lean()
			),

		/** A report adds to the reported queue; several reports of one message stay one item. */
		addReport: (r: NewReview, report: { by: string; reason: string; note: string | null; at: Date }) =>
			queued(() =>
				Review.findOneAndUpdate(
					{ key: r.key },
					{
						$setOnInsert: { ...r, ...ids(r), status: 'pending' },
						$push: { reports: { ...report, by: oid(report.by) } }
					},
					{ upsert: true, returnDocument: 'after' }
				).lean()
			),
		/** A report re-opens a decided report item. */
		reopen: (key: string) =>
			queued(() => Review.updateOne({ key, status: { $ne: 'pending' } }, { $set: { status: 'pending', decidedAt: null, decidedBy: null, decidedByName: null, decisionReason: null } })),
		findById: (id: string) => Review.findById(oid(id)).lean(),
		findByKey: (key: string) => Review.findOne({ key }).lean(),

		list: (orgId: string, hubIds: string[] | null, q: { queue: 'held' | 'reported' | 'decided'; hubId?: string; groupId?: string; category?: string; severity?: string; limit: number }) => {
			const filter: Record<string, unknown> = { orgId: oid(orgId) };
			if (hubIds) filter.hubId = { $in: hubIds.map(oid) };
			if (q.hubId) filter.hubId = hubIds && !hubIds.includes(q.hubId) ? { $in: [] } : oid(q.hubId);
			if (q.groupId) filter.groupId = oid(q.groupId);
			if (q.category) filter.categories = q.category;
			if (q.severity) filter.severity = q.severity;
			if (q.queue === 'decided') filter.status = { $in: ['approved', 'rejected'] };
			else Object.assign(filter, { queue: q.queue, status: 'pending' });
			return Review.find(filter)
				.sort(q.queue === 'decided' ? { decidedAt: -1 } : { createdAt: 1 })
				.limit(q.limit)
				.lean();
		},
		countPending: (orgId: string, hubIds: string[] | null) =>
			Review.find({ orgId: oid(orgId), status: 'pending', ...(hubIds ? { hubId: { $in: hubIds.map(oid) } } : {}) }, { queue: 1 }).lean(),

		/** Decide once: only a pending item changes (two moderators cannot both decide). */
		decide: (id: string, d: { status: 'approved' | 'rejected'; at: Date; by: string; byName: string; reason: string | null }) =>
			queued(() =>
				Review.findOneAndUpdate(
					{ _id: oid(id), status: 'pending' },
					{ $set: { status: d.status, decidedAt: d.at, decidedBy: oid(d.by), decidedByName: d.byName, decisionReason: d.reason } },
					{ returnDocument: 'after' }
				).lean()
			),
		/** The item changed under the queue (e.g. an answer replaced): its pending reviews no longer apply. */
		supersede: (kind: string, ref: string) => queued(() => Review.updateMany({ kind, ref, status: 'pending', queue: 'held' }, { $set: { status: 'superseded' } })),
		/** A young person's recent items in a group, for a moderator's context. */
		recentByParticipant: (participantId: string, limit = 10) =>
			Review.find({ participantId: oid(participantId) }).sort({ createdAt: -1 }).limit(limit).lean(),
		deleteByRefs: (kind: string, refs: string[]) => Review.deleteMany({ kind, ref: { $in: refs } })
	};
}
export type ReviewRepository = ReturnType<typeof createReviewRepository>;
