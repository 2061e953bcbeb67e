import type { Models } from '../models/index.js';
import { oid } from './index.js';

export function createParticipantRepository({ Participant, ParticipantToken }: Models) {
	return {
		/** Creates the young person and the token that finds them (by `_id`, quick on every database). */
		create: async (p: {
			orgId: string;
			hubId: string;
			groupId: string | null;
			sessionId: string | null;
			displayName: string;
			uniqueKey: string;
			tokenHash: string;
		}) => {
			const doc = (
				await Participant.create({
					...p,
					orgId: oid(p.orgId),
					hubId: oid(p.hubId),
					groupId: p.groupId ? oid(p.groupId) : null,
					sessionId: p.sessionId ? oid(p.sessionId) : null
				})
			).toObject();
			// The participant exists first (its unique keys decide name clashes), then its token.
			await ParticipantToken.create({ _id: p.tokenHash, participantId: doc._id });
			return doc;
		},
		async findByTokenHash(tokenHash: string) {
			const t = await ParticipantToken.findById(tokenHash).lean();
			if (!t) return null;
			const p = await Participant.findById(t.participantId).lean();
			return p && !p.removedAt && p.tokenHash === tokenHash ? p : null;
		},
		findById: (id: string) => Participant.findById(id).lean(),
		listInSession: (sessionId: string) =>
			Participant.find({ sessionId: oid(sessionId), removedAt: null }).sort({ createdAt: 1 }).lean(),
		countInSession: (sessionId: string) => Participant.countDocuments({ sessionId: oid(sessionId), removedAt: null }),
		markRemoved: (id: string, at: Date) => Participant.updateOne({ _id: oid(id), removedAt: null }, { $set: { removedAt: at } })
	};
}
