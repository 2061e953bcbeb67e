import type { Models } from '../models/index.js';
import { oid } from './index.js';

export function createParticipantRepository({ Participant }: Models) {
	return {
		create: async (p: {
			orgId: string;
			hubId: string;
			groupId: string | null;
			sessionId: string | null;
			displayName: string;
			uniqueKey: string;
			tokenHash: string;
		}) =>
			(
				await Participant.create({
					...p,
					orgId: oid(p.orgId),
					hubId: oid(p.hubId),
					groupId: p.groupId ? oid(p.groupId) : null,
					sessionId: p.sessionId ? oid(p.sessionId) : null
				})
			).toObject(),
		findByTokenHash: (tokenHash: string) => Participant.findOne({ tokenHash, removedAt: null }).lean(),
		findById: (id: string) => Participant.findById(id).lean(),
		listInSession: (sessionId: string) =>
			Participant.find({ sessionId: oid(sessionId), removedAt: null }).sort({ createdAt: 1 }).lean(),
		countInSession: (sessionId: string) => Participant.countDocuments({ sessionId: oid(sessionId), removedAt: null }),
		markRemoved: (id: string, at: Date) => Participant.updateOne({ _id: oid(id), removedAt: null }, { $set: { removedAt: at } })
	};
}
