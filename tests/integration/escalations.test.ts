/**
 * Safeguarding escalations and the held queue on the real server (real FerretDB, real sockets,
 * the real safeguarding filter), with an injected clock: concerns are raised the way young
 * people raise them today (an open-text poll answer), pushed live to the moderators of that hub
 * only, worked through their lifecycle, counted on the dashboard, exported without text or
 * names, and every action lands in an append-only audit log.
 */
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { defaultSafeguardingSettings, type Escalation, type EscalationDetail, type ReviewItem } from '../../contracts/index.js';
import { connectDb } from '../../server/db/connect.js';
import { createModels } from '../../server/models/index.js';
import { endOfNextWorkingDay } from '../../server/services/deadlines.js';
import { Client, connected, emitAck, PASSWORD, startTestApp, type TestApp } from '../helpers/app.js';
import { until } from '../helpers/receivers.js';

const URGENT = 'i want to kill myself tonight';
const HIGH = 'i feel like hurting myself';
const MEDIUM = 'i am going to run away tonight';
const CONTACT = 'text me on 07700 900123';
const START = new Date('2026-11-18T10:00:00.000Z'); // a Wednesday

let clock = new Date(START);
let t: TestApp;
let admin: Client;
let staffA: Client;
let staffB: Client;
let modA: Client;
let modA2: Client;
let modB: Client;
const ids = { modA: '', modA2: '', modB: '', staffA: '', admin: '', disabledMod: '' };
const sessions: Record<'A' | 'B', { id: string; code: string; pollId: string }> = { A: { id: '', code: '', pollId: '' }, B: { id: '', code: '', pollId: '' } };
const NAMES = ['Brave Otter', 'Calm Heron', 'Kind Badger', 'Quick Robin', 'Sunny Wren', 'Gentle Seal', 'Happy Finch', 'Jolly Newt', 'Lucky Puffin', 'Merry Swan', 'Proud Hare', 'Quiet Mole', 'Silver Lynx', 'Golden Deer', 'Swift Falcon', 'Wise Panda', 'Cosy Koala', 'Bright Tiger', 'Blue Dolphin', 'Green Pony'];
let named = 0;
const sockets: Socket[] = [];

const sys = { kind: 'anonymous' } as const;
const api = <T>(r: { json: { data?: unknown } }) => r.json.data as T;

async function signIn(email: string, password = PASSWORD) {
	const c = new Client(t.url);
	await c.login(email, password);
	return c;
}

async function makeUser(email: string, role: 'moderator' | 'staff' | 'admin', hubIds: string[], displayName: string = role, orgId = t.world.orgId) {
	const u = await t.app.services.auth.createUser({ email, password: PASSWORD, role, hubIds, displayName, orgId }, sys);
	return u.id;
}

async function openSession(hub: 'A' | 'B', staff: Client) {
	const groupId = hub === 'A' ? t.world.groupA : t.world.groupB;
	const hubId = hub === 'A' ? t.world.hubA : t.world.hubB;
	const s = api<{ id: string; code: string }>(await staff.post('/api/sessions', { title: `Check-in ${hub}`, groupId }));
	const poll = await staff.post('/api/polls', { hubId, groupId, title: 'How are you?', type: 'open' });
	if (poll.status !== 201) throw new Error(`poll create failed: ${poll.text}`);
	const pollId = api<{ id: string }>(poll).id;
	expect((await staff.post(`/api/sessions/${s.id}/activity`, { pollId })).status).toBe(200);
	sessions[hub] = { id: s.id, code: s.code, pollId };
}

/** A young person joins the hub's session and answers the open-text poll. */
async function answer(hub: 'A' | 'B', text: string) {
	const name = NAMES[named++ % NAMES.length]!;
	const yp = new Client(t.url);
	const j = await yp.post('/api/join', { code: sessions[hub].code, displayName: name });
	if (j.status !== 200) throw new Error(`join failed: ${j.text}`);
	const participantId = api<{ participantId: string }>(j).participantId;
	const socket = yp.socket();
	sockets.push(socket);
	await connected(socket);
	const ack = await emitAck<{ status: string }>(socket, 'poll:vote', { pollId: sessions[hub].pollId, clientVoteId: `v-${randomBytes(6).toString('hex')}`, text });
	expect(ack.ok, JSON.stringify(ack.error)).toBe(true);
	socket.close();
	return { name, participantId, client: yp, status: ack.data!.status };
}

/** Raise a concern the way an answer does, and return its escalation id. */
async function concern(hub: 'A' | 'B', text: string) {
	const a = await answer(hub, text);
	const rows = await t.app.repos.escalations.listForParticipant(a.participantId, '000000000000000000000000');
	expect(rows).toHaveLength(1);
	return { ...a, id: String(rows[0]!._id) };
}

/** A concern straight through the escalation service (the same call chat and polls make), for chosen severities and rules. */
async function raise(hubId: string, severity: 'urgent' | 'high' | 'medium' | 'low', rule = 'test-rule') {
	const r = await t.app.services.escalations.raise({
		orgId: t.world.orgId,
		hubId,
		groupId: null,
		source: 'poll-answer',
		sourceRef: randomBytes(12).toString('hex'),
		where: 'Poll: How are you?',
		text: 'a worrying answer',
		authorName: 'Some Name',
		participantId: null,
		verdict: { severity, categories: ['self-harm'], action: 'hold', reasons: [{ stage: 'safeguarding', rule, category: 'self-harm' }] }
	});
	return r.id;
}

/** A hub of its own with one moderator, so counts and statistics start from nothing. */
async function freshHub(label: string) {
	const hubId = String((await t.app.repos.org.createHub(t.world.orgId, `Hub ${label}`))._id);
	const email = `mod-${label.toLowerCase()}@test.local`;
	const modId = await makeUser(email, 'moderator', [hubId], `Moderator ${label}`);
	return { hubId, modId, mod: await signIn(email) };
}

const act = (c: Client, id: string, body: Record<string, unknown>) => c.post(`/api/moderation/escalations/${id}/actions`, body);
const detail = async (c: Client, id: string) => api<EscalationDetail>(await c.get(`/api/moderation/escalations/${id}`));
/** Audit entries, oldest first (by id: several share one instant of the injected clock). */
async function auditSearch(q: { targetId?: string; action?: string }) {
	const rows = await t.app.services.audit.search(t.world.orgId, { ...q, limit: 500 });
	return rows.sort((a, b) => a.id.localeCompare(b.id));
}
const auditOf = (targetId: string) => auditSearch({ targetId });

function collect<T>(socket: Socket, event: string): T[] {
	const seen: T[] = [];
	(socket as unknown as { on: (e: string, f: (p: T) => void) => void }).on(event, (p: T) => seen.push(p));
	return seen;
}

beforeAll(async () => {
	t = await startTestApp({ deps: { now: () => clock } });
	ids.admin = t.world.users.admin.id;
	ids.staffA = t.world.users.staff.id;
	ids.modA = t.world.users.moderator.id;
	ids.modA2 = await makeUser('mod2@test.local', 'moderator', [t.world.hubA], 'Second moderator');
	ids.modB = await makeUser('modb@test.local', 'moderator', [t.world.hubB], 'Hub B moderator');
	ids.disabledMod = await makeUser('gone@test.local', 'moderator', [t.world.hubA], 'Left the team');
	await t.app.repos.users.setDisabled(ids.disabledMod, true);
	admin = await signIn('admin@test.local');
	staffA = await signIn('staff@test.local');
	staffB = await signIn('staffb@test.local');
	modA = await signIn('mod@test.local');
	modA2 = await signIn('mod2@test.local');
	modB = await signIn('modb@test.local');
	await openSession('A', staffA);
	await openSession('B', staffB);
});
afterAll(async () => {
	for (const s of sockets) s.close();
	await t?.close();
});

describe('raising a concern', () => {
	it('persists it, then pushes escalation:new to the moderators of that hub only (not hub B’s, not facilitators)', async () => {
		const sA = modA.socket();
		const sB = modB.socket();
		const sStaff = staffA.socket();
		sockets.push(sA, sB, sStaff);
		await Promise.all([connected(sA), connected(sB), connected(sStaff)]);
		const gotA = collect<{ escalationId: string; hubId: string; severity: string }>(sA, 'escalation:new');
		const gotB = collect<{ escalationId: string; hubId: string; severity: string }>(sB, 'escalation:new');
		const gotStaff = collect<unknown>(sStaff, 'escalation:new');
		const notices = collect<{ hubId: string }>(sStaff, 'staff:notice');

		const a = await concern('A', URGENT);
		expect(a.status).toBe('held');
		await until(() => gotA.length, 'escalation:new on hub A’s moderator socket');
		// The push reads the stored escalation (severity comes from the database), so it was stored first.
		expect(gotA).toEqual([{ escalationId: a.id, hubId: t.world.hubA, severity: 'urgent' }]);
		const stored = await t.app.repos.escalations.findById(a.id);
		expect(stored).toMatchObject({ status: 'open', severity: 'urgent', text: URGENT, authorName: a.name, source: 'poll-answer' });
		// The live event carries no text and no name.
		expect(JSON.stringify(gotA)).not.toContain(URGENT);
		expect(JSON.stringify(gotA)).not.toContain(a.name);

		// A later concern in hub B reaches hub B's moderator: events on one socket arrive in order,
		// so had hub A's concern been sent there, it would have come first.
		const b = await concern('B', HIGH);
		await until(() => gotB.length, 'escalation:new on hub B’s moderator socket');
		expect(gotB).toEqual([{ escalationId: b.id, hubId: t.world.hubB, severity: 'high' }]);
		expect(gotA.map((e) => e.escalationId)).toEqual([a.id]);

		// A facilitator of hub A hears a moderator's follow-up request, but never the concern itself.
		expect((await act(modA, a.id, { action: 'tell-facilitator', note: 'Please check in with your group.' })).status).toBe(200);
		await until(() => notices.length, 'staff:notice on the facilitator socket');
		expect(notices[0]).toMatchObject({ hubId: t.world.hubA });
		expect(gotStaff).toEqual([]);
		sA.close();
		sB.close();
		sStaff.close();
	});

	it('raises once per item: the same answer sent again is not a second concern', async () => {
		const yp = new Client(t.url);
		const pid = api<{ participantId: string }>(await yp.post('/api/join', { code: sessions.A.code, displayName: 'Silver Heron' })).participantId;
		const socket = yp.socket();
		sockets.push(socket);
		await connected(socket);
		const vote = { pollId: sessions.A.pollId, clientVoteId: 'retry-me-please', text: URGENT };
		const [one, two] = [await emitAck(socket, 'poll:vote', vote), await emitAck(socket, 'poll:vote', vote)];
		expect(one.ok && two.ok).toBe(true);
		expect(await t.app.repos.escalations.listForParticipant(pid, '000000000000000000000000')).toHaveLength(1);
		socket.close();
	});

	it('keeps escalations and held items from facilitators, young people and strangers', async () => {
		const c = await concern('A', HIGH);
		const yp = c.client;
		const paths = [
			['GET', '/api/moderation/escalations'],
			['GET', `/api/moderation/escalations/${c.id}`],
			['POST', `/api/moderation/escalations/${c.id}/actions`],
			['GET', '/api/moderation/reviews'],
			['GET', '/api/moderation/counts'],
			['GET', '/api/moderation/dashboard'],
			['GET', '/api/moderation/escalations/export.csv']
		] as const;
		for (const [method, path] of paths) {
			const body = method === 'POST' ? { action: 'acknowledge' } : undefined;
			const asStaff = await staffA.request(method, path, body);
			expect(asStaff.status, `staff ${method} ${path}`).toBe(403);
			const asYp = await yp.request(method, path, body);
			expect(asYp.status, `participant ${method} ${path}`).toBe(403);
			const asNobody = await new Client(t.url).request(method, path, body);
			expect(asNobody.status, `anonymous ${method} ${path}`).toBe(401);
			for (const r of [asStaff, asYp, asNobody]) {
				expect(r.text).not.toContain(HIGH);
				expect(r.text).not.toContain(c.name);
			}
		}
		expect((await t.app.repos.escalations.findById(c.id))?.status).toBe('open');
	});
});

describe('hub scope', () => {
	it('a moderator of hub B cannot see or act on hub A’s escalations or held items (404, not 403)', async () => {
		const c = await concern('A', URGENT);
		const held = await answer('A', CONTACT);
		expect(held.status).toBe('held');
		const heldItem = api<ReviewItem[]>(await modA.get('/api/moderation/reviews')).find((r) => r.authorName === null && r.text === CONTACT && r.status === 'pending')!;
		expect(heldItem).toBeTruthy();

		const one = await modB.get(`/api/moderation/escalations/${c.id}`);
		expect(one.status).toBe(404);
		expect(one.json.error?.code).toBe('NOT_FOUND');
		for (const body of [{ action: 'acknowledge' }, { action: 'note', note: 'x' }, { action: 'close', outcome: defaultSafeguardingSettings.outcomes[0] }, { action: 'assign', assigneeId: ids.modB }]) {
			const r = await act(modB, c.id, body);
			expect(r.status, body.action).toBe(404);
			expect(r.json.error?.code).toBe('NOT_FOUND');
		}
		for (const q of ['?queue=all', `?queue=all&hubId=${t.world.hubA}`]) {
			const list = api<Escalation[]>(await modB.get(`/api/moderation/escalations${q}`));
			expect(list.map((e) => e.id)).not.toContain(c.id);
			expect(list.every((e) => e.hubId === t.world.hubB)).toBe(true);
		}
		expect(api<ReviewItem[]>(await modB.get('/api/moderation/reviews')).map((r) => r.id)).not.toContain(heldItem.id);
		const decide = await modB.post(`/api/moderation/reviews/${heldItem.id}/decision`, { decision: 'approve' });
		expect(decide.status).toBe(404);
		// Bulk decisions neither decide another hub's items nor say anything about them.
		const bulk = api<{ id: string; ok: boolean; message?: string }[]>(await modB.post('/api/moderation/reviews/bulk', { ids: [heldItem.id], decision: 'reject' }));
		expect(bulk).toEqual([{ id: heldItem.id, ok: false, message: expect.any(String) }]);
		const urgentHeld = api<ReviewItem[]>(await modA.get('/api/moderation/reviews')).find((r) => r.severity === 'urgent')!;
		const bulkUrgent = api<{ id: string; ok: boolean; message?: string }[]>(await modB.post('/api/moderation/reviews/bulk', { ids: [urgentHeld.id], decision: 'reject' }));
		expect(bulkUrgent[0]).toMatchObject({ ok: false });
		// Same answer as for an id that does not exist at all: nothing confirms the item, or how serious it is.
		const none = api<{ message?: string }[]>(await modB.post('/api/moderation/reviews/bulk', { ids: ['0123456789abcdef01234567'], decision: 'reject' }));
		expect(bulkUrgent[0]!.message).toBe(none[0]!.message);
		expect(bulk[0]!.message).toBe(none[0]!.message);

		const csv = await modB.get('/api/moderation/escalations/export.csv');
		expect(csv.status).toBe(200);
		expect(csv.text).not.toContain(c.id);
		const counts = api<{ open: number }>(await modB.get('/api/moderation/counts'));
		const bOpen = (await t.app.repos.escalations.countActive(t.world.orgId, [t.world.hubB])).length;
		expect(counts.open).toBe(bOpen);

		// Nothing changed on hub A's side.
		expect(await t.app.repos.escalations.findById(c.id)).toMatchObject({ status: 'open', assigneeId: null });
		expect((await t.app.repos.reviews.findById(heldItem.id))?.status).toBe('pending');
		// Hub A's own moderator, and an admin, can.
		expect((await modA.get(`/api/moderation/escalations/${c.id}`)).status).toBe(200);
		expect((await admin.get(`/api/moderation/escalations/${c.id}`)).status).toBe(200);
	});
});

describe('the lifecycle of an escalation', () => {
	it('open → acknowledged → actioned → closed with an outcome from the list, then reopened; each step in the history and the audit log', async () => {
		clock = new Date(START);
		const c = await concern('A', HIGH);
		const first = await detail(modA, c.id);
		expect(first).toMatchObject({ status: 'open', severity: 'high', text: HIGH, authorName: c.name, assignee: null, outcome: null, overdue: false });
		expect(first.outcomes).toEqual(defaultSafeguardingSettings.outcomes);

		clock = new Date(START.getTime() + 3 * 60_000);
		const ack = await act(modA, c.id, { action: 'acknowledge', note: 'On it.' });
		expect(ack.status).toBe(200);
		expect(api<Escalation>(ack)).toMatchObject({ status: 'acknowledged', acknowledgedAt: clock.toISOString(), assignee: { id: ids.modA } });
		// Only from the state it is allowed from.
		const again = await act(modA2, c.id, { action: 'acknowledge' });
		expect(again.status).toBe(409);
		expect(again.json.error?.code).toBe('CONFLICT');

		const actioned = await act(modA, c.id, { action: 'actioned', note: 'Called the social worker.' });
		expect(api<Escalation>(actioned).status).toBe('actioned');

		// The outcome must be one of the organisation's outcomes.
		const bad = await act(modA, c.id, { action: 'close', outcome: 'Made up outcome' });
		expect(bad.status).toBe(400);
		expect(bad.json.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { outcome: expect.any(String) } });
		expect((await t.app.repos.escalations.findById(c.id))?.status).toBe('actioned');

		clock = new Date(START.getTime() + 20 * 60_000);
		const closed = await act(modA, c.id, { action: 'close', outcome: 'Passed to social worker', note: 'Handed over.' });
		expect(api<Escalation>(closed)).toMatchObject({ status: 'closed', outcome: 'Passed to social worker', closedAt: clock.toISOString() });
		expect((await act(modA, c.id, { action: 'actioned' })).status).toBe(409);
		expect((await act(modA, c.id, { action: 'acknowledge' })).status).toBe(409);
		expect(api<Escalation[]>(await modA.get('/api/moderation/escalations')).map((e) => e.id)).not.toContain(c.id);
		expect(api<Escalation[]>(await modA.get('/api/moderation/escalations?queue=closed')).map((e) => e.id)).toContain(c.id);

		// Reopening needs a reason, and is recorded.
		expect((await act(modA2, c.id, { action: 'reopen' })).status).toBe(400);
		const reopened = await act(modA2, c.id, { action: 'reopen', note: 'The young person said more today.' });
		expect(api<Escalation>(reopened)).toMatchObject({ status: 'acknowledged', closedAt: null });
		expect((await act(modA2, c.id, { action: 'reopen', note: 'twice?' })).status).toBe(409);
		expect(api<Escalation>(await act(modA2, c.id, { action: 'close', outcome: 'Spoke with the young person' }))).toMatchObject({ status: 'closed', outcome: 'Spoke with the young person' });

		const d = await detail(modA, c.id);
		expect(d.history.map((h) => [h.action, h.from ?? null, h.to ?? null, h.byName])).toEqual([
			['raised', null, null, 'Safeguarding filter'],
			['acknowledged', 'open', 'acknowledged', 'moderator'],
			['actioned', 'acknowledged', 'actioned', 'moderator'],
			['closed', 'actioned', 'closed', 'moderator'],
			['reopened', 'closed', 'acknowledged', 'Second moderator'],
			['closed', 'acknowledged', 'closed', 'Second moderator']
		]);
		expect(d.notes.map((n) => n.text)).toEqual(['On it.', 'Called the social worker.', 'Handed over.', 'The young person said more today.']);

		const audit = await auditOf(c.id);
		const actions = audit.filter((a) => a.action !== 'escalation.view');
		expect(actions.map((a) => [a.action, a.actorId, a.meta.before ?? null, a.meta.after ?? null])).toEqual([
			['escalation.raise', null, null, null],
			['escalation.acknowledge', ids.modA, 'open', 'acknowledged'],
			['escalation.actioned', ids.modA, 'acknowledged', 'actioned'],
			['escalation.close', ids.modA, 'actioned', 'closed'],
			['escalation.reopen', ids.modA2, 'closed', 'acknowledged'],
			['escalation.close', ids.modA2, 'acknowledged', 'closed']
		]);
		// Refused attempts change nothing and are not recorded as actions; views are recorded.
		expect(audit.filter((a) => a.action === 'escalation.view').length).toBeGreaterThanOrEqual(2);
		for (const a of audit) {
			expect(JSON.stringify(a.meta)).not.toContain(HIGH);
			expect(JSON.stringify(a.meta)).not.toContain(c.name);
		}
	});

	it('two moderators acknowledging at once: exactly one succeeds, the other gets 409 CONFLICT', async () => {
		for (let i = 0; i < 5; i++) {
			const id = await raise(t.world.hubA, 'urgent');
			const [r1, r2] = await Promise.all([act(modA, id, { action: 'acknowledge' }), act(modA2, id, { action: 'acknowledge' })]);
			expect([r1.status, r2.status].sort()).toEqual([200, 409]);
			const loser = r1.status === 409 ? r1 : r2;
			const winner = r1.status === 200 ? ids.modA : ids.modA2;
			expect(loser.json.error?.code).toBe('CONFLICT');
			const stored = await t.app.repos.escalations.findById(id);
			expect(String(stored?.acknowledgedBy)).toBe(winner);
			expect(String(stored?.assigneeId)).toBe(winner);
			expect(stored?.history.filter((h) => h.action === 'acknowledged')).toHaveLength(1);
			const acks = (await auditOf(id)).filter((a) => a.action === 'escalation.acknowledge');
			expect(acks.map((a) => a.actorId)).toEqual([winner]);
		}
	});

	it('never loses a step when moderators act on one escalation at the same moment', async () => {
		const id = await raise(t.world.hubA, 'high');
		const notes = Array.from({ length: 12 }, (_, i) => `Note number ${i}`);
		const results = await Promise.all([
			...notes.map((note, i) => act(i % 2 ? modA : modA2, id, { action: 'note', note })),
			act(modA, id, { action: 'assign', assigneeId: ids.modA2 }),
			act(modA2, id, { action: 'acknowledge' })
		]);
		expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
		const stored = (await t.app.repos.escalations.findById(id))!;
		expect(stored.notes.map((n) => n.text).sort()).toEqual([...notes].sort());
		expect(stored.history.filter((h) => h.action === 'note added')).toHaveLength(notes.length);
		expect(stored.history.map((h) => h.action)).toEqual(expect.arrayContaining(['raised', 'assigned', 'acknowledged']));
		expect(stored).toMatchObject({ status: 'acknowledged' });
		expect(String(stored.assigneeId)).toBe(ids.modA2);
	});

	it('assigns only to moderators (or admins) who cover that hub', async () => {
		const id = await raise(t.world.hubA, 'high');
		const org2 = await t.app.repos.org.createOrg('Another Council', `other-${randomBytes(3).toString('hex')}`);
		const foreignAdmin = await makeUser('admin@other.local', 'admin', [], 'Other council admin', String(org2._id));

		const ok = await act(modA, id, { action: 'assign', assigneeId: ids.modA2 });
		expect(api<Escalation>(ok).assignee).toEqual({ id: ids.modA2, name: 'Second moderator' });
		expect(api<Escalation>(await act(modA, id, { action: 'assign', assigneeId: ids.admin })).assignee?.id).toBe(ids.admin);
		for (const [who, userId] of [
			['a moderator of another hub', ids.modB],
			['a facilitator of this hub', ids.staffA],
			['a disabled moderator', ids.disabledMod],
			['an admin of another organisation', foreignAdmin],
			['nobody at all', '0123456789abcdef01234567']
		] as const) {
			const r = await act(modA, id, { action: 'assign', assigneeId: userId });
			expect(r.status, who).toBe(400);
			expect(r.json.error?.fields?.assigneeId, who).toBeTruthy();
		}
		expect(String((await t.app.repos.escalations.findById(id))?.assigneeId)).toBe(ids.admin);
		expect(api<Escalation>(await act(modA, id, { action: 'assign', assigneeId: null })).assignee).toBeNull();

		const d = await detail(modA, id);
		const assignable = d.assignable.map((a) => a.id);
		expect(assignable).toEqual(expect.arrayContaining([ids.modA, ids.modA2, ids.admin]));
		for (const no of [ids.modB, ids.staffA, ids.disabledMod, foreignAdmin]) expect(assignable).not.toContain(no);
		expect(d.history.filter((h) => h.action === 'assigned').map((h) => [h.from ?? null, h.to ?? null])).toEqual([
			[null, 'Second moderator'],
			['Second moderator', 'admin'],
			['admin', null]
		]);
		expect((await auditOf(id)).filter((a) => a.action === 'escalation.assign')).toHaveLength(3);
	});
});

describe('deadlines and the dashboard', () => {
	it('sets ackDueAt per severity and marks items overdue as the clock passes their target', async () => {
		const { hubId, mod } = await freshHub('Overdue');
		clock = new Date(START);
		const u = await raise(hubId, 'urgent');
		const h = await raise(hubId, 'high');
		const m = await raise(hubId, 'medium');
		const l = await raise(hubId, 'low');
		const view = async () => new Map(api<Escalation[]>(await mod.get('/api/moderation/escalations')).map((e) => [e.id, e]));
		const v = await view();
		expect(v.get(u)!.ackDueAt).toBe('2026-11-18T10:05:00.000Z');
		expect(v.get(h)!.ackDueAt).toBe('2026-11-18T10:30:00.000Z');
		expect(v.get(m)!.ackDueAt).toBe('2026-11-19T10:00:00.000Z');
		// Low: 17:00 UK time the next working day (Thursday, GMT in November).
		expect(v.get(l)!.ackDueAt).toBe('2026-11-19T17:00:00.000Z');
		expect(v.get(l)!.ackDueAt).toBe(endOfNextWorkingDay(START).toISOString());
		const overdue = async () => {
			const list = await view();
			return { ids: [u, h, m, l].filter((id) => list.get(id)!.overdue), count: api<{ overdue: number }>(await mod.get('/api/moderation/counts')).overdue };
		};
		expect(await overdue()).toEqual({ ids: [], count: 0 });

		clock = new Date(START.getTime() + 5 * 60_000 - 1);
		expect(await overdue()).toEqual({ ids: [], count: 0 });
		clock = new Date(START.getTime() + 5 * 60_000);
		expect(await overdue()).toEqual({ ids: [u], count: 1 });
		clock = new Date(START.getTime() + 30 * 60_000);
		expect(await overdue()).toEqual({ ids: [u, h], count: 2 });
		// Acknowledging late takes it off the overdue list (it is no longer waiting).
		expect((await act(mod, u, { action: 'acknowledge' })).status).toBe(200);
		expect(await overdue()).toEqual({ ids: [h], count: 1 });
		clock = new Date('2026-11-19T10:00:00.000Z');
		expect(await overdue()).toEqual({ ids: [h, m], count: 2 });
		clock = new Date('2026-11-19T17:00:00.000Z');
		expect(await overdue()).toEqual({ ids: [h, m, l], count: 3 });
		clock = new Date(START);
	});

	it('shows the median minutes to acknowledge per severity for the month, and false alarms per rule', async () => {
		const { hubId, mod } = await freshHub('Stats');
		clock = new Date(START);
		const urgent = [await raise(hubId, 'urgent', 'rule-a'), await raise(hubId, 'urgent', 'rule-a'), await raise(hubId, 'urgent', 'rule-b')];
		const high = [await raise(hubId, 'high', 'rule-a'), await raise(hubId, 'high', 'rule-b')];
		await raise(hubId, 'medium', 'rule-b'); // never acknowledged
		const ackAt = async (id: string, minutes: number) => {
			clock = new Date(START.getTime() + minutes * 60_000);
			expect((await act(mod, id, { action: 'acknowledge' })).status).toBe(200);
		};
		await ackAt(urgent[0]!, 2);
		await ackAt(urgent[1]!, 10);
		await ackAt(urgent[2]!, 4);
		await ackAt(high[0]!, 1);
		await ackAt(high[1]!, 4);

		// A false alarm by the button, and one by the outcome.
		expect(api<Escalation>(await act(mod, urgent[0]!, { action: 'false-positive', falsePositive: true, note: 'Song lyrics.' })).falsePositive).toBe(true);
		expect(api<Escalation>(await act(mod, high[1]!, { action: 'close', outcome: 'No concern — false alarm' })).falsePositive).toBe(true);

		const dash = api<{
			months: string[];
			medianAckMinutes: Record<string, (number | null)[]>;
			falsePositivesByRule: { rule: string; falsePositives: number; total: number }[];
			counts: { open: number; bySeverity: Record<string, number> };
			outcomes: { outcome: string; count: number }[];
		}>(await mod.get('/api/moderation/dashboard'));
		expect(dash.months).toHaveLength(12);
		expect(dash.months.at(-1)).toBe('2026-11');
		expect(dash.medianAckMinutes.urgent!.at(-1)).toBe(4);
		expect(dash.medianAckMinutes.high!.at(-1)).toBe(2.5);
		expect(dash.medianAckMinutes.medium!.at(-1)).toBeNull();
		expect(dash.medianAckMinutes.urgent!.slice(0, -1).every((x) => x === null)).toBe(true);
		expect([...dash.falsePositivesByRule].sort((a, b) => a.rule.localeCompare(b.rule))).toEqual([
			{ rule: 'rule-a', falsePositives: 1, total: 3 },
			{ rule: 'rule-b', falsePositives: 1, total: 3 }
		]);
		expect(dash.outcomes).toEqual([{ outcome: 'No concern — false alarm', count: 1 }]);
		expect(dash.counts).toMatchObject({ open: 5, bySeverity: { urgent: 3, high: 1, medium: 1, low: 0 } });

		// Taking the mark off counts it back, and both changes are audited.
		await act(mod, urgent[0]!, { action: 'false-positive', falsePositive: false });
		const after = api<{ falsePositivesByRule: { rule: string; falsePositives: number }[] }>(await mod.get('/api/moderation/dashboard'));
		expect(after.falsePositivesByRule.find((r) => r.rule === 'rule-a')?.falsePositives).toBe(0);
		expect((await auditOf(urgent[0]!)).filter((a) => a.action === 'escalation.false-positive').map((a) => a.meta.falsePositive)).toEqual([true, false]);
		clock = new Date(START);
	});
});

describe('exports and the audit log', () => {
	it('exports escalations as CSV with no message text and no names', async () => {
		clock = new Date(START);
		const c = await concern('A', MEDIUM);
		clock = new Date(START.getTime() + 90 * 60_000);
		await act(modA, c.id, { action: 'acknowledge' });
		const csv = await modA.get('/api/moderation/escalations/export.csv');
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const lines = csv.text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe('id,raised,hub,group,source,severity,categories,status,ackTarget,acknowledged,minutesToAcknowledge,metTarget,outcome,falseAlarm,closed');
		const row = lines.find((l) => l.startsWith(`${c.id},`))!.split(',');
		expect(row).toEqual([c.id, START.toISOString(), 'Hub A', 'Group A', 'poll-answer', 'medium', 'missing', 'acknowledged', '2026-11-19T10:00:00.000Z', clock.toISOString(), '90', 'true', '', 'false', '']);
		// No text or names of anyone: not the young people's, not what they wrote.
		const everything = await t.app.repos.escalations.list(t.world.orgId, [t.world.hubA], { queue: 'all', limit: 500 });
		expect(everything.length).toBe(lines.length - 1);
		for (const e of everything) {
			if (e.text) expect(csv.text).not.toContain(e.text);
			if (e.authorName) expect(csv.text).not.toContain(e.authorName);
		}
		for (const name of NAMES) expect(csv.text).not.toContain(name);
		expect(csv.text).not.toContain('moderator');
		expect((await t.app.services.audit.search(t.world.orgId, { action: 'escalation.export', limit: 10 })).length).toBeGreaterThan(0);
	});

	it('exports the audit log as CSV for admins only, with spreadsheet formulas neutralised', async () => {
		// Outcomes and staff names are free text an admin typed: a spreadsheet must not run them.
		const settings = { ...defaultSafeguardingSettings, outcomes: [...defaultSafeguardingSettings.outcomes, '=HYPERLINK("http://evil.example","Click")'] };
		expect((await admin.request('PUT', '/api/safeguarding/settings', settings)).status).toBe(200);
		await makeUser('formula@test.local', 'moderator', [t.world.hubA], '@SUM(1+1)');
		const formulaMod = await signIn('formula@test.local');
		const id = await raise(t.world.hubA, 'high');
		expect((await act(formulaMod, id, { action: 'acknowledge' })).status).toBe(200);
		expect((await act(formulaMod, id, { action: 'close', outcome: settings.outcomes.at(-1) })).status).toBe(200);

		for (const who of [modA, staffA]) expect((await who.get('/api/audit/export.csv')).status).toBe(403);
		expect((await new Client(t.url).get('/api/audit/export.csv')).status).toBe(401);
		const csv = await admin.get('/api/audit/export.csv?action=escalation.');
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const lines = csv.text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe('at,actor,actorType,action,targetType,targetId,details');
		const mine = lines.filter((l) => l.includes(id));
		expect(mine.some((l) => l.includes(',escalation.acknowledge,escalation,'))).toBe(true);
		// The actor cell starts with a quote mark, so it is text, not a formula.
		for (const l of mine.filter((x) => x.includes('SUM(1+1)'))) expect(l).toContain(`"'@SUM(1+1) (moderator)"`);
		expect(mine.filter((x) => x.includes('SUM(1+1)')).length).toBeGreaterThanOrEqual(2);

		const esc = await modA.get('/api/moderation/escalations/export.csv');
		expect(esc.text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
		expect(esc.text).not.toMatch(/(^|,)=HYPERLINK/m);
		// The export itself is on record.
		expect((await t.app.services.audit.search(t.world.orgId, { action: 'audit.export', limit: 10 })).map((a) => a.actorId)).toContain(ids.admin);
		await admin.request('PUT', '/api/safeguarding/settings', defaultSafeguardingSettings);
		// Changing the settings is audited with before and after.
		const changes = await auditSearch({ action: 'safeguarding.settings' });
		expect(changes.map((c) => c.meta)).toEqual([
			{ before: defaultSafeguardingSettings, after: settings },
			{ before: settings, after: defaultSafeguardingSettings }
		]);
	});

	/** Every way the mongoose model offers to change or remove an entry; each must throw and change nothing. */
	async function tryToAlter(names: string[]) {
		const conn = await connectDb(inject('mongoUri'), t.dbName, { maxPoolSize: 2 });
		try {
			const { AuditLog } = createModels(conn);
			const entry = await AuditLog.findOne({ action: 'escalation.acknowledge' }).lean();
			expect(entry).toBeTruthy();
			const before = await AuditLog.countDocuments();
			const attempts: Record<string, () => Promise<unknown>> = {
				updateOne: () => AuditLog.updateOne({ _id: entry!._id }, { $set: { action: 'escalation.nothing' } }),
				updateMany: () => AuditLog.updateMany({ _id: entry!._id }, { $set: { meta: {} } }),
				findOneAndUpdate: () => AuditLog.findOneAndUpdate({ _id: entry!._id }, { $set: { actorId: null } }),
				findByIdAndUpdate: () => AuditLog.findByIdAndUpdate(entry!._id, { $set: { at: new Date(0) } }),
				replaceOne: () => AuditLog.replaceOne({ _id: entry!._id }, { actorType: 'system', action: 'replaced' }),
				findOneAndReplace: () => AuditLog.findOneAndReplace({ _id: entry!._id }, { actorType: 'system', action: 'replaced' }),
				deleteOne: () => AuditLog.deleteOne({ _id: entry!._id }),
				deleteMany: () => AuditLog.deleteMany({ _id: entry!._id }),
				findOneAndDelete: () => AuditLog.findOneAndDelete({ _id: entry!._id }),
				findByIdAndDelete: () => AuditLog.findByIdAndDelete(entry!._id),
				'document save': async () => {
					const doc = (await AuditLog.findById(entry!._id))!;
					doc.action = 'escalation.nothing';
					return doc.save();
				},
				'document deleteOne': async () => (await AuditLog.findById(entry!._id))!.deleteOne(),
				'document updateOne': async () => (await AuditLog.findById(entry!._id))!.updateOne({ $set: { action: 'escalation.nothing' } }),
				'bulkWrite update': () => AuditLog.bulkWrite([{ updateOne: { filter: { _id: entry!._id }, update: { $set: { action: 'escalation.nothing' } } } }]),
				'bulkWrite delete': () => AuditLog.bulkWrite([{ deleteOne: { filter: { _id: entry!._id } } }])
			};
			const allowed: string[] = [];
			for (const name of names) {
				const threw = await attempts[name]!().then(
					() => false,
					(err: Error) => /append-only/.test(err.message)
				);
				if (!threw) allowed.push(name);
			}
			expect(allowed, 'operations the audit model let through').toEqual([]);
			expect(await AuditLog.countDocuments()).toBe(before);
			expect(await AuditLog.findById(entry!._id).lean()).toEqual(entry);
			// Appending still works.
			await AuditLog.create({ actorType: 'system', action: 'test.append' });
			expect(await AuditLog.countDocuments()).toBe(before + 1);
		} finally {
			await conn.close();
		}
	}

	it('keeps the audit log append-only: query updates and deletes through the mongoose model throw and change nothing', async () => {
		await tryToAlter(['updateOne', 'updateMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'findByIdAndDelete', 'document deleteOne', 'document updateOne']);
	});

	it('keeps the audit log append-only: replacing, saving a loaded entry and bulk writes throw too', async () => {
		await tryToAlter(['findOneAndReplace', 'document save', 'bulkWrite update', 'bulkWrite delete']);
	});
});

describe('the held queue', () => {
	it('applies each decision once: a second decision gets 409, two at once let exactly one through, and each is audited', async () => {
		const a = await answer('A', CONTACT);
		const b = await answer('A', CONTACT);
		expect([a.status, b.status]).toEqual(['held', 'held']);
		const pending = api<ReviewItem[]>(await modA.get('/api/moderation/reviews')).filter((r) => r.text === CONTACT && r.kind === 'answer');
		expect(pending.length).toBeGreaterThanOrEqual(2);
		const [one, two] = pending as [ReviewItem, ReviewItem];
		expect(one).toMatchObject({ queue: 'held', status: 'pending', severity: 'low', categories: ['contact-details'] });

		const first = await modA.post(`/api/moderation/reviews/${one.id}/decision`, { decision: 'approve', reason: 'Her own youth worker.' });
		expect(first.status).toBe(200);
		expect(api<ReviewItem>(first)).toMatchObject({ status: 'approved', decidedByName: 'moderator' });
		for (const decision of ['approve', 'reject']) {
			const again = await modA2.post(`/api/moderation/reviews/${one.id}/decision`, { decision });
			expect(again.status).toBe(409);
			expect(again.json.error?.code).toBe('CONFLICT');
		}
		const answers = api<{ id: string; status: string }[]>(await staffA.get(`/api/polls/${sessions.A.pollId}/answers`));
		expect(answers.find((x) => x.id === one.ref)?.status).toBe('visible');

		const [r1, r2] = await Promise.all([
			modA.post(`/api/moderation/reviews/${two.id}/decision`, { decision: 'reject' }),
			modA2.post(`/api/moderation/reviews/${two.id}/decision`, { decision: 'approve' })
		]);
		expect([r1.status, r2.status].sort()).toEqual([200, 409]);
		const stored = await t.app.repos.reviews.findById(two.id);
		const won = r1.status === 200 ? { by: ids.modA, status: 'rejected', text: 'hidden' } : { by: ids.modA2, status: 'approved', text: 'visible' };
		expect(stored).toMatchObject({ status: won.status });
		expect(String(stored?.decidedBy)).toBe(won.by);
		const answersNow = api<{ id: string; status: string }[]>(await staffA.get(`/api/polls/${sessions.A.pollId}/answers`));
		expect(answersNow.find((x) => x.id === two.ref)?.status).toBe(won.text);

		for (const [item, actor, after] of [[one, ids.modA, 'approved'], [two, won.by, won.status]] as const) {
			const rows = (await t.app.services.audit.search(t.world.orgId, { targetId: item.ref, limit: 20 })).filter((x) => x.action.startsWith('review.'));
			expect(rows.map((x) => [x.action, x.actorId, x.meta.before, x.meta.after, x.meta.queue])).toEqual([[after === 'approved' ? 'review.approve' : 'review.reject', actor, 'pending', after, 'held']]);
			expect(JSON.stringify(rows)).not.toContain(CONTACT);
		}
	});

	it('decides low-concern items in bulk, each on its own, and refuses anything more serious', async () => {
		await answer('A', CONTACT);
		await answer('A', CONTACT);
		await concern('A', URGENT);
		const queue = api<ReviewItem[]>(await modA.get('/api/moderation/reviews'));
		const low = queue.filter((r) => r.severity === 'low').slice(-2);
		const serious = queue.find((r) => r.severity === 'urgent')!;
		expect(low).toHaveLength(2);
		expect(serious).toBeTruthy();
		const res = api<{ id: string; ok: boolean; message?: string }[]>(
			await modA.post('/api/moderation/reviews/bulk', { ids: [low[0]!.id, serious.id, low[1]!.id], decision: 'reject' })
		);
		expect(res.map((r) => [r.id, r.ok])).toEqual([
			[low[0]!.id, true],
			[serious.id, false],
			[low[1]!.id, true]
		]);
		expect(res[1]!.message).toMatch(/on its own/);
		expect((await t.app.repos.reviews.findById(serious.id))?.status).toBe('pending');
		for (const l of low) {
			expect((await t.app.repos.reviews.findById(l.id))?.status).toBe('rejected');
			const rows = (await t.app.services.audit.search(t.world.orgId, { targetId: l.ref, limit: 20 })).filter((x) => x.action.startsWith('review.'));
			expect(rows.map((x) => x.action)).toEqual(['review.reject']);
		}
		// Deciding them again in bulk is refused item by item.
		const twice = api<{ ok: boolean }[]>(await modA.post('/api/moderation/reviews/bulk', { ids: low.map((l) => l.id), decision: 'approve' }));
		expect(twice.map((r) => r.ok)).toEqual([false, false]);
	});
});
