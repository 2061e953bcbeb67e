/** Chat rooms and messages: the only chat code that touches mongoose. */
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { ChatMessageDoc, ChatRoomDoc } from '../models/chat.models.js';
import type { Models } from '../models/index.js';
import { isDuplicateKey, oid, writeQueue } from './index.js';

export interface NewRoom {
	key: string;
	orgId: string;
	hubId: string;
	groupId: string;
	sessionId: string | null;
	kind: 'group' | 'session';
	title: string;
	createdAt: Date;
}

export interface NewMessage {
	roomId: string;
	seq: number;
	rev: number;
	clientMsgId: string;
	authorType: 'participant' | 'staff';
	authorId: string;
	authorName: string;
	authorRole: string;
	text: string;
	status: string;
	everShown: boolean;
	preModerated: boolean;
	action: string;
	severity: string;
	categories: string[];
	reasons: { stage: string; rule: string; category: string }[];
	escalated: boolean;
	pending: boolean;
	support: unknown;
	createdAt: Date;
}

/** Which messages a young person may see: everyone's shown ones, markers for removed ones, and all their own. */
export function participantFilter(participantId: string) {
	return { $or: [{ status: 'visible' }, { status: 'removed', everShown: true }, { authorType: 'participant' as const, authorId: oid(participantId) }] };
}

/**
 * A message's id comes from its room and the sender's clientMsgId, so a retry is found by id:
 * the embedded database (FerretDB 1.x with SQLite) reads the whole collection for any other
 * lookup. The unique (room, clientMsgId) index still guards against duplicates.
 */
export function messageIdFor(roomId: string, clientMsgId: string): Types.ObjectId {
	return new Types.ObjectId(createHash('sha256').update(`${roomId}\u0000${clientMsgId}`).digest('hex').slice(0, 24));
}

export function createChatRepository({ ChatRoom, ChatMessage, ChatReaction, ChatMember, Participant }: Models) {
	const room = (r: unknown) => r as ChatRoomDoc | null;
	const msg = (m: unknown) => m as ChatMessageDoc | null;
	// The embedded database applies an update as read-change-write, not atomically: counters and
	// guarded changes go one at a time per collection in this process (MongoDB needs none of it).
	const roomWrite = writeQueue();
	const messageWrite = writeQueue();
	return {
		/** The room for a key, made on first use (two first uses at once still make one room). */
		async ensureRoom(r: NewRoom): Promise<ChatRoomDoc> {
			const doc = {
				...r,
				orgId: oid(r.orgId),
				hubId: oid(r.hubId),
				groupId: oid(r.groupId),
				sessionId: r.sessionId ? oid(r.sessionId) : null
			};
			try {
				const found = await ChatRoom.findOneAndUpdate({ key: r.key }, { $setOnInsert: doc }, { upsert: true, returnDocument: 'after' }).lean();
				return found as ChatRoomDoc;
			} catch (err) {
				if (!isDuplicateKey(err)) throw err;
				return (await ChatRoom.findOne({ key: r.key }).lean()) as ChatRoomDoc;
			}
		},
		findRoom: async (id: string) => room(await ChatRoom.findById(oid(id)).lean()),
		findRoomByKey: async (key: string) => room(await ChatRoom.findOne({ key }).lean()),
		listRooms: async (keys: string[]) => (await ChatRoom.find({ key: { $in: keys } }).sort({ kind: 1, createdAt: -1 }).lean()) as ChatRoomDoc[],
		/** Recent live-session rooms in some hubs (null: the whole organisation). */
		listSessionRooms: async (orgId: string, hubIds: string[] | null) =>
			(await ChatRoom.find({ orgId: oid(orgId), kind: 'session', ...(hubIds ? { hubId: { $in: hubIds.map(oid) } } : {}) })
				.sort({ createdAt: -1 })
				.limit(20)
				.lean()) as ChatRoomDoc[],

		/**
		 * The next place in the conversation and change number, taken atomically. `open` only
		 * when the room is open (young people), otherwise while it has not ended (staff).
		 */
		async allocate(roomId: string, need: 'open' | 'not-ended', at: Date) {
			const r = await roomWrite(() =>
				ChatRoom.findOneAndUpdate(
					need === 'open' ? { _id: oid(roomId), state: 'open' } : { _id: oid(roomId), state: { $ne: 'ended' } },
					{ $inc: { seq: 1, rev: 1 }, $set: { lastMessageAt: at } },
					{ returnDocument: 'after' }
				).lean()
			);
			return r ? { seq: r.seq, rev: r.rev } : null;
		},
		/** A new change number for the room. */
		async nextRev(roomId: string): Promise<number> {
			const r = await roomWrite(() => ChatRoom.findOneAndUpdate({ _id: oid(roomId) }, { $inc: { rev: 1 } }, { returnDocument: 'after' }).lean());
			return r?.rev ?? 0;
		},
		/** Change room settings, optionally only from some states; null if the guard failed. */
		updateRoom: async (roomId: string, set: Record<string, unknown>, fromStates?: string[]) =>
			room(
				await roomWrite(() =>
					ChatRoom.findOneAndUpdate(fromStates ? { _id: oid(roomId), state: { $in: fromStates as ('open' | 'paused' | 'ended')[] } } : { _id: oid(roomId) }, { $set: set }, { returnDocument: 'after' }).lean()
				)
			),

		/** Stores a message; returns null when the same clientMsgId is already there. */
		async insertMessage(m: NewMessage): Promise<ChatMessageDoc | null> {
			try {
				const doc = await ChatMessage.create({ ...m, _id: messageIdFor(m.roomId, m.clientMsgId), roomId: oid(m.roomId), authorId: oid(m.authorId) });
				return doc.toObject() as ChatMessageDoc;
			} catch (err) {
				if (isDuplicateKey(err)) return null;
				throw err;
			}
		},
		findMessage: async (id: string) => msg(await ChatMessage.findById(oid(id)).lean()),
		/** A retried send, found by the id its room and clientMsgId give (quick on every database). */
		async findByClientMsgId(roomId: string, clientMsgId: string) {
			const m = msg(await ChatMessage.findById(messageIdFor(roomId, clientMsgId)).lean());
			return m && String(m.roomId) === roomId && m.clientMsgId === clientMsgId ? m : null;
		},
		/** The same, by the fields themselves: for messages stored before ids were derived (a slower lookup). */
		findByClientMsgIdFields: async (roomId: string, clientMsgId: string) => msg(await ChatMessage.findOne({ roomId: oid(roomId), clientMsgId }).lean()),
		findMessages: async (ids: string[]) => (await ChatMessage.find({ _id: { $in: ids.map(oid) } }).lean()) as ChatMessageDoc[],

		/** Change a message (guarded by its current status) and stamp it with a change number. */
		updateMessage: async (id: string, fromStatuses: string[] | null, set: Record<string, unknown>, rev: number) =>
			msg(
				await messageWrite(() =>
					ChatMessage.findOneAndUpdate({ _id: oid(id), ...(fromStatuses ? { status: { $in: fromStatuses } } : {}) }, { $set: set, $max: { rev } }, { returnDocument: 'after' }).lean()
				)
			),
		markDone: (id: string) => messageWrite(() => ChatMessage.updateOne({ _id: oid(id) }, { $set: { pending: false } }).exec()),

		/** Newest first, before a place in the conversation. `onlyFor`: what that young person may see. */
		page: async (roomId: string, before: number | undefined, limit: number, onlyFor: string | null) =>
			(await ChatMessage.find({
				roomId: oid(roomId),
				...(before ? { seq: { $lt: before } } : {}),
				...(onlyFor ? participantFilter(onlyFor) : {})
			})
				.sort({ seq: -1 })
				.limit(limit)
				.lean()) as ChatMessageDoc[],
		/** Everything changed after a change number, oldest change first. */
		changedSince: async (roomId: string, afterRev: number, limit: number, onlyFor: string | null) =>
			(await ChatMessage.find({ roomId: oid(roomId), rev: { $gt: afterRev }, ...(onlyFor ? participantFilter(onlyFor) : {}) })
				.sort({ rev: 1 })
				.limit(limit)
				.lean()) as ChatMessageDoc[],
		/** Up to `n` messages either side of one place in a room (for a moderator's context). */
		async around(roomId: string, seq: number, n: number): Promise<ChatMessageDoc[]> {
			const before = await ChatMessage.find({ roomId: oid(roomId), seq: { $lt: seq } }).sort({ seq: -1 }).limit(n).lean();
			const after = await ChatMessage.find({ roomId: oid(roomId), seq: { $gte: seq } }).sort({ seq: 1 }).limit(n + 1).lean();
			return [...before.reverse(), ...after] as ChatMessageDoc[];
		},
		/** A young person's latest messages in some rooms. */
		recentByAuthor: async (participantId: string, roomIds: string[], limit: number) =>
			(await ChatMessage.find({ authorId: oid(participantId), roomId: { $in: roomIds.map(oid) } })
				.sort({ createdAt: -1 })
				.limit(limit)
				.lean()) as ChatMessageDoc[],
		roomIdsOfGroup: async (groupId: string) => (await ChatRoom.find({ groupId: oid(groupId) }, { _id: 1 }).lean()).map((r) => String(r._id)),

		/** Adds a reaction row; false if that person already had it. */
		async addReaction(r: { messageId: string; roomId: string; who: string; reaction: string; at: Date }): Promise<boolean> {
			try {
				await ChatReaction.create({ messageId: oid(r.messageId), roomId: oid(r.roomId), who: r.who, reaction: r.reaction, createdAt: r.at });
				return true;
			} catch (err) {
				if (isDuplicateKey(err)) return false;
				throw err;
			}
		},
		removeReaction: async (messageId: string, who: string, reaction: string) =>
			(await ChatReaction.deleteOne({ messageId: oid(messageId), who, reaction })).deletedCount === 1,
		myReactions: async (who: string, messageIds: string[]) =>
			(await ChatReaction.find({ who, messageId: { $in: messageIds.map(oid) } }, { messageId: 1, reaction: 1 }).lean()).map((r) => ({
				messageId: String(r.messageId),
				reaction: r.reaction
			})),
		/** Moves one reaction count by exactly what happened to the rows. */
		bumpReaction: async (messageId: string, reaction: string, delta: number, rev: number) =>
			msg(
				await messageWrite(() =>
					ChatMessage.findOneAndUpdate({ _id: oid(messageId) }, { $inc: { [`reactions.${reaction}`]: delta }, $max: { rev } }, { returnDocument: 'after' }).lean()
				)
			),

		findMember: (roomId: string, participantId: string) => ChatMember.findOne({ roomId: oid(roomId), participantId: oid(participantId) }).lean(),
		async setMember(roomId: string, participantId: string, set: { mutedUntil?: Date | null; rulesSeenAt?: Date }) {
			const write = () => ChatMember.findOneAndUpdate({ roomId: oid(roomId), participantId: oid(participantId) }, { $set: set }, { upsert: true, returnDocument: 'after' }).lean();
			// Two first writes at once: one inserts, the other hits the unique index and simply updates.
			return write().catch((err) => {
				if (isDuplicateKey(err)) return write();
				throw err;
			});
		},
		mutedIn: (roomId: string, at: Date) => ChatMember.find({ roomId: oid(roomId), mutedUntil: { $gt: at } }).lean(),

		/** Young people who belong in a room: the group's (or the session's) current participants. */
		participantsOf: (r: { kind: string; groupId: unknown; sessionId?: unknown }) =>
			Participant.find(r.kind === 'session' ? { sessionId: oid(String(r.sessionId)), removedAt: null } : { groupId: oid(String(r.groupId)), removedAt: null }, { displayName: 1 })
				.sort({ displayName: 1 })
				.limit(500)
				.lean(),
		findParticipant: (id: string) => Participant.findOne({ _id: oid(id), removedAt: null }).lean(),

		/** Retention: ids of messages older than `before`, a batch at a time. */
		oldMessages: async (before: Date, limit: number, skipIds: string[]) =>
			(await ChatMessage.find({ createdAt: { $lt: before }, ...(skipIds.length ? { _id: { $nin: skipIds.map(oid) } } : {}) }, { _id: 1, roomId: 1, status: 1 })
				.limit(limit)
				.lean()) as Pick<ChatMessageDoc, '_id' | 'roomId' | 'status'>[],
		async deleteMessages(ids: string[]): Promise<number> {
			const objectIds = ids.map(oid);
			await ChatReaction.deleteMany({ messageId: { $in: objectIds } });
			return (await ChatMessage.deleteMany({ _id: { $in: objectIds } })).deletedCount ?? 0;
		},
		countMessages: (roomId: string) => ChatMessage.countDocuments({ roomId: oid(roomId) })
	};
}
export type ChatRepository = ReturnType<typeof createChatRepository>;
