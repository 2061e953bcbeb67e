import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, connected, emitAck, nextEvent, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let staff: Client;
let session: { id: string; code: string; joinUrl: string };

beforeAll(async () => {
	t = await startTestApp({ config: { joinRatePerIp: 5 } });
	staff = new Client(t.url);
	await staff.login('staff@test.local', t.world.users.staff.password);
	const r = await staff.post('/api/sessions', { title: 'March reference group', groupId: t.world.groupA });
	expect(r.status).toBe(201);
	session = r.json.data as typeof session;
});
afterAll(() => t.close());

describe('joining a live session', () => {
	it('gives staff a 6-character code from an unambiguous alphabet and a join link', () => {
		expect(session.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
		expect(session.joinUrl).toBe(`${t.url.replace('127.0.0.1', 'localhost')}/join?code=${session.code}`);
	});

	it('lets a young person join with the code (typed loosely) and a nickname', async () => {
		const yp = new Client(t.url);
		const loose = `${session.code.slice(0, 3).toLowerCase()} ${session.code.slice(3)}`;
		const r = await yp.post('/api/join', { code: loose, displayName: 'Sky' });
		expect(r.status).toBe(200);
		expect(r.json.data).toMatchObject({ displayName: 'Sky', session: { id: session.id, title: 'March reference group' } });
		expect(yp.cookies.has('vb_participant')).toBe(true);
		const me = await yp.get('/api/auth/me');
		expect(me.json.data).toMatchObject({ user: null, participant: { displayName: 'Sky', sessionId: session.id, groupId: t.world.groupA } });
		// A participant is not staff.
		expect((await yp.get('/api/polls')).status).toBe(403);
	});

	it('keeps names unique within the session, ignoring case and spacing', async () => {
		const r = await new Client(t.url).post('/api/join', { code: session.code, displayName: '  sky ' });
		expect(r.status).toBe(409);
		expect(r.json.error?.code).toBe('NAME_TAKEN');
	});

	it.each(['07700 900123', 'sam@gmail.com', '@sam_snap', 'www.example.com'])('refuses a name with contact details: %s', async (name) => {
		const r = await new Client(t.url).post('/api/join', { code: session.code, displayName: name });
		expect(r.json.error?.code).toBe('NAME_NOT_ALLOWED');
		expect(r.json.error?.fields?.displayName).toBeTruthy();
	});

	it('gives a returning device its identity back instead of a second one', async () => {
		const yp = new Client(t.url);
		await yp.post('/api/join', { code: session.code, displayName: 'River' });
		const again = await yp.post('/api/join', { code: session.code, displayName: 'Someone else' });
		expect(again.json.data).toMatchObject({ displayName: 'River' });
		const people = await t.app.repos.participants.listInSession(session.id);
		expect(people.filter((p) => p.displayName === 'Someone else')).toHaveLength(0);
	});

	it('says clearly when a code is wrong, and locks out an address that keeps guessing', async () => {
		const guesser = new Client(t.url);
		const h = { 'x-forwarded-for': '198.51.100.20' };
		const codes: string[] = [];
		for (let i = 0; i < 6; i++) codes.push((await guesser.request('POST', '/api/join', { code: 'AAAAAA', displayName: 'Guess' }, h)).json.error!.code);
		expect(codes.slice(0, 5)).toEqual(Array(5).fill('JOIN_CODE_INVALID'));
		expect(codes[5]).toBe('RATE_LIMITED');
		// Even the right code is refused while locked out; other addresses are fine.
		expect((await guesser.request('POST', '/api/join', { code: session.code, displayName: 'Guess' }, h)).json.error?.code).toBe('RATE_LIMITED');
		expect((await new Client(t.url).request('POST', '/api/join', { code: session.code, displayName: 'Fern' }, { 'x-forwarded-for': '198.51.100.21' })).status).toBe(200);
	});

	it('shows staff who is here, live, and tells everyone when the session ends', async () => {
		const watcher = staff.socket();
		await connected(watcher);
		const watch = await emitAck<{ count: number; names: string[] }>(watcher, 'session:watch', { sessionId: session.id });
		expect(watch.ok).toBe(true);
		const before = watch.data!.count;

		const yp = new Client(t.url);
		// Presence is coalesced, so an update already on its way (from an earlier join) may arrive
		// first: wait for the one that includes the new name.
		const presence = new Promise<{ count: number; names: string[] }>((resolve) => {
			const on = (p: { count: number; names: string[] }) => {
				if (!p.names.includes('Moss')) return;
				watcher.off('session:presence', on);
				resolve(p);
			};
			watcher.on('session:presence', on);
		});
		await yp.post('/api/join', { code: session.code, displayName: 'Moss' });
		const p = await presence;
		expect(p.count).toBe(before + 1);
		expect(p.names).toContain('Moss');

		const ypSocket = yp.socket();
		await connected(ypSocket);
		const hello = await emitAck(ypSocket, 'participant:hello', {});
		expect(hello).toMatchObject({ ok: true, data: { displayName: 'Moss', session: { id: session.id, state: 'open' } } });

		const closedForYp = nextEvent(ypSocket, 'session:closed');
		expect((await staff.post(`/api/sessions/${session.id}/close`, {})).json.data).toMatchObject({ state: 'closed' });
		expect(await closedForYp).toEqual({ sessionId: session.id });
		watcher.close();
		ypSocket.close();

		// The code has expired with the session.
		const late = await new Client(t.url).post('/api/join', { code: session.code, displayName: 'Late' });
		expect(late.json.error?.code).toBe('SESSION_CLOSED');
		// And a session identity ends with its session.
		expect((await yp.get('/api/auth/me')).json.data).toMatchObject({ participant: null });
	});

	it('lets staff give a young person a lasting place in a group with a single-use invite', async () => {
		const inv = await staff.post('/api/invites', { groupId: t.world.groupA });
		expect(inv.status).toBe(201);
		const { token, url } = inv.json.data as { token: string; url: string };
		expect(url).toContain(`/invite/${token}`);
		const yp = new Client(t.url);
		const r = await yp.post('/api/invites/redeem', { token, displayName: 'Jay' });
		expect(r.json.data).toMatchObject({ displayName: 'Jay', groupId: t.world.groupA });
		expect((await yp.get('/api/auth/me')).json.data).toMatchObject({ participant: { displayName: 'Jay', groupId: t.world.groupA, sessionId: null } });
		const reuse = await new Client(t.url).post('/api/invites/redeem', { token, displayName: 'Kai' });
		expect(reuse.json.error?.code).toBe('NOT_FOUND');
	});
});

describe('the projector link', () => {
	it('counts wrong codes like wrong joins, so it cannot be used to find live sessions', async () => {
		const h = { 'x-forwarded-for': '198.51.100.99' };
		const guesser = new Client(t.url);
		const codes: string[] = [];
		for (let i = 0; i < 6; i++) codes.push((await guesser.request('GET', '/api/present/CCCCCC', undefined, h)).json.error!.code);
		expect(codes.slice(0, 5)).toEqual(Array(5).fill('JOIN_CODE_INVALID'));
		expect(codes[5]).toBe('RATE_LIMITED');
	});
});
