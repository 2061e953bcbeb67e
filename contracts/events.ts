/**
 * The Socket.IO event maps: one source of truth for the server's `Server<...>` and the web
 * client's `io<...>()`. Events are named `namespace:verb`; the ack is always the last argument
 * and receives a `Result`. Every payload has a zod schema in `eventPayloads`, checked at the
 * server's boundary before any handler runs.
 */
import { z } from 'zod';
import { objectId } from './common.js';
import type { Result } from './errors.js';

export const eventPayloads = {
	'session:watch': z.object({ sessionId: objectId }),
	'participant:hello': z.object({}).strict()
} as const;

export type EventPayload<E extends keyof typeof eventPayloads> = z.infer<(typeof eventPayloads)[E]>;

export interface SessionPresence {
	sessionId: string;
	count: number;
	/** Pseudonyms only, for the facilitator's screen; never real names. */
	names: string[];
}

export interface ParticipantWelcome {
	displayName: string;
	session: { id: string; title: string; code: string; state: 'open' | 'closed' };
}

type Ack<T> = (result: Result<T>) => void;

export interface ClientToServerEvents {
	'session:watch': (payload: EventPayload<'session:watch'>, ack: Ack<SessionPresence>) => void;
	'participant:hello': (payload: EventPayload<'participant:hello'>, ack: Ack<ParticipantWelcome>) => void;
}

export interface ServerToClientEvents {
	'session:presence': (presence: SessionPresence) => void;
	'session:closed': (info: { sessionId: string }) => void;
	'participant:removed': (info: { sessionId: string }) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}
