import type { Models } from '../models/index.js';
import { oid, writeQueue } from './index.js';

export function createInviteRepository({ Invite }: Models) {
	const queued = writeQueue();
	return {
		create: async (i: { orgId: string; hubId: string; groupId: string; tokenHash: string; createdBy: string; expiresAt: Date }) =>
			(
				await Invite.create({ ...i, orgId: oid(i.orgId), hubId: oid(i.hubId), groupId: oid(i.groupId), createdBy: oid(i.createdBy) })
			).toObject(),
		findUsable: (tokenHash: string, now: Date) => Invite.findOne({ tokenHash, usedAt: null, expiresAt: { $gt: now } }).lean(),
		/** Only the first redeemer wins (queued: the embedded database does not apply guards atomically). */
		markUsed: (id: string, participantId: string, at: Date) =>
			queued(() => Invite.findOneAndUpdate({ _id: oid(id), usedAt: null }, { $set: { usedAt: at, participantId: oid(participantId) } }, { returnDocument: 'after' }).lean())
	};
}
