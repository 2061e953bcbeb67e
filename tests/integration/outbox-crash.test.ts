/**
 * "A crash or restart loses nothing and sends nothing twice", proved on the built server
 * (`node dist/server/main.js`) as a child process: an urgent concern's alert is in flight to a
 * webhook receiver that never answers; the server is killed (SIGKILL) mid-delivery; a new server
 * on the same database takes the delivery over when its lease runs out and sends it again with
 * the same delivery id; the receiver, de-duplicating on that id, acts on one notification; once it
 * is marked sent nothing more goes for that round.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectDb } from '../../server/db/connect.js';
import { createModels } from '../../server/models/index.js';
import { Client, connected, emitAck, PASSWORD, startTestApp, type World } from '../helpers/app.js';
import { startWebhookReceiver, until, type WebhookReceiver } from '../helpers/receivers.js';

const root = join(import.meta.dirname, '../..');
const main = join(root, 'dist/server/main.js');
const SECRET = 'crash-test-webhook-secret-0123456789';
const URGENT = 'i want to kill myself tonight';
const LEASE_SECONDS = 2;

/** Newest modification time under a directory, for .ts sources (skipping tests and builds). */
function newest(dir: string): number {
	let t = 0;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		const s = statSync(p);
		if (s.isDirectory()) t = Math.max(t, newest(p));
		else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) t = Math.max(t, s.mtimeMs);
	}
	return t;
}

/** Build when dist/ is missing or older than the sources (under the shared lock: others build too). */
function ensureBuilt() {
	const built = (() => {
		try {
			return statSync(main).mtimeMs;
		} catch {
			return 0;
		}
	})();
	const sources = Math.max(...['server', 'contracts', 'moderation'].map((d) => newest(join(root, d))));
	if (built > sources) return;
	const r = spawnSync('flock', ['/tmp/voicebox-build.lock', 'npm', 'run', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	// Others may be mid-edit elsewhere: what matters here is that the server was emitted afresh.
	if (statSync(main).mtimeMs <= built) throw new Error(`build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

interface Running {
	child: ChildProcess;
	url: string;
	out: () => string;
}

let dbName = '';
let world: World;
let hook: WebhookReceiver;
const children: ChildProcess[] = [];

function startServer(): Promise<Running> {
	const child = spawn(process.execPath, [main], {
		cwd: root,
		env: {
			...process.env,
			MONGODB_URI: inject('mongoUri'),
			DB_NAME: dbName,
			SEED_DEMO: 'false',
			PORT: '0',
			HOST: '127.0.0.1',
			PUBLIC_URL: '',
			LOG_LEVEL: 'warn',
			NOTIFY_WEBHOOK_URL: hook.url,
			NOTIFY_WEBHOOK_SECRET: SECRET,
			NOTIFY_AT_ONCE: 'true',
			RENOTIFY_MINUTES: '60',
			OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
			OUTBOX_INTERVAL_MS: '200',
			SMTP_URL: '',
			NOTIFY_EMAILS: ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.push(child);
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	return new Promise((ok, fail) => {
		const timer = setTimeout(() => fail(new Error(`did not start:\n${out}`)), 60_000);
		const check = () => {
			const m = /Voicebox is running: (http:\/\/\S+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				ok({ child, url: m[1]!.replace('localhost', '127.0.0.1'), out: () => out });
			}
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`exited ${code}:\n${out}`));
		});
	});
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	return new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
}

/** A young person joins a session on that server and writes the worrying answer; returns what the concern needs. */
async function raiseConcern(url: string, name: string, sessionTitle: string) {
	const staff = new Client(url);
	await staff.login('staff@test.local', PASSWORD);
	const s = (await staff.post('/api/sessions', { title: sessionTitle, groupId: world.groupA })).json.data as { id: string; code: string };
	const poll = (await staff.post('/api/polls', { hubId: world.hubA, groupId: world.groupA, title: 'How are you?', type: 'open' })).json.data as { id: string };
	expect((await staff.post(`/api/sessions/${s.id}/activity`, { pollId: poll.id })).status).toBe(200);
	const yp = new Client(url);
	const j = await yp.post('/api/join', { code: s.code, displayName: name });
	expect(j.status).toBe(200);
	const socket = yp.socket();
	await connected(socket);
	const ack = await emitAck<{ status: string }>(socket, 'poll:vote', { pollId: poll.id, clientVoteId: `crash-${Date.now()}`, text: URGENT });
	socket.close();
	expect(ack).toMatchObject({ ok: true, data: { status: 'held' } });
	return { participantId: (j.json.data as { participantId: string }).participantId };
}

beforeAll(async () => {
	ensureBuilt();
	// The organisation, hubs and accounts, written by the app's own code into a fresh database.
	const seed = await startTestApp({ config: { outboxIntervalMs: 0 } });
	dbName = seed.dbName;
	world = seed.world;
	await seed.close();
	// The first delivery is held open and never answered; every later one is accepted.
	hook = await startWebhookReceiver({ secret: SECRET, answer: (_r, n) => (n === 0 ? 'hold' : 200) });
}, 240_000);

afterAll(async () => {
	for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
	await hook?.close();
});

describe('the alert outbox across a crash', () => {
	it('a server killed mid-delivery loses nothing: the next one sends the same delivery id, the receiver acts once, and nothing more goes for that round', async () => {
		const conn = await connectDb(inject('mongoUri'), dbName, { maxPoolSize: 2 });
		const { Outbox, Escalation } = createModels(conn);
		try {
			const first = await startServer();
			const c = await raiseConcern(first.url, 'Brave Otter', 'Evening group');
			const escalation = await until(() => Escalation.findOne({ participantId: c.participantId }).lean(), 'the escalation in the database');
			const deliveryId = `${String(escalation._id)}-1-webhook`;

			// The alert is in flight: the receiver has it and is holding the request open.
			await until(() => hook.held() === 1, 'the first delivery to arrive and be held');
			expect(hook.requests.map((r) => r.delivery)).toEqual([deliveryId]);
			const inFlight = await Outbox.findById(deliveryId).lean();
			expect(inFlight).toMatchObject({ status: 'pending', attempts: 1 });
			expect(inFlight!.leaseUntil).toBeInstanceOf(Date);

			// Kill it mid-delivery: no clean shutdown, nothing marked.
			first.child.kill('SIGKILL');
			expect(await exited(first.child)).toEqual({ code: null, signal: 'SIGKILL' });
			await until(() => hook.held() === 0, 'the held request to be cut off by the crash');
			expect(await Outbox.findById(deliveryId).lean()).toMatchObject({ status: 'pending', attempts: 1 });

			// A new server on the same database takes the delivery over once the lease has run out.
			const second = await startServer();
			const sent = await until(async () => {
				const row = await Outbox.findById(deliveryId).lean();
				return row?.status === 'sent' ? row : null;
			}, 'the outbox row to be marked sent by the new server', 30_000);
			expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null, leaseUntil: null });
			expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(inFlight!.leaseUntil!.getTime());

			// The same delivery id again (at least once), signed, with the same content.
			expect(hook.requests.map((r) => [r.delivery, r.answer])).toEqual([
				[deliveryId, 'hold'],
				[deliveryId, 200]
			]);
			expect(hook.requests.every((r) => r.verified)).toBe(true);
			expect(JSON.stringify(hook.requests[1]!.json)).toBe(JSON.stringify(hook.requests[0]!.json));
			// The receiver, de-duplicating on the delivery id, has exactly one logical notification.
			expect([...hook.accepted.keys()]).toEqual([deliveryId]);
			for (const r of hook.requests) {
				expect(r.body).not.toContain(URGENT);
				expect(r.body).not.toContain('Brave Otter');
			}

			// Nothing more for that round: wait past when a stale lease could have been retaken, then
			// raise another concern on the same server; its alert arriving shows the loop ran on.
			await until(() => Date.now() > sent.sentAt!.getTime() + 2 * LEASE_SECONDS * 1000, 'two lease periods to pass', 30_000);
			await raiseConcern(second.url, 'Calm Heron', 'Morning group');
			await until(() => hook.requests.length >= 3, 'the later concern’s alert');
			expect(hook.requests.filter((r) => r.delivery === deliveryId)).toHaveLength(2);
			expect(hook.requests.slice(2).map((r) => r.delivery)).toEqual([expect.stringMatching(/-1-webhook$/)]);
			expect(hook.requests[2]!.delivery).not.toBe(deliveryId);

			// One row per round and channel in the database, and the schedule moved on once.
			expect(await Outbox.find({ escalationId: escalation._id }).lean()).toEqual([expect.objectContaining({ _id: deliveryId, status: 'sent' })]);
			expect(await Escalation.findById(escalation._id).lean()).toMatchObject({ status: 'open', notifyRound: 1 });

			second.child.kill('SIGTERM');
			expect(await exited(second.child)).toEqual({ code: 0, signal: null });
		} finally {
			await conn.close();
		}
	}, 120_000);
});
