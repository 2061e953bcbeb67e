import { EventEmitter } from 'node:events';

/** In-process domain events: services announce, the realtime layer tells the right sockets. */
export interface BusEvents {
	'session:presence-changed': [sessionId: string];
	'session:closed': [sessionId: string];
	'participant:removed': [sessionId: string, participantId: string];
}

export class Bus extends EventEmitter<BusEvents> {}
