/**
 * `npm start` as a newcomer runs it: the built server on a fresh data directory seeds the demo
 * once, serves the web app and the API, shuts down cleanly on SIGTERM (stopping its database),
 * and on the next start still has everything, without seeding again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'voicebox-start-'));
const main = join(import.meta.dirname, '../../dist/server/main.js');

interface Running {
	child: ChildProcess;
	url: string;
	out: () => string;
}

function start(): Promise<Running> {
	const child = spawn(process.execPath, [main], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', PUBLIC_URL: '' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	return new Promise((ok, fail) => {
		const t = setTimeout(() => fail(new Error(`did not start:\n${out}`)), 60000);
		const check = () => {
			const m = /Voicebox is running: (http:\/\/\S+)/.exec(out);
			if (m) {
				clearTimeout(t);
				ok({ child, url: m[1]!.replace('localhost', '127.0.0.1'), out: () => out });
			}
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => fail(new Error(`exited ${code}:\n${out}`)));
	});
}

function stop(r: Running, signal: NodeJS.Signals): Promise<number | null> {
	return new Promise((ok) => {
		r.child.once('exit', (code) => ok(code));
		r.child.kill(signal);
	});
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start on a fresh data directory', () => {
	const passwords: Record<string, string> = {};

	it('seeds the demo once, serves the welcome page and lets staff see the naming poll', async () => {
		const r = await start();
		try {
			expect(r.out()).toContain('Demo data created');
			for (const m of r.out().matchAll(/^\s+(admin|staff|moderator)\s+(\S+@\S+)\s+(\S+)$/gm)) passwords[m[1]!] = m[3]!;
			expect(Object.keys(passwords).sort()).toEqual(['admin', 'moderator', 'staff']);

			const home = await fetch(`${r.url}/`);
			expect(home.status).toBe(200);
			const html = await home.text();
			expect(html).toContain('Have your say');
			expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");

			const staff = new Client(r.url);
			await staff.login('staff@demo.voicebox.local', passwords.staff!);
			const polls = (await staff.get('/api/polls')).json.data as { title: string; options: { label: string }[] }[];
			expect(polls.map((p) => p.title)).toEqual(['Choose a new name for our service']);
			expect(polls[0]!.options.map((o) => o.label)).toEqual(['The Harbour', 'Next Steps', 'Bridges', "Keep 'No Wrong Door'"]);

			const admin = new Client(r.url);
			await admin.login('admin@demo.voicebox.local', passwords.admin!);
			expect((await admin.post('/api/hubs', { name: 'Riverside Hub' })).status).toBe(201);

			const running = JSON.parse(readFileSync(join(dataDir, 'running.json'), 'utf8')) as { dbPid: number };
			expect(alive(running.dbPid)).toBe(true);
			expect(await stop(r, 'SIGTERM')).toBe(0);
			// The embedded database stopped with the app.
			await new Promise((ok) => setTimeout(ok, 300));
			expect(alive(running.dbPid)).toBe(false);
			expect(existsSync(join(dataDir, 'running.json'))).toBe(false);
		} finally {
			if (r.child.exitCode === null) r.child.kill('SIGKILL');
		}
	});

	it('keeps everything across a restart and does not seed twice', async () => {
		const r = await start();
		try {
			expect(r.out()).not.toContain('Demo data created');
			const admin = new Client(r.url);
			await admin.login('admin@demo.voicebox.local', passwords.admin!);
			const hubs = (await admin.get('/api/hubs')).json.data as { name: string }[];
			expect(hubs.map((h) => h.name).sort()).toEqual(['Northgate Hub', 'Riverside Hub']);
			expect(((await admin.get('/api/polls')).json.data as unknown[]).length).toBe(1);
			expect(await stop(r, 'SIGINT')).toBe(0);
		} finally {
			if (r.child.exitCode === null) r.child.kill('SIGKILL');
		}
	});
});
