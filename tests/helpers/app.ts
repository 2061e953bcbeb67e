/**
 * Starts the real Voicebox server (createApp) on port 0 against a fresh database in the run's
 * embedded FerretDB, with a known organisation, hubs, groups and accounts.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contracts/index.js';
import { createApp, type App, type AppDeps } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { connectDb, EMBEDDED_POOL_SIZE } from '../../server/db/connect.js';
import { createLogger } from '../../server/logger.js';
import type { StaffUser } from '../../contracts/index.js';

export const PASSWORD = 'a-long-test-password-1';

export interface World {
	orgId: string;
	hubA: string;
	hubB: string;
	groupA: string;
	groupB: string;
	users: Record<'admin' | 'staff' | 'moderator' | 'staffB', StaffUser & { password: string }>;
}

export interface TestApp {
	app: App;
	url: string;
	config: Config;
	world: World;
	dbName: string;
	close(): Promise<void>;
}

export function freshDbName() {
	return `t_${randomBytes(6).toString('hex')}`;
}

export async function startTestApp(
	opts: { config?: Partial<Config>; deps?: Partial<AppDeps>; web?: boolean; dbName?: string; seedWorld?: boolean } = {}
): Promise<TestApp> {
	const dbName = opts.dbName ?? freshDbName();
	const config = loadConfig({ LOG_LEVEL: 'silent' }, { port: 0, dbName, seedDemo: false, ...opts.config });
	const conn = await connectDb(inject('mongoUri'), dbName, process.env.TEST_MONGODB_URI ? {} : { maxPoolSize: EMBEDDED_POOL_SIZE });
	const app = await createApp({ config, conn, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), web: opts.web ?? false, ...opts.deps });
	const port = await app.listen(0, '127.0.0.1');
	const world = opts.seedWorld === false ? (null as unknown as World) : await makeWorld(app);
	return {
		app,
		url: `http://127.0.0.1:${port}`,
		config,
		world,
		dbName,
		close: () => app.close()
	};
}

async function makeWorld(app: App): Promise<World> {
	const { repos, services } = app;
	const org = await repos.org.createOrg('Test Council', `test-${randomBytes(3).toString('hex')}`);
	const orgId = String(org._id);
	const hubA = String((await repos.org.createHub(orgId, 'Hub A'))._id);
	const hubB = String((await repos.org.createHub(orgId, 'Hub B'))._id);
	const groupA = String((await repos.org.createGroup({ orgId, hubId: hubA, name: 'Group A', description: '' }))._id);
	const groupB = String((await repos.org.createGroup({ orgId, hubId: hubB, name: 'Group B', description: '' }))._id);
	const sys = { kind: 'anonymous' } as const;
	const mk = async (email: string, role: 'admin' | 'staff' | 'moderator', hubIds: string[]) => ({
		...(await services.auth.createUser({ email, password: PASSWORD, role, hubIds, displayName: role, orgId }, sys)),
		password: PASSWORD
	});
	return {
		orgId,
		hubA,
		hubB,
		groupA,
		groupB,
		users: {
			admin: await mk('admin@test.local', 'admin', []),
			staff: await mk('staff@test.local', 'staff', [hubA]),
			moderator: await mk('mod@test.local', 'moderator', [hubA]),
			staffB: await mk('staffb@test.local', 'staff', [hubB])
		}
	};
}

/** A tiny HTTP client that keeps cookies like a browser would. */
export class Client {
	cookies = new Map<string, string>();
	constructor(readonly base: string, readonly ip?: string) {}

	get cookieHeader() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
		const res = await fetch(`${this.base}${path}`, {
			method,
			headers: {
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
				...headers
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			redirect: 'manual'
		});
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const [k, ...v] = pair!.split('=');
			const value = v.join('=');
			if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '') this.cookies.delete(k!.trim());
			else this.cookies.set(k!.trim(), value);
		}
		const text = await res.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = null;
		}
		return { status: res.status, json: json as T & { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } }, text, headers: res.headers };
	}

	get<T = unknown>(path: string) {
		return this.request<T>('GET', path);
	}
	post<T = unknown>(path: string, body: unknown = {}) {
		return this.request<T>('POST', path, body);
	}

	async login(email: string, password: string) {
		const r = await this.post('/api/auth/login', { email, password });
		if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
		return r;
	}

	socket(): Socket<ServerToClientEvents, ClientToServerEvents> {
		return ioClient(this.base, { transports: ['websocket'], extraHeaders: this.cookies.size ? { cookie: this.cookieHeader } : {}, forceNew: true, reconnection: false });
	}
}

export function connected(socket: Socket): Promise<void> {
	return new Promise((ok, fail) => {
		if (socket.connected) return ok();
		socket.once('connect', () => ok());
		socket.once('connect_error', fail);
	});
}

/** Emit with an ack and resolve with the ack's result. */
export function emitAck<T = unknown>(socket: Socket, event: string, ...args: unknown[]): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }> {
	return new Promise((ok) => {
		(socket as unknown as { emit: (...a: unknown[]) => void }).emit(event, ...args, ok);
	});
}

export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
	return new Promise((ok, fail) => {
		const t = setTimeout(() => fail(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
		(socket as unknown as { once: (e: string, f: (p: T) => void) => void }).once(event, (p: T) => {
			clearTimeout(t);
			ok(p);
		});
	});
}
