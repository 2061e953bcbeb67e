/**
 * Out-of-app safeguarding alerts through the persisted outbox, on the real server with an
 * injected clock and the background loop off (each pass is driven by hand with notifier.tick()):
 * a signed webhook to a real HTTP receiver and email through a real SMTP server, re-notified while
 * nobody acknowledges, retried with backoff after failures, surviving a restart, one logical
 * notification per delivery id, and never carrying what was written or who wrote it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../../server/services/notifier.service.js';
import type { Config } from '../../server/config.js';
import { Client, connected, emitAck, PASSWORD, startTestApp, type TestApp } from '../helpers/app.js';
import { expectedSignature, startSmtpReceiver, startWebhookReceiver, until, type SmtpReceiver, type WebhookReceiver } from '../helpers/receivers.js';

const SECRET = 'test-webhook-secret-0123456789abcdef';
const URGENT = 'i want to kill myself tonight';
const HIGH = 'i feel like hurting myself';
const MEDIUM = 'i am going to run away tonight';
const T0 = new Date('2026-11-18T10:00:00.000Z');
const MIN = 60_000;

let clock = new Date(T0);
let hook: WebhookReceiver;
let smtp: SmtpReceiver;
let t: TestApp;
let staff: Client;
let mod: Client;
let session: { code: string; pollId: string };
const NAMES = ['Brave Otter', 'Calm Heron', 'Kind Badger', 'Quick Robin', 'Sunny Wren', 'Gentle Seal', 'Happy Finch', 'Jolly Newt', 'Lucky Puffin', 'Merry Swan', 'Proud Hare', 'Quiet Mole'];
let named = 0;

let config: Partial<Config>;

const at = (ms: number) => (clock = new Date(T0.getTime() + ms));
const tick = () => t.app.services.notifier.tick();
const hooksFor = (id: string) => hook.requests.filter((r) => r.delivery.startsWith(`${id}-`));
const mailsFor = (id: string) => smtp.messages.filter((m) => (m.headers.get('x-voicebox-delivery') ?? '').startsWith(`${id}-`));
const rows = async (id: string) => (await t.app.repos.outbox.listForEscalation(id)).map((r) => ({ id: String(r._id), status: r.status, attempts: r.attempts, lastError: r.lastError ?? null, nextAttemptAt: r.nextAttemptAt }));

/** A young person answers the open-text poll; returns the escalation it raised, their name and what they wrote. */
async function concern(text: string) {
	const name = NAMES[named++ % NAMES.length]!;
	const yp = new Client(t.url);
	const j = await yp.post('/api/join', { code: session.code, displayName: name });
	if (j.status !== 200) throw new Error(`join failed: ${j.text}`);
	const participantId = (j.json.data as { participantId: string }).participantId;
	const socket = yp.socket();
	await connected(socket);
	const ack = await emitAck(socket, 'poll:vote', { pollId: session.pollId, clientVoteId: `v-${randomBytes(6).toString('hex')}`, text });
	socket.close();
	expect(ack.ok).toBe(true);
	const found = await t.app.repos.escalations.listForParticipant(participantId, '000000000000000000000000');
	expect(found).toHaveLength(1);
	return { id: String(found[0]!._id), name, participantId, text };
}

async function acknowledge(id: string) {
	const r = await mod.post(`/api/moderation/escalations/${id}/actions`, { action: 'acknowledge' });
	expect(r.status).toBe(200);
}

/** Nothing a young person wrote or is called may leave the app. */
function expectNoPersonalData(text: string, c: { name: string; text: string; participantId: string }) {
	expect(text).not.toContain(c.text);
	expect(text.toLowerCase()).not.toContain(c.text.toLowerCase());
	expect(text).not.toContain(c.name);
	expect(text).not.toContain(c.participantId);
}

async function start(dbName?: string) {
	const app = await startTestApp({ deps: { now: () => clock }, config, ...(dbName ? { dbName, seedWorld: false } : {}) });
	return app;
}

beforeAll(async () => {
	hook = await startWebhookReceiver({ secret: SECRET });
	smtp = await startSmtpReceiver();
	config = {
		outboxIntervalMs: 0,
		notifyWebhookUrl: hook.url,
		notifyWebhookSecret: SECRET,
		renotifyMinutes: 15,
		outboxLeaseSeconds: 60,
		smtpUrl: smtp.url,
		notifyEmails: ['oncall@council.test', 'dsl@council.test'],
		notifyEmailFrom: 'Voicebox Alerts <alerts@council.test>',
		publicUrl: 'https://voice.council.test'
	};
	t = await start();
	staff = new Client(t.url);
	await staff.login('staff@test.local', PASSWORD);
	mod = new Client(t.url);
	await mod.login('mod@test.local', PASSWORD);
	const s = (await staff.post('/api/sessions', { title: 'Check-in', groupId: t.world.groupA })).json.data as { id: string; code: string };
	const poll = (await staff.post('/api/polls', { hubId: t.world.hubA, groupId: t.world.groupA, title: 'How are you?', type: 'open' })).json.data as { id: string };
	expect((await staff.post(`/api/sessions/${s.id}/activity`, { pollId: poll.id })).status).toBe(200);
	session = { code: s.code, pollId: poll.id };
	expect(t.app.services.notifier.channels).toEqual(['webhook', 'email']);
});
afterAll(async () => {
	await t?.close();
	await hook?.close();
	await smtp?.close();
});

describe('re-notification while nobody acknowledges (injected clock)', () => {
	it('alerts at the acknowledge target, again every RENOTIFY_MINUTES, and stops once acknowledged', async () => {
		at(0);
		const c = await concern(URGENT);
		expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
		at(5 * MIN - 1);
		expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
		expect(hooksFor(c.id)).toHaveLength(0);

		at(5 * MIN);
		expect(await tick()).toEqual({ scheduled: 1, delivered: 2, failed: 0 });
		expect(hooksFor(c.id).map((r) => r.delivery)).toEqual([`${c.id}-1-webhook`]);
		expect(mailsFor(c.id).map((m) => m.headers.get('x-voicebox-delivery'))).toEqual([`${c.id}-1-email`]);
		// Overdue is shown in the app too.
		const list = (await mod.get('/api/moderation/escalations')).json.data as { id: string; overdue: boolean }[];
		expect(list.find((e) => e.id === c.id)?.overdue).toBe(true);

		// Passes in between send nothing more.
		expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
		at(20 * MIN - 1);
		expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
		expect(hooksFor(c.id)).toHaveLength(1);

		at(20 * MIN);
		expect(await tick()).toEqual({ scheduled: 1, delivered: 2, failed: 0 });
		const second = hooksFor(c.id)[1]!;
		expect(second.delivery).toBe(`${c.id}-2-webhook`);
		expect(second.json).toMatchObject({ round: 2, escalationId: c.id, severity: 'urgent' });
		expect(String(second.json!.text)).toMatch(/reminder 1: not yet acknowledged/);

		at(30 * MIN);
		await acknowledge(c.id);
		at(3 * 60 * MIN);
		expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
		expect(hooksFor(c.id)).toHaveLength(2);
		expect(mailsFor(c.id)).toHaveLength(2);
		expect(await t.app.repos.escalations.findById(c.id)).toMatchObject({ notifyRound: 2, nextNotifyAt: null, status: 'acknowledged' });
		expect((await rows(c.id)).map((r) => [r.id, r.status, r.attempts])).toEqual([
			[`${c.id}-1-webhook`, 'sent', 1],
			[`${c.id}-1-email`, 'sent', 1],
			[`${c.id}-2-webhook`, 'sent', 1],
			[`${c.id}-2-email`, 'sent', 1]
		]);
	});

	it('alerts a high concern at 30 minutes, and never sends medium or low ones out of the app', async () => {
		at(0);
		const high = await concern(HIGH);
		const medium = await concern(MEDIUM);
		at(30 * MIN - 1);
		await tick();
		expect(hooksFor(high.id)).toHaveLength(0);
		at(30 * MIN);
		expect(await tick()).toMatchObject({ scheduled: 1 });
		expect(hooksFor(high.id).map((r) => r.json?.severity)).toEqual(['high']);
		expect(mailsFor(high.id)[0]!.headers.get('subject')).toBe('High-priority safeguarding alert in Hub A');
		await acknowledge(high.id);
		// A day and more later, still unacknowledged: the medium concern is for the console only.
		at(3 * 24 * 60 * MIN);
		await tick();
		expect(hooksFor(medium.id)).toHaveLength(0);
		expect(mailsFor(medium.id)).toHaveLength(0);
		expect(await rows(medium.id)).toEqual([]);
		await acknowledge(medium.id);
	});

	it('never loses an acknowledgement made while the alert schedule moves on', async () => {
		at(0);
		const ids: string[] = [];
		for (let i = 0; i < 12; i++) {
			const r = await t.app.services.escalations.raise({
				orgId: t.world.orgId,
				hubId: t.world.hubA,
				groupId: null,
				source: 'poll-answer',
				sourceRef: randomBytes(12).toString('hex'),
				where: 'Poll: How are you?',
				text: 'something worrying',
				authorName: null,
				participantId: null,
				verdict: { severity: 'urgent', categories: ['self-harm'], action: 'hold', reasons: [] }
			});
			ids.push(r.id);
		}
		at(5 * MIN);
		const [, ...acks] = await Promise.all([tick(), ...ids.map((id) => mod.post(`/api/moderation/escalations/${id}/actions`, { action: 'acknowledge' }))]);
		expect(acks.map((a) => a.status)).toEqual(ids.map(() => 200));
		for (const id of ids) expect(await t.app.repos.escalations.findById(id), id).toMatchObject({ status: 'acknowledged', nextNotifyAt: null });
		// Whatever went out in that pass, nothing more does.
		const before = hook.requests.length;
		at(6 * 60 * MIN);
		expect(await tick()).toMatchObject({ scheduled: 0 });
		expect(hook.requests.length).toBe(before);
	});
});

describe('what an alert carries', () => {
	it('webhook: signed JSON (x-voicebox-signature = sha256=HMAC(secret, timestamp.body)) with the hub, severity and a link, never the text or the name', async () => {
		at(0);
		const c = await concern(URGENT);
		at(5 * MIN + 1234);
		await tick();
		const [r] = hooksFor(c.id);
		expect(r).toBeTruthy();
		expect(r!.headers['content-type']).toContain('application/json');
		expect(r!.delivery).toBe(`${c.id}-1-webhook`);
		expect(r!.timestamp).toBe(String(Math.floor(clock.getTime() / 1000)));
		expect(r!.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
		expect(r!.verified).toBe(true);
		expect(r!.signature).toBe(expectedSignature(SECRET, r!.timestamp, r!.body));
		// The signature covers the body and the timestamp: change either and it no longer matches.
		expect(expectedSignature(SECRET, r!.timestamp, r!.body.replace('urgent', 'medium'))).not.toBe(r!.signature);
		expect(expectedSignature(SECRET, String(Number(r!.timestamp) + 1), r!.body)).not.toBe(r!.signature);
		expect(Object.keys(r!.json!).sort()).toEqual(['escalationId', 'hub', 'id', 'raisedAt', 'round', 'severity', 'text', 'type', 'url']);
		expect(r!.json).toEqual({
			id: `${c.id}-1-webhook`,
			type: 'safeguarding.alert',
			escalationId: c.id,
			severity: 'urgent',
			hub: 'Hub A',
			round: 1,
			raisedAt: T0.toISOString(),
			url: `https://voice.council.test/moderator/escalations/${c.id}`,
			text: `Urgent safeguarding alert in Hub A. Open Voicebox: https://voice.council.test/moderator/escalations/${c.id}`
		});
		expectNoPersonalData(r!.body, c);
		expectNoPersonalData(JSON.stringify(r!.headers), c);
		await acknowledge(c.id);
	});

	it('email through a real SMTP server: From, To, Subject, Message-ID, and a body without the text or the name', async () => {
		at(0);
		const c = await concern(URGENT);
		at(5 * MIN);
		await tick();
		const [m] = mailsFor(c.id);
		expect(m).toBeTruthy();
		expect(m!.envelope).toEqual({ from: 'alerts@council.test', to: ['oncall@council.test', 'dsl@council.test'] });
		expect(m!.headers.get('from')).toBe('Voicebox Alerts <alerts@council.test>');
		expect(m!.headers.get('to')).toBe('oncall@council.test, dsl@council.test');
		expect(m!.headers.get('subject')).toBe('Urgent safeguarding alert in Hub A');
		expect(m!.headers.get('message-id')).toBe(`<${c.id}-1-email@voicebox.alerts>`);
		expect(m!.headers.get('x-voicebox-delivery')).toBe(`${c.id}-1-email`);
		expect(m!.body).toContain(`https://voice.council.test/moderator/escalations/${c.id}`);
		expect(m!.body).toContain('This alert does not include what was written.');
		expectNoPersonalData(m!.raw, c);
		await acknowledge(c.id);
	});
});

describe('delivery that fails', () => {
	it('retries a failing webhook receiver with backoff, never drops it, and the receiver acts on it once', async () => {
		at(0);
		const c = await concern(URGENT);
		const id = `${c.id}-1-webhook`;
		let refusals = 3;
		hook.answerWith((r) => (r.delivery === id && refusals-- > 0 ? 503 : 200));
		try {
			at(5 * MIN);
			expect(await tick()).toEqual({ scheduled: 1, delivered: 1, failed: 1 });
			let elapsed = 5 * MIN;
			for (let attempt = 1; attempt <= 3; attempt++) {
				const row = (await rows(c.id)).find((r) => r.id === id)!;
				expect(row).toMatchObject({ status: 'pending', attempts: attempt, lastError: 'HTTP_503' });
				// Exponential backoff with up to 20% jitter below: 5 s, 10 s, 20 s...
				const wait = row.nextAttemptAt.getTime() - clock.getTime();
				expect(wait).toBeGreaterThanOrEqual(0.8 * 5000 * 2 ** (attempt - 1));
				expect(wait).toBeLessThanOrEqual(5000 * 2 ** (attempt - 1));
				// Not retried before its time...
				at(elapsed + wait - 1);
				expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
				if (attempt >= 2) {
					const dash = (await mod.get('/api/moderation/dashboard')).json.data as { deliveriesFailing: number };
					expect(dash.deliveriesFailing).toBeGreaterThanOrEqual(1);
				}
				// ...and retried once it is due.
				elapsed += wait;
				at(elapsed);
				expect(await tick()).toEqual(attempt < 3 ? { scheduled: 0, delivered: 0, failed: 1 } : { scheduled: 0, delivered: 1, failed: 0 });
			}
			expect((await rows(c.id)).find((r) => r.id === id)).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
			const attempts = hooksFor(c.id).filter((r) => r.delivery === id);
			expect(attempts.map((r) => r.answer)).toEqual([503, 503, 503, 200]);
			// The same alert every time (same id and content; each attempt signed afresh).
			expect(new Set(attempts.map((r) => JSON.stringify(r.json))).size).toBe(1);
			expect(attempts.every((r) => r.verified)).toBe(true);
			expect([...hook.accepted.keys()].filter((k) => k.startsWith(c.id))).toEqual([id]);
			// Nothing more for this round once it is sent.
			at(elapsed + 10 * MIN);
			expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
			expect(hooksFor(c.id).filter((r) => r.delivery === id)).toHaveLength(4);
			expect(((await mod.get('/api/moderation/dashboard')).json.data as { deliveriesFailing: number }).deliveriesFailing).toBe(0);
			// The email went on its own, once, on the first pass.
			expect(mailsFor(c.id)).toHaveLength(1);
		} finally {
			hook.answerWith(() => 200);
		}
		await acknowledge(c.id);
	});

	it('retries an email the SMTP server refuses for now (451), and it arrives once', async () => {
		at(0);
		const c = await concern(HIGH);
		const first = smtp.attempts;
		smtp.refuseWith((n) => n === first);
		try {
			at(30 * MIN);
			expect(await tick()).toEqual({ scheduled: 1, delivered: 1, failed: 1 });
			expect(mailsFor(c.id)).toHaveLength(0);
			const row = (await rows(c.id)).find((r) => r.id === `${c.id}-1-email`)!;
			expect(row).toMatchObject({ status: 'pending', attempts: 1 });
			expect(row.lastError).toBeTruthy();
			at(31 * MIN);
			expect(await tick()).toEqual({ scheduled: 0, delivered: 1, failed: 0 });
			expect(mailsFor(c.id).map((m) => m.headers.get('message-id'))).toEqual([`<${c.id}-1-email@voicebox.alerts>`]);
			expect(smtp.attempts - first).toBe(2);
		} finally {
			smtp.refuseWith(() => false);
		}
		await acknowledge(c.id);
	});

	it('keeps backoff within its bounds and capped at ten minutes', () => {
		for (const r of [0, 0.5, 0.999]) {
			expect(backoffMs(1, () => r)).toBeGreaterThanOrEqual(4000);
			expect(backoffMs(1, () => r)).toBeLessThanOrEqual(5000);
			expect(backoffMs(4, () => r)).toBeGreaterThanOrEqual(32_000);
			expect(backoffMs(40, () => r)).toBeLessThanOrEqual(10 * MIN);
			expect(backoffMs(40, () => r)).toBeGreaterThanOrEqual(8 * MIN);
		}
	});
});

describe('a restart', () => {
	it('loses nothing: a delivery still failing when the app stops is sent by the next start, once, and the schedule carries on', async () => {
		at(0);
		const c = await concern(URGENT);
		const id = `${c.id}-1-webhook`;
		hook.answerWith((r) => (r.delivery === id ? 503 : 200));
		at(5 * MIN);
		expect(await tick()).toEqual({ scheduled: 1, delivered: 1, failed: 1 });
		const dbName = t.dbName;
		await t.close();

		hook.answerWith(() => 200);
		const world = t.world;
		t = await start(dbName);
		t.world = world;
		mod = new Client(t.url);
		await mod.login('mod@test.local', PASSWORD);
		// The pending delivery is still there, due after its backoff.
		expect((await rows(c.id)).find((r) => r.id === id)).toMatchObject({ status: 'pending', attempts: 1 });
		at(6 * MIN);
		expect(await tick()).toEqual({ scheduled: 0, delivered: 1, failed: 0 });
		expect((await rows(c.id)).map((r) => [r.id, r.status])).toEqual([
			[id, 'sent'],
			[`${c.id}-1-email`, 'sent']
		]);
		expect(hooksFor(c.id).map((r) => [r.delivery, r.answer])).toEqual([
			[id, 503],
			[id, 200]
		]);
		expect([...hook.accepted.keys()].filter((k) => k.startsWith(c.id))).toEqual([id]);

		// The next reminder is still due on time after the restart, and the round count carried over.
		at(20 * MIN);
		expect(await tick()).toEqual({ scheduled: 1, delivered: 2, failed: 0 });
		expect(hooksFor(c.id).map((r) => r.delivery)).toEqual([id, id, `${c.id}-2-webhook`]);
		await acknowledge(c.id);
		at(2 * 60 * MIN);
		expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
		expect(new Set(hooksFor(c.id).map((r) => r.delivery)).size).toBe(2);
	});
});

describe('NOTIFY_AT_ONCE', () => {
	it('sends the first alert as the concern is raised, without waiting for its target', async () => {
		const dbName = t.dbName;
		const world = t.world;
		await t.close();
		config = { ...config, notifyAtOnce: true };
		t = await start(dbName);
		t.world = world;
		mod = new Client(t.url);
		await mod.login('mod@test.local', PASSWORD);
		at(0);
		const c = await concern(URGENT);
		await until(() => hooksFor(c.id).length && mailsFor(c.id).length, 'the immediate alert');
		expect(hooksFor(c.id).map((r) => r.delivery)).toEqual([`${c.id}-1-webhook`]);
		expect(await t.app.repos.escalations.findById(c.id)).toMatchObject({ notifyRound: 1 });
		// The next reminder waits for RENOTIFY_MINUTES.
		await until(async () => (await rows(c.id)).every((r) => r.status === 'sent'), 'both deliveries marked sent');
		at(15 * MIN - 1);
		expect(await tick()).toEqual({ scheduled: 0, delivered: 0, failed: 0 });
		at(15 * MIN);
		expect(await tick()).toMatchObject({ scheduled: 1, delivered: 2 });
		await acknowledge(c.id);
	});
});
