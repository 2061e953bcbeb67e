import type { Models } from '../models/index.js';
import { isDuplicateKey, oid, writeQueue } from './index.js';

export interface NewDelivery {
	_id: string;
	channel: 'webhook' | 'email';
	escalationId: string;
	orgId: string;
	payload: Record<string, unknown>;
	createdAt: Date;
}

export function createOutboxRepository({ Outbox }: Models) {
	// Claims and marks one at a time (see writeQueue: the embedded database does not apply them atomically).
	const queued = writeQueue();
	return {
		/** Idempotent by delivery id: enqueueing the same alert twice stores it once. */
		async enqueue(d: NewDelivery): Promise<boolean> {
			try {
				await Outbox.create({ ...d, escalationId: oid(d.escalationId), orgId: oid(d.orgId), nextAttemptAt: d.createdAt, status: 'pending' });
				return true;
			} catch (err) {
				if (isDuplicateKey(err)) return false;
				throw err;
			}
		},
		/** Takes one due delivery with a lease; if this process dies, the lease runs out and another takes it. */
		claim: (now: Date, leaseUntil: Date) =>
			queued(() =>
				Outbox.findOneAndUpdate(
					{ status: 'pending', nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
					{ $set: { leaseUntil }, $inc: { attempts: 1 } },
					{ returnDocument: 'after', sort: { nextAttemptAt: 1 } }
				).lean()
			),
		markSent: (id: string, at: Date) => queued(() => Outbox.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: at, leaseUntil: null, lastError: null } })),
		markFailed: (id: string, next: Date, error: string) =>
			queued(() => Outbox.updateOne({ _id: id, status: 'pending' }, { $set: { nextAttemptAt: next, leaseUntil: null, lastError: error } })),
		countFailing: (orgId: string) => Outbox.countDocuments({ orgId: oid(orgId), status: 'pending', attempts: { $gte: 2 } }),
		listForEscalation: (escalationId: string) => Outbox.find({ escalationId: oid(escalationId) }).sort({ createdAt: 1 }).lean()
	};
}
