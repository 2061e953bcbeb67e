import type { Models } from '../models/index.js';
import { oid } from './index.js';

export function createInviteRepository({ Invite }: Models) {
	return {
		create: async (i: { orgId: string; hubId: string; groupId: string; tokenHash: string; createdBy: string; expiresAt: Date }) =>
			(
				await Invite.create({ ...i, orgId: oid(i.orgId), hubId: oid(i.hubId), groupId: oid(i.groupId), createdBy: oid(i.createdBy) })
			).toObject(),
		findUsable: (tokenHash: string, now: Date) => Invite.findOne({ tokenHash, usedAt: null, expiresAt: { $gt: now } }).lean(),
		/** Atomic: only the first redeemer wins. */
		markUsed: (id: string, participantId: string, at: Date) =>
			Invite.findOneAndUpdate({ _id: oid(id), usedAt: null }, { $set: { usedAt: at, participantId: oid(participantId) } }, { returnDocument: 'after' }).lean()
	};
}
