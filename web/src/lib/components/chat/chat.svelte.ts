/**
 * One chat room, live in the browser: the room, you in it, the messages by id (sorted by the
 * server's sequence), your messages still on their way, and who is typing.
 *
 * Flaky phones: every message gets a clientMsgId before it leaves, is retried with the same id
 * (so it can never arrive twice), waits while offline and goes when the connection is back.
 * After any reconnect the page asks for everything changed after the last change it saw, and
 * merges by id keeping the newest version: nothing missed, nothing shown twice.
 */
import type { ChatMe, ChatMessage, ChatPage, ChatReaction, ChatRoom, ChatSnapshot, ChatSupport } from '$contracts/chat';
import { newId } from '$lib/ids';
import { connect, type VoiceboxSocket } from '$lib/socket';

export interface PendingMessage {
	clientMsgId: string;
	text: string;
	state: 'sending' | 'waiting' | 'failed';
	error: string | null;
}

const SEND_TIMEOUT_MS = 8000;
const ATTEMPTS = 3;
const TYPING_EVERY_MS = 3000;
const TYPING_SHOWS_MS = 5000;

export class ChatConnection {
	room = $state<ChatRoom | null>(null);
	me = $state<ChatMe | null>(null);
	messages = $state<ChatMessage[]>([]);
	pending = $state<PendingMessage[]>([]);
	hasMore = $state(false);
	loadingOlder = $state(false);
	status = $state<'connecting' | 'live' | 'offline' | 'gone'>('connecting');
	typing = $state<{ key: string; name: string; until: number }[]>([]);
	/** Text for the polite live region: new messages from others, and what happened to yours. */
	announcement = $state('');

	readonly roomId: string;
	// An index, not state: `messages` is the reactive view of it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#byId = new Map<string, ChatMessage>();
	#maxRev = 0;
	#socket: VoiceboxSocket | null = null;
	#lastTyping = 0;
	#timer: ReturnType<typeof setInterval> | null = null;
	#flip = false;
	#unmute: ReturnType<typeof setTimeout> | null = null;

	constructor(roomId: string, initial?: ChatSnapshot) {
		this.roomId = roomId;
		if (initial) this.#apply(initial, false);
	}

	get socket() {
		return this.#socket;
	}

	/** Connect and keep the room live until `stop`. */
	start() {
		const s = connect();
		this.#socket = s;
		s.on('connect', () => void this.#join());
		s.on('disconnect', () => {
			if (this.status === 'live') this.status = 'offline';
		});
		s.on('chat:message', (m) => {
			if (m.roomId === this.roomId) this.#merge([m], true);
		});
		s.on('chat:room', (r) => {
			if (r.id === this.roomId) this.room = r;
		});
		s.on('chat:you', (info) => {
			if (info.roomId !== this.roomId || !this.me) return;
			this.me = { ...this.me, mutedUntil: info.mutedUntil };
			this.#watchMute();
			this.#announce(info.mutedUntil ? `You are muted until ${clock(info.mutedUntil)}.` : 'You can write again.');
		});
		s.on('chat:typing', (info) => {
			if (info.roomId !== this.roomId) return;
			const until = Date.now() + TYPING_SHOWS_MS;
			this.typing = [...this.typing.filter((x) => x.key !== info.key), { key: info.key, name: info.name, until }];
		});
		this.#timer = setInterval(() => {
			const t = Date.now();
			if (this.typing.some((x) => x.until <= t)) this.typing = this.typing.filter((x) => x.until > t);
		}, 1000);
	}

	/** A mute ends by itself: let the composer back in when it does. */
	#watchMute() {
		if (this.#unmute) clearTimeout(this.#unmute);
		const until = this.me?.mutedUntil ? Date.parse(this.me.mutedUntil) - Date.now() : 0;
		if (until > 0 && until < 2 ** 31 - 1)
			this.#unmute = setTimeout(() => {
				if (this.me) this.me = { ...this.me, mutedUntil: null };
				this.#announce('You can write again.');
			}, until + 500);
	}

	stop() {
		if (this.#unmute) clearTimeout(this.#unmute);
		if (this.#timer) clearInterval(this.#timer);
		this.#socket?.disconnect();
		this.#socket = null;
	}

	async #join() {
		const s = this.#socket;
		if (!s) return;
		const r = await s.emitWithAck('chat:join', { roomId: this.roomId, ...(this.#maxRev > 0 ? { afterRev: this.#maxRev } : {}) });
		if (!r.ok) {
			this.status = 'gone';
			return;
		}
		this.#apply(r.data, false);
		this.#watchMute();
		this.status = 'live';
		// Anything written while offline goes now, with the same ids.
		for (const p of this.pending) if (p.state === 'waiting') void this.#deliver(p.clientMsgId);
	}

	#apply(snap: ChatSnapshot, announce: boolean) {
		this.room = snap.room;
		this.me = snap.me;
		this.#maxRev = Math.max(this.#maxRev, snap.room.rev);
		if (snap.mode === 'page') {
			// A fresh page: keep what we had (by id) only if it is in the page's range.
			const oldest = snap.messages.length ? Math.min(...snap.messages.map((m) => m.seq)) : Infinity;
			for (const [id, m] of this.#byId) if (m.seq >= oldest || !snap.hasMore) this.#byId.delete(id);
			this.hasMore = snap.hasMore || [...this.#byId.values()].some((m) => m.seq < oldest);
		}
		this.#merge(snap.messages, announce);
	}

	/** Keep the newest version of each message; sort by the server's order. */
	#merge(list: ChatMessage[], announce: boolean) {
		const fresh: ChatMessage[] = [];
		for (const m of list) {
			this.#maxRev = Math.max(this.#maxRev, m.rev);
			const had = this.#byId.get(m.id);
			if (had && had.rev > m.rev) continue;
			this.#byId.set(m.id, { ...m, myReactions: m.myReactions ?? had?.myReactions ?? [] });
			if (!had && m.status === 'visible' && m.author.key !== this.me?.key) fresh.push(m);
		}
		this.messages = [...this.#byId.values()].sort((a, b) => a.seq - b.seq);
		if (announce && fresh.length) {
			const last = fresh[fresh.length - 1]!;
			const words = `${last.author.name} says: ${last.text ?? ''}`;
			this.#announce(fresh.length > 1 ? `${fresh.length} new messages. ${words}` : words);
			this.typing = this.typing.filter((x) => !fresh.some((m) => m.author.key === x.key));
		}
	}

	#announce(text: string) {
		// A trailing invisible change makes screen readers read the same words again.
		this.#flip = !this.#flip;
		this.announcement = this.#flip ? text : `${text}\u200b`;
	}

	/** Write a message: shown at once as "sending", then as the server stored it. */
	send(text: string) {
		const p: PendingMessage = { clientMsgId: newId(), text, state: 'sending', error: null };
		this.pending = [...this.pending, p];
		void this.#deliver(p.clientMsgId);
	}

	retry(clientMsgId: string) {
		this.#setPending(clientMsgId, { state: 'sending', error: null });
		void this.#deliver(clientMsgId);
	}

	discard(clientMsgId: string) {
		this.pending = this.pending.filter((p) => p.clientMsgId !== clientMsgId);
	}

	#setPending(clientMsgId: string, change: Partial<PendingMessage>) {
		this.pending = this.pending.map((p) => (p.clientMsgId === clientMsgId ? { ...p, ...change } : p));
	}

	async #deliver(clientMsgId: string) {
		const p = this.pending.find((x) => x.clientMsgId === clientMsgId);
		if (!p) return;
		for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
			const s = this.#socket;
			if (!s || !s.connected) {
				// Goes when the connection is back (see #join).
				this.#setPending(clientMsgId, { state: 'waiting' });
				return;
			}
			this.#setPending(clientMsgId, { state: 'sending' });
			try {
				const r = await s.timeout(SEND_TIMEOUT_MS).emitWithAck('chat:send', { roomId: this.roomId, clientMsgId, text: p.text });
				if (!r.ok) {
					// Our side had a hiccup: worth another go with the same id. Anything else is final.
					if (r.error.code === 'INTERNAL' && attempt < ATTEMPTS - 1) continue;
					this.#setPending(clientMsgId, { state: 'failed', error: r.error.message });
					this.#announce(`Your message was not sent. ${r.error.message}`);
					return;
				}
				this.discard(clientMsgId);
				this.#merge([r.data.message], false);
				if (r.data.status === 'held') this.#announce('Your message is waiting for a check.');
				else if (r.data.status === 'blocked') this.#announce('Your message was not sent. ' + (r.data.message.notice ?? ''));
				return;
			} catch {
				// No reply in time: try again with the same id.
			}
		}
		this.#setPending(clientMsgId, { state: 'failed', error: null });
		this.#announce('Your message could not be sent. You can try again.');
	}

	/** Older messages, before the oldest we have. */
	async loadOlder() {
		if (this.loadingOlder) return;
		const oldest = this.messages[0]?.seq;
		this.loadingOlder = true;
		try {
			const res = await fetch(`/api/chat/rooms/${this.roomId}/messages?limit=30${oldest ? `&before=${oldest}` : ''}`);
			const body = (await res.json()) as { ok: boolean; data?: ChatPage };
			if (body.ok && body.data) {
				this.#merge(body.data.messages, false);
				this.hasMore = body.data.nextBefore !== null;
			}
		} finally {
			this.loadingOlder = false;
		}
	}

	/** Tell others you are typing, at most every few seconds (never what you type). */
	typed() {
		const t = Date.now();
		if (t - this.#lastTyping < TYPING_EVERY_MS || !this.#socket?.connected) return;
		this.#lastTyping = t;
		this.#socket.emit('chat:typing', { roomId: this.roomId }, () => undefined);
	}

	async react(messageId: string, reaction: ChatReaction): Promise<string | null> {
		const s = this.#socket;
		if (!s?.connected) return 'Not connected. Please wait a moment and try again.';
		const r = await s.emitWithAck('chat:react', { messageId, reaction });
		if (!r.ok) return r.error.message;
		const had = this.#byId.get(messageId);
		if (had) {
			this.#byId.set(messageId, { ...had, reactions: r.data.reactions, myReactions: r.data.myReactions });
			this.messages = [...this.#byId.values()].sort((a, b) => a.seq - b.seq);
		}
		return null;
	}

	async report(messageId: string, reason: string, note: string): Promise<string | null> {
		const s = this.#socket;
		if (!s?.connected) return 'Not connected. Please wait a moment and try again.';
		const r = await s.emitWithAck('chat:report', { messageId, reason: reason as 'other', ...(note.trim() ? { note } : {}) });
		return r.ok ? null : r.error.message;
	}

	/** "I'm worried": sent with one id, retried with it, so it reaches the team once. */
	async worried(note: string, clientId = newId()): Promise<{ ok: true; support: ChatSupport } | { ok: false; message: string }> {
		for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
			const s = this.#socket;
			if (!s?.connected) return { ok: false, message: 'Not connected. If you are in danger now, call 999. Then try again in a moment.' };
			try {
				const r = await s.timeout(SEND_TIMEOUT_MS).emitWithAck('chat:worried', { roomId: this.roomId, clientId, ...(note.trim() ? { note } : {}) });
				if (r.ok) return { ok: true, support: r.data.support };
				if (r.error.code !== 'INTERNAL') return { ok: false, message: r.error.message };
			} catch {
				// Try again with the same id.
			}
		}
		return { ok: false, message: 'We couldn’t reach the server. If you are in danger now, call 999. Then try again.' };
	}

	async rulesOk() {
		if (this.me) this.me = { ...this.me, rulesSeen: true };
		await this.#socket?.emitWithAck('chat:rules-ok', { roomId: this.roomId });
	}
}

/** Times as the UK reads them (the same on the server's page and in the browser). */
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
export const clock = (iso: string) => timeFormat.format(Date.parse(iso));
