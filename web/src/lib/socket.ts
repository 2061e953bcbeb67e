import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$contracts/events';

export type VoiceboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One typed connection to our own origin; the session cookie identifies the user. */
export function connect(): VoiceboxSocket {
	return io({ transports: ['websocket', 'polling'], withCredentials: true });
}
