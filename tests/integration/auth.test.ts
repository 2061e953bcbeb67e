import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDb } from '../../server/db/connect.js';
import { hashToken } from '../../server/auth/tokens.js';
import { Client, freshDbName, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let clock = Date.now();

beforeAll(async () => {
	t = await startTestApp({ deps: { now: () => new Date(clock) }, config: { loginMaxFailures: 3, loginLockMinutes: 10, loginRatePerIp: 12 } });
});
afterAll(() => t.close());

describe('staff sign-in', () => {
	it('signs in with the right password and sets an httpOnly, SameSite=Lax session cookie', async () => {
		const c = new Client(t.url);
		const r = await c.post('/api/auth/login', { email: 'STAFF@test.local ', password: t.world.users.staff.password });
		expect(r.status).toBe(200);
		expect(r.json.data).toMatchObject({ user: { email: 'staff@test.local', role: 'staff', hubIds: [t.world.hubA] } });
		const cookie = r.headers.getSetCookie().find((h) => h.startsWith('vb_session='));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		const me = await c.get('/api/auth/me');
		expect(me.json.data).toMatchObject({ user: { email: 'staff@test.local' }, participant: null });
	});

	it('refuses a wrong password without saying whether the account exists', async () => {
		const c = new Client(t.url);
		const wrong = await c.post('/api/auth/login', { email: 'admin@test.local', password: 'not-the-password' });
		const unknown = await c.post('/api/auth/login', { email: 'nobody@test.local', password: 'not-the-password' });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.json.error).toEqual(unknown.json.error);
		expect(wrong.json.error?.code).toBe('INVALID_CREDENTIALS');
		expect(c.cookies.has('vb_session')).toBe(false);
	});

	it('rotates the session at sign-in: the old cookie stops working', async () => {
		const c = new Client(t.url);
		await c.login('admin@test.local', t.world.users.admin.password);
		const first = c.cookies.get('vb_session')!;
		await c.login('admin@test.local', t.world.users.admin.password);
		const second = c.cookies.get('vb_session')!;
		expect(second).not.toBe(first);
		const old = new Client(t.url);
		old.cookies.set('vb_session', first);
		expect((await old.get('/api/auth/me')).json.data).toMatchObject({ user: null });
		expect((await c.get('/api/auth/me')).json.data).toMatchObject({ user: { email: 'admin@test.local' } });
	});

	it('signs out: the session ends on the server, not only in the browser', async () => {
		const c = new Client(t.url);
		await c.login('mod@test.local', t.world.users.moderator.password);
		const token = c.cookies.get('vb_session')!;
		expect((await c.post('/api/auth/logout', {})).status).toBe(200);
		const replay = new Client(t.url);
		replay.cookies.set('vb_session', token);
		expect((await replay.get('/api/hubs')).status).toBe(401);
	});

	it('locks an account after repeated wrong passwords, even against the right one, until the lock expires', async () => {
		const c = new Client(t.url, '10.0.0.9');
		const email = 'staffb@test.local';
		const h = { 'x-forwarded-for': '10.0.0.9' };
		for (let i = 0; i < 2; i++) expect((await c.request('POST', '/api/auth/login', { email, password: 'wrong-password!' }, h)).json.error?.code).toBe('INVALID_CREDENTIALS');
		expect((await c.request('POST', '/api/auth/login', { email, password: 'wrong-password!' }, h)).json.error?.code).toBe('ACCOUNT_LOCKED');
		const locked = await c.request('POST', '/api/auth/login', { email, password: t.world.users.staffB.password }, h);
		expect(locked.status).toBe(423);
		expect(locked.json.error?.code).toBe('ACCOUNT_LOCKED');
		clock += 11 * 60 * 1000;
		const after = await c.request('POST', '/api/auth/login', { email, password: t.world.users.staffB.password }, h);
		expect(after.status).toBe(200);
		const audit = await t.app.repos.audit.list(t.world.orgId, 200);
		expect(audit.some((a) => a.action === 'auth.locked')).toBe(true);
	});

	it('rate-limits sign-in attempts per IP address', async () => {
		const c = new Client(t.url);
		const h = { 'x-forwarded-for': '203.0.113.7' };
		const codes: string[] = [];
		for (let i = 0; i < 14; i++) {
			const r = await c.request('POST', '/api/auth/login', { email: `guess${i}@test.local`, password: 'guessing-password' }, h);
			codes.push(r.json.error!.code);
		}
		expect(codes.slice(0, 12).every((x) => x === 'INVALID_CREDENTIALS')).toBe(true);
		expect(codes.slice(12)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
		// Another address is not affected.
		const other = await c.request('POST', '/api/auth/login', { email: 'admin@test.local', password: t.world.users.admin.password }, { 'x-forwarded-for': '203.0.113.8' });
		expect(other.status).toBe(200);
	});

	it('stores only a hash of each password and session token', async () => {
		const c = new Client(t.url);
		await c.login('staff@test.local', PASSWORD_OF(t));
		const token = c.cookies.get('vb_session')!;
		const user = await t.app.repos.users.findByEmail('staff@test.local');
		expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
		expect(JSON.stringify(user)).not.toContain(PASSWORD_OF(t));
		expect(await t.app.repos.authSessions.findValid(token, new Date(clock))).toBeNull();
		expect(await t.app.repos.authSessions.findValid(hashToken(token), new Date(clock))).not.toBeNull();
	});
});

function PASSWORD_OF(t: TestApp) {
	return t.world.users.staff.password;
}

describe('expired sign-ins', () => {
	it('are cleared out of the database when the server starts (and hourly after)', async () => {
		const past = new Date(Date.now() - 86_400_000);
		await t.app.repos.authSessions.create({ tokenHash: 'f'.repeat(64), userId: t.world.users.staff.id, createdAt: past, expiresAt: past });
		const second = await startTestApp({ dbName: t.dbName, seedWorld: false });
		try {
			expect(await t.app.repos.authSessions.findValid('f'.repeat(64), new Date(0))).toBeNull();
		} finally {
			await second.close();
		}
	});
});

describe('account safety', () => {
	const loginFrom = async (ip: string, email: string, password: string) => {
		const c = new Client(t.url);
		const r = await c.request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': ip });
		return { c, r };
	};

	it('lets staff change their own password; other sessions end, this one continues', async () => {
		const { c: here } = await loginFrom('192.0.2.10', 'mod@test.local', t.world.users.moderator.password);
		const { c: elsewhere } = await loginFrom('192.0.2.11', 'mod@test.local', t.world.users.moderator.password);
		const wrong = await here.post('/api/auth/password', { currentPassword: 'not-it', newPassword: 'a-brand-new-password' });
		expect(wrong.json.error).toMatchObject({ code: 'INVALID_CREDENTIALS', fields: { currentPassword: 'This is not your current password.' } });
		expect((await here.post('/api/auth/password', { currentPassword: t.world.users.moderator.password, newPassword: 'short' })).status).toBe(400);
		expect((await here.post('/api/auth/password', { currentPassword: t.world.users.moderator.password, newPassword: 'a-brand-new-password' })).status).toBe(200);
		expect((await here.get('/api/hubs')).status).toBe(200);
		expect((await elsewhere.get('/api/hubs')).status).toBe(401);
		expect((await loginFrom('192.0.2.12', 'mod@test.local', t.world.users.moderator.password)).r.status).toBe(401);
		expect((await loginFrom('192.0.2.12', 'mod@test.local', 'a-brand-new-password')).r.status).toBe(200);
	});

	it('lets an admin switch an account off at once, and back on', async () => {
		const { c: admin } = await loginFrom('192.0.2.20', 'admin@test.local', t.world.users.admin.password);
		const { c: staff } = await loginFrom('192.0.2.21', 'staff@test.local', t.world.users.staff.password);
		expect((await admin.post(`/api/users/${t.world.users.admin.id}/disabled`, { disabled: true })).json.error?.code).toBe('CONFLICT');
		const off = await admin.post(`/api/users/${t.world.users.staff.id}/disabled`, { disabled: true });
		expect(off.json.data).toMatchObject({ email: 'staff@test.local', disabled: true });
		expect((await staff.get('/api/hubs')).status).toBe(401);
		expect((await loginFrom('192.0.2.22', 'staff@test.local', t.world.users.staff.password)).r.status).toBe(401);
		await admin.post(`/api/users/${t.world.users.staff.id}/disabled`, { disabled: false });
		expect((await loginFrom('192.0.2.22', 'staff@test.local', t.world.users.staff.password)).r.status).toBe(200);
		const actions = (await t.app.repos.audit.list(t.world.orgId, 200)).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable', 'user.password-change']));
	});
});

describe('upgrading an existing database', () => {
	it('drops the old unique index on sign-in tokens, so everyone can still sign in', async () => {
		const dbName = freshDbName();
		// A database from before sign-ins were keyed by id: a unique index on `tokenHash`.
		const conn = await connectDb(inject('mongoUri'), dbName, { maxPoolSize: 2 });
		await conn.collection('authSessions').createIndex({ tokenHash: 1 }, { unique: true });
		await conn.close();
		const app = await startTestApp({ dbName });
		try {
			const check = await connectDb(inject('mongoUri'), dbName, { maxPoolSize: 2 });
			const indexes = (await check.collection('authSessions').indexes()).map((i) => i.name);
			await check.close();
			expect(indexes).not.toContain('tokenHash_1');
			const a = new Client(app.url);
			const b = new Client(app.url);
			expect((await a.login('staff@test.local', app.world.users.staff.password)).status).toBe(200);
			expect((await b.login('mod@test.local', app.world.users.moderator.password)).status).toBe(200);
			expect((await a.get('/api/auth/me')).json.data).toMatchObject({ user: { email: 'staff@test.local' } });
			expect((await b.get('/api/auth/me')).json.data).toMatchObject({ user: { email: 'mod@test.local' } });
		} finally {
			await app.close();
		}
	});
});
