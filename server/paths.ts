import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file whether it runs from server/ (tsx) or dist/server/ (built). */
export function repoRoot(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const pkg = join(dir, 'package.json');
		if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'voicebox') return dir;
		const up = dirname(dir);
		if (up === dir) throw new Error('Cannot find the Voicebox repository root');
		dir = up;
	}
}
