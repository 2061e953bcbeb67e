/**
 * The import direction from ARCHITECTURE.md, checked over every source file: web → contracts;
 * server → contracts, moderation; contracts → zod only; moderation → nothing of ours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const top = (p: string) => relative(root, p).split('/')[0]!;

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return files(p);
		return /\.(ts|js|svelte)$/.test(name) ? [p] : [];
	});
}

function imports(file: string): string[] {
	const src = readFileSync(file, 'utf8');
	return [...src.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

/** Which top-level folder an import lands in, or the package name for a bare import. */
function target(file: string, spec: string): string {
	if (spec.startsWith('$contracts')) return 'contracts';
	if (spec.startsWith('$lib') || spec.startsWith('$app') || spec.startsWith('./$types') || spec.startsWith('$env')) return 'web';
	if (spec.startsWith('.')) return top(resolve(dirname(file), spec));
	return `pkg:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
}

const allowed: Record<string, (t: string) => boolean> = {
	contracts: (t) => t === 'contracts' || t === 'pkg:zod',
	moderation: (t) => t === 'moderation' || !['contracts', 'server', 'web'].includes(t),
	web: (t) => t === 'web' || t === 'contracts' || (t.startsWith('pkg:') && !['pkg:mongoose', 'pkg:express', 'pkg:socket.io', 'pkg:pino'].includes(t)),
	server: (t) => t !== 'web'
};

describe('import direction', () => {
	for (const folder of Object.keys(allowed)) {
		it(`${folder}/ imports only what it may`, () => {
			const bad: string[] = [];
			let checked = 0;
			for (const f of files(join(root, folder))) {
				for (const spec of imports(f)) {
					checked++;
					const t = target(f, spec);
					if (!allowed[folder]!(t)) bad.push(`${relative(root, f)} → ${spec}`);
				}
			}
			expect(checked).toBeGreaterThan(0);
			expect(bad).toEqual([]);
		});
	}

	it('catches a forbidden import (the checker itself works)', () => {
		expect(allowed.web!(target(join(root, 'web/src/x.ts'), '../../server/app.js'))).toBe(false);
		expect(allowed.contracts!(target(join(root, 'contracts/x.ts'), 'mongoose'))).toBe(false);
		expect(allowed.moderation!(target(join(root, 'moderation/x.ts'), '../server/app.js'))).toBe(false);
	});
});
