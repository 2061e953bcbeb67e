/**
 * Socket.IO on the same http.Server. Each connection is identified once from its cookies;
 * each event is validated against its zod schema and authorised by the policy before a handler
 * runs. A bad payload gets `{ok:false}` and the connection stays open.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import {
	eventPayloads,
	fail,
	ok,
	type ClientToServerEvents,
	type InterServerEvents,
	type Result,
	type ServerToClientEvents
} from '../../contracts/index.js';
import { authorize, type Action, type Actor } from '../auth/policy.js';
import { AppError, isAppError } from '../errors.js';
import { resolveActor, safeError, zodFields } from '../http/api.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';
import { attachChatBroadcasts, attachChatSocket, chatEventActions } from './chat.js';

export interface SocketData {
	actor: Actor;
}

export type VoiceboxServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type VoiceboxSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
	sessionStaff: (id: string) => `session:${id}:staff`,
	session: (id: string) => `session:${id}`,
	present: (id: string) => `session:${id}:present`,
	participant: (id: string) => `participant:${id}`,
	pollStaff: (id: string) => `poll:${id}:staff`,
	hubModerators: (id: string) => `hub:${id}:moderators`,
	hubStaff: (id: string) => `hub:${id}:staff`
};

/** Live results go out at most this often per poll, however fast votes arrive. */
export const RESULTS_INTERVAL_MS = 250;

/** The event → policy action table; the authorisation test walks it. */
export const eventActions: { [E in keyof typeof eventPayloads]: Action } = {
	'session:watch': 'session:watch',
	'participant:hello': 'participant:hello',
	'poll:vote': 'poll:vote',
	'poll:suggest': 'poll:suggest',
	'poll:mine': 'poll:mine',
	'poll:watch': 'poll:watch',
	'present:watch': 'session:present',
	...chatEventActions
};

/** Registers one validated, authorised event handler on a socket (see `on` below). */
export type RegisterHandler = <E extends keyof typeof eventPayloads>(
	socket: VoiceboxSocket,
	event: E,
	handler: (payload: z.infer<(typeof eventPayloads)[E]>, actor: Actor) => Promise<unknown>
) => void;

export function attachRealtime(httpServer: HttpServer, services: Services, logger: Logger): { io: VoiceboxServer; dispose: () => void } {
	const io: VoiceboxServer = new Server(httpServer, {
		serveClient: false,
		maxHttpBufferSize: 64 * 1024,
		connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 }
	});

	io.use(async (socket, next) => {
		try {
			socket.data.actor = await resolveActor(services, socket.handshake.headers.cookie);
			next();
		} catch (err) {
			logger.error({ err: safeError(err) }, 'socket auth failed');
			next(new Error('INTERNAL'));
		}
	});

	const on: RegisterHandler = (socket, event, handler) => {
		// The typed maps cannot express "any event with an ack", so register through a loose view.
		(socket as unknown as Socket).on(event as string, async (...args: unknown[]) => {
			const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: Result<unknown>) => void) : () => undefined;
			try {
				authorize(socket.data.actor, eventActions[event]);
				const parsed = eventPayloads[event].safeParse(args[0]);
				if (!parsed.success) return ack(fail('VALIDATION_FAILED', undefined, zodFields(parsed.error)));
				ack(ok(await handler(parsed.data as Parameters<typeof handler>[0], socket.data.actor)));
			} catch (err) {
				if (isAppError(err)) return ack(fail(err.code, err.message, err.fields));
				logger.error({ err: safeError(err), event }, 'socket handler failed');
				ack(fail('INTERNAL'));
			}
		});
	};

	io.on('connection', (socket) => {
		const actor = socket.data.actor;
		// Moderators (and admins) hear about concerns raised in their hubs.
		if (actor.kind === 'staff' && (actor.user.role === 'moderator' || actor.user.role === 'admin'))
			void socket.join(actor.user.hubIds.map(rooms.hubModerators));
		// Admins cover every hub of their organisation.
		if (actor.kind === 'staff' && actor.user.role === 'admin')
			void services.org
				.listHubs(actor)
				.then((hubs) => socket.join(hubs.flatMap((h) => [rooms.hubModerators(h.id), rooms.hubStaff(h.id)])))
				.catch(() => undefined);
		// Facilitators hear moderators' follow-up requests for their hubs.
		if (actor.kind === 'staff' && actor.user.role !== 'moderator') void socket.join(actor.user.hubIds.map(rooms.hubStaff));
		// A joined young person hears about their session at once, before any hello.
		if (actor.kind === 'participant') {
			void socket.join(rooms.participant(actor.participant.id));
			if (actor.participant.sessionId) void socket.join(rooms.session(actor.participant.sessionId));
		}
		attachChatSocket(socket, on, services);
		on(socket, 'poll:vote', async (body, a) => {
			if (a.kind !== 'participant') throw new AppError('FORBIDDEN');
			return services.polls.vote(a.participant, body);
		});
		on(socket, 'poll:suggest', async (body, a) => {
			if (a.kind !== 'participant') throw new AppError('FORBIDDEN');
			return services.polls.suggest(a.participant, body);
		});
		on(socket, 'poll:mine', async ({ pollId }, a) => {
			if (a.kind !== 'participant') throw new AppError('FORBIDDEN');
			return services.polls.myBallot(a.participant, pollId);
		});
		on(socket, 'poll:watch', async ({ pollId }, a) => {
			const results = await services.polls.results(a, pollId);
			await socket.join(rooms.pollStaff(pollId));
			return results;
		});
		on(socket, 'present:watch', async ({ code }) => {
			const p = await services.liveSessions.presentation(code, socket.handshake.address);
			await socket.join(rooms.present(p.session.id));
			return p;
		});
		on(socket, 'session:watch', async ({ sessionId }, actor) => {
			const presence = await services.liveSessions.presence(actor, sessionId);
			await socket.join(rooms.sessionStaff(sessionId));
			return presence;
		});
		on(socket, 'participant:hello', async (_payload, actor) => {
			if (actor.kind !== 'participant') throw new AppError('FORBIDDEN');
			const welcome = await services.liveSessions.welcome(actor.participant);
			await socket.join([rooms.participant(actor.participant.id), rooms.session(welcome.session.id)]);
			return welcome;
		});
	});

	// Joins come in bursts too (a whole room at once): presence is sent at most every
	// RESULTS_INTERVAL_MS per session, to staff with names and to the projector as a count.
	const presencePending = new Map<string, NodeJS.Timeout>();
	const sendPresence = async (sessionId: string) => {
		presencePending.delete(sessionId);
		try {
			const p = await services.liveSessions.presenceOf(sessionId);
			io.to(rooms.sessionStaff(sessionId)).emit('session:presence', p);
			io.to(rooms.present(sessionId)).emit('session:presence', { sessionId, count: p.count, names: [], people: [] });
		} catch (err) {
			logger.error({ err: safeError(err) }, 'presence broadcast failed');
		}
	};
	services.bus.on('session:presence-changed', (id) => {
		if (presencePending.has(id)) return;
		presencePending.set(id, setTimeout(() => void sendPresence(id), RESULTS_INTERVAL_MS));
	});

	// What is on screen: the same activity for phones and projector, results only when visible.
	const activity = async (sessionId: string) => {
		try {
			const a = await services.liveSessions.activity(sessionId);
			io.to(rooms.session(sessionId)).to(rooms.present(sessionId)).to(rooms.sessionStaff(sessionId)).emit('session:activity', { sessionId, activity: a });
		} catch (err) {
			logger.error({ err: safeError(err) }, 'activity broadcast failed');
		}
	};
	services.bus.on('session:activity', (id) => void activity(id));

	// Votes arrive in bursts; results are recomputed from the ballots and sent at most every
	// RESULTS_INTERVAL_MS per poll, so phones and projectors are never flooded.
	const pending = new Map<string, NodeJS.Timeout>();
	const sendResults = async (pollId: string) => {
		pending.delete(pollId);
		try {
			// One recount for everyone; names are added for staff only on named polls.
			const shared = await services.polls.resultsOf(pollId, { includeNames: false, includeTexts: true });
			const staffView = (await services.polls.isNamed(pollId)) ? await services.polls.resultsOf(pollId, { includeNames: true, includeTexts: true }) : shared;
			const shownTo = await services.liveSessions.sessionsShowing(pollId);
			let room = io.to(rooms.pollStaff(pollId));
			for (const s of shownTo) room = room.to(rooms.sessionStaff(s.id));
			room.emit('poll:results', staffView);
			const visible = shownTo.filter((s) => s.resultsVisible);
			if (visible.length) {
				let audience = io.to(rooms.session(visible[0]!.id));
				for (const s of visible) audience = audience.to(rooms.session(s.id)).to(rooms.present(s.id));
				audience.emit('poll:results', shared);
			}
		} catch (err) {
			logger.error({ err: safeError(err) }, 'results broadcast failed');
		}
	};
	const scheduleResults = (pollId: string) => {
		if (pending.has(pollId)) return;
		pending.set(pollId, setTimeout(() => void sendResults(pollId), RESULTS_INTERVAL_MS));
	};
	services.bus.on('poll:voted', scheduleResults);
	services.bus.on('poll:changed', (pollId) => {
		scheduleResults(pollId);
		void services.liveSessions.sessionsShowing(pollId).then((list) => list.forEach((s) => void activity(s.id)));
	});
	services.bus.on('poll:suggested', (pollId) => {
		void services.liveSessions.sessionsShowing(pollId).then((list) => {
			let room = io.to(rooms.pollStaff(pollId));
			for (const s of list) room = room.to(rooms.sessionStaff(s.id));
			room.emit('poll:suggestions-changed', { pollId });
		});
	});
	services.bus.on('moderation:held', (hubId) => {
		io.to(rooms.hubModerators(hubId)).emit('moderation:held-changed', { hubId });
	});
	services.bus.on('escalation:created', (hubId, escalationId, severity) => {
		io.to(rooms.hubModerators(hubId)).emit('escalation:new', { escalationId, hubId, severity });
	});
	services.bus.on('escalation:changed', (hubId, escalationId) => {
		io.to(rooms.hubModerators(hubId)).emit('escalation:changed', { escalationId, hubId });
	});
	services.bus.on('escalation:facilitator-notice', (hubId, groupId, note) => {
		io.to(rooms.hubStaff(hubId)).emit('staff:notice', { hubId, groupId, note, at: new Date().toISOString() });
	});
	const disposeChat = attachChatBroadcasts(io, services, logger);
	const dispose = () => {
		disposeChat();
		services.bus.removeAllListeners();
		for (const t of [...pending.values(), ...presencePending.values()]) clearTimeout(t);
		pending.clear();
		presencePending.clear();
	};
	services.bus.on('session:closed', (id) => {
		io.to(rooms.session(id)).to(rooms.sessionStaff(id)).to(rooms.present(id)).emit('session:closed', { sessionId: id });
	});
	services.bus.on('participant:removed', (sessionId, participantId) => {
		io.to(rooms.participant(participantId)).emit('participant:removed', { sessionId });
		io.in(rooms.participant(participantId)).disconnectSockets(true);
	});

	return { io, dispose };
}
