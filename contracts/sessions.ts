import { z } from 'zod';
import { joinCode, objectId, text } from './common.js';
import { participantPoll, pollResults } from './polls.js';

export const sessionStates = ['open', 'closed'] as const;

export const liveSession = z.object({
	id: objectId,
	title: z.string(),
	code: z.string(),
	state: z.enum(sessionStates),
	hubId: objectId,
	groupId: objectId,
	participantCount: z.number().int(),
	joinUrl: z.string(),
	createdAt: z.string(),
	closedAt: z.string().nullable(),
	currentPollId: objectId.nullable(),
	showResults: z.boolean(),
	timerEndsAt: z.string().nullable()
});
export type LiveSession = z.infer<typeof liveSession>;

export const createSessionBody = z.object({ title: text(120), groupId: objectId });
export type CreateSessionBody = z.infer<typeof createSessionBody>;

/** A display name: a nickname, not a surname, handle or number. The safeguarding filter checks it too. */
export const displayName = text(30).refine((s) => [...s].length >= 2, 'Use at least 2 characters.');

export const joinBody = z.object({ code: joinCode, displayName });
export type JoinBody = z.infer<typeof joinBody>;

export const joinResult = z.object({
	participantId: objectId,
	displayName: z.string(),
	session: z.object({ id: objectId, title: z.string(), code: z.string() })
});
export type JoinResult = z.infer<typeof joinResult>;

export const redeemInviteBody = z.object({ token: z.string().min(20).max(100), displayName });

export const setActivityBody = z.object({ pollId: objectId.nullable() });
export const showResultsBody = z.object({ show: z.boolean() });

/** Start a countdown, add time to it, or stop it. A timer never closes a poll by itself. */
export const timerBody = z.discriminatedUnion('action', [
	z.object({ action: z.literal('start'), seconds: z.number().int().min(10).max(3600) }),
	z.object({ action: z.literal('add'), seconds: z.number().int().min(10).max(3600) }),
	z.object({ action: z.literal('stop') })
]);
export type TimerBody = z.infer<typeof timerBody>;

/** What is on everyone's screens now. Results only when staff show them and the poll allows it. */
export const sessionActivity = z.object({
	poll: participantPoll,
	showResults: z.boolean(),
	results: pollResults.nullable(),
	/** When the facilitator's countdown ends (ISO time), or null when there is none. */
	timerEndsAt: z.string().nullable()
});
export type SessionActivity = z.infer<typeof sessionActivity>;

export const presentation = z.object({
	session: z.object({ id: objectId, title: z.string(), code: z.string(), state: z.enum(sessionStates), joinUrl: z.string() }),
	participantCount: z.number().int(),
	activity: sessionActivity.nullable()
});
export type Presentation = z.infer<typeof presentation>;
