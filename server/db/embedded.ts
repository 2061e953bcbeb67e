/**
 * The embedded database: FerretDB (MongoDB wire protocol, SQLite files under DATA_DIR) run as a
 * child process on a free loopback port. It is built once from the pinned Go module
 * (scripts/build-ferretdb.mjs) and stops with us: we stop it on shutdown, and it exits by itself
 * if our process dies, because it watches its stdin pipe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { repoRoot } from '../paths.js';

export interface EmbeddedDb {
	uri: string;
	pid: number;
	stop(): Promise<void>;
}

const RUNNING_FILE = 'running.json';

/** The URI of an embedded database another Voicebox process is running on these files, if any. */
export function runningEmbeddedUri(dataDir: string): string | null {
	const file = join(resolve(dataDir), RUNNING_FILE);
	if (!existsSync(file)) return null;
	try {
		const { pid, uri } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; uri: string };
		process.kill(pid, 0);
		return uri;
	} catch {
		return null;
	}
}

export async function ferretdbBinary(): Promise<string> {
	const script = pathToFileURL(join(repoRoot(), 'scripts', 'build-ferretdb.mjs')).href;
	const mod = (await import(script)) as typeof import('../../scripts/build-ferretdb.mjs');
	return mod.buildFerretdb();
}

export async function startEmbeddedDb(dataDir: string, opts: { binary?: string; startTimeoutMs?: number } = {}): Promise<EmbeddedDb> {
	const binary = opts.binary ?? (await ferretdbBinary());
	const dir = resolve(dataDir);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const child: ChildProcess = spawn(binary, ['-listen', '127.0.0.1:0', '-data', dir, '-log-level', 'error'], {
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const uri = await new Promise<string>((ok, fail) => {
		const timer = setTimeout(() => fail(new Error('The embedded database did not start in time')), opts.startTimeoutMs ?? 30000);
		const lines = createInterface({ input: child.stdout! });
		lines.on('line', (line) => {
			const m = /^READY (\S+)/.exec(line);
			if (m) {
				clearTimeout(timer);
				ok(m[1]!);
			}
		});
		child.once('error', (err) => {
			clearTimeout(timer);
			fail(err);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`The embedded database exited early (code ${code})`));
		});
	});
	// Tell other tools (npm run user:create) where the running database is, so they share it
	// instead of starting a second server on the same files.
	const marker = join(dir, RUNNING_FILE);
	writeFileSync(marker, JSON.stringify({ pid: process.pid, dbPid: child.pid, uri }), { mode: 0o600 });
	child.once('exit', () => rmSync(marker, { force: true }));
	let stopped: Promise<void> | null = null;
	return {
		uri,
		pid: child.pid!,
		stop() {
			stopped ??= new Promise<void>((ok) => {
				if (child.exitCode !== null || child.signalCode !== null) return ok();
				const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
				child.once('exit', () => {
					clearTimeout(kill);
					ok();
				});
				child.kill('SIGTERM');
			});
			return stopped;
		}
	};
}
