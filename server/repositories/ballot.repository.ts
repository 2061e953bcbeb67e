import { createHash } from 'node:crypto';
import type { BallotValue } from '../../contracts/index.js';
import type { BallotDoc, Models } from '../models/index.js';
import { oid } from './index.js';

const VALUE_FIELDS = { choice: null, choices: undefined, ranking: undefined, rating: null, text: null, reason: null } as const;

export function valueFields(v: BallotValue) {
	const base: Record<string, unknown> = { ...VALUE_FIELDS, kind: v.kind };
	if (v.kind === 'choice') base.choice = v.choice;
	else if (v.kind === 'choices') base.choices = v.choices;
	else if (v.kind === 'ranking') base.ranking = v.ranking;
	else if (v.kind === 'rating') base.rating = v.rating;
	else if (v.kind === 'text') base.text = v.text;
	else base.reason = v.reason;
	return base;
}

export function toValue(b: Pick<BallotDoc, 'kind' | 'choice' | 'choices' | 'ranking' | 'rating' | 'text' | 'reason'>): BallotValue {
	switch (b.kind) {
		case 'choice':
			return { kind: 'choice', choice: b.choice ?? '' };
		case 'choices':
			return { kind: 'choices', choices: [...(b.choices ?? [])] };
		case 'ranking':
			return { kind: 'ranking', ranking: [...(b.ranking ?? [])] };
		case 'rating':
			return { kind: 'rating', rating: b.rating ?? 0 };
		case 'text':
			return { kind: 'text', text: b.text ?? '' };
		default:
			return { kind: 'abstain', reason: b.reason === 'skip' ? 'skip' : 'dont-know' };
	}
}

export interface BallotWrite {
	pollId: string;
	voterKey: string;
	clientVoteId: string;
	value: BallotValue;
	textStatus: 'visible' | 'held' | null;
	named: { participantId: string; displayName: string } | null;
}

/**
 * A ballot's id comes from the poll and the voter key (itself a keyed hash), so the one ballot
 * per voter is found by id: the embedded database (FerretDB 1.x with SQLite) reads the whole
 * collection for any other lookup. Written as a UUID; it carries no time and no name.
 */
export function ballotIdFor(pollId: string, voterKey: string): string {
	const h = createHash('sha256').update(`${pollId}\u0000${voterKey}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function createBallotRepository({ Ballot, Participation }: Models) {
	return {
		async find(pollId: string, voterKey: string) {
			const b = await Ballot.findById(ballotIdFor(pollId, voterKey)).lean();
			return b && String(b.pollId) === pollId && b.voterKey === voterKey ? b : null;
		},
		/** The same, by the fields themselves: for ballots stored before ids were derived (slower). */
		findByFields: (pollId: string, voterKey: string) => Ballot.findOne({ pollId: oid(pollId), voterKey }).lean(),
		/** First ballot for this voter; a duplicate key means someone (a retry) got there first. */
		insert: async (b: BallotWrite) =>
			(
				await Ballot.create({
					_id: ballotIdFor(b.pollId, b.voterKey),
					pollId: oid(b.pollId),
					voterKey: b.voterKey,
					clientVoteId: b.clientVoteId,
					textStatus: b.textStatus,
					participantId: b.named ? oid(b.named.participantId) : null,
					displayName: b.named?.displayName ?? null,
					...valueFields(b.value)
				})
			).toObject(),
		/** Replace the answer in one update of the one ballot document (found by its id). */
		replace: (id: string, b: BallotWrite) =>
			Ballot.findOneAndUpdate(
				{ _id: id, pollId: oid(b.pollId), voterKey: b.voterKey },
				{ $set: { ...valueFields(b.value), clientVoteId: b.clientVoteId, textStatus: b.textStatus }, $inc: { changes: 1 } },
				{ returnDocument: 'after' }
			).lean(),
		listForPoll: (pollId: string) => Ballot.find({ pollId: oid(pollId) }).lean(),
		listHeld: (pollIds: string[]) => Ballot.find({ pollId: { $in: pollIds.map(oid) }, kind: 'text', textStatus: 'held' }).limit(500).lean(),
		countForPoll: (pollId: string) => Ballot.countDocuments({ pollId: oid(pollId) }),
		setTextStatus: (pollId: string, ballotId: string, status: 'visible' | 'hidden' | 'held') =>
			Ballot.findOneAndUpdate({ _id: ballotId, pollId: oid(pollId), kind: 'text' }, { $set: { textStatus: status } }, { returnDocument: 'after' }).lean(),
		recordParticipation: async (p: { pollId: string; participantId: string; orgId: string; hubId: string; day: string; kind?: 'poll' | 'survey' }) => {
			try {
				await Participation.create({ ...p, pollId: oid(p.pollId), participantId: oid(p.participantId), orgId: oid(p.orgId), hubId: oid(p.hubId) });
			} catch (err) {
				if ((err as { code?: number }).code !== 11000) throw err;
			}
		}
	};
}
