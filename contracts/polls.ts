import { z } from 'zod';
import { objectId, text } from './common.js';

/**
 * Polls. `suggest` polls first collect suggestions (phase `suggesting`), staff shortlist them
 * into options, then everyone votes with `settings.voteType`.
 */
export const pollTypes = ['single', 'multiple', 'ranked', 'scale', 'open', 'suggest'] as const;
export type PollType = (typeof pollTypes)[number];
export const suggestVoteTypes = ['single', 'multiple', 'ranked'] as const;
export const pollStates = ['draft', 'suggesting', 'open', 'closed'] as const;
export type PollState = (typeof pollStates)[number];
export const scaleStyles = ['numbers', 'faces', 'three-point'] as const;

export const pollTypeLabel: Record<PollType, string> = {
	single: 'Single choice',
	multiple: 'Multiple choice',
	ranked: 'Ranked choice',
	scale: 'Scale',
	open: 'Open text / word cloud',
	suggest: 'Suggest, then vote'
};

export const pollStateLabel: Record<PollState, string> = {
	draft: 'Ready to run',
	suggesting: 'Collecting ideas',
	open: 'Open for answers',
	closed: 'Closed'
};

/** Faces and the Talking-Mats style three-point scale: words and a picture for every point. */
export const scalePoints = {
	faces: [
		{ value: 1, label: 'Very unhappy', emoji: '😞' },
		{ value: 2, label: 'Unhappy', emoji: '🙁' },
		{ value: 3, label: 'Okay', emoji: '😐' },
		{ value: 4, label: 'Happy', emoji: '🙂' },
		{ value: 5, label: 'Very happy', emoji: '😄' }
	],
	'three-point': [
		{ value: 1, label: "Don't like", emoji: '👎' },
		{ value: 2, label: 'Not sure', emoji: '🤔' },
		{ value: 3, label: 'Like', emoji: '👍' }
	]
} as const;

export const scaleSpec = z
	.object({
		style: z.enum(scaleStyles).default('numbers'),
		min: z.number().int().min(0).max(1).default(1),
		max: z.number().int().min(2).max(10).default(5)
	})
	.transform((s) => (s.style === 'faces' ? { ...s, min: 1, max: 5 } : s.style === 'three-point' ? { ...s, min: 1, max: 3 } : s));
export type ScaleSetting = z.output<typeof scaleSpec>;

export const pollSettings = z.object({
	/** Nobody, staff included, can see who voted what. Named polls tell participants before they vote. */
	anonymous: z.boolean().default(true),
	allowChange: z.boolean().default(true),
	hideResultsUntilClosed: z.boolean().default(false),
	allowDontKnow: z.boolean().default(true),
	allowSkip: z.boolean().default(true),
	maxPicks: z.number().int().min(1).max(30).optional(),
	maxRanks: z.number().int().min(1).max(30).optional(),
	scale: scaleSpec.optional(),
	/** For suggest polls: how the shortlist is voted on. */
	voteType: z.enum(suggestVoteTypes).optional()
});
export type PollSettings = z.output<typeof pollSettings>;

export const pollOption = z.object({
	id: z.string(),
	label: z.string(),
	easyRead: z.string().optional(),
	emoji: z.string().optional()
});
export type PollOption = z.infer<typeof pollOption>;

export const poll = z.object({
	id: objectId,
	title: z.string(),
	description: z.string(),
	type: z.enum(pollTypes),
	state: z.enum(pollStates),
	options: z.array(pollOption),
	settings: pollSettings,
	hubId: objectId,
	groupId: objectId.nullable(),
	published: z.boolean(),
	createdAt: z.string(),
	openedAt: z.string().nullable(),
	closedAt: z.string().nullable()
});
export type Poll = z.infer<typeof poll>;

const optionInput = z.object({
	label: text(120),
	easyRead: text(200, 0).optional(),
	emoji: text(16, 0).optional()
});

export const createPollBody = z.object({
	title: text(200),
	description: text(1000, 0).default(''),
	type: z.enum(pollTypes),
	hubId: objectId,
	groupId: objectId.nullable().default(null),
	options: z.array(optionInput).max(30).default([]),
	settings: pollSettings.default(pollSettings.parse({}))
});
export type CreatePollBody = z.infer<typeof createPollBody>;

/** What a participant's phone needs to show a poll; never results or other people's answers. */
export const participantPoll = z.object({
	id: objectId,
	title: z.string(),
	description: z.string(),
	type: z.enum(pollTypes),
	/** The way to answer now: the poll's type, `suggest` while collecting, or the shortlist's vote type. */
	answerAs: z.enum(['single', 'multiple', 'ranked', 'scale', 'open', 'suggest']),
	state: z.enum(pollStates),
	options: z.array(pollOption),
	settings: pollSettings
});
export type ParticipantPoll = z.infer<typeof participantPoll>;

/** One answer. Exactly one of the value fields, or `abstain` for "Don't know" / "Skip". */
export const voteBody = z
	.object({
		pollId: objectId,
		/** Made by the client once per answer; a retry with the same id never counts twice. */
		clientVoteId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid vote id.'),
		choice: z.string().max(64).optional(),
		choices: z.array(z.string().max(64)).max(30).optional(),
		ranking: z.array(z.string().max(64)).max(30).optional(),
		rating: z.number().int().min(0).max(10).optional(),
		text: text(280).optional(),
		abstain: z.enum(['dont-know', 'skip']).optional()
	})
	.refine(
		(v) => [v.choice, v.choices, v.ranking, v.rating, v.text, v.abstain].filter((x) => x !== undefined).length === 1,
		'Send exactly one answer.'
	);
export type VoteBody = z.infer<typeof voteBody>;

export const ballotValue = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('choice'), choice: z.string() }),
	z.object({ kind: z.literal('choices'), choices: z.array(z.string()) }),
	z.object({ kind: z.literal('ranking'), ranking: z.array(z.string()) }),
	z.object({ kind: z.literal('rating'), rating: z.number() }),
	z.object({ kind: z.literal('text'), text: z.string() }),
	z.object({ kind: z.literal('abstain'), reason: z.enum(['dont-know', 'skip']) })
]);
export type BallotValue = z.infer<typeof ballotValue>;

export const voteResult = z.object({
	status: z.enum(['counted', 'held']),
	/** The vote as stored, so the phone shows exactly what was counted. */
	value: ballotValue,
	changed: z.boolean()
});
export type VoteResult = z.infer<typeof voteResult>;

export const suggestBody = z.object({
	pollId: objectId,
	clientSuggestionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid id.'),
	text: text(80)
});
export type SuggestBody = z.infer<typeof suggestBody>;

export const suggestionStates = ['pending', 'held', 'approved', 'rejected'] as const;
export const suggestion = z.object({
	id: objectId,
	text: z.string(),
	count: z.number().int(),
	status: z.enum(suggestionStates),
	optionId: z.string().nullable()
});
export type Suggestion = z.infer<typeof suggestion>;

export const irvRound = z.object({
	round: z.number().int(),
	counts: z.record(z.string(), z.number()),
	exhausted: z.number().int(),
	eliminated: z.array(z.string()),
	transfers: z.array(z.object({ from: z.string(), to: z.record(z.string(), z.number()), exhausted: z.number() })),
	tieBreak: z.object({ rule: z.enum(['first-preferences', 'earlier-rounds', 'draw']), tied: z.array(z.string()), seed: z.string().optional() }).optional()
});
export type IrvRound = z.infer<typeof irvRound>;

export const pollResults = z.object({
	pollId: objectId,
	title: z.string(),
	state: z.enum(pollStates),
	type: z.enum(['single', 'multiple', 'ranked', 'scale', 'open']),
	totalBallots: z.number().int(),
	abstentions: z.object({ dontKnow: z.number().int(), skip: z.number().int() }),
	options: z.array(z.object({ id: z.string(), label: z.string(), votes: z.number() })),
	rounds: z.array(irvRound).optional(),
	winner: z.string().nullable().optional(),
	tiedTop: z.array(z.string()).optional(),
	scale: z.object({ mean: z.number().nullable(), median: z.number().nullable(), distribution: z.record(z.string(), z.number()) }).optional(),
	words: z.array(z.object({ word: z.string(), count: z.number() })).optional(),
	answers: z.number().int().optional(),
	/** Approved open-text answers (never who wrote them). */
	texts: z.array(z.string()).optional(),
	explanation: z.array(z.string()),
	/** Named polls only: who voted what. */
	named: z.array(z.object({ displayName: z.string(), answer: z.string() })).optional()
});
export type PollResults = z.infer<typeof pollResults>;
