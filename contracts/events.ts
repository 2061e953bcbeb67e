/**
 * The Socket.IO event maps: one source of truth for the server's `Server<...>` and the web
 * client's `io<...>()`. Events are named `namespace:verb`; the ack is always the last argument
 * and receives a `Result`. Every payload has a zod schema in `eventPayloads`, checked at the
 * server's boundary before any handler runs.
 */
import { z } from 'zod';
import { joinCode, objectId } from './common.js';
import type { Result } from './errors.js';
import { suggestBody, voteBody, type BallotValue, type PollResults, type VoteResult } from './polls.js';
import type { Presentation, SessionActivity } from './sessions.js';
import type { SupportInfo } from './safeguarding.js';
import { chatEventPayloads, type ChatClientToServerEvents, type ChatServerToClientEvents } from './chat.js';

export const eventPayloads = {
	'session:watch': z.object({ sessionId: objectId }),
	'participant:hello': z.object({}).strict(),
	'poll:vote': voteBody,
	'poll:suggest': suggestBody,
	'poll:mine': z.object({ pollId: objectId }),
	'poll:watch': z.object({ pollId: objectId }),
	'present:watch': z.object({ code: joinCode }),
	...chatEventPayloads
} as const;

export type EventPayload<E extends keyof typeof eventPayloads> = z.infer<(typeof eventPayloads)[E]>;

export interface SessionPresence {
	sessionId: string;
	count: number;
	/** Pseudonyms only, for the facilitator's screen; never real names. */
	names: string[];
	people: { id: string; displayName: string }[];
}

export interface ParticipantWelcome {
	displayName: string;
	session: { id: string; title: string; code: string; state: 'open' | 'closed' };
	activity: SessionActivity | null;
}

export interface MyAnswer {
	value: BallotValue | null;
	held: boolean;
	suggestions: string[];
}

type Ack<T> = (result: Result<T>) => void;

export interface ClientToServerEvents extends ChatClientToServerEvents {
	'session:watch': (payload: EventPayload<'session:watch'>, ack: Ack<SessionPresence>) => void;
	'participant:hello': (payload: EventPayload<'participant:hello'>, ack: Ack<ParticipantWelcome>) => void;
	'poll:vote': (payload: z.input<typeof voteBody>, ack: Ack<VoteResult & { support?: SupportInfo }>) => void;
	'poll:suggest': (payload: z.input<typeof suggestBody>, ack: Ack<{ status: 'received' | 'held'; merged: boolean; support?: SupportInfo }>) => void;
	'poll:mine': (payload: EventPayload<'poll:mine'>, ack: Ack<MyAnswer>) => void;
	'poll:watch': (payload: EventPayload<'poll:watch'>, ack: Ack<PollResults>) => void;
	'present:watch': (payload: { code: string }, ack: Ack<Presentation>) => void;
}

export interface ServerToClientEvents extends ChatServerToClientEvents {
	'session:presence': (presence: SessionPresence) => void;
	'session:closed': (info: { sessionId: string }) => void;
	'participant:removed': (info: { sessionId: string }) => void;
	/** The question on screen changed, or results were shown or hidden. */
	'session:activity': (info: { sessionId: string; activity: SessionActivity | null }) => void;
	/** Live results, at most about four times a second per poll. */
	'poll:results': (results: PollResults) => void;
	/** Staff: suggestions arrived for a suggest poll. */
	'poll:suggestions-changed': (info: { pollId: string }) => void;
	/** Moderators of a hub: a concern was raised. Persisted before this is sent. */
	'escalation:new': (info: { escalationId: string; hubId: string; severity: string }) => void;
	/** Moderators of a hub: an escalation was acknowledged, assigned, closed... */
	'escalation:changed': (info: { escalationId: string; hubId: string }) => void;
	/** Moderators of a hub: the held or reported queue changed. */
	'moderation:held-changed': (info: { hubId: string }) => void;
	/** Staff of a hub: a moderator asks the facilitators to follow something up. */
	'staff:notice': (info: { hubId: string; groupId: string | null; note: string; at: string }) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}
