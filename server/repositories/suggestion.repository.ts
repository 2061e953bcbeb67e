import type { Models } from '../models/index.js';
import { oid, writeQueue } from './index.js';

export function createSuggestionRepository({ Suggestion }: Models) {
	// $addToSet on the embedded database is read-change-write: queue so no support is lost.
	const queued = writeQueue();
	return {
		/**
		 * Adds a suggestion, or adds this voter's support to the same suggestion already made
		 * (ignoring case and spacing). One document per suggestion; support is a set of voter keys.
		 */
		async addOrSupport(s: { pollId: string; normKey: string; text: string; voterKey: string; authorId: string; status: string }) {
			const existing = await queued(() =>
				Suggestion.findOneAndUpdate({ pollId: oid(s.pollId), normKey: s.normKey }, { $addToSet: { supporterKeys: s.voterKey } }, { returnDocument: 'after' }).lean()
			);
			if (existing) return { doc: existing, created: false };
			try {
				const doc = (
					await Suggestion.create({
						pollId: oid(s.pollId),
						normKey: s.normKey,
						text: s.text,
						supporterKeys: [s.voterKey],
						firstAuthorId: oid(s.authorId),
						status: s.status
					})
				).toObject();
				return { doc, created: true };
			} catch (err) {
				if ((err as { code?: number }).code !== 11000) throw err;
				const doc = await queued(() =>
					Suggestion.findOneAndUpdate({ pollId: oid(s.pollId), normKey: s.normKey }, { $addToSet: { supporterKeys: s.voterKey } }, { returnDocument: 'after' }).lean()
				);
				return { doc: doc!, created: false };
			}
		},
		listHeld: (pollIds: string[]) => Suggestion.find({ pollId: { $in: pollIds.map(oid) }, status: 'held' }).sort({ createdAt: 1 }).limit(500).lean(),
		list: (pollId: string) => Suggestion.find({ pollId: oid(pollId) }).sort({ createdAt: 1 }).lean(),
		listByVoter: (pollId: string, voterKey: string) => Suggestion.find({ pollId: oid(pollId), supporterKeys: voterKey }).sort({ createdAt: 1 }).lean(),
		findById: (id: string) => Suggestion.findById(id).lean(),
		setStatus: (id: string, status: string, optionId: string | null = null) =>
			queued(() => Suggestion.findByIdAndUpdate(oid(id), { $set: { status, optionId } }, { returnDocument: 'after' }).lean())
	};
}
