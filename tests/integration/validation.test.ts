import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, connected, emitAck, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
	t = await startTestApp();
	admin = new Client(t.url);
	await admin.login('admin@test.local', t.world.users.admin.password);
});
afterAll(() => t.close());

const counts = async () => ({
	hubs: (await t.app.repos.org.listHubs(t.world.orgId)).length,
	groups: (await t.app.repos.org.listGroups(t.world.orgId)).length,
	users: (await t.app.repos.users.list(t.world.orgId)).length,
	sessions: (await t.app.repos.liveSessions.list(t.world.orgId, null)).length
});

describe('bad input gets a clear error and writes nothing', () => {
	const cases: [string, string, unknown][] = [
		['an empty hub name', '/api/hubs', { name: '   ' }],
		['a hub name with a NUL character', '/api/hubs', { name: 'Hub\u0000X' }],
		['a hub name with control characters', '/api/hubs', { name: 'Hub\u0007' }],
		['a hub name that is far too long', '/api/hubs', { name: 'x'.repeat(500) }],
		['a hub name of the wrong type', '/api/hubs', { name: 42 }],
		['a group with a malformed hub id', '/api/groups', { name: 'G', hubId: 'not-an-id' }],
		['a group in a hub that does not exist', '/api/groups', { name: 'G', hubId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }],
		['a user with a short password', '/api/users', { email: 'new@test.local', password: 'short', displayName: 'N', role: 'staff' }],
		['a user with an unknown role', '/api/users', { email: 'new@test.local', password: 'long-enough-password', displayName: 'N', role: 'superuser' }],
		['a user with a bad email', '/api/users', { email: 'not an email', password: 'long-enough-password', displayName: 'N', role: 'staff' }],
		['a session for a malformed group id', '/api/sessions', { title: 'S', groupId: '123' }],
		['a session with no title', '/api/sessions', { groupId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }]
	];
	it.each(cases)('refuses %s', async (_name, path, body) => {
		const before = await counts();
		const r = await admin.post(path, body);
		expect(r.status).toBe(400);
		expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
		expect(typeof r.json.error?.message).toBe('string');
		expect(await counts()).toEqual(before);
	});

	it('names the field that needs fixing', async () => {
		const r = await admin.post('/api/users', { email: 'x@test.local', password: 'short', displayName: 'X', role: 'staff' });
		expect(r.json.error?.fields).toEqual({ password: 'Passwords need at least 12 characters.' });
	});

	it('refuses malformed JSON and non-JSON writes', async () => {
		const bad = await admin.request('POST', '/api/hubs', '{"name": ', { 'content-type': 'application/json' });
		expect(bad.status).toBe(400);
		expect(bad.json.error?.code).toBe('VALIDATION_FAILED');
		const form = await admin.request('POST', '/api/hubs', 'name=Evil', { 'content-type': 'application/x-www-form-urlencoded' });
		expect(form.status).toBe(415);
	});

	it('refuses a join with a NUL in the name and writes no participant', async () => {
		const s = await admin.post('/api/sessions', { title: 'Validation', groupId: t.world.groupA });
		const sid = (s.json.data as { id: string; code: string }).id;
		const code = (s.json.data as { code: string }).code;
		const r = await new Client(t.url).post('/api/join', { code, displayName: 'Ro\u0000bin' });
		expect(r.json.error?.code).toBe('VALIDATION_FAILED');
		expect(await t.app.repos.participants.countInSession(sid)).toBe(0);
	});

	it('answers an unknown API path with a JSON 404', async () => {
		const r = await admin.get('/api/nothing-here');
		expect(r.status).toBe(404);
		expect(r.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
	});

	it('refuses a bad socket payload with an ack, and keeps the connection', async () => {
		const socket = admin.socket();
		await connected(socket);
		for (const bad of [{ sessionId: 'nope' }, {}, 'a string', null, { sessionId: 'a'.repeat(24) + '\u0000' }]) {
			const r = await emitAck(socket, 'session:watch', bad);
			expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
		}
		expect(socket.connected).toBe(true);
		const s = await admin.post('/api/sessions', { title: 'Still fine', groupId: t.world.groupA });
		const ok = await emitAck(socket, 'session:watch', { sessionId: (s.json.data as { id: string }).id });
		expect(ok).toMatchObject({ ok: true, data: { count: 0 } });
		socket.close();
	});
});
