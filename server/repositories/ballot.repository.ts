import { randomUUID } from 'node:crypto';
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

export function createBallotRepository({ Ballot, Participation }: Models) {
	return {
		find: (pollId: string, voterKey: string) => Ballot.findOne({ pollId: oid(pollId), voterKey }).lean(),
		/** First ballot for this voter; a duplicate key means someone (a retry) got there first. */
		insert: async (b: BallotWrite) =>
			(
				await Ballot.create({
					_id: randomUUID(),
					pollId: oid(b.pollId),
					voterKey: b.voterKey,
					clientVoteId: b.clientVoteId,
					textStatus: b.textStatus,
					participantId: b.named ? oid(b.named.participantId) : null,
					displayName: b.named?.displayName ?? null,
					...valueFields(b.value)
				})
			).toObject(),
		/** Replace the answer in one atomic update of the one ballot document. */
		replace: (b: BallotWrite) =>
			Ballot.findOneAndUpdate(
				{ pollId: oid(b.pollId), voterKey: b.voterKey },
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
