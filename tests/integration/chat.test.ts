/**
 * The reference-group chat end to end on the real server and database, with real Socket.IO
 * clients: stored before the ack, retries never duplicate, order under concurrent senders,
 * resync after a phone sleeps, the filter's held / blocked / escalated paths, limits, controls,
 * reports, "I'm worried", who may read and write, retention, and late remote checks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatPage, ChatRoom, ChatSendResult, ChatSnapshot } from '../../contracts/index.js';
import { createModerator, createPerspectiveClassifier } from '../../moderation/index.js';
import { createContentModerator } from '../../server/moderation.js';
import { Client, connected, emitAck, startTestApp, type TestApp } from '../helpers/app.js';

const ADJ = ['Blue', 'Green', 'Brave', 'Calm', 'Kind', 'Quick', 'Sunny', 'Bright', 'Gentle', 'Happy', 'Jolly', 'Lucky', 'Merry', 'Proud', 'Quiet', 'Silver'];
const ANIMAL = ['Fox', 'Owl', 'Otter', 'Badger', 'Robin', 'Hare', 'Wren', 'Seal', 'Deer', 'Swan', 'Heron', 'Mole', 'Finch', 'Lynx', 'Panda', 'Koala'];
let counter = 0;
/** A fresh friendly nickname each call ("Blue Fox", "Green Fox"...). */
const nick = () => {
	const i = counter++;
	return `${ADJ[i % ADJ.length]} ${ANIMAL[Math.floor(i / ADJ.length) % ANIMAL.length]}`;
};
let ids = 0;
const msgId = () => `m-${Date.now().toString(36)}-${(ids++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

interface Person {
	client: Client;
	socket: Socket;
	id: string;
	name: string;
	/** Every chat:message this socket heard, in order. */
	heard: ChatMessage[];
}

interface Place {
	groupId: string;
	sessionId: string;
	code: string;
	roomId: string;
}

/** Signed-in staff clients for the test world. */
async function staffClients(t: TestApp) {
	const login = async (email: string, password: string) => {
		const c = new Client(t.url);
		await c.login(email, password);
		return c;
	};
	return {
		admin: await login('admin@test.local', t.world.users.admin.password),
		staff: await login('staff@test.local', t.world.users.staff.password),
		moderator: await login('mod@test.local', t.world.users.moderator.password),
		staffB: await login('staffb@test.local', t.world.users.staffB.password)
	};
}

/** A new group in a hub with an open live session, and the group's chat room. */
async function newPlace(t: TestApp, admin: Client, staff: Client, name: string, hubId = t.world.hubA): Promise<Place> {
	const g = await admin.post('/api/groups', { name, hubId });
	if (g.status !== 201 && g.status !== 200) throw new Error(`group: ${g.text}`);
	const groupId = (g.json.data as { id: string }).id;
	const s = await staff.post('/api/sessions', { title: `${name} evening`, groupId });
	if (s.status !== 201 && s.status !== 200) throw new Error(`session: ${s.text}`);
	const { id: sessionId, code } = s.json.data as { id: string; code: string };
	const rooms = await staff.get('/api/chat/rooms');
	const roomId = (rooms.json.data as { id: string; kind: string; title: string }[]).find((r) => r.kind === 'group' && r.title === name)!.id;
	return { groupId, sessionId, code, roomId };
}

/** A young person joins the session by code, connects, and opens the group chat. */
async function person(t: TestApp, place: Place, name = nick()): Promise<Person> {
	const client = new Client(t.url);
	const r = await client.post('/api/join', { code: place.code, displayName: name });
	if (r.status !== 200) throw new Error(`join failed: ${r.text}`);
	const socket = client.socket();
	const heard: ChatMessage[] = [];
	socket.on('chat:message', (m: ChatMessage) => heard.push(m));
	await connected(socket);
	const joined = await emitAck<ChatSnapshot>(socket, 'chat:join', { roomId: place.roomId });
	if (!joined.ok) throw new Error(`chat:join failed: ${JSON.stringify(joined)}`);
	return { client, socket, id: (r.json.data as { participantId: string }).participantId, name, heard };
}

/** A staff member's live view of a room. */
async function watch(client: Client, roomId: string) {
	const socket = client.socket();
	const heard: ChatMessage[] = [];
	socket.on('chat:message', (m: ChatMessage) => heard.push(m));
	await connected(socket);
	const joined = await emitAck<ChatSnapshot>(socket, 'chat:join', { roomId });
	if (!joined.ok) throw new Error(`chat:join failed: ${JSON.stringify(joined)}`);
	return { socket, heard, snapshot: joined.data! };
}

const send = (socket: Socket, roomId: string, text: string, clientMsgId = msgId()) => emitAck<ChatSendResult>(socket, 'chat:send', { roomId, clientMsgId, text });

/** Resolves with the first event matching `pred` (already heard ones count too when given). */
function waitFor<T>(socket: Socket, event: string, pred: (p: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
	return new Promise((ok, fail) => {
		const s = socket as unknown as { on: (e: string, f: (p: T) => void) => void; off: (e: string, f: (p: T) => void) => void };
		const timer = setTimeout(() => {
			s.off(event, handler);
			fail(new Error(`no matching ${event} within ${timeoutMs} ms`));
		}, timeoutMs);
		const handler = (p: T) => {
			if (!pred(p)) return;
			clearTimeout(timer);
			s.off(event, handler);
			ok(p);
		};
		s.on(event, handler);
	});
}

/** Waits until a person has heard a message with this id (and the predicate holds). */
function heardMessage(p: { socket: Socket; heard: ChatMessage[] }, id: string, pred: (m: ChatMessage) => boolean = () => true) {
	const seen = p.heard.find((m) => m.id === id && pred(m));
	if (seen) return Promise.resolve(seen);
	return waitFor<ChatMessage>(p.socket, 'chat:message', (m) => m.id === id && pred(m));
}

const roomEvent = (socket: Socket, pred: (r: ChatRoom) => boolean) => waitFor<ChatRoom>(socket, 'chat:room', pred);


describe('the group chat', () => {
	let t: TestApp;
	let c: Awaited<ReturnType<typeof staffClients>>;

	beforeAll(async () => {
		// Generous per-person rate here (the limits have their own app with the defaults below).
		t = await startTestApp({ config: { chatRateCount: 1000 } });
		c = await staffClients(t);
	});
	afterAll(() => t.close());

	describe('sending', () => {
		let place: Place;
		let a: Person;
		let b: Person;
		beforeAll(async () => {
			place = await newPlace(t, c.admin, c.staff, 'Sending group');
			[a, b] = [await person(t, place), await person(t, place)];
		});

		it('stores a message before the ack, then everyone in the room hears it once with its place', async () => {
			const r = await send(a.socket, place.roomId, 'Hello everyone, how was your week?');
			expect(r).toMatchObject({ ok: true, data: { status: 'visible' } });
			const { id, seq } = r.data!;
			// Stored before the ack: read straight from the database.
			const stored = await t.app.repos.chat.findMessage(id);
			expect(stored).toMatchObject({ text: 'Hello everyone, how was your week?', seq, status: 'visible' });
			const got = await heardMessage(b, id);
			expect(got).toMatchObject({ id, seq, text: 'Hello everyone, how was your week?', author: { name: a.name, role: 'young-person' } });
			// The author hears it as theirs (same key as in their snapshot), never with another's key.
			const snap = await emitAck<ChatSnapshot>(a.socket, 'chat:join', { roomId: place.roomId });
			expect(got.author.key).toBe(snap.data!.me.key);
		});

		it('returns the first result for a retried clientMsgId and never stores or shows it twice', async () => {
			const clientMsgId = msgId();
			const [first, second] = await Promise.all([
				send(a.socket, place.roomId, 'Is anyone else going on Saturday?', clientMsgId),
				send(a.socket, place.roomId, 'Is anyone else going on Saturday?', clientMsgId)
			]);
			const third = await send(a.socket, place.roomId, 'Is anyone else going on Saturday?', clientMsgId);
			expect(first.ok && second.ok && third.ok).toBe(true);
			expect(new Set([first.data!.id, second.data!.id, third.data!.id]).size).toBe(1);
			expect(third.data!.seq).toBe(first.data!.seq);
			const page = await a.client.get<ChatPage>(`/api/chat/rooms/${place.roomId}/messages?limit=100`);
			expect((page.json.data as ChatPage).messages.filter((m) => m.id === first.data!.id)).toHaveLength(1);
			// A marker sent afterwards arrives after any copy would have: b heard the retried one exactly once.
			const marker = await send(a.socket, place.roomId, 'That is all from me for now');
			await heardMessage(b, marker.data!.id);
			expect(b.heard.filter((m) => m.id === first.data!.id)).toHaveLength(1);
		});

		it('a retry from someone else with the same clientMsgId is refused, not mixed up', async () => {
			const clientMsgId = msgId();
			const mine = await send(a.socket, place.roomId, 'My own words here', clientMsgId);
			expect(mine.ok).toBe(true);
			const theirs = await send(b.socket, place.roomId, 'Different words', clientMsgId);
			expect(theirs).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
		});

		it('orders messages by the server sequence under concurrent senders, with no gaps, repeats or reordering per sender', async () => {
			const senders = await Promise.all(Array.from({ length: 6 }, () => person(t, place)));
			const listener = await person(t, place);
			const before = (await emitAck<ChatSnapshot>(listener.socket, 'chat:join', { roomId: place.roomId })).data!.messages[0]!.seq;
			const results = await Promise.all(
				senders.map(async (p, i) => {
					const mine: ChatSendResult[] = [];
					for (let k = 0; k < 5; k++) {
						const r = await send(p.socket, place.roomId, `Sender ${ADJ[i]} says number ${k + 1}`);
						expect(r.ok, JSON.stringify(r)).toBe(true);
						mine.push(r.data!);
					}
					return mine;
				})
			);
			const all = results.flat();
			const seqs = all.map((r) => r.seq).sort((x, y) => x - y);
			// 30 different places, one after another, straight after what was there before.
			expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => before + 1 + i));
			for (const mine of results) expect(mine.map((r) => r.seq)).toEqual([...mine.map((r) => r.seq)].sort((x, y) => x - y));
			// The listener heard each once; sorted by seq it is the history the server keeps.
			const last = all.reduce((x, y) => (x.seq > y.seq ? x : y));
			await heardMessage(listener, last.id);
			for (const r of all) await heardMessage(listener, r.id);
			const heard = listener.heard.filter((m) => m.seq > before);
			expect(new Set(heard.map((m) => m.id)).size).toBe(heard.length);
			const history = (await listener.client.get(`/api/chat/rooms/${place.roomId}/messages?limit=30`)).json.data as ChatPage;
			expect([...heard].sort((x, y) => x.seq - y.seq).map((m) => m.id)).toEqual([...history.messages].reverse().map((m) => m.id));
			for (const s of [...senders, listener]) s.socket.close();
		});

		it('pages history newest first with a cursor', async () => {
			const first = (await a.client.get(`/api/chat/rooms/${place.roomId}/messages?limit=5`)).json.data as ChatPage;
			expect(first.messages).toHaveLength(5);
			expect(first.messages.map((m) => m.seq)).toEqual([...first.messages.map((m) => m.seq)].sort((x, y) => y - x));
			const second = (await a.client.get(`/api/chat/rooms/${place.roomId}/messages?limit=5&before=${first.nextBefore}`)).json.data as ChatPage;
			expect(second.messages[0]!.seq).toBeLessThan(first.messages[4]!.seq);
			const everything: ChatMessage[] = [];
			let before: number | null = null;
			do {
				const page = (await a.client.get(`/api/chat/rooms/${place.roomId}/messages?limit=7${before ? `&before=${before}` : ''}`)).json.data as ChatPage;
				everything.push(...page.messages);
				before = page.nextBefore;
			} while (before);
			expect(new Set(everything.map((m) => m.id)).size).toBe(everything.length);
			expect(everything.at(-1)!.seq).toBe(1);
		});

		it('refuses empty, whitespace-only, too long and control-character messages with plain words, storing nothing and keeping the connection', async () => {
			const count = await t.app.repos.chat.countMessages(place.roomId);
			for (const text of ['', '   \n\t ', 'bad\u0000byte', 'bell\u0007here']) {
				const r = await send(a.socket, place.roomId, text);
				expect(r, JSON.stringify(text)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
			}
			const long = await send(a.socket, place.roomId, 'a'.repeat(t.config.chatMaxLength + 1));
			expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
			expect(long.error!.message).toMatch(/too long.*1000 characters/);
			expect(await emitAck(a.socket, 'chat:send', { roomId: place.roomId })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
			expect(await emitAck(a.socket, 'chat:send', 'nonsense')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
			expect(await t.app.repos.chat.countMessages(place.roomId)).toBe(count);
			expect(a.socket.connected).toBe(true);
			expect((await send(a.socket, place.roomId, 'Still here')).ok).toBe(true);
		});

		it('shows typing to others (name only, never the words) and not to the typist', async () => {
			const arrives = waitFor<{ roomId: string; name: string; key: string }>(b.socket, 'chat:typing');
			expect(await emitAck(a.socket, 'chat:typing', { roomId: place.roomId })).toMatchObject({ ok: true, data: { sent: true } });
			const info = await arrives;
			expect(info).toEqual({ roomId: place.roomId, name: a.name, key: expect.any(String) });
		});

		it('toggles reactions from the fixed set, counting each person once', async () => {
			const m = await send(a.socket, place.roomId, 'We won the quiz!');
			const r1 = await emitAck<{ reactions: Record<string, number>; myReactions: string[] }>(b.socket, 'chat:react', { messageId: m.data!.id, reaction: 'clap' });
			expect(r1).toMatchObject({ ok: true, data: { reactions: { clap: 1 }, myReactions: ['clap'] } });
			const heard = await heardMessage(a, m.data!.id, (x) => x.reactions.clap === 1);
			expect(heard.text).toBe('We won the quiz!');
			await emitAck(a.socket, 'chat:react', { messageId: m.data!.id, reaction: 'clap' });
			const again = await emitAck<{ reactions: Record<string, number>; myReactions: string[] }>(b.socket, 'chat:react', { messageId: m.data!.id, reaction: 'clap' });
			expect(again).toMatchObject({ ok: true, data: { reactions: { clap: 1 }, myReactions: [] } });
			expect(await emitAck(b.socket, 'chat:react', { messageId: m.data!.id, reaction: 'poop' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
		});
	});

	describe('a phone that sleeps', () => {
		it('asks for everything after the last change it saw on reconnect: nothing missed, nothing twice', async () => {
			const place = await newPlace(t, c.admin, c.staff, 'Resync group');
			const [a, b] = [await person(t, place), await person(t, place)];
			const early = await send(a.socket, place.roomId, 'Before the phone slept');
			const seen = await heardMessage(b, early.data!.id);
			// The phone keeps what it has, by id, and the highest change number it saw.
			const local = new Map(b.heard.map((m) => [m.id, m]));
			const lastRev = Math.max(...b.heard.map((m) => m.rev), seen.rev);
			b.socket.close();

			const sentWhileAway: string[] = [];
			for (let i = 0; i < 8; i++) sentWhileAway.push((await send(a.socket, place.roomId, `Message ${i + 1} while you were away`)).data!.id);
			// A moderator hides the early message meanwhile.
			expect((await c.staff.post(`/api/chat/messages/${early.data!.id}/hide`, { reason: 'off-topic' })).status).toBe(200);

			const again = b.client.socket();
			await connected(again);
			const snap = await emitAck<ChatSnapshot>(again, 'chat:join', { roomId: place.roomId, afterRev: lastRev });
			expect(snap).toMatchObject({ ok: true, data: { mode: 'changes' } });
			const changes = snap.data!.messages;
			expect(new Set(changes.map((m) => m.id)).size).toBe(changes.length);
			for (const m of changes) if (!local.has(m.id) || local.get(m.id)!.rev < m.rev) local.set(m.id, m);
			const merged = [...local.values()].sort((x, y) => x.seq - y.seq);
			const truth = ((await b.client.get(`/api/chat/rooms/${place.roomId}/messages?limit=100`)).json.data as ChatPage).messages.reverse();
			expect(merged.map((m) => [m.id, m.status, m.text])).toEqual(truth.map((m) => [m.id, m.status, m.text]));
			expect(merged.find((m) => m.id === early.data!.id)).toMatchObject({ status: 'removed', text: null });
			for (const id of sentWhileAway) expect(local.has(id)).toBe(true);
			// And it is live again.
			const live = waitFor<ChatMessage>(again, 'chat:message', (m) => m.text === 'Welcome back');
			await send(a.socket, place.roomId, 'Welcome back');
			await live;
			again.close();
			a.socket.close();
		});
	});

	describe('the safeguarding filter', () => {
		let place: Place;
		let a: Person;
		let b: Person;
		let staffView: Awaited<ReturnType<typeof watch>>;
		let modSocket: Socket;
		beforeAll(async () => {
			place = await newPlace(t, c.admin, c.staff, 'Filter group');
			[a, b] = [await person(t, place), await person(t, place)];
			staffView = await watch(c.moderator, place.roomId);
			modSocket = staffView.socket;
		});

		/** b has heard everything up to a marker (from staff: always shown) sent after `id`: had b been sent `id`, it would be in `heard`. */
		async function othersNeverHeard(id: string) {
			const staffSocket = c.staff.socket();
			await connected(staffSocket);
			const marker = await send(staffSocket, place.roomId, 'Just checking in');
			staffSocket.close();
			await heardMessage(b, marker.data!.id);
			expect(b.heard.some((m) => m.id === id)).toBe(false);
		}

		it('holds a message with a phone number: only the author sees it, waiting for a check, and it is in the held queue', async () => {
			const r = await send(a.socket, place.roomId, 'text me on 07700 900123');
			expect(r).toMatchObject({ ok: true, data: { status: 'held' } });
			expect(r.data!.message.notice).toMatch(/Waiting for a check/);
			const id = r.data!.id;
			await othersNeverHeard(id);
			const staffHeard = await heardMessage(staffView, id);
			expect(staffHeard).toMatchObject({ status: 'held', text: 'text me on 07700 900123', categories: ['contact-details'] });
			expect(((await b.client.get(`/api/chat/rooms/${place.roomId}/messages`)).json.data as ChatPage).messages.some((m) => m.id === id)).toBe(false);
			expect(((await a.client.get(`/api/chat/rooms/${place.roomId}/messages`)).json.data as ChatPage).messages.find((m) => m.id === id)).toMatchObject({ status: 'held' });

			const queue = (await c.moderator.get('/api/moderation/reviews?queue=held')).json.data as { id: string; kind: string; ref: string; text: string; approveLabel: string }[];
			const item = queue.find((q) => q.ref === id)!;
			expect(item).toMatchObject({ kind: 'chat-message', text: 'text me on 07700 900123', approveLabel: 'Show it' });

			// The moderator shows it: everyone hears it now.
			expect((await c.moderator.post(`/api/moderation/reviews/${item.id}/decision`, { decision: 'approve' })).status).toBe(200);
			expect(await heardMessage(b, id)).toMatchObject({ status: 'visible', text: 'text me on 07700 900123' });
		});

		it('a held message a moderator keeps hidden never reaches others; the author is told kindly', async () => {
			const r = await send(a.socket, place.roomId, 'my snap is bluefox_2010 add me');
			expect(r.data!.status).toBe('held');
			const queue = (await c.moderator.get('/api/moderation/reviews?queue=held')).json.data as { id: string; ref: string }[];
			const item = queue.find((q) => q.ref === r.data!.id)!;
			await c.moderator.post(`/api/moderation/reviews/${item.id}/decision`, { decision: 'reject' });
			const mine = await heardMessage(a, r.data!.id, (m) => m.status === 'removed');
			expect(mine.notice).toMatch(/decided not to show/);
			await othersNeverHeard(r.data!.id);
		});

		it('blocks abusive words: the author gets a kind explanation and nobody else sees it', async () => {
			const r = await send(a.socket, place.roomId, 'fuck off');
			expect(r).toMatchObject({ ok: true, data: { status: 'blocked' } });
			expect(r.data!.message.notice).toMatch(/Not sent/);
			await othersNeverHeard(r.data!.id);
			const queue = (await c.moderator.get('/api/moderation/reviews?queue=held')).json.data as { ref: string }[];
			expect(queue.some((q) => q.ref === r.data!.id)).toBe(false);
		});

		it('escalates a concerning message: stored, the author gets the support message, moderators hear at once', async () => {
			const alert = waitFor<{ escalationId: string; severity: string }>(modSocket, 'escalation:new');
			const r = await send(a.socket, place.roomId, 'i want to kill myself tonight');
			expect(r).toMatchObject({ ok: true, data: { status: 'held' } });
			expect(r.data!.support?.message).toMatch(/Childline/);
			expect(r.data!.message.support?.contacts.some((x) => x.phone === '0800 1111')).toBe(true);
			const { escalationId, severity } = await alert;
			expect(severity).toBe('urgent');
			const detail = (await c.moderator.get(`/api/moderation/escalations/${escalationId}`)).json.data as {
				source: string;
				sourceRef: string;
				where: string;
				authorName: string;
				context: { id: string; subject?: boolean; text: string }[];
				recentItems: { id: string }[];
			};
			expect(detail).toMatchObject({ source: 'chat', sourceRef: r.data!.id, where: 'Chat: Filter group', authorName: a.name });
			expect(detail.context.find((x) => x.subject)).toMatchObject({ id: r.data!.id, text: 'i want to kill myself tonight' });
			expect(detail.context.length).toBeGreaterThan(1);
			expect(detail.recentItems.some((x) => x.id === r.data!.id)).toBe(true);
			await othersNeverHeard(r.data!.id);
			// A retry returns the same result and raises nothing new.
			const escalations = (await c.moderator.get('/api/moderation/escalations')).json.data as { sourceRef: string }[];
			expect(escalations.filter((e) => e.sourceRef === r.data!.id)).toHaveLength(1);
		});

		it('pre-moderation holds every message until a moderator (here from the room view) shows it', async () => {
			const mode = await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'mode', mode: 'pre' });
			expect(mode.json.data).toMatchObject({ mode: 'pre' });
			const r = await send(a.socket, place.roomId, 'I think the youth club should open on Sundays');
			expect(r.data).toMatchObject({ status: 'held', message: { notice: expect.stringMatching(/every message/) } });
			await othersNeverHeard(r.data!.id);
			// A facilitator cannot release it; a moderator can, from the chat itself.
			expect((await c.staff.post(`/api/chat/messages/${r.data!.id}/restore`, {})).json.error?.code).toBe('FORBIDDEN');
			expect((await c.moderator.post(`/api/chat/messages/${r.data!.id}/restore`, {})).json.data).toMatchObject({ status: 'visible' });
			expect(await heardMessage(b, r.data!.id)).toMatchObject({ status: 'visible' });
			const decided = (await c.moderator.get('/api/moderation/reviews?queue=decided')).json.data as { ref: string; status: string }[];
			expect(decided.find((d) => d.ref === r.data!.id)?.status).toBe('approved');
			await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'mode', mode: 'post' });
		});

		it('read-only: young people cannot write, staff can', async () => {
			await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'mode', mode: 'read-only' });
			expect(await send(a.socket, place.roomId, 'Can I still talk?')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/Only the facilitators/) } });
			const staffSocket = c.staff.socket();
			await connected(staffSocket);
			const r = await send(staffSocket, place.roomId, 'Ground rules: call Childline on 0800 1111 any time.');
			expect(r).toMatchObject({ ok: true, data: { status: 'visible' } });
			expect(await heardMessage(b, r.data!.id)).toMatchObject({ author: { role: 'facilitator', name: 'staff' } });
			await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'mode', mode: 'post' });
			staffSocket.close();
		});
	});

	describe('facilitator and moderator controls', () => {
		let place: Place;
		let a: Person;
		let b: Person;
		beforeAll(async () => {
			place = await newPlace(t, c.admin, c.staff, 'Controls group');
			[a, b] = [await person(t, place), await person(t, place)];
		});

		it('mutes a young person for some minutes, tells them, refuses their messages with the time, and unmutes', async () => {
			const told = waitFor<{ roomId: string; mutedUntil: string | null }>(a.socket, 'chat:you');
			const r = await c.staff.post(`/api/chat/rooms/${place.roomId}/mute`, { participantId: a.id, minutes: 10, reason: 'unkind' });
			expect(r.json.data).toMatchObject({ participantId: a.id, name: a.name, mutedUntil: expect.any(String) });
			expect((await told).mutedUntil).toBe((r.json.data as { mutedUntil: string }).mutedUntil);
			const refused = await send(a.socket, place.roomId, 'Why can I not talk?');
			expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^You are muted until \d\d:\d\d\./) } });
			expect((await send(b.socket, place.roomId, 'I can still talk')).ok).toBe(true);
			const people = (await c.moderator.get(`/api/chat/rooms/${place.roomId}/people`)).json.data as { participantId: string; mutedUntil: string | null }[];
			expect(people.find((p) => p.participantId === a.id)?.mutedUntil).not.toBeNull();
			await c.staff.post(`/api/chat/rooms/${place.roomId}/mute`, { participantId: a.id, minutes: 0 });
			expect((await send(a.socket, place.roomId, 'Sorry everyone')).ok).toBe(true);
		});

		it('pauses and resumes: everyone hears the change; young people cannot write while paused', async () => {
			const heardPause = roomEvent(b.socket, (r) => r.state === 'paused');
			await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'pause', reason: 'break' });
			await heardPause;
			expect(await send(a.socket, place.roomId, 'Hello?')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/paused by the facilitator/) } });
			const heardResume = roomEvent(b.socket, (r) => r.state === 'open');
			await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'resume' });
			await heardResume;
			expect((await send(a.socket, place.roomId, 'Back again')).ok).toBe(true);
		});

		it('hides a message with a reason (others see "removed", the author sees why) and shows it again', async () => {
			const m = await send(a.socket, place.roomId, 'You are all slow at this game');
			await heardMessage(b, m.data!.id);
			const hidden = await c.staff.post(`/api/chat/messages/${m.data!.id}/hide`, { reason: 'unkind' });
			expect(hidden.json.data).toMatchObject({ status: 'removed', hiddenReason: 'unkind' });
			expect(await heardMessage(b, m.data!.id, (x) => x.status === 'removed')).toMatchObject({ text: null, reactions: {} });
			expect(await heardMessage(a, m.data!.id, (x) => x.status === 'removed')).toMatchObject({ text: 'You are all slow at this game', notice: expect.stringMatching(/removed/) });
			expect((await c.staff.post(`/api/chat/messages/${m.data!.id}/hide`, {})).status).toBe(400);
			await c.staff.post(`/api/chat/messages/${m.data!.id}/restore`, { reason: 'other' });
			expect(await heardMessage(b, m.data!.id, (x) => x.status === 'visible')).toMatchObject({ text: 'You are all slow at this game' });
		});

		it('pins a message (ground rules) for everyone and unpins it', async () => {
			const staffSocket = c.staff.socket();
			await connected(staffSocket);
			const rules = await send(staffSocket, place.roomId, 'Ground rules: be kind, use nicknames, and press I am worried if you need us.');
			const pinned = roomEvent(b.socket, (r) => r.pinned?.id === rules.data!.id);
			await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'pin', messageId: rules.data!.id });
			expect((await pinned).pinned).toMatchObject({ text: expect.stringMatching(/^Ground rules/), authorName: 'staff' });
			const unpinned = roomEvent(b.socket, (r) => r.pinned === null);
			await c.moderator.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'unpin' });
			await unpinned;
			staffSocket.close();
		});

		it('audits every control with who, what and why, never message text or names', async () => {
			const log = (await c.admin.get('/api/audit')).json.data as { action: string; actorId: string | null; targetId: string | null; meta: Record<string, unknown> }[];
			const chat = log.filter((l) => l.action.startsWith('chat.'));
			for (const action of ['chat.mute', 'chat.unmute', 'chat.pause', 'chat.resume', 'chat.hide', 'chat.restore', 'chat.pin', 'chat.unpin', 'chat.mode'])
				expect(chat.some((l) => l.action === action), action).toBe(true);
			expect(chat.find((l) => l.action === 'chat.hide')).toMatchObject({ actorId: t.world.users.staff.id, meta: { reason: 'unkind', before: 'visible', after: 'removed' } });
			const all = JSON.stringify(chat);
			for (const secret of ['slow at this game', a.name, b.name, '07700', 'kill myself']) expect(all).not.toContain(secret);
		});

		it('ends the chat: nobody can write, and resuming opens it again', async () => {
			const ended = roomEvent(a.socket, (r) => r.state === 'ended');
			await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'end', reason: 'finished' });
			await ended;
			expect(await send(a.socket, place.roomId, 'Bye')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This chat has ended.' } });
			const staffSocket = c.staff.socket();
			await connected(staffSocket);
			expect(await send(staffSocket, place.roomId, 'Thanks all')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
			staffSocket.close();
			await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'resume' });
			expect((await send(a.socket, place.roomId, 'We are back')).ok).toBe(true);
		});
	});

	describe('young people’s own tools', () => {
		let place: Place;
		let a: Person;
		let b: Person;
		let mod: Awaited<ReturnType<typeof watch>>;
		beforeAll(async () => {
			place = await newPlace(t, c.admin, c.staff, 'Tools group');
			[a, b] = [await person(t, place), await person(t, place)];
			mod = await watch(c.moderator, place.roomId);
		});

		it('reports a message into the reported queue; a worrying report also reaches moderators at once', async () => {
			const m = await send(a.socket, place.roomId, 'things at home are really hard at the moment');
			expect(m.data!.status).toBe('visible');
			await heardMessage(b, m.data!.id);
			const alert = waitFor<{ escalationId: string }>(mod.socket, 'escalation:new');
			const r = await emitAck(b.socket, 'chat:report', { messageId: m.data!.id, reason: 'worrying', note: 'I am scared for them' });
			expect(r).toMatchObject({ ok: true, data: { received: true } });
			const detail = (await c.moderator.get(`/api/moderation/escalations/${(await alert).escalationId}`)).json.data as { source: string; reportNote: string; sourceRef: string };
			expect(detail).toMatchObject({ source: 'report', sourceRef: m.data!.id, reportNote: 'I am scared for them' });
			const reported = (await c.moderator.get('/api/moderation/reviews?queue=reported')).json.data as { ref: string; reports: { reason: string }[]; rejectLabel: string }[];
			expect(reported.find((x) => x.ref === m.data!.id)).toMatchObject({ reports: [{ reason: 'worrying' }], rejectLabel: 'Hide it' });
		});

		it('reports an unkind message; the moderator hides it from the reported queue', async () => {
			const m = await send(a.socket, place.roomId, 'your ideas are always rubbish');
			await heardMessage(b, m.data!.id);
			expect(await emitAck(a.socket, 'chat:report', { messageId: m.data!.id, reason: 'unkind' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
			expect((await emitAck(b.socket, 'chat:report', { messageId: m.data!.id, reason: 'unkind' })).ok).toBe(true);
			const reported = (await c.moderator.get('/api/moderation/reviews?queue=reported')).json.data as { id: string; ref: string }[];
			const item = reported.find((x) => x.ref === m.data!.id)!;
			await c.moderator.post(`/api/moderation/reviews/${item.id}/decision`, { decision: 'reject' });
			expect(await heardMessage(b, m.data!.id, (x) => x.status === 'removed')).toMatchObject({ text: null });
		});

		it('"I\'m worried" privately alerts the hub’s moderators with the chat around it, once per press', async () => {
			const alert = waitFor<{ escalationId: string; severity: string }>(mod.socket, 'escalation:new');
			const clientId = msgId();
			const r = await emitAck<{ received: boolean; support: { message: string } }>(a.socket, 'chat:worried', { roomId: place.roomId, clientId, note: 'Someone here is making me feel unsafe' });
			expect(r).toMatchObject({ ok: true, data: { received: true, support: { message: expect.stringMatching(/Nobody else in the chat knows/) } } });
			const { escalationId, severity } = await alert;
			expect(severity).toBe('high');
			const detail = (await c.moderator.get(`/api/moderation/escalations/${escalationId}`)).json.data as { source: string; text: string; authorName: string; context: unknown[]; categories: string[] };
			expect(detail).toMatchObject({ source: 'worried', text: 'Someone here is making me feel unsafe', authorName: a.name, categories: ['worried'] });
			expect(detail.context.length).toBeGreaterThan(0);
			// Pressed again with the same id (a retry): still one.
			expect((await emitAck(a.socket, 'chat:worried', { roomId: place.roomId, clientId })).ok).toBe(true);
			const list = (await c.moderator.get('/api/moderation/escalations')).json.data as { source: string; participantId: string }[];
			expect(list.filter((e) => e.source === 'worried' && e.participantId === a.id)).toHaveLength(1);
			// Nobody else in the room heard anything about it.
			const marker = await send(a.socket, place.roomId, 'Thanks');
			await heardMessage(b, marker.data!.id);
			expect(JSON.stringify(b.heard)).not.toContain('unsafe');
		});

		it('remembers that the ground rules were seen', async () => {
			const before = await emitAck<ChatSnapshot>(b.socket, 'chat:join', { roomId: place.roomId });
			expect(before.data!.me.rulesSeen).toBe(false);
			expect(await emitAck(b.socket, 'chat:rules-ok', { roomId: place.roomId })).toMatchObject({ ok: true });
			const after = await emitAck<ChatSnapshot>(b.socket, 'chat:join', { roomId: place.roomId });
			expect(after.data!.me.rulesSeen).toBe(true);
		});
	});

	describe('who may read and write', () => {
		it('a young person of another group, and staff of another hub, cannot read, join or post', async () => {
			const place = await newPlace(t, c.admin, c.staff, 'Private group');
			const a = await person(t, place);
			const secret = await send(a.socket, place.roomId, 'Only for our group');
			const other = await newPlace(t, c.admin, c.staff, 'Other group');
			const outsider = await person(t, other);
			expect(await emitAck(outsider.socket, 'chat:join', { roomId: place.roomId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
			expect(await send(outsider.socket, place.roomId, 'Let me in')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
			expect(await emitAck(outsider.socket, 'chat:react', { messageId: secret.data!.id, reaction: 'heart' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
			expect(await emitAck(outsider.socket, 'chat:report', { messageId: secret.data!.id, reason: 'spam' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
			expect(await emitAck(outsider.socket, 'chat:typing', { roomId: place.roomId })).toMatchObject({ ok: false });
			expect((await outsider.client.get(`/api/chat/rooms/${place.roomId}`)).status).toBe(404);
			expect((await outsider.client.get(`/api/chat/rooms/${place.roomId}/messages`)).status).toBe(404);
			const mine = (await outsider.client.get('/api/chat/rooms')).json.data as { id: string }[];
			expect(mine.map((r) => r.id)).toEqual([other.roomId]);
			// Staff of Hub B see nothing of Hub A's chats.
			expect((await c.staffB.get(`/api/chat/rooms/${place.roomId}`)).status).toBe(404);
			expect((await c.staffB.post(`/api/chat/messages/${secret.data!.id}/hide`, { reason: 'spam' })).status).toBe(404);
			expect((await c.staffB.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'pause' })).status).toBe(404);
			expect(((await c.staffB.get('/api/chat/rooms')).json.data as { id: string }[]).some((r) => r.id === place.roomId)).toBe(false);
			// Young people cannot use the controls at all.
			expect((await a.client.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'pause' })).status).toBe(403);
			expect((await a.client.post(`/api/chat/messages/${secret.data!.id}/hide`, { reason: 'spam' })).status).toBe(403);
			// Nothing leaked into the outsider's socket.
			expect(JSON.stringify(outsider.heard)).not.toContain('Only for our group');
		});

		it('a live session can have its own chat for the people in that session; it ends with the session', async () => {
			const place = await newPlace(t, c.admin, c.staff, 'Session chat group');
			const opened = await c.staff.post('/api/chat/rooms', { sessionId: place.sessionId });
			expect(opened.status).toBe(201);
			const room = opened.json.data as ChatRoom;
			expect(room).toMatchObject({ kind: 'session', sessionId: place.sessionId, state: 'open' });
			expect(((await c.staff.post('/api/chat/rooms', { sessionId: place.sessionId })).json.data as ChatRoom).id).toBe(room.id);
			const a = await person(t, place);
			const listed = (await a.client.get('/api/chat/rooms')).json.data as { id: string; kind: string }[];
			expect(listed.map((r) => r.kind).sort()).toEqual(['group', 'session']);
			expect((await emitAck(a.socket, 'chat:join', { roomId: room.id })).ok).toBe(true);
			expect((await send(a.socket, room.id, 'Hi from the session')).ok).toBe(true);
			const ended = roomEvent(a.socket, (r) => r.id === room.id && r.state === 'ended');
			await c.staff.post(`/api/sessions/${place.sessionId}/close`);
			await ended;
		});
	});
});

describe('limits (default settings)', () => {
	let t: TestApp;
	let c: Awaited<ReturnType<typeof staffClients>>;
	beforeAll(async () => {
		t = await startTestApp();
		c = await staffClients(t);
	});
	afterAll(() => t.close());

	it('refuses a sixth message inside ten seconds with plain words, and stores nothing for it', async () => {
		const place = await newPlace(t, c.admin, c.staff, 'Rate group');
		const a = await person(t, place);
		for (let i = 0; i < t.config.chatRateCount; i++) expect((await send(a.socket, place.roomId, `Quick message ${i + 1}`)).ok).toBe(true);
		const id = msgId();
		const over = await send(a.socket, place.roomId, 'One more quick one', id);
		expect(over).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: 'You’re sending messages quickly. Wait a few seconds and try again.' } });
		expect(await t.app.repos.chat.findByClientMsgId(place.roomId, id)).toBeNull();
	});

	it('slow mode: one message every N seconds per young person', async () => {
		const place = await newPlace(t, c.admin, c.staff, 'Slow group');
		const [a, b] = [await person(t, place), await person(t, place)];
		const changed = roomEvent(b.socket, (r) => r.slowSeconds === 30);
		await c.staff.post(`/api/chat/rooms/${place.roomId}/control`, { action: 'slow', seconds: 30 });
		await changed;
		expect((await send(a.socket, place.roomId, 'First thought')).ok).toBe(true);
		expect(await send(a.socket, place.roomId, 'Second thought')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/every 30 seconds/) } });
		expect((await send(b.socket, place.roomId, 'My first thought')).ok).toBe(true);
	});
});

describe('retention', () => {
	let t: TestApp;
	let clock = new Date('2025-01-10T18:00:00Z');
	beforeAll(async () => {
		t = await startTestApp({ deps: { now: () => clock }, config: { chatRateCount: 1000 } });
	});
	afterAll(() => t.close());

	it('deletes messages after the retention period, keeping those an open concern needs and the few around them', async () => {
		const c = await staffClients(t);
		const place = await newPlace(t, c.admin, c.staff, 'Retention group');
		const [a, b] = [await person(t, place), await person(t, place)];
		const old: string[] = [];
		for (let i = 0; i < 14; i++) old.push((await send(i % 2 ? b.socket : a.socket, place.roomId, `Old message number ${i + 1}`)).data!.id);
		// A concern in the middle of the old conversation: still open.
		const concern = await send(a.socket, place.roomId, 'i want to kill myself tonight');
		for (let i = 0; i < 14; i++) old.push((await send(i % 2 ? b.socket : a.socket, place.roomId, `Later old message ${i + 1}`)).data!.id);
		// A reaction on an old message goes with it.
		await emitAck(b.socket, 'chat:react', { messageId: old[0], reaction: 'heart' });

		clock = new Date(clock.getTime() + (t.config.chatRetentionDays + 1) * 86_400_000);
		// Sign-ins expired meanwhile too.
		await c.moderator.login('mod@test.local', t.world.users.moderator.password);
		await c.admin.login('admin@test.local', t.world.users.admin.password);
		const fresh = await send(b.socket, place.roomId, 'A new message after the holidays');

		const deleted = await t.app.services.chat.runRetention();
		const left = ((await c.moderator.get(`/api/chat/rooms/${place.roomId}/messages?limit=100`)).json.data as ChatPage).messages;
		const ids = new Set(left.map((m) => m.id));
		expect(ids.has(fresh.data!.id)).toBe(true);
		expect(ids.has(concern.data!.id)).toBe(true);
		// Five either side of the concern stay with it; everything else old is gone.
		const kept = old.filter((id) => ids.has(id));
		expect(kept).toEqual([...old.slice(9, 14), ...old.slice(14, 19)]);
		expect(deleted).toBe(old.length - kept.length);
		expect(await t.app.repos.chat.findMessage(old[0]!)).toBeNull();
		// Running it again deletes nothing more.
		expect(await t.app.services.chat.runRetention()).toBe(0);
		const log = (await c.admin.get('/api/audit')).json.data as { action: string; meta: Record<string, unknown> }[];
		expect(log.find((l) => l.action === 'chat.retention')?.meta).toMatchObject({ deleted });
	});
});

describe('the room flood guard', () => {
	let t: TestApp;
	beforeAll(async () => {
		t = await startTestApp({ config: { chatRoomFloodPerMinute: 10, chatRateCount: 100 } });
	});
	afterAll(() => t.close());

	it('slows the whole room down once it gets too many messages in a minute', async () => {
		const c = await staffClients(t);
		const place = await newPlace(t, c.admin, c.staff, 'Busy group');
		const people = await Promise.all(Array.from({ length: 3 }, () => person(t, place)));
		const results = [];
		for (let i = 0; i < 12; i++) results.push(await send(people[i % 3]!.socket, place.roomId, `Busy message ${i + 1}`));
		expect(results.filter((r) => r.ok)).toHaveLength(10);
		expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: 'The chat is very busy right now. Wait a few seconds and try again.' } });
	});
});

describe('a remote classifier that answers later', () => {
	let t: TestApp;
	let server: Server;
	beforeAll(async () => {
		// A stand-in for Perspective on loopback: very threatening for one phrase, calm for the rest.
		server = createServer((req, res) => {
			let raw = '';
			req.setEncoding('utf8');
			req.on('data', (chunk: string) => (raw += chunk));
			req.on('end', () => {
				const body = JSON.parse(raw || '{}') as { comment?: { text?: string } };
				const threat = body.comment?.text?.includes('regret it') ? 0.97 : 0.02;
				const scores = { TOXICITY: 0.05, THREAT: threat };
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ attributeScores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { summaryScore: { value: v, type: 'PROBABILITY' } }])) }));
			});
		});
		await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
		const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1alpha1/comments:analyze`;
		const moderator = createContentModerator(createModerator({ classifiers: [createPerspectiveClassifier({ apiKey: 'test-key', endpoint })] }), true);
		t = await startTestApp({ deps: { moderator } });
	});
	afterAll(async () => {
		await t.close();
		server.closeAllConnections();
		await new Promise<void>((ok) => server.close(() => ok()));
	});

	it('hides a message it finds threatening (everyone sees "removed") and escalates it; calm ones stay', async () => {
		const c = await staffClients(t);
		const place = await newPlace(t, c.admin, c.staff, 'Remote group');
		const [a, b] = [await person(t, place), await person(t, place)];
		const mod = await watch(c.moderator, place.roomId);
		const alert = waitFor<{ escalationId: string }>(mod.socket, 'escalation:new');
		const r = await send(a.socket, place.roomId, 'see you outside the chippy later, you will regret it');
		// The local filter let it through, so it was shown at once...
		expect(r.data!.status).toBe('visible');
		await heardMessage(b, r.data!.id, (m) => m.status === 'visible');
		// ...then the remote check hid it for everyone and told the moderators.
		expect(await heardMessage(b, r.data!.id, (m) => m.status === 'removed')).toMatchObject({ text: null });
		const detail = (await c.moderator.get(`/api/moderation/escalations/${(await alert).escalationId}`)).json.data as { sourceRef: string; categories: string[] };
		expect(detail).toMatchObject({ sourceRef: r.data!.id, categories: expect.arrayContaining(['violence']) });
		const calm = await send(a.socket, place.roomId, 'Only joking, see you at the match on Saturday');
		await heardMessage(b, calm.data!.id);
		await t.app.services.chat.settle();
		expect((await t.app.repos.chat.findMessage(calm.data!.id))?.status).toBe('visible');
	});
});
