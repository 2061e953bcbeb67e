/**
 * Reference-group chat: rooms, messages, controls, and the chat socket events.
 * The event maps below are merged into contracts/events.ts.
 *
 * Every message has a per-room `seq` (its place in the conversation, from an atomic counter on
 * the room) and a `rev` (bumped whenever anything about it changes: sent, shown, hidden,
 * reacted to). A phone that slept asks for everything changed after the last `rev` it saw.
 */
import { z } from 'zod';
import { objectId, text } from './common.js';
import type { Result } from './errors.js';
import { reportReasons, supportInfo, type SupportInfo } from './safeguarding.js';

/** The hardest limit on a message; the configured CHAT_MAX_LENGTH (default 1000) is checked by the server. */
export const CHAT_TEXT_HARD_MAX = 10000;

/** A retry-safe id made by the phone (letters, digits, - and _). */
export const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid id.');

export const chatRoomKinds = ['group', 'session'] as const;
export const chatRoomStates = ['open', 'paused', 'ended'] as const;
/** post: shown at once, checked by the filter; pre: every young person's message waits for a moderator; read-only: only staff write. */
export const chatModes = ['post', 'pre', 'read-only'] as const;
export const chatModeLabel: Record<(typeof chatModes)[number], string> = {
	post: 'Show messages at once',
	pre: 'Check every message first',
	'read-only': 'Only staff can write'
};
export const messageStatuses = ['visible', 'held', 'blocked', 'removed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** The small, fixed set of reactions. */
export const chatReactions = ['thumbs', 'heart', 'laugh', 'wow', 'sad', 'clap'] as const;
export type ChatReaction = (typeof chatReactions)[number];
export const reactionEmoji: Record<ChatReaction, string> = { thumbs: '👍', heart: '❤️', laugh: '😂', wow: '😮', sad: '😢', clap: '👏' };
export const reactionLabel: Record<ChatReaction, string> = { thumbs: 'Thumbs up', heart: 'Love', laugh: 'Funny', wow: 'Wow', sad: 'Sad', clap: 'Well done' };

/** Why staff hid a message, muted someone or changed the room: a code, so the audit log never holds free text. */
export const chatReasons = ['ground-rules', 'unkind', 'personal-details', 'worrying', 'off-topic', 'spam', 'break', 'finished', 'other'] as const;
export type ChatReasonCode = (typeof chatReasons)[number];
export const chatReasonLabel: Record<ChatReasonCode, string> = {
	'ground-rules': 'Breaks the ground rules',
	unkind: 'Unkind or bullying',
	'personal-details': 'Shares personal details',
	worrying: 'Worrying: needs a safeguarding check',
	'off-topic': 'Off topic',
	spam: 'Spam or nonsense',
	break: 'Taking a break',
	finished: 'The session has finished',
	other: 'Something else'
};
const reason = z.enum(chatReasons);

/** Ground rules, in plain words, shown on first entry and any time from the chat. */
export const groundRules = [
	'Be kind. Everyone here has a voice.',
	'Use your nickname only. Do not share your real name, phone number, address, school or social media.',
	'Do not share other people’s stories or details.',
	'If something worries you, press “I’m worried”. Only the safeguarding team will know.',
	'A filter checks messages. Some wait for a check before others can see them.'
];
export const whoCanRead =
	'The young people in this group can read the chat, with the staff who run the group. Safeguarding moderators can read it too, including messages waiting for a check. Messages are deleted after a few months.';

/** The same help shown everywhere a young person writes (see safeguarding.ts). */
export const chatSupport = supportInfo;
export type ChatSupport = SupportInfo;

/** Shown to a young person after they press "I'm worried". */
export const worriedSupport: ChatSupport = {
	message:
		'Thank you for telling us. A member of the safeguarding team has been told and will check in with you soon. Nobody else in the chat knows. If you are in danger right now, call 999.',
	contacts: [
		{ name: 'Childline', phone: '0800 1111', note: 'Free, any time, for anyone under 19.' },
		{ name: 'Samaritans', phone: '116 123', note: 'Free, any time, day or night.' },
		{ name: 'Emergency', phone: '999', note: 'If you or someone else is in danger right now.' }
	]
};

export const chatAuthorRoles = ['young-person', 'facilitator', 'moderator', 'admin'] as const;
export type ChatAuthorRole = (typeof chatAuthorRoles)[number];
export const authorRoleLabel: Record<ChatAuthorRole, string> = {
	'young-person': '',
	facilitator: 'Facilitator',
	moderator: 'Moderator',
	admin: 'Staff'
};

export const chatAuthor = z.object({
	/** Stable per room; compare with `me.key` to spot your own messages. */
	key: z.string(),
	name: z.string(),
	/** Avatar colour, 0–7, derived from the author's id. */
	colour: z.number().int(),
	role: z.enum(chatAuthorRoles),
	/** Staff view only: the young person, for muting. */
	participantId: objectId.optional()
});
export type ChatAuthor = z.infer<typeof chatAuthor>;

const reactionCounts = z.partialRecord(z.enum(chatReactions), z.number().int());

export const chatMessage = z.object({
	id: objectId,
	roomId: objectId,
	seq: z.number().int(),
	rev: z.number().int(),
	author: chatAuthor,
	/** Null for a message a moderator removed (others see only that it was removed). */
	text: z.string().nullable(),
	status: z.enum(messageStatuses),
	createdAt: z.string(),
	reactions: reactionCounts,
	/** Your own reactions (absent in live broadcasts: keep what you had). */
	myReactions: z.array(z.enum(chatReactions)).optional(),
	/** For the author (and staff): why it is held, not sent or removed, in plain words. */
	notice: z.string().optional(),
	/** For the author only: where to get help, when the filter was worried about them. */
	support: chatSupport.optional(),
	/** Staff view only. */
	categories: z.array(z.string()).optional(),
	severity: z.string().optional(),
	escalated: z.boolean().optional(),
	hiddenReason: z.string().nullable().optional()
});
export type ChatMessage = z.infer<typeof chatMessage>;

export const chatRoom = z.object({
	id: objectId,
	kind: z.enum(chatRoomKinds),
	title: z.string(),
	groupId: objectId,
	groupName: z.string(),
	hubId: objectId,
	sessionId: objectId.nullable(),
	state: z.enum(chatRoomStates),
	mode: z.enum(chatModes),
	/** Seconds between messages for each young person (0: off). */
	slowSeconds: z.number().int(),
	allowLinks: z.boolean(),
	pinned: z.object({ id: objectId, text: z.string(), authorName: z.string() }).nullable(),
	/** The room's change counter when this was read. */
	rev: z.number().int(),
	lastMessageAt: z.string().nullable()
});
export type ChatRoom = z.infer<typeof chatRoom>;

export const chatMe = z.object({
	key: z.string(),
	name: z.string(),
	colour: z.number().int(),
	role: z.enum(chatAuthorRoles),
	mutedUntil: z.string().nullable(),
	rulesSeen: z.boolean(),
	/** Staff: pause, slow mode, mute, hide, pin... */
	canModerate: z.boolean(),
	/** Moderators and admins: show a held message. */
	canApproveHeld: z.boolean(),
	maxLength: z.number().int()
});
export type ChatMe = z.infer<typeof chatMe>;

export const chatSnapshot = z.object({
	room: chatRoom,
	me: chatMe,
	/** `page`: the newest messages, newest first. `changes`: everything changed since the `afterRev` asked for. */
	mode: z.enum(['page', 'changes']),
	messages: z.array(chatMessage),
	/** Older messages exist before the oldest in `messages` (page mode). */
	hasMore: z.boolean()
});
export type ChatSnapshot = z.infer<typeof chatSnapshot>;

export const chatPage = z.object({
	messages: z.array(chatMessage),
	/** Pass as `before` for the next (older) page; null at the start of the chat. */
	nextBefore: z.number().int().nullable()
});
export type ChatPage = z.infer<typeof chatPage>;

export const chatRoomSummary = chatRoom.pick({ id: true, kind: true, title: true, groupName: true, state: true, lastMessageAt: true });
export type ChatRoomSummary = z.infer<typeof chatRoomSummary>;

export const chatPerson = z.object({ participantId: objectId, name: z.string(), colour: z.number().int(), mutedUntil: z.string().nullable() });
export type ChatPerson = z.infer<typeof chatPerson>;

export interface ChatSendResult {
	id: string;
	status: MessageStatus;
	seq: number;
	message: ChatMessage;
	support?: ChatSupport;
}

/* HTTP bodies and queries. */
export const openChatBody = z.object({ sessionId: objectId });
export const chatHistoryQuery = z.object({
	before: z.coerce.number().int().min(1).optional(),
	limit: z.coerce.number().int().min(1).max(100).default(30)
});
export const chatControlBody = z.discriminatedUnion('action', [
	z.object({ action: z.literal('pause'), reason: reason.optional() }),
	z.object({ action: z.literal('resume'), reason: reason.optional() }),
	z.object({ action: z.literal('end'), reason: reason.optional() }),
	z.object({ action: z.literal('slow'), seconds: z.number().int().min(0).max(600), reason: reason.optional() }),
	z.object({ action: z.literal('mode'), mode: z.enum(chatModes), reason: reason.optional() }),
	z.object({ action: z.literal('pin'), messageId: objectId }),
	z.object({ action: z.literal('unpin') }),
	z.object({ action: z.literal('links'), allow: z.boolean() })
]);
export type ChatControlBody = z.infer<typeof chatControlBody>;
export const chatMuteBody = z.object({
	participantId: objectId,
	/** 0 lifts a mute. */
	minutes: z.number().int().min(0).max(24 * 60),
	reason: reason.optional()
});
export type ChatMuteBody = z.infer<typeof chatMuteBody>;
export const chatHideBody = z.object({ reason, note: text(500).optional() });
export const chatRestoreBody = z.object({ reason: reason.optional() });

export const chatEventPayloads = {
	'chat:join': z.object({ roomId: objectId, afterRev: z.number().int().min(0).optional() }),
	'chat:leave': z.object({ roomId: objectId }),
	'chat:send': z.object({ roomId: objectId, clientMsgId: clientId, text: text(CHAT_TEXT_HARD_MAX) }),
	'chat:typing': z.object({ roomId: objectId }),
	'chat:react': z.object({ messageId: objectId, reaction: z.enum(chatReactions) }),
	'chat:report': z.object({ messageId: objectId, reason: z.enum(reportReasons), note: text(500, 0).optional() }),
	'chat:worried': z.object({ roomId: objectId, clientId, note: text(1000, 0).optional() }),
	'chat:rules-ok': z.object({ roomId: objectId })
} as const satisfies Record<string, z.ZodType>;

type Ack<T> = (result: Result<T>) => void;
type In<E extends keyof typeof chatEventPayloads> = z.input<(typeof chatEventPayloads)[E]>;

export interface ChatClientToServerEvents {
	/** Start hearing a room; returns its state and the newest messages, or what changed after `afterRev`. */
	'chat:join': (payload: In<'chat:join'>, ack: Ack<ChatSnapshot>) => void;
	'chat:leave': (payload: In<'chat:leave'>, ack: Ack<{ left: true }>) => void;
	/** Stored before the ack; a retry with the same clientMsgId returns the first result. */
	'chat:send': (payload: In<'chat:send'>, ack: Ack<ChatSendResult>) => void;
	/** "Someone is typing": never what is typed. */
	'chat:typing': (payload: In<'chat:typing'>, ack: Ack<{ sent: boolean }>) => void;
	/** Adds your reaction, or takes it away if you had it. */
	'chat:react': (payload: In<'chat:react'>, ack: Ack<{ messageId: string; reactions: ChatMessage['reactions']; myReactions: ChatReaction[] }>) => void;
	'chat:report': (payload: In<'chat:report'>, ack: Ack<{ received: true }>) => void;
	/** Tells the safeguarding team privately. */
	'chat:worried': (payload: In<'chat:worried'>, ack: Ack<{ received: true; support: ChatSupport }>) => void;
	'chat:rules-ok': (payload: In<'chat:rules-ok'>, ack: Ack<{ rulesSeen: true }>) => void;
}

export interface ChatServerToClientEvents {
	/** A message is new or changed (shown, hidden, reacted to): merge by id, keep the higher rev. */
	'chat:message': (message: ChatMessage) => void;
	/** The room was paused, resumed, ended, slowed, pinned... */
	'chat:room': (room: ChatRoom) => void;
	'chat:typing': (info: { roomId: string; key: string; name: string }) => void;
	/** Just for you: you were muted or unmuted. */
	'chat:you': (info: { roomId: string; mutedUntil: string | null }) => void;
}
