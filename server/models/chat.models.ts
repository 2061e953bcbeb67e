/**
 * Chat rooms and messages (the reference-group chat). Registered by createModels alongside
 * the rest; the same rules apply: no nested arrays, integrity from unique indexes.
 *
 * - A room is one document per group (`group:<id>`) or live session (`session:<id>`), unique by
 *   `key`. Its `seq` and `rev` counters are bumped atomically ($inc) to order messages and to
 *   number every change, so a phone can ask for "everything after the last change I saw".
 * - A message is unique per room × clientMsgId, so a retried send can never store it twice.
 * - A reaction is unique per message × person × reaction; counts on the message move only
 *   when a reaction row was really added or removed.
 * - A member row holds what is personal to one young person in one room (mute, rules seen).
 */
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

const id = Schema.Types.ObjectId;

const chatRoomSchema = new Schema(
	{
		key: { type: String, required: true },
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, required: true },
		sessionId: { type: id, default: null },
		kind: { type: String, required: true, enum: ['group', 'session'] },
		title: { type: String, required: true },
		state: { type: String, required: true, default: 'open', enum: ['open', 'paused', 'ended'] },
		mode: { type: String, required: true, default: 'post', enum: ['post', 'pre', 'read-only'] },
		slowSeconds: { type: Number, default: 0 },
		allowLinks: { type: Boolean, default: false },
		pinnedMessageId: { type: id, default: null },
		seq: { type: Number, default: 0 },
		rev: { type: Number, default: 0 },
		createdAt: { type: Date, required: true },
		endedAt: { type: Date, default: null },
		lastMessageAt: { type: Date, default: null }
	},
	{ versionKey: false }
);
chatRoomSchema.index({ key: 1 }, { unique: true });
chatRoomSchema.index({ hubId: 1, kind: 1, createdAt: -1 });

const reactionCounts = new Schema(
	{ thumbs: Number, heart: Number, laugh: Number, wow: Number, sad: Number, clap: Number },
	{ _id: false }
);

const chatMessageSchema = new Schema(
	{
		roomId: { type: id, required: true },
		seq: { type: Number, required: true },
		rev: { type: Number, required: true },
		clientMsgId: { type: String, required: true },
		authorType: { type: String, required: true, enum: ['participant', 'staff'] },
		authorId: { type: id, required: true },
		authorName: { type: String, required: true },
		authorRole: { type: String, required: true },
		text: { type: String, required: true },
		/** visible, held (waiting for a person), blocked (refused by the filter), removed (hidden by a person or a late check). */
		status: { type: String, required: true },
		/** Whether others ever saw it: a removed message they saw leaves a "removed" marker. */
		everShown: { type: Boolean, default: false },
		/** Held because the room is pre-moderated (not because the filter was worried). */
		preModerated: { type: Boolean, default: false },
		/** The filter's verdict, kept so a retried send can finish an escalation with the same facts. */
		action: { type: String, default: 'allow' },
		severity: { type: String, default: 'none' },
		categories: { type: [String], default: [] },
		reasons: { type: [new Schema({ stage: String, rule: String, category: String }, { _id: false })], default: [] },
		escalated: { type: Boolean, default: false },
		/** Follow-up (escalation, held queue) not yet confirmed done: a retried send finishes it. */
		pending: { type: Boolean, default: false },
		/** The support message for the author, when the filter had one. */
		support: { type: Schema.Types.Mixed, default: null },
		reactions: { type: reactionCounts, default: () => ({}) },
		hiddenBy: { type: id, default: null },
		hiddenReason: { type: String, default: null },
		hiddenNote: { type: String, default: null },
		hiddenAt: { type: Date, default: null },
		createdAt: { type: Date, required: true }
	},
	{ versionKey: false }
);
chatMessageSchema.index({ roomId: 1, clientMsgId: 1 }, { unique: true });
chatMessageSchema.index({ roomId: 1, seq: -1 }, { unique: true });
chatMessageSchema.index({ roomId: 1, rev: 1 });
chatMessageSchema.index({ createdAt: 1 });
chatMessageSchema.index({ authorId: 1, createdAt: -1 });

const chatReactionSchema = new Schema(
	{
		messageId: { type: id, required: true },
		roomId: { type: id, required: true },
		/** `p:<participantId>` or `s:<userId>`. */
		who: { type: String, required: true },
		reaction: { type: String, required: true },
		createdAt: { type: Date, required: true }
	},
	{ versionKey: false }
);
chatReactionSchema.index({ messageId: 1, who: 1, reaction: 1 }, { unique: true });
chatReactionSchema.index({ who: 1, roomId: 1 });

const chatMemberSchema = new Schema(
	{
		roomId: { type: id, required: true },
		participantId: { type: id, required: true },
		mutedUntil: { type: Date, default: null },
		rulesSeenAt: { type: Date, default: null }
	},
	{ versionKey: false }
);
chatMemberSchema.index({ roomId: 1, participantId: 1 }, { unique: true });

export type ChatRoomDoc = InferSchemaType<typeof chatRoomSchema> & { _id: Types.ObjectId };
export type ChatMessageDoc = InferSchemaType<typeof chatMessageSchema> & { _id: Types.ObjectId };
export type ChatMemberDoc = InferSchemaType<typeof chatMemberSchema> & { _id: Types.ObjectId };

export function createChatModels(conn: Connection) {
	return {
		ChatRoom: conn.model('ChatRoom', chatRoomSchema, 'chatRooms'),
		ChatMessage: conn.model('ChatMessage', chatMessageSchema, 'chatMessages'),
		ChatReaction: conn.model('ChatReaction', chatReactionSchema, 'chatReactions'),
		ChatMember: conn.model('ChatMember', chatMemberSchema, 'chatMembers')
	};
}
