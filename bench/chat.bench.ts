/**
 * Benchmark (numbers, not pass/fail): the group chat under a busy evening. N young people in one
 * room on the real server and the embedded database each send messages over Socket.IO; we time
 * send → ack (stored and checked by the safeguarding filter) and send → another phone receives
 * it, against a baseline measured in the same run: a bare Socket.IO echo on the same machine.
 *
 *   npm run bench:chat              # 20 young people × 20 messages, each as fast as they can
 *   npm run bench:chat -- 40 30     # 40 young people × 30 messages
 *   npm run bench:chat -- 20 20 1000   # each sends one message a second (still far busier than a real group)
 *   npm run bench:chat -- 20 20 1000 10000   # ... with 10,000 older messages in other rooms first
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { Server } from 'socket.io';
import { io as ioClient, type Socket } from 'socket.io-client';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { connectDb, EMBEDDED_POOL_SIZE } from '../server/db/connect.js';
import { startEmbeddedDb } from '../server/db/embedded.js';
import { createLogger } from '../server/logger.js';

const PEOPLE = Number(process.argv[2] ?? 20) || 20;
const EACH = Number(process.argv[3] ?? 20) || 20;
/** Milliseconds each young person waits between messages (0: flat out). */
const PACE = Number(process.argv[4] ?? 0) || 0;
/** Older messages stored in another room first (a database after months of use). */
const PREFILL = Number(process.argv[5] ?? 0) || 0;
const LINES = ['how was everyones week', 'can we have pizza next time', 'i liked the trip to the museum', 'the bus to the hub takes ages', 'who is coming on friday', 'i vote for bowling'];

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;
const ack = <T>(socket: Socket, event: string, payload: unknown) =>
	new Promise<T>((resolve, reject) => socket.timeout(20_000).emit(event, payload, (err: Error | null, r: T) => (err ? reject(err) : resolve(r))));

/** The same traffic through a bare Socket.IO server that only echoes: transport cost alone. */
async function baseline(n: number): Promise<number[]> {
	const http = createServer();
	const io = new Server(http);
	io.on('connection', (s) => s.on('echo', (p: unknown, cb: (r: unknown) => void) => cb({ ok: true, data: p })));
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const sockets = await Promise.all(Array.from({ length: PEOPLE }, () => new Promise<Socket>((r) => { const s = ioClient(url, { transports: ['websocket'] }); s.on('connect', () => r(s)); })));
	const times: number[] = [];
	await Promise.all(
		sockets.map(async (s, i) => {
			for (let k = 0; k < n; k++) {
				const t0 = performance.now();
				await ack(s, 'echo', { roomId: 'x', clientMsgId: `${i}-${k}`, text: LINES[k % LINES.length] });
				times.push(performance.now() - t0);
			}
		})
	);
	for (const s of sockets) s.close();
	await io.close();
	return times;
}

async function main() {
	const dir = mkdtempSync(join(tmpdir(), 'voicebox-bench-'));
	const db = await startEmbeddedDb(dir);
	// Limits raised so the benchmark measures speed, not the rate limiter.
	const config = loadConfig({ LOG_LEVEL: 'silent' }, { port: 0, dbName: `bench_${randomBytes(4).toString('hex')}`, seedDemo: false, chatRateCount: 100_000, chatRoomFloodPerMinute: 100_000, outboxIntervalMs: 0 });
	const conn = await connectDb(db.uri, config.dbName, { maxPoolSize: EMBEDDED_POOL_SIZE });
	const app = await createApp({ config, conn, logger: createLogger('silent'), web: false });
	const port = await app.listen(0, '127.0.0.1');
	const url = `http://127.0.0.1:${port}`;
	try {
		const org = await app.repos.org.createOrg('Bench Council', `bench-${randomBytes(3).toString('hex')}`);
		const hub = await app.repos.org.createHub(String(org._id), 'Bench Hub');
		const group = await app.repos.org.createGroup({ orgId: String(org._id), hubId: String(hub._id), name: 'Bench Group', description: '' });
		const staffUser = await app.services.auth.createUser({ email: 'bench@bench.local', password: 'a-long-bench-password', role: 'staff', hubIds: [String(hub._id)], displayName: 'Bench', orgId: String(org._id) }, { kind: 'anonymous' });
		void staffUser;
		const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.local', password: 'a-long-bench-password' }) });
		const staffCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		const session = (await (await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: staffCookie }, body: JSON.stringify({ title: 'Bench', groupId: String(group._id) }) })).json()) as { data: { code: string } };

		const ADJ = ['Blue', 'Green', 'Brave', 'Calm', 'Kind', 'Quick', 'Sunny', 'Bright', 'Gentle', 'Happy'];
		const ANIMAL = ['Fox', 'Owl', 'Otter', 'Badger', 'Robin', 'Hare', 'Wren', 'Seal', 'Deer', 'Swan'];
		const people: { socket: Socket; id: string }[] = [];
		for (let i = 0; i < PEOPLE; i++) {
			const r = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: session.data.code, displayName: `${ADJ[i % 10]} ${ANIMAL[Math.floor(i / 10) % 10]}` }) });
			const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
			const socket = ioClient(url, { transports: ['websocket'], extraHeaders: { cookie } });
			await new Promise<void>((res) => socket.on('connect', () => res()));
			people.push({ socket, id: ((await r.json()) as { data: { participantId: string } }).data.participantId });
		}
		const rooms = await fetch(`${url}/api/chat/rooms`, { headers: { cookie: staffCookie } }).then((r) => r.json() as Promise<{ data: { id: string; kind: string }[] }>);
		const roomId = rooms.data.find((r) => r.kind === 'group')!.id;
		for (const p of people) {
			await ack(p.socket, 'chat:join', { roomId });
			await ack(p.socket, 'chat:rules-ok', { roomId });
		}

		// Everyone listens; the first phone (not the sender) to receive each message times delivery.
		const sentAt = new Map<string, number>();
		const delivery: number[] = [];
		for (const p of people)
			p.socket.on('chat:message', (m: { id: string; text: string | null; status: string }) => {
				const t0 = sentAt.get(m.text ?? '');
				if (t0 !== undefined && m.status === 'visible') {
					delivery.push(performance.now() - t0);
					sentAt.delete(m.text ?? '');
				}
			});
		if (PREFILL) {
			const other = new mongoose.Types.ObjectId();
			for (let i = 0; i < PREFILL; i += 1000)
				await conn.collection('chatMessages').insertMany(
					Array.from({ length: Math.min(1000, PREFILL - i) }, (_, k) => ({ roomId: other, clientMsgId: `old-${i + k}`, seq: i + k + 1, rev: i + k + 1, text: LINES[k % LINES.length], status: 'visible', createdAt: new Date() }))
				);
		}
		const acks: number[] = [];
		const started = performance.now();
		await Promise.all(
			people.map(async (p, i) => {
				for (let k = 0; k < EACH; k++) {
					const text = `${LINES[(i + k) % LINES.length]} (${i}.${k})`;
					const t0 = performance.now();
					sentAt.set(text, t0);
					const r = await ack<{ ok: boolean }>(p.socket, 'chat:send', { roomId, clientMsgId: `bench-${i}-${k}-${randomBytes(3).toString('hex')}`, text });
					if (!r.ok) throw new Error(`send refused: ${JSON.stringify(r)}`);
					acks.push(performance.now() - t0);
					if (PACE) await new Promise((r) => setTimeout(r, PACE * (0.5 + ((i * 7 + k * 13) % 10) / 10)));
				}
			})
		);
		const elapsed = (performance.now() - started) / 1000;
		const total = PEOPLE * EACH;
		const stored = await app.repos.chat.countMessages(roomId);
		for (const p of people) p.socket.close();

		const base = await baseline(EACH);
		console.log(`Chat: ${PEOPLE} young people × ${EACH} messages in one room (${total} messages, ${PACE ? `each about one per ${PACE} ms` : 'each as fast as they can'}${PREFILL ? `, ${PREFILL} older messages stored first` : ''}), real server + embedded database, all checked by the safeguarding filter`);
		console.log(`  stored: ${stored} (expected ${total})`);
		console.log(`  throughput: ${(total / elapsed).toFixed(0)} messages/s`);
		console.log(`  send → ack (stored):     p50 ${ms(pct(acks, 50))}  p95 ${ms(pct(acks, 95))}  p99 ${ms(pct(acks, 99))}`);
		console.log(`  send → another phone:    p50 ${ms(pct(delivery, 50))}  p95 ${ms(pct(delivery, 95))}  p99 ${ms(pct(delivery, 99))}  (${delivery.length} timed)`);
		console.log(`  baseline (bare Socket.IO echo, same load): p50 ${ms(pct(base, 50))}  p99 ${ms(pct(base, 99))}`);
		console.log(`  ratio to baseline: ack p50 ${(pct(acks, 50) / pct(base, 50)).toFixed(1)}×, delivery p50 ${(pct(delivery, 50) / pct(base, 50)).toFixed(1)}×`);
	} finally {
		await app.close();
		await db.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
