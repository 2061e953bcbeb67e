#!/usr/bin/env node
// Builds the embedded database (FerretDB, pinned in tools/ferretdb/go.mod + go.sum) once and
// caches the binary under .cache/ferretdb/<hash>/. The hash covers the Go sources, so a version
// bump rebuilds and an unchanged tree never does. Plain Node, no dependencies: it runs before
// anything else is built.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'tools', 'ferretdb');

export function ferretdbBinaryPath() {
	const hash = createHash('sha256');
	for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(srcDir, f)));
	const dir = join(root, '.cache', 'ferretdb', hash.digest('hex').slice(0, 16));
	return join(dir, 'voicebox-ferretdb');
}

function findGo() {
	for (const candidate of [process.env.GO, 'go', '/usr/local/go/bin/go'].filter(Boolean)) {
		const r = spawnSync(candidate, ['version'], { encoding: 'utf8' });
		if (r.status === 0) return candidate;
	}
	return null;
}

export async function buildFerretdb({ quiet = false } = {}) {
	const out = ferretdbBinaryPath();
	if (existsSync(out)) return out;
	const go = findGo();
	if (!go) {
		throw new Error(
			'Voicebox needs Go (1.24 or newer) to build its embedded database the first time.\n' +
				'Either install Go (https://go.dev/doc/install, or `apt-get install golang`),\n' +
				'or point Voicebox at a MongoDB 7+ server instead: MONGODB_URI=mongodb://host:27017/voicebox npm start'
		);
	}
	mkdirSync(dirname(out), { recursive: true });
	const tmp = `${out}.tmp-${process.pid}`;
	if (!quiet) process.stderr.write('Building the embedded database (FerretDB) once; this takes a minute or two...\n');
	const started = Date.now();
	const timer = quiet
		? null
		: setInterval(() => process.stderr.write(`  still building (${Math.round((Date.now() - started) / 1000)} s)\n`), 15000);
	try {
		await new Promise((ok, fail) => {
			const child = spawn(go, ['build', '-trimpath', '-mod=readonly', '-o', tmp, '.'], {
				cwd: srcDir,
				stdio: ['ignore', 'inherit', 'inherit'],
				env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' }
			});
			child.on('error', fail);
			child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`go build failed with exit code ${code}`))));
		});
	} finally {
		if (timer) clearInterval(timer);
	}
	renameSync(tmp, out);
	if (!quiet) process.stderr.write(`Embedded database built in ${Math.round((Date.now() - started) / 1000)} s: ${out}\n`);
	return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	buildFerretdb().then(
		(p) => process.stdout.write(`${p}\n`),
		(err) => {
			process.stderr.write(`${err.message}\n`);
			process.exit(1);
		}
	);
}
