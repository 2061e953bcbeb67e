/**
 * Chat over Socket.IO (filled in by the chat work). `chatEventActions` joins the event → policy
 * table in io.ts; `attachChatSocket` registers the chat handlers on each connection, and
 * `attachChatBroadcasts` wires chat service events to rooms once per server.
 */
import type { Action } from '../auth/policy.js';
import type { Services } from '../services/index.js';
import type { Logger } from '../logger.js';
import type { RegisterHandler, VoiceboxServer, VoiceboxSocket } from './io.js';

export const chatEventActions = {} as const satisfies Record<string, Action>;

export function attachChatSocket(socket: VoiceboxSocket, on: RegisterHandler, services: Services): void {
	void socket;
	void on;
	void services;
}

/** Returns a dispose function. */
export function attachChatBroadcasts(io: VoiceboxServer, services: Services, logger: Logger): () => void {
	void io;
	void services;
	void logger;
	return () => undefined;
}
