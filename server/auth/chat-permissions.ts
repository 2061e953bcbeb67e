/**
 * Chat actions for the one policy table in policy.ts (kept in their own file so the chat work
 * can grow them; `permissions` spreads these in). The policy says who may try; the chat service
 * then checks the room: young people only in their group's (or live session's) room, staff and
 * moderators only in rooms of hubs they cover, admins in their whole organisation.
 */
import type { Principal } from './policy.js';

const MEMBERS: Principal[] = ['participant', 'admin', 'staff', 'moderator'];
const STAFF_ANY: Principal[] = ['admin', 'staff', 'moderator'];

export const chatPermissions = {
	/** List the chats you can open. */
	'chat:list': MEMBERS,
	/** Open a chat for a live session. */
	'chat:open': ['admin', 'staff'],
	/** Read a room and its history; join it live. */
	'chat:read': MEMBERS,
	/** Write a message; show "typing". */
	'chat:send': MEMBERS,
	'chat:react': MEMBERS,
	/** Young people's own tools. */
	'chat:report': ['participant'],
	'chat:worried': ['participant'],
	/** Facilitators and moderators: pause, resume, end, slow mode, moderation mode, pin, links. */
	'chat:control': STAFF_ANY,
	'chat:mute': STAFF_ANY,
	/** Hide a message or show it again (held messages: moderators and admins, checked by the service). */
	'chat:hide': STAFF_ANY,
	'chat:people': STAFF_ANY
} as const satisfies Record<string, Principal[]>;
