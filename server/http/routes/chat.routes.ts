/** Chat HTTP routes: rooms, history, and the facilitator and moderator controls. */
import { z } from 'zod';
import {
	chatControlBody,
	chatHideBody,
	chatHistoryQuery,
	chatMessage,
	chatMuteBody,
	chatPage,
	chatPerson,
	chatRestoreBody,
	chatRoom,
	chatRoomSummary,
	chatSnapshot,
	objectId,
	openChatBody
} from '../../../contracts/index.js';
import type { Services } from '../../services/index.js';
import { route } from '../route.js';

const roomParams = z.object({ roomId: objectId });
const messageParams = z.object({ messageId: objectId });

export function chatRoutes(s: Services) {
	return [
		route({
			method: 'get',
			path: '/chat/rooms',
			action: 'chat:list',
			tag: 'chat',
			summary: 'Chats you can open: your group’s (and your live session’s) for a young person; every group in your hubs for staff.',
			response: z.array(chatRoomSummary),
			handler: ({ actor }) => s.chat.listRooms(actor)
		}),
		route({
			method: 'post',
			path: '/chat/rooms',
			action: 'chat:open',
			tag: 'chat',
			summary: 'Open a chat for a live session (again: the same room).',
			body: openChatBody,
			response: chatRoom,
			status: 201,
			handler: ({ actor, body }) => s.chat.openSessionRoom(actor, body.sessionId)
		}),
		route({
			method: 'get',
			path: '/chat/rooms/:roomId',
			action: 'chat:read',
			tag: 'chat',
			summary: 'A room, you in it, and its newest messages (newest first). Members only.',
			params: roomParams,
			response: chatSnapshot,
			handler: ({ actor, params }) => s.chat.snapshot(actor, params.roomId)
		}),
		route({
			method: 'get',
			path: '/chat/rooms/:roomId/messages',
			action: 'chat:read',
			tag: 'chat',
			summary: 'Older messages, newest first: pass `before` (a message’s seq) from the previous page’s `nextBefore`.',
			params: roomParams,
			query: chatHistoryQuery,
			response: chatPage,
			handler: ({ actor, params, query }) => s.chat.history(actor, params.roomId, query)
		}),
		route({
			method: 'post',
			path: '/chat/rooms/:roomId/control',
			action: 'chat:control',
			tag: 'chat',
			summary: 'Pause, resume or end the chat; slow mode; moderation mode (post, pre, read-only); pin or unpin a message; allow links. Audited.',
			params: roomParams,
			body: chatControlBody,
			response: chatRoom,
			handler: ({ actor, params, body }) => s.chat.control(actor, params.roomId, body)
		}),
		route({
			method: 'post',
			path: '/chat/rooms/:roomId/mute',
			action: 'chat:mute',
			tag: 'chat',
			summary: 'Mute a young person in this chat for some minutes (0 lifts it). Audited.',
			params: roomParams,
			body: chatMuteBody,
			response: chatPerson,
			handler: ({ actor, params, body }) => s.chat.mute(actor, params.roomId, body)
		}),
		route({
			method: 'get',
			path: '/chat/rooms/:roomId/people',
			action: 'chat:people',
			tag: 'chat',
			summary: 'The young people in this chat (nicknames) and who is muted.',
			params: roomParams,
			response: z.array(chatPerson),
			handler: ({ actor, params }) => s.chat.people(actor, params.roomId)
		}),
		route({
			method: 'post',
			path: '/chat/messages/:messageId/hide',
			action: 'chat:hide',
			tag: 'chat',
			summary: 'Hide a message from everyone (they see “removed by a moderator”), with a reason. Audited.',
			params: messageParams,
			body: chatHideBody,
			response: chatMessage,
			handler: ({ actor, params, body }) => s.chat.hide(actor, params.messageId, body.reason, body.note ?? null)
		}),
		route({
			method: 'post',
			path: '/chat/messages/:messageId/restore',
			action: 'chat:hide',
			tag: 'chat',
			summary: 'Show a hidden message again; a held one is approved (moderators and admins). Audited.',
			params: messageParams,
			body: chatRestoreBody,
			response: chatMessage,
			handler: ({ actor, params, body }) => s.chat.restore(actor, params.messageId, body.reason)
		})
	];
}
