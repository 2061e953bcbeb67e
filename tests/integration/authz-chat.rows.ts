/**
 * Chat rows for the authorisation table in authz.test.ts (kept apart so the chat work owns
 * them). `chatSetup` runs once after the table's world exists and returns ids the rows need.
 */
import { connected, emitAck, type Client, type TestApp } from '../helpers/app.js';

type Who = 'anonymous' | 'participant' | 'admin' | 'staff' | 'moderator';
const MEMBERS: Who[] = ['participant', 'admin', 'staff', 'moderator'];
const STAFF_ANY: Who[] = ['admin', 'staff', 'moderator'];

export interface ChatAuthzContext {
	roomId: string;
	messageId: string;
}

export const chatHttpRows: Record<string, Who[]> = {
	'GET /chat/rooms': MEMBERS,
	'POST /chat/rooms': ['admin', 'staff'],
	'GET /chat/rooms/:roomId': MEMBERS,
	'GET /chat/rooms/:roomId/messages': MEMBERS,
	'POST /chat/rooms/:roomId/control': STAFF_ANY,
	'POST /chat/rooms/:roomId/mute': STAFF_ANY,
	'GET /chat/rooms/:roomId/people': STAFF_ANY,
	'POST /chat/messages/:messageId/hide': STAFF_ANY,
	'POST /chat/messages/:messageId/restore': STAFF_ANY
};

export const chatSocketRows: Record<string, Who[]> = {
	'chat:join': MEMBERS,
	'chat:leave': MEMBERS,
	'chat:send': MEMBERS,
	'chat:typing': MEMBERS,
	'chat:react': MEMBERS,
	'chat:report': ['participant'],
	'chat:worried': ['participant'],
	'chat:rules-ok': MEMBERS
};

let n = 0;
const unique = () => `authz-${Date.now().toString(36)}-${(n++).toString(36)}`;

export const chatSocketPayloads: Record<string, (ctx: ChatAuthzContext) => unknown> = {
	'chat:join': (ctx) => ({ roomId: ctx.roomId }),
	'chat:leave': (ctx) => ({ roomId: ctx.roomId }),
	'chat:send': (ctx) => ({ roomId: ctx.roomId, clientMsgId: unique(), text: 'Hello from the authorisation table' }),
	'chat:typing': (ctx) => ({ roomId: ctx.roomId }),
	'chat:react': (ctx) => ({ messageId: ctx.messageId, reaction: 'thumbs' }),
	'chat:report': (ctx) => ({ messageId: ctx.messageId, reason: 'spam' }),
	'chat:worried': (ctx) => ({ roomId: ctx.roomId, clientId: unique() }),
	'chat:rules-ok': (ctx) => ({ roomId: ctx.roomId })
};

/** The group chat of the table's participant (Group A), with one message from staff in it to react to and report. */
export async function chatSetup(t: TestApp, clients: Record<Who, Client>): Promise<ChatAuthzContext> {
	void t;
	const rooms = await clients.participant.get('/api/chat/rooms');
	const roomId = (rooms.json.data as { id: string; kind: string }[]).find((r) => r.kind === 'group')!.id;
	const socket = clients.staff.socket();
	await connected(socket);
	const sent = await emitAck<{ id: string }>(socket, 'chat:send', { roomId, clientMsgId: unique(), text: 'Welcome, everyone' });
	socket.close();
	if (!sent.ok) throw new Error(`chat setup failed: ${JSON.stringify(sent)}`);
	return { roomId, messageId: sent.data!.id };
}

/** Path parameters (`:roomId`, `:messageId`...) the chat routes need, by name. */
export function chatPathIds(ctx: ChatAuthzContext): Record<string, string> {
	return { roomId: ctx.roomId, messageId: ctx.messageId };
}
