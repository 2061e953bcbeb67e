/**
 * Chat over Socket.IO. `chatEventActions` joins the event → policy table in io.ts;
 * `attachChatSocket` registers the chat handlers on each connection, and
 * `attachChatBroadcasts` wires chat service events to rooms once per server.
 *
 * Audiences: young people join `chat:<roomId>`, staff join `chat:<roomId>:staff` (a view with
 * held and removed messages and who wrote them). A message's author always gets their own view
 * through their `participant:<id>` room, so they see "waiting for a check" while others see
 * nothing, and "removed" markers never replace their own words on their screen.
 */
import type { Action } from '../auth/policy.js';
import { AppError } from '../errors.js';
import { safeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';
import type { RegisterHandler, VoiceboxServer, VoiceboxSocket } from './io.js';

export const chatEventActions = {
	'chat:join': 'chat:read',
	'chat:leave': 'chat:read',
	'chat:send': 'chat:send',
	'chat:typing': 'chat:send',
	'chat:react': 'chat:react',
	'chat:report': 'chat:report',
	'chat:worried': 'chat:worried',
	'chat:rules-ok': 'chat:read'
} as const satisfies Record<string, Action>;

export const chatRooms = {
	everyone: (roomId: string) => `chat:${roomId}`,
	staff: (roomId: string) => `chat:${roomId}:staff`,
	participant: (id: string) => `participant:${id}`
};

export function attachChatSocket(socket: VoiceboxSocket, on: RegisterHandler, services: Services): void {
	const chat = services.chat;
	/** Rooms this connection joined, with how it appears there (for "typing"). */
	const joined = new Map<string, { key: string; name: string }>();

	on(socket, 'chat:join', async ({ roomId, afterRev }, actor) => {
		const { staff } = await chat.access(actor, roomId);
		// Join first, then read: nothing sent in between can be missed (duplicates merge by id).
		await socket.join(staff ? chatRooms.staff(roomId) : chatRooms.everyone(roomId));
		const snap = await chat.snapshot(actor, roomId, afterRev);
		joined.set(roomId, { key: snap.me.key, name: snap.me.name });
		return snap;
	});
	on(socket, 'chat:leave', async ({ roomId }) => {
		joined.delete(roomId);
		await socket.leave(chatRooms.everyone(roomId));
		await socket.leave(chatRooms.staff(roomId));
		return { left: true as const };
	});
	on(socket, 'chat:send', (payload, actor) => chat.send(actor, payload));
	on(socket, 'chat:typing', async ({ roomId }, actor) => {
		const me = joined.get(roomId);
		if (!me) throw new AppError('CONFLICT', 'Open the chat first.');
		if (!chat.typingAllowed(actor, roomId)) return { sent: false };
		socket.to([chatRooms.everyone(roomId), chatRooms.staff(roomId)]).emit('chat:typing', { roomId, key: me.key, name: me.name });
		return { sent: true };
	});
	on(socket, 'chat:react', ({ messageId, reaction }, actor) => chat.react(actor, messageId, reaction));
	on(socket, 'chat:report', (payload, actor) => chat.report(actor, payload));
	on(socket, 'chat:worried', (payload, actor) => chat.worried(actor, payload));
	on(socket, 'chat:rules-ok', ({ roomId }, actor) => chat.rulesSeen(actor, roomId));
}

/** Returns a dispose function. */
export function attachChatBroadcasts(io: VoiceboxServer, services: Services, logger: Logger): () => void {
	const chat = services.chat;
	const onMessage: Parameters<typeof chat.events.on<'message'>>[1] = (m) => {
		const roomId = String(m.roomId);
		const views = chat.audiences(m);
		io.to(chatRooms.staff(roomId)).emit('chat:message', views.staff);
		if (views.others) {
			const everyone = io.to(chatRooms.everyone(roomId));
			(views.author ? everyone.except(chatRooms.participant(views.author.participantId)) : everyone).emit('chat:message', views.others);
		}
		if (views.author) io.to(chatRooms.participant(views.author.participantId)).emit('chat:message', views.author.view);
	};
	const onRoom: Parameters<typeof chat.events.on<'room'>>[1] = (room) => {
		io.to([chatRooms.everyone(room.id), chatRooms.staff(room.id)]).emit('chat:room', room);
	};
	const onYou: Parameters<typeof chat.events.on<'you'>>[1] = (participantId, info) => {
		io.to(chatRooms.participant(participantId)).emit('chat:you', info);
	};
	const onFailure: Parameters<typeof chat.events.on<'failure'>>[1] = (what, err) => {
		logger.error({ err: safeError(err), what }, 'chat background task failed');
	};
	const onSessionClosed = (sessionId: string) => {
		void chat.endForSession(sessionId).catch((err) => logger.error({ err: safeError(err) }, 'ending a session chat failed'));
	};
	chat.events.on('message', onMessage);
	chat.events.on('room', onRoom);
	chat.events.on('you', onYou);
	chat.events.on('failure', onFailure);
	services.bus.on('session:closed', onSessionClosed);
	return () => {
		chat.events.off('message', onMessage);
		chat.events.off('room', onRoom);
		chat.events.off('you', onYou);
		chat.events.off('failure', onFailure);
		services.bus.off('session:closed', onSessionClosed);
	};
}
