import { EventEmitter } from 'node:events';

/** In-process domain events: services announce, the realtime layer tells the right sockets. */
export interface BusEvents {
	'session:presence-changed': [sessionId: string];
	'session:closed': [sessionId: string];
	'participant:removed': [sessionId: string, participantId: string];
	/** The session's current activity or results visibility changed. */
	'session:activity': [sessionId: string];
	/** A poll's state, options or settings changed. */
	'poll:changed': [pollId: string];
	/** A ballot was stored or an answer's visibility changed: results may differ. */
	'poll:voted': [pollId: string];
	'poll:suggested': [pollId: string];
	'escalation:created': [hubId: string, escalationId: string, severity: string];
	/** An escalation's status, assignee, outcome or notes changed. */
	'escalation:changed': [hubId: string, escalationId: string];
	/** A moderator asked the hub's facilitators to follow something up (their words, no child's text). */
	'escalation:facilitator-notice': [hubId: string, groupId: string | null, note: string];
	/** Something was held for a person to check in this hub. */
	'moderation:held': [hubId: string];
}

export class Bus extends EventEmitter<BusEvents> {}
