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

export interface SocketData {
	actor: Actor;
}

export type VoiceboxServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type VoiceboxSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
	sessionStaff: (id: string) => `session:${id}:staff`,
	session: (id: string) => `session:${id}`,
	participant: (id: string) => `participant:${id}`
};

/** The event → policy action table; the authorisation test walks it. */
export const eventActions: { [E in keyof typeof eventPayloads]: Action } = {
	'session:watch': 'session:watch',
	'participant:hello': 'participant:hello'
};

export function attachRealtime(httpServer: HttpServer, services: Services, logger: Logger): VoiceboxServer {
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

	function on<E extends keyof typeof eventPayloads>(
		socket: VoiceboxSocket,
		event: E,
		handler: (payload: z.infer<(typeof eventPayloads)[E]>, actor: Actor) => Promise<unknown>
	) {
		// The typed maps cannot express "any event with an ack", so register through a loose view.
		(socket as unknown as Socket).on(event as string, async (...args: unknown[]) => {
			const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: Result<unknown>) => void) : () => undefined;
			try {
				authorize(socket.data.actor, eventActions[event]);
				const parsed = eventPayloads[event].safeParse(args[0]);
				if (!parsed.success) return ack(fail('VALIDATION_FAILED', undefined, zodFields(parsed.error)));
				ack(ok(await handler(parsed.data as z.infer<(typeof eventPayloads)[E]>, socket.data.actor)));
			} catch (err) {
				if (isAppError(err)) return ack(fail(err.code, err.message, err.fields));
				logger.error({ err: safeError(err), event }, 'socket handler failed');
				ack(fail('INTERNAL'));
			}
		});
	}

	io.on('connection', (socket) => {
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

	const presence = async (sessionId: string) => {
		try {
			io.to(rooms.sessionStaff(sessionId)).emit('session:presence', await services.liveSessions.presenceOf(sessionId));
		} catch (err) {
			logger.error({ err: safeError(err) }, 'presence broadcast failed');
		}
	};
	services.bus.on('session:presence-changed', (id) => void presence(id));
	services.bus.on('session:closed', (id) => {
		io.to(rooms.session(id)).to(rooms.sessionStaff(id)).emit('session:closed', { sessionId: id });
	});
	services.bus.on('participant:removed', (sessionId, participantId) => {
		io.to(rooms.participant(participantId)).emit('participant:removed', { sessionId });
		io.in(rooms.participant(participantId)).disconnectSockets(true);
	});

	return io;
}
