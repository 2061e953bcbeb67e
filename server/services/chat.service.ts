/**
 * Reference-group chat: rooms, messages persisted before the ack, moderation through the
 * safeguarding filter, facilitator and moderator controls, and retention.
 *
 * A message goes: membership → first result for a retried clientMsgId → room open? muted?
 * long? too fast? → local filter → a place in the room (atomic counter) → stored → escalation
 * and held queue → ack and broadcast. Remote classifiers (when configured) run afterwards and
 * can only raise concern: hide and escalate.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
	worriedSupport,
	type ChatControlBody,
	type ChatMe,
	type ChatMessage,
	type ChatMuteBody,
	type ChatPage,
	type ChatPerson,
	type ChatReaction,
	type ChatReasonCode,
	type ChatRoom,
	type ChatRoomSummary,
	type ChatSendResult,
	type ChatSnapshot,
	type ChatSupport,
	type ContextMessage,
	type MessageStatus,
	type StaffRole
} from '../../contracts/index.js';
import { assertScope, canSeeHub, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { ChatMessageDoc, ChatRoomDoc } from '../models/chat.models.js';
import type { ContentModerator, ContentVerdict } from '../moderation.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';
import type { EscalationService } from './escalation.service.js';
import type { RateLimiter } from './rate-limit.js';
import type { ReviewService } from './review.service.js';

export interface ChatDeps {
	config: Config;
	repos: Repositories;
	audit: AuditService;
	now: () => Date;
	limiter: RateLimiter;
	moderator: ContentModerator | null;
	escalations: EscalationService;
	reviews: ReviewService;
}

type Room = ChatRoomDoc;
type Message = ChatMessageDoc;
type Viewer = { kind: 'participant'; id: string } | { kind: 'staff'; id: string; role: StaffRole };

/** What the realtime layer hears from the chat service. */
export interface ChatEvents {
	/** A message is new or changed: the realtime layer sends each audience its own view. */
	message: [message: Message];
	room: [room: ChatRoom];
	you: [participantId: string, info: { roomId: string; mutedUntil: string | null }];
	/** Something in the background failed (never with message text). */
	failure: [what: string, err: unknown];
}

/** A phone asking for changes gets this many change numbers before the one it saw as well, in case one was still being stored. */
export const RESYNC_OVERLAP = 25;
/** More changes than this since a phone's last one: it gets the newest page instead. */
const RESYNC_LIMIT = 300;
const PAGE = 30;
/** Messages either side of a concern kept for its context (and by retention). */
const CONTEXT = 5;
const SYSTEM: Actor = { kind: 'anonymous' };
const ALLOW: ContentVerdict = { action: 'allow', escalate: false, severity: 'none', categories: [], reasons: [] };
const ACTION_RANK = { allow: 0, hold: 1, block: 2 } as const;
const SEVERITY_RANK: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, urgent: 4 };
const ROLE = { staff: 'facilitator', moderator: 'moderator', admin: 'admin' } as const;
const ABUSIVE = new Set(['abusive-language', 'hate', 'blocked-term', 'toxicity']);

const hash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 16);
/** One of eight avatar colours, the same for a person everywhere. */
export const colourOf = (id: string) => createHash('sha256').update(id).digest()[0]! % 8;
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const whoOf = (v: Viewer) => (v.kind === 'participant' ? `p:${v.id}` : `s:${v.id}`);

function viewerOf(actor: Actor): Viewer {
	if (actor.kind === 'participant') return { kind: 'participant', id: actor.participant.id };
	if (actor.kind === 'staff') return { kind: 'staff', id: actor.user.id, role: actor.user.role };
	throw new AppError('UNAUTHENTICATED');
}

/** In plain words, for the author: why their message is not showing to others. */
function noticeFor(m: Message): string | undefined {
	const cats = m.categories ?? [];
	switch (m.status) {
		case 'held':
			if (m.preModerated) return 'Waiting for a check. In this chat a moderator looks at every message before others see it.';
			if (cats.includes('contact-details'))
				return 'Waiting for a check. It looks like it has contact details. To keep everyone safe, we don’t share phone numbers, addresses or social media here. Only you can see it for now.';
			return 'Waiting for a check. Only you can see it until a moderator has looked at it.';
		case 'blocked':
			if (cats.some((c) => ABUSIVE.has(c))) return 'Not sent. It has words we don’t use here, so only you can see it. You can write it another way.';
			return 'Not sent. It might break the group’s ground rules, so only you can see it. You can write it another way.';
		case 'removed':
			return m.everShown ? 'A moderator removed this message. Others can’t see it any more.' : 'A moderator decided not to show this message to others.';
		default:
			return undefined;
	}
}

/** For staff: what happened to a message, briefly. */
function staffNotice(m: Message): string | undefined {
	switch (m.status) {
		case 'held':
			return m.preModerated && !(m.categories ?? []).length ? 'Waiting for a moderator (this chat checks every message).' : 'Held by the filter: waiting for a moderator.';
		case 'blocked':
			return 'Stopped by the filter: only the author can see it.';
		case 'removed':
			return m.hiddenBy ? 'Removed by staff.' : 'Removed after a later check.';
		default:
			return undefined;
	}
}

function counts(r: Message['reactions']): ChatMessage['reactions'] {
	const out: ChatMessage['reactions'] = {};
	for (const [k, v] of Object.entries((r ?? {}) as Record<string, number | null | undefined>)) if (typeof v === 'number' && v > 0) out[k as ChatReaction] = v;
	return out;
}

function authorOf(m: Message): ChatMessage['author'] {
	const id = String(m.authorId);
	return {
		key: hash(`${String(m.roomId)}:${m.authorType}:${id}`),
		name: m.authorName,
		colour: colourOf(id),
		role: (m.authorType === 'participant' ? 'young-person' : m.authorRole) as ChatMessage['author']['role']
	};
}

/** What one viewer may see of a message, or null for nothing at all. */
export function viewOf(m: Message, viewer: Viewer): ChatMessage | null {
	const base = {
		id: String(m._id),
		roomId: String(m.roomId),
		seq: m.seq,
		rev: m.rev,
		author: authorOf(m),
		createdAt: m.createdAt.toISOString(),
		reactions: counts(m.reactions)
	};
	const status = m.status as MessageStatus;
	if (viewer.kind === 'staff') {
		const notice = staffNotice(m);
		return {
			...base,
			author: { ...base.author, ...(m.authorType === 'participant' ? { participantId: String(m.authorId) } : {}) },
			text: m.text,
			status,
			...(notice ? { notice } : {}),
			categories: [...(m.categories ?? [])],
			severity: m.severity ?? 'none',
			escalated: m.escalated ?? false,
			hiddenReason: m.hiddenReason ?? null
		};
	}
	if (m.authorType === 'participant' && String(m.authorId) === viewer.id) {
		const notice = noticeFor(m);
		return { ...base, text: m.text, status, ...(notice ? { notice } : {}), ...(m.support ? { support: m.support as ChatSupport } : {}) };
	}
	if (status === 'visible') return { ...base, text: m.text, status };
	if (status === 'removed' && m.everShown) return { ...base, text: null, status, reactions: {} };
	return null;
}

export function createChatService(deps: ChatDeps) {
	const { config, repos, audit, now, limiter, escalations, reviews } = deps;
	const events = new EventEmitter<ChatEvents>();
	const background = new Set<Promise<void>>();
	const groupNames = new Map<string, { name: string; at: number }>();

	async function groupName(groupId: string): Promise<string> {
		const hit = groupNames.get(groupId);
		if (hit && Date.now() - hit.at < 60_000) return hit.name;
		const name = (await repos.org.findGroup(groupId))?.name ?? 'Your group';
		groupNames.set(groupId, { name, at: Date.now() });
		return name;
	}

	const where = async (r: Room) => `Chat: ${await groupName(String(r.groupId))}${r.kind === 'session' ? ` (live session: ${r.title})` : ''}`;

	async function toRoom(r: Room): Promise<ChatRoom> {
		let pinned: ChatRoom['pinned'] = null;
		if (r.pinnedMessageId) {
			const m = await repos.chat.findMessage(String(r.pinnedMessageId));
			if (m && m.status === 'visible') pinned = { id: String(m._id), text: m.text, authorName: m.authorName };
		}
		return {
			id: String(r._id),
			kind: r.kind as ChatRoom['kind'],
			title: r.title,
			groupId: String(r.groupId),
			groupName: await groupName(String(r.groupId)),
			hubId: String(r.hubId),
			sessionId: r.sessionId ? String(r.sessionId) : null,
			state: r.state as ChatRoom['state'],
			mode: r.mode as ChatRoom['mode'],
			slowSeconds: r.slowSeconds ?? 0,
			allowLinks: r.allowLinks ?? false,
			pinned,
			rev: r.rev ?? 0,
			lastMessageAt: r.lastMessageAt ? r.lastMessageAt.toISOString() : null
		};
	}

	/** Young people belong to their group's room and their live session's room; staff to rooms of hubs they cover. */
	function isMember(actor: Actor, r: Room): boolean {
		if (actor.kind === 'participant') {
			const p = actor.participant;
			if (p.orgId !== String(r.orgId)) return false;
			return r.kind === 'session' ? p.sessionId === String(r.sessionId) : p.groupId === String(r.groupId);
		}
		return canSeeHub(actor, { orgId: String(r.orgId), hubId: String(r.hubId) });
	}

	/** The room, if the actor belongs in it. NOT_FOUND otherwise: another group's room does not exist for you. */
	async function roomFor(actor: Actor, roomId: string): Promise<Room> {
		const r = await repos.chat.findRoom(roomId);
		if (!r || !isMember(actor, r)) throw new AppError('NOT_FOUND', 'We couldn’t find that chat.');
		return r;
	}

	async function messageFor(actor: Actor, messageId: string): Promise<{ m: Message; room: Room }> {
		const m = await repos.chat.findMessage(messageId);
		if (!m) throw new AppError('NOT_FOUND', 'We couldn’t find that message.');
		const room = await roomFor(actor, String(m.roomId)).catch(() => {
			throw new AppError('NOT_FOUND', 'We couldn’t find that message.');
		});
		return { m, room };
	}

	async function meOf(r: Room, actor: Actor): Promise<ChatMe> {
		const t = now();
		if (actor.kind === 'participant') {
			const p = actor.participant;
			const member = await repos.chat.findMember(String(r._id), p.id);
			const muted = member?.mutedUntil && member.mutedUntil > t ? member.mutedUntil.toISOString() : null;
			return {
				key: hash(`${String(r._id)}:participant:${p.id}`),
				name: p.displayName,
				colour: colourOf(p.id),
				role: 'young-person',
				mutedUntil: muted,
				rulesSeen: !!member?.rulesSeenAt,
				canModerate: false,
				canApproveHeld: false,
				maxLength: config.chatMaxLength
			};
		}
		const u = staffOf(actor);
		return {
			key: hash(`${String(r._id)}:staff:${u.id}`),
			name: u.displayName,
			colour: colourOf(u.id),
			role: ROLE[u.role],
			mutedUntil: null,
			rulesSeen: true,
			canModerate: true,
			canApproveHeld: u.role !== 'staff',
			maxLength: config.chatMaxLength
		};
	}

	/** Views for one viewer, with their own reactions filled in. */
	async function viewsFor(viewer: Viewer, rows: Message[]): Promise<ChatMessage[]> {
		const views = rows.map((m) => viewOf(m, viewer)).filter((v): v is ChatMessage => v !== null);
		if (!views.length) return views;
		const mine = await repos.chat.myReactions(whoOf(viewer), views.map((v) => v.id));
		const by = new Map<string, ChatReaction[]>();
		for (const r of mine) by.set(r.messageId, [...(by.get(r.messageId) ?? []), r.reaction as ChatReaction]);
		return views.map((v) => ({ ...v, myReactions: v.status === 'visible' ? (by.get(v.id) ?? []) : [] }));
	}

	async function contextOf(messageId: string): Promise<ContextMessage[]> {
		const m = await repos.chat.findMessage(messageId);
		if (!m) return [];
		return (await repos.chat.around(String(m.roomId), m.seq, CONTEXT)).map((c) => ({
			id: String(c._id),
			author: c.authorType === 'staff' ? `${c.authorName} (staff)` : c.authorName,
			text: c.text,
			at: c.createdAt.toISOString(),
			...(String(c._id) === messageId ? { subject: true } : {})
		}));
	}

	/** Change a message's status (guarded), stamp a new change number and tell the room. */
	async function setStatus(m: Message, from: string[], set: Record<string, unknown>): Promise<Message | null> {
		const rev = await repos.chat.nextRev(String(m.roomId));
		const updated = await repos.chat.updateMessage(String(m._id), from, set, rev);
		if (!updated) return null;
		events.emit('message', updated);
		if (updated.status !== 'visible') await unpinIfPinned(updated);
		return updated;
	}

	async function unpinIfPinned(m: Message) {
		const r = await repos.chat.findRoom(String(m.roomId));
		if (!r || String(r.pinnedMessageId) !== String(m._id)) return;
		const after = await repos.chat.updateRoom(String(r._id), { pinnedMessageId: null });
		if (after) events.emit('room', await toRoom(after));
	}

	function holdInput(m: Message, r: Room, place: string) {
		const byParticipant = m.authorType === 'participant';
		return {
			kind: 'chat-message' as const,
			ref: String(m._id),
			parentId: String(r._id),
			orgId: String(r.orgId),
			hubId: String(r.hubId),
			groupId: String(r.groupId),
			where: place,
			text: m.text,
			authorName: m.authorName,
			participantId: byParticipant ? String(m.authorId) : null,
			severity: m.severity ?? 'none',
			categories: [...(m.categories ?? [])]
		};
	}

	/** A concern about a chat message, with the chat around it (persisted before anyone is told). */
	async function raiseFor(m: Message, r: Room, place: string, verdict: Parameters<typeof escalations.raise>[0]['verdict']) {
		await escalations.raise({
			orgId: String(r.orgId),
			hubId: String(r.hubId),
			groupId: String(r.groupId),
			source: 'chat',
			sourceRef: String(m._id),
			where: place,
			text: m.text,
			authorName: m.authorName,
			participantId: m.authorType === 'participant' ? String(m.authorId) : null,
			verdict,
			context: await contextOf(String(m._id))
		});
	}

	/**
	 * What must happen after a message is stored and before anyone is told: the escalation (if
	 * the filter escalated) and the held queue. Each step is idempotent, so a retried send that
	 * finds the message still `pending` simply runs this again.
	 */
	async function followUp(m: Message, r: Room) {
		const place = await where(r);
		if (m.escalated)
			await raiseFor(m, r, place, {
				severity: (m.severity ?? 'low') as ContentVerdict['severity'],
				categories: [...(m.categories ?? [])],
				action: (m.action ?? 'allow') as ContentVerdict['action'],
				reasons: (m.reasons ?? []).map((x) => ({ stage: x.stage ?? '', rule: x.rule ?? '', category: x.category ?? '' }))
			});
		if (m.status === 'held') await reviews.hold(holdInput(m, r, place));
		await repos.chat.markDone(String(m._id));
	}

	function sendResult(m: Message, viewer: Viewer): ChatSendResult {
		const view = viewOf(m, viewer)!;
		return { id: view.id, status: view.status, seq: m.seq, message: { ...view, myReactions: [] }, ...(view.support ? { support: view.support } : {}) };
	}

	/** Why this actor cannot write in this room now, or null. */
	function refusal(r: Room, actor: Actor): AppError | null {
		if (r.state === 'ended') return new AppError('CONFLICT', 'This chat has ended.');
		if (actor.kind !== 'participant') return null;
		if (r.state === 'paused') return new AppError('FORBIDDEN', 'The chat is paused by the facilitator. You can read, and write again when it starts.');
		if (r.mode === 'read-only') return new AppError('FORBIDDEN', 'Only the facilitators can write in this chat right now.');
		return null;
	}

	function localVerdict(text: string, orgId: string): ContentVerdict {
		if (!deps.moderator) return ALLOW;
		try {
			return deps.moderator.checkLocal(text, 'chat', orgId);
		} catch {
			// The filter could not read it: a person decides.
			return { action: 'hold', escalate: false, severity: 'low', categories: [], reasons: [] };
		}
	}

	/** Young people only: mute, then the per-person rate, slow mode and the whole room's flood guard. */
	async function checkLimits(r: Room, participantId: string) {
		const roomId = String(r._id);
		const member = await repos.chat.findMember(roomId, participantId);
		if (member?.mutedUntil && member.mutedUntil > now())
			throw new AppError('FORBIDDEN', `You are muted until ${clock.format(member.mutedUntil)}. You can still read the chat.`);
		if (!limiter.hit(`chat:rate:${roomId}:${participantId}`, config.chatRateCount, config.chatRateSeconds * 1000))
			throw new AppError('RATE_LIMITED', 'You’re sending messages quickly. Wait a few seconds and try again.');
		const slow = r.slowSeconds ?? 0;
		if (slow > 0 && !limiter.hit(`chat:slow:${roomId}:${participantId}`, 1, slow * 1000))
			throw new AppError('RATE_LIMITED', `Slow mode is on: you can send one message every ${slow} seconds. Wait a little and try again.`);
		if (!limiter.hit(`chat:flood:${roomId}`, config.chatRoomFloodPerMinute, 60_000))
			throw new AppError('RATE_LIMITED', 'The chat is very busy right now. Wait a few seconds and try again.');
	}

	/** Later, remote classifiers: they can only raise concern. Then the message is hidden and escalated. */
	function checkRemotely(m: Message, r: Room, local: ContentVerdict) {
		const moderator = deps.moderator;
		if (!moderator?.hasRemote) return;
		const task = (async () => {
			const v = await moderator.check(m.text, 'chat', String(r.orgId));
			if (v.categories.includes('remote-unavailable'))
				await audit.record(SYSTEM, 'chat.remote-unavailable', { type: 'chat-message', id: String(m._id), hubId: String(r.hubId) }, { orgId: String(r.orgId) });
			const worse = ACTION_RANK[v.action] > ACTION_RANK[local.action] || (v.escalate && !local.escalate);
			if (!worse) return;
			const current = await repos.chat.findMessage(String(m._id));
			if (!current) return;
			const severity = (SEVERITY_RANK[v.severity] ?? 0) >= (SEVERITY_RANK[current.severity ?? 'none'] ?? 0) ? v.severity : current.severity;
			const categories = [...new Set([...(current.categories ?? []), ...v.categories])];
			const set = { escalated: true, severity, categories, action: v.action, reasons: v.reasons };
			if (current.status === 'visible') await setStatus(current, ['visible'], { ...set, status: 'removed', everShown: true, hiddenReason: 'worrying', hiddenAt: now() });
			else await repos.chat.updateMessage(String(m._id), null, set, current.rev);
			await raiseFor(m, r, await where(r), { ...v, severity: severity as ContentVerdict['severity'], categories });
			await audit.record(SYSTEM, 'chat.remote-hide', { type: 'chat-message', id: String(m._id), hubId: String(r.hubId) }, {
				orgId: String(r.orgId),
				roomId: String(r._id),
				severity,
				categories
			});
		})()
			.catch((err) => void events.emit('failure', 'remote check', err))
			.finally(() => background.delete(task));
		background.add(task);
	}

	async function ensureGroupRoom(groupId: string): Promise<Room | null> {
		const g = await repos.org.findGroup(groupId);
		if (!g) return null;
		return repos.chat.ensureRoom({
			key: `group:${groupId}`,
			orgId: String(g.orgId),
			hubId: String(g.hubId),
			groupId,
			sessionId: null,
			kind: 'group',
			title: g.name,
			createdAt: now()
		});
	}

	async function summary(r: Room): Promise<ChatRoomSummary> {
		return {
			id: String(r._id),
			kind: r.kind as ChatRoom['kind'],
			title: r.title,
			groupName: await groupName(String(r.groupId)),
			state: r.state as ChatRoom['state'],
			lastMessageAt: r.lastMessageAt ? r.lastMessageAt.toISOString() : null
		};
	}

	/** A moderator's decision from the held or reported queue, applied to the message. */
	reviews.registerKind('chat-message', {
		labels: { held: { approve: 'Show it', reject: 'Keep it hidden' }, reported: { approve: 'Keep it showing', reject: 'Hide it' } },
		async decide({ ref }, decision, actor, queue) {
			const m = await repos.chat.findMessage(ref);
			if (!m) return;
			const by = actor.kind === 'staff' ? actor.user.id : null;
			if (queue === 'held' && decision === 'approve')
				await setStatus(m, ['held'], { status: 'visible', everShown: true, hiddenBy: null, hiddenReason: null, hiddenNote: null, hiddenAt: null });
			else if (queue === 'held' || decision === 'reject')
				await setStatus(m, ['held', 'visible'], { status: 'removed', hiddenBy: by, hiddenReason: 'ground-rules', hiddenAt: now() });
		}
	});

	/** What the escalation console can do with a chat message (also for reports of one). */
	const source = {
		context: contextOf,
		async hide(sourceRef: string, actor: Actor, reason: string | null) {
			const m = await repos.chat.findMessage(sourceRef);
			if (!m) throw new AppError('NOT_FOUND', 'That message has gone (it may have been deleted after the retention period).');
			await service.hide(actor, sourceRef, 'worrying', reason);
		}
	};
	escalations.registerSource('chat', source);
	escalations.registerSource('report', source);
	escalations.registerRecentItems(async (participantId, groupId) => {
		if (!groupId) return [];
		const roomIds = await repos.chat.roomIdsOfGroup(groupId);
		if (!roomIds.length) return [];
		return (await repos.chat.recentByAuthor(participantId, roomIds, 10)).map((m) => ({
			id: String(m._id),
			author: m.authorName,
			text: m.text,
			at: m.createdAt.toISOString()
		}));
	});

	const service = {
		events,

		/** The views of a changed message for each audience (staff, everyone else, the author). */
		audiences(m: Message) {
			const author = m.authorType === 'participant' ? String(m.authorId) : null;
			return {
				staff: viewOf(m, { kind: 'staff', id: '', role: 'moderator' })!,
				others: viewOf(m, { kind: 'participant', id: '' }),
				author: author ? { participantId: author, view: viewOf(m, { kind: 'participant', id: author })! } : null
			};
		},

		/** Rooms you can open: your group's (made on first use) and your live session's, if it has one. */
		async listRooms(actor: Actor): Promise<ChatRoomSummary[]> {
			const rooms: Room[] = [];
			if (actor.kind === 'participant') {
				const p = actor.participant;
				if (p.sessionId) {
					const s = await repos.chat.findRoomByKey(`session:${p.sessionId}`);
					if (s) rooms.push(s);
				}
				if (p.groupId) {
					const g = await ensureGroupRoom(p.groupId);
					if (g) rooms.push(g);
				}
			} else {
				const user = staffOf(actor);
				const hubs = hubFilter(actor);
				const groups = await repos.org.listGroups(user.orgId, hubs ?? undefined);
				for (const g of groups) {
					const r = await ensureGroupRoom(String(g._id));
					if (r) rooms.push(r);
				}
				rooms.push(...(await repos.chat.listSessionRooms(user.orgId, hubs)));
			}
			return Promise.all(rooms.map(summary));
		},

		/** Staff open a chat for a live session (once; again returns the same room). */
		async openSessionRoom(actor: Actor, sessionId: string): Promise<ChatRoom> {
			const s = await repos.liveSessions.findById(sessionId);
			if (!s) throw new AppError('NOT_FOUND');
			assertScope(actor, { orgId: String(s.orgId), hubId: String(s.hubId) });
			const existing = await repos.chat.findRoomByKey(`session:${sessionId}`);
			if (existing) return toRoom(existing);
			if (s.state !== 'open') throw new AppError('CONFLICT', 'This session has finished, so it cannot have a chat now.');
			const r = await repos.chat.ensureRoom({
				key: `session:${sessionId}`,
				orgId: String(s.orgId),
				hubId: String(s.hubId),
				groupId: String(s.groupId),
				sessionId,
				kind: 'session',
				title: s.title,
				createdAt: now()
			});
			await audit.record(actor, 'chat.open', { type: 'chat-room', id: String(r._id), hubId: String(r.hubId) }, { sessionId });
			return toRoom(r);
		},

		/** Checks membership (NOT_FOUND if not) and returns the room id, for joining socket rooms. */
		async access(actor: Actor, roomId: string) {
			const r = await roomFor(actor, roomId);
			return { roomId: String(r._id), staff: actor.kind === 'staff' };
		},

		/** The room, you in it, and the newest messages, or what changed after `afterRev`. */
		async snapshot(actor: Actor, roomId: string, afterRev?: number): Promise<ChatSnapshot> {
			const r = await roomFor(actor, roomId);
			const viewer = viewerOf(actor);
			const onlyFor = viewer.kind === 'participant' ? viewer.id : null;
			const [room, me] = await Promise.all([toRoom(r), meOf(r, actor)]);
			if (afterRev !== undefined) {
				const changed = await repos.chat.changedSince(roomId, Math.max(0, afterRev - RESYNC_OVERLAP), RESYNC_LIMIT + 1, onlyFor);
				if (changed.length <= RESYNC_LIMIT) return { room, me, mode: 'changes', messages: await viewsFor(viewer, changed), hasMore: false };
			}
			const rows = await repos.chat.page(roomId, undefined, PAGE + 1, onlyFor);
			return { room, me, mode: 'page', messages: await viewsFor(viewer, rows.slice(0, PAGE)), hasMore: rows.length > PAGE };
		},

		/** Older messages, newest first, before a place in the conversation. */
		async history(actor: Actor, roomId: string, q: { before?: number; limit: number }): Promise<ChatPage> {
			await roomFor(actor, roomId);
			const viewer = viewerOf(actor);
			const rows = await repos.chat.page(roomId, q.before, q.limit + 1, viewer.kind === 'participant' ? viewer.id : null);
			const list = rows.slice(0, q.limit);
			return { messages: await viewsFor(viewer, list), nextBefore: rows.length > q.limit ? list[list.length - 1]!.seq : null };
		},

		/** Send a message: stored before the reply; a retry with the same clientMsgId gets the first result. */
		async send(actor: Actor, input: { roomId: string; clientMsgId: string; text: string }): Promise<ChatSendResult> {
			const r = await roomFor(actor, input.roomId);
			const viewer = viewerOf(actor);
			const existing = await repos.chat.findByClientMsgId(input.roomId, input.clientMsgId);
			if (existing) return this.finishRetry(existing, r, viewer);

			const refused = refusal(r, actor);
			if (refused) throw refused;
			const text = input.text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n');
			if (text.length > config.chatMaxLength)
				throw new AppError('VALIDATION_FAILED', `Your message is too long. Please use ${config.chatMaxLength} characters or fewer (it has ${text.length}).`, {
					fields: { text: `Use at most ${config.chatMaxLength} characters.` }
				});
			const byParticipant = actor.kind === 'participant';
			if (byParticipant) await checkLimits(r, actor.participant.id);

			// Staff write as accountable adults (ground rules may list helpline numbers): the filter is for young people.
			const verdict = byParticipant ? localVerdict(text, String(r.orgId)) : ALLOW;
			let status: MessageStatus = verdict.action === 'allow' ? 'visible' : verdict.action === 'hold' ? 'held' : 'blocked';
			const preModerated = byParticipant && r.mode === 'pre' && status === 'visible';
			if (preModerated) status = 'held';

			const at = now();
			const place = await repos.chat.allocate(input.roomId, byParticipant ? 'open' : 'not-ended', at);
			if (!place) {
				// The room changed between reading and writing (paused or ended just now).
				const fresh = await repos.chat.findRoom(input.roomId);
				throw (fresh && refusal(fresh, actor)) ?? new AppError('CONFLICT', 'The chat changed just now. Please try again.');
			}
			const author =
				actor.kind === 'participant'
					? { authorType: 'participant' as const, authorId: actor.participant.id, authorName: actor.participant.displayName, authorRole: 'young-person' }
					: { authorType: 'staff' as const, authorId: staffOf(actor).id, authorName: staffOf(actor).displayName, authorRole: ROLE[staffOf(actor).role] };
			const stored = await repos.chat.insertMessage({
				roomId: input.roomId,
				seq: place.seq,
				rev: place.rev,
				clientMsgId: input.clientMsgId,
				...author,
				text,
				status,
				everShown: status === 'visible',
				preModerated,
				action: verdict.action,
				severity: verdict.severity,
				categories: [...verdict.categories],
				reasons: verdict.reasons.map((x) => ({ stage: x.stage, rule: x.rule, category: x.category })),
				escalated: verdict.escalate,
				pending: verdict.escalate || status === 'held',
				support: verdict.support ?? null,
				createdAt: at
			});
			if (!stored) {
				// The same message arrived twice at once: the other copy won (or it was stored before
				// message ids came from the clientMsgId).
				const first = (await repos.chat.findByClientMsgId(input.roomId, input.clientMsgId)) ?? (await repos.chat.findByClientMsgIdFields(input.roomId, input.clientMsgId));
				if (!first) throw new AppError('CONFLICT', 'Please try again.');
				return this.finishRetry(first, r, viewer);
			}
			if (stored.pending) await followUp(stored, r);
			events.emit('message', stored);
			if (byParticipant && status !== 'blocked') checkRemotely(stored, r, verdict);
			return sendResult(stored, viewer);
		},

		/** A retried send: the first result, finishing its follow-up if a crash cut it short. */
		async finishRetry(m: Message, r: Room, viewer: Viewer): Promise<ChatSendResult> {
			const same = viewer.kind === (m.authorType === 'participant' ? 'participant' : 'staff') && String(m.authorId) === viewer.id;
			if (!same) throw new AppError('CONFLICT', 'Please try again.');
			if (m.pending) {
				await followUp(m, r);
				events.emit('message', m);
			}
			return sendResult(m, viewer);
		},

		/** Toggle one reaction: adds it, or takes it away if you had it. */
		async react(actor: Actor, messageId: string, reaction: ChatReaction) {
			const { m, room } = await messageFor(actor, messageId);
			const viewer = viewerOf(actor);
			if (!viewOf(m, viewer)) throw new AppError('NOT_FOUND', 'We couldn’t find that message.');
			if (m.status !== 'visible') throw new AppError('CONFLICT', 'You can react only to messages everyone can see.');
			if (room.state === 'ended') throw new AppError('CONFLICT', 'This chat has ended.');
			if (!limiter.hit(`chat:react:${whoOf(viewer)}`, 30, 60_000)) throw new AppError('RATE_LIMITED', 'That’s a lot of reactions. Wait a moment and try again.');
			const who = whoOf(viewer);
			const added = await repos.chat.addReaction({ messageId, roomId: String(room._id), who, reaction, at: now() });
			const delta = added ? 1 : (await repos.chat.removeReaction(messageId, who, reaction)) ? -1 : 0;
			let current: Message | null = m;
			if (delta) {
				current = await repos.chat.bumpReaction(messageId, reaction, delta, await repos.chat.nextRev(String(room._id)));
				if (current) events.emit('message', current);
			}
			const mine = (await repos.chat.myReactions(who, [messageId])).map((x) => x.reaction as ChatReaction);
			return { messageId, reactions: counts((current ?? m).reactions), myReactions: mine };
		},

		/** A young person reports a message: the reported queue, and an escalation when it worries them. */
		async report(actor: Actor, input: { messageId: string; reason: string; note?: string | undefined }) {
			if (actor.kind !== 'participant') throw new AppError('FORBIDDEN');
			const p = actor.participant;
			const { m, room } = await messageFor(actor, input.messageId);
			const view = viewOf(m, { kind: 'participant', id: p.id });
			if (!view || view.text === null) throw new AppError('NOT_FOUND', 'We couldn’t find that message.');
			if (m.authorType === 'participant' && String(m.authorId) === p.id) throw new AppError('CONFLICT', 'This is your own message. You can’t report it.');
			if (!limiter.hit(`chat:report:${p.id}`, 10, 60 * 60_000)) throw new AppError('RATE_LIMITED', 'You have sent a lot of reports. Thank you. A moderator will look at them soon.');
			const note = input.note ? input.note : null;
			const place = await where(room);
			await reviews.report(holdInput(m, room, place), { by: p.id, reason: input.reason, note });
			if (input.reason === 'worrying')
				await escalations.raise({
					orgId: String(room.orgId),
					hubId: String(room.hubId),
					groupId: String(room.groupId),
					source: 'report',
					sourceRef: String(m._id),
					where: place,
					text: m.text,
					authorName: m.authorName,
					participantId: m.authorType === 'participant' ? String(m.authorId) : null,
					reporterId: p.id,
					reportNote: note,
					verdict: { severity: 'high', categories: ['reported'], action: 'allow', reasons: [] },
					context: await contextOf(String(m._id))
				});
			await audit.record(actor, 'chat.report', { type: 'chat-message', id: String(m._id), hubId: String(room.hubId) }, { roomId: String(room._id), reason: input.reason });
			return { received: true as const };
		},

		/** "I'm worried": privately tells the hub's safeguarding moderators, with the chat around it. */
		async worried(actor: Actor, input: { roomId: string; clientId: string; note?: string | undefined }) {
			if (actor.kind !== 'participant') throw new AppError('FORBIDDEN');
			const p = actor.participant;
			const room = await roomFor(actor, input.roomId);
			if (!limiter.hit(`chat:worried:${p.id}`, 10, 10 * 60_000))
				throw new AppError('RATE_LIMITED', 'We have your message. Someone will check in with you soon. If you are in danger now, call 999.');
			const recent = (await repos.chat.page(String(room._id), undefined, 10, null)).reverse();
			const note = input.note ? input.note : null;
			const { created } = await escalations.raise({
				orgId: String(room.orgId),
				hubId: String(room.hubId),
				groupId: String(room.groupId),
				source: 'worried',
				sourceRef: `${p.id}:${input.clientId}`,
				where: await where(room),
				text: note ?? '',
				authorName: p.displayName,
				participantId: p.id,
				reporterId: p.id,
				reportNote: note,
				verdict: { severity: 'high', categories: ['worried'], action: 'allow', reasons: [] },
				context: recent.map((c) => ({ id: String(c._id), author: c.authorName, text: c.text, at: c.createdAt.toISOString() }))
			});
			if (created) await audit.record(actor, 'chat.worried', { type: 'chat-room', id: String(room._id), hubId: String(room.hubId) }, { hasNote: note !== null });
			return { received: true as const, support: worriedSupport };
		},

		async rulesSeen(actor: Actor, roomId: string) {
			const r = await roomFor(actor, roomId);
			if (actor.kind === 'participant') await repos.chat.setMember(String(r._id), actor.participant.id, { rulesSeenAt: now() });
			return { rulesSeen: true as const };
		},

		/** Typing is shown at most every couple of seconds per person, and never while they cannot write. */
		typingAllowed(actor: Actor, roomId: string): boolean {
			return limiter.hit(`chat:typing:${roomId}:${whoOf(viewerOf(actor))}`, 1, 2000);
		},

		/** Pause, resume, end, slow mode, moderation mode, pin, links: each audited. */
		async control(actor: Actor, roomId: string, body: ChatControlBody): Promise<ChatRoom> {
			const r = await roomFor(actor, roomId);
			let updated: Room | null;
			let before: unknown;
			let after: unknown;
			switch (body.action) {
				case 'pause':
					[before, after] = [r.state, 'paused'];
					updated = await repos.chat.updateRoom(roomId, { state: 'paused' }, ['open', 'paused']);
					break;
				case 'resume':
					[before, after] = [r.state, 'open'];
					updated = await repos.chat.updateRoom(roomId, { state: 'open', endedAt: null }, ['open', 'paused', 'ended']);
					break;
				case 'end':
					[before, after] = [r.state, 'ended'];
					updated = await repos.chat.updateRoom(roomId, { state: 'ended', endedAt: now() }, ['open', 'paused', 'ended']);
					break;
				case 'slow':
					[before, after] = [r.slowSeconds ?? 0, body.seconds];
					updated = await repos.chat.updateRoom(roomId, { slowSeconds: body.seconds });
					break;
				case 'mode':
					[before, after] = [r.mode, body.mode];
					updated = await repos.chat.updateRoom(roomId, { mode: body.mode });
					break;
				case 'pin': {
					const m = await repos.chat.findMessage(body.messageId);
					if (!m || String(m.roomId) !== roomId) throw new AppError('NOT_FOUND', 'We couldn’t find that message.');
					if (m.status !== 'visible') throw new AppError('CONFLICT', 'Only a message everyone can see can be pinned.');
					[before, after] = [r.pinnedMessageId ? String(r.pinnedMessageId) : null, body.messageId];
					updated = await repos.chat.updateRoom(roomId, { pinnedMessageId: m._id });
					break;
				}
				case 'unpin':
					[before, after] = [r.pinnedMessageId ? String(r.pinnedMessageId) : null, null];
					updated = await repos.chat.updateRoom(roomId, { pinnedMessageId: null });
					break;
				case 'links':
					[before, after] = [r.allowLinks ?? false, body.allow];
					updated = await repos.chat.updateRoom(roomId, { allowLinks: body.allow });
					break;
			}
			if (!updated) throw new AppError('CONFLICT', 'The chat changed just now. Reload to see the latest.');
			const reason = 'reason' in body && body.reason ? { reason: body.reason } : {};
			await audit.record(actor, `chat.${body.action}`, { type: 'chat-room', id: roomId, hubId: String(r.hubId) }, { before, after, ...reason });
			const room = await toRoom(updated);
			events.emit('room', room);
			return room;
		},

		/** Mute a young person in a room for some minutes (0 lifts it). */
		async mute(actor: Actor, roomId: string, body: ChatMuteBody): Promise<ChatPerson> {
			const r = await roomFor(actor, roomId);
			const p = await repos.chat.findParticipant(body.participantId);
			const identity = p && { kind: 'participant' as const, participant: { id: String(p._id), displayName: p.displayName, orgId: String(p.orgId), hubId: String(p.hubId), groupId: p.groupId ? String(p.groupId) : null, sessionId: p.sessionId ? String(p.sessionId) : null } };
			if (!p || !identity || !isMember(identity, r)) throw new AppError('NOT_FOUND', 'That young person is not in this chat.');
			const until = body.minutes > 0 ? new Date(now().getTime() + body.minutes * 60_000) : null;
			const member = await repos.chat.setMember(roomId, body.participantId, { mutedUntil: until });
			await audit.record(actor, body.minutes > 0 ? 'chat.mute' : 'chat.unmute', { type: 'participant', id: body.participantId, hubId: String(r.hubId) }, {
				roomId,
				minutes: body.minutes,
				before: null,
				after: until ? until.toISOString() : null,
				...(body.reason ? { reason: body.reason } : {})
			});
			const mutedUntil = until ? until.toISOString() : null;
			events.emit('you', body.participantId, { roomId, mutedUntil });
			return { participantId: body.participantId, name: p.displayName, colour: colourOf(body.participantId), mutedUntil: member?.mutedUntil ? member.mutedUntil.toISOString() : mutedUntil };
		},

		/** The young people who belong in a room, with who is muted (staff). */
		async people(actor: Actor, roomId: string): Promise<ChatPerson[]> {
			const r = await roomFor(actor, roomId);
			const [list, muted] = await Promise.all([repos.chat.participantsOf(r), repos.chat.mutedIn(roomId, now())]);
			const mutes = new Map(muted.map((x) => [String(x.participantId), x.mutedUntil!.toISOString()]));
			return list.map((p) => ({ participantId: String(p._id), name: p.displayName, colour: colourOf(String(p._id)), mutedUntil: mutes.get(String(p._id)) ?? null }));
		},

		/** Hide a message from everyone else (with a reason), audited. Others see "removed by a moderator". */
		async hide(actor: Actor, messageId: string, reason: ChatReasonCode, note: string | null = null): Promise<ChatMessage> {
			const user = staffOf(actor);
			const { m, room } = await messageFor(actor, messageId);
			if (m.status === 'removed') return viewOf(m, viewerOf(actor))!;
			if (m.status === 'blocked') throw new AppError('CONFLICT', 'The filter already stopped this message: only its author can see it.');
			const updated = await setStatus(m, ['visible', 'held'], { status: 'removed', hiddenBy: user.id, hiddenReason: reason, hiddenNote: note, hiddenAt: now() });
			if (!updated) throw new AppError('CONFLICT', 'This message changed just now. Reload to see the latest.');
			if (m.status === 'held') await reviews.supersede('chat-message', messageId, String(room.hubId));
			await audit.record(actor, 'chat.hide', { type: 'chat-message', id: messageId, hubId: String(room.hubId) }, {
				roomId: String(room._id),
				before: m.status,
				after: 'removed',
				reason,
				...(note ? { hasNote: true } : {})
			});
			return viewOf(updated, viewerOf(actor))!;
		},

		/** Show a hidden message again; a held one is approved (moderators and admins only). */
		async restore(actor: Actor, messageId: string, reason?: ChatReasonCode): Promise<ChatMessage> {
			const user = staffOf(actor);
			const { m, room } = await messageFor(actor, messageId);
			const viewer = viewerOf(actor);
			if (m.status === 'visible') return viewOf(m, viewer)!;
			if (m.status === 'blocked') throw new AppError('CONFLICT', 'The filter stopped this message, so it can’t be shown. Its author can write it another way.');
			const moderator = user.role !== 'staff';
			if (m.status === 'held') {
				if (!moderator) throw new AppError('FORBIDDEN', 'Only a safeguarding moderator can show a message that is waiting for a check.');
				const reviewId = await reviews.pendingHeld('chat-message', messageId);
				if (reviewId) {
					await reviews.decide(actor, reviewId, { decision: 'approve' });
					return viewOf((await repos.chat.findMessage(messageId))!, viewer)!;
				}
			} else if ((!m.everShown || m.escalated) && !moderator) throw new AppError('FORBIDDEN', 'Only a safeguarding moderator can show this message again.');
			const updated = await setStatus(m, ['held', 'removed'], { status: 'visible', everShown: true, hiddenBy: null, hiddenReason: null, hiddenNote: null, hiddenAt: null });
			if (!updated) throw new AppError('CONFLICT', 'This message changed just now. Reload to see the latest.');
			await audit.record(actor, 'chat.restore', { type: 'chat-message', id: messageId, hubId: String(room.hubId) }, {
				roomId: String(room._id),
				before: m.status,
				after: 'visible',
				...(reason ? { reason } : {})
			});
			return viewOf(updated, viewer)!;
		},

		/** A live session closed: its chat ends too. */
		async endForSession(sessionId: string) {
			const r = await repos.chat.findRoomByKey(`session:${sessionId}`);
			if (!r || r.state === 'ended') return;
			const updated = await repos.chat.updateRoom(String(r._id), { state: 'ended', endedAt: now() }, ['open', 'paused']);
			if (!updated) return;
			await audit.record(SYSTEM, 'chat.end', { type: 'chat-room', id: String(r._id), hubId: String(r.hubId) }, { orgId: String(r.orgId), before: r.state, after: 'ended', reason: 'finished' });
			events.emit('room', await toRoom(updated));
		},

		/** Wait for background checks (remote classifiers) to finish, e.g. before shutting down. */
		async settle() {
			await Promise.allSettled([...background]);
		},

		/**
		 * Deletes messages past retention; returns how many went. Run hourly by the app. Messages an
		 * open or recently closed concern needs (and the few around each) are kept.
		 */
		async runRetention(): Promise<number> {
			const cutoff = new Date(now().getTime() - config.chatRetentionDays * 86_400_000);
			const refs = new Set([
				...(await escalations.refsToKeep('chat', config.safeguardingRetentionDays)),
				...(await escalations.refsToKeep('report', config.safeguardingRetentionDays))
			]);
			const keep = new Set<string>();
			const subjects = await repos.chat.findMessages([...refs].filter((x) => /^[a-f0-9]{24}$/i.test(x)));
			for (const s of subjects) for (const c of await repos.chat.around(String(s.roomId), s.seq, CONTEXT)) keep.add(String(c._id));
			let deleted = 0;
			const roomsById = new Map<string, Room | null>();
			const byOrg = new Map<string, number>();
			for (;;) {
				const batch = await repos.chat.oldMessages(cutoff, 500, [...keep]);
				if (!batch.length) break;
				for (const m of batch) {
					const roomId = String(m.roomId);
					if (!roomsById.has(roomId)) roomsById.set(roomId, await repos.chat.findRoom(roomId));
					const r = roomsById.get(roomId);
					if (!r) continue;
					byOrg.set(String(r.orgId), (byOrg.get(String(r.orgId)) ?? 0) + 1);
					// A held message that goes no longer needs a decision.
					if (m.status === 'held') await reviews.supersede('chat-message', String(m._id), String(r.hubId));
				}
				deleted += await repos.chat.deleteMessages(batch.map((m) => String(m._id)));
				if (batch.length < 500) break;
			}
			for (const [orgId, count] of byOrg) await audit.record(SYSTEM, 'chat.retention', null, { orgId, deleted: count, days: config.chatRetentionDays });
			return deleted;
		}
	};
	return service;
}
export type ChatService = ReturnType<typeof createChatService>;
