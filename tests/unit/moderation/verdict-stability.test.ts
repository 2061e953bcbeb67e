/**
 * Verdict stability: every line of every safeguarding fixture plus a seeded set of
 * generated messages (mixtures with leetspeak, split letters, `*` masks, glued words,
 * emoji and contact details) must give exactly the verdict recorded in
 * tests/fixtures/safeguarding/verdict-snapshot.json (action, escalate, severity,
 * categories, and each reason's stage, rule, category, severity and span).
 *
 * The snapshot was generated from the code before the speed work, so this guards any
 * optimisation of the filter. Regenerate it (only for an intended verdict change) with
 *   VERDICT_SNAPSHOT_UPDATE=1 npx vitest run tests/unit/moderation/verdict-stability.test.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../moderation/index.js';
import { seededRandom } from '../../helpers/random.js';
import { check } from './helpers.js';

const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/safeguarding/', import.meta.url));
const SNAPSHOT = fileURLToPath(new URL('../../fixtures/safeguarding/verdict-snapshot.json', import.meta.url));
const GENERATED = 6000;

interface Summary {
	readonly action: string;
	readonly escalate: boolean;
	readonly severity: string;
	readonly categories: readonly string[];
	readonly reasons: ReadonlyArray<readonly [string, string, string, string, number, number]>;
}

function summarise(v: Verdict): Summary {
	return {
		action: v.action,
		escalate: v.escalate,
		severity: v.severity,
		categories: [...v.categories],
		reasons: v.reasons.map((r) => [r.stage, r.rule, r.category, r.severity, r.span[0], r.span[1]] as const),
	};
}

function fixtureTexts(): string[] {
	const out: string[] = [];
	const files = readdirSync(FIXTURE_DIR)
		.filter((f) => f.endsWith('.jsonl'))
		.sort();
	for (const f of files) {
		for (const line of readFileSync(`${FIXTURE_DIR}${f}`, 'utf8').split('\n')) {
			if (line.trim() === '') continue;
			out.push((JSON.parse(line) as { text: string }).text);
		}
	}
	return out;
}

const FILLER = [
	'can we have pizza at the next session',
	'this homework is killing me',
	'i could kill for a takeaway rn',
	'my phone is dying, brb',
	'lol that quiz was so hard',
	'add me on snap its jaz_99',
	'call me on 07700 900123',
	'email me at sam at gmail dot com',
	'my mum will kill me if im late',
	'we smashed it at football yesterday',
	'im dead on my feet lol',
	'the game update is lit, everyone dies in one shot',
	'who is coming to the youth club on friday',
	'i got my hair cut, looks well different',
	'that was f**king class',
	'hanging out with my mates later',
];

const LEET: ReadonlyArray<readonly [RegExp, string]> = [
	[/e/g, '3'],
	[/i/g, '1'],
	[/a/g, '4'],
	[/o/g, '0'],
	[/s/g, '$'],
];

function mutate(s: string, random: () => number): string {
	const r = random();
	if (r < 0.12) {
		const [re, to] = LEET[Math.floor(random() * LEET.length)] ?? [/e/g, '3'];
		return s.replace(re, to);
	}
	if (r < 0.2) {
		// split the letters of one word
		const words = s.split(' ');
		const k = Math.floor(random() * words.length);
		const sep = random() < 0.5 ? ' ' : '.';
		words[k] = [...(words[k] ?? '')].join(sep);
		return words.join(' ');
	}
	if (r < 0.26) {
		// mask the middle of a word with '*'
		return s.replace(/\b([a-z])([a-z]{2})([a-z])\b/, (_m, a: string, _b: string, c: string) => `${a}**${c}`);
	}
	if (r < 0.32) return s.replace(/ /g, (m) => (random() < 0.3 ? '' : m)); // glued words
	if (r < 0.37) return s.replace(/([aeiou])/g, (m) => (random() < 0.2 ? m.repeat(4) : m)); // stretched letters
	if (r < 0.41) return s.toUpperCase();
	if (r < 0.45) return `${s} 😂😂`;
	if (r < 0.48) return s.replace(/i/g, 'і'); // Cyrillic homoglyph
	return s;
}

function generatedTexts(pool: readonly string[]): string[] {
	const random = seededRandom(20261121);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
	const out: string[] = [];
	for (let i = 0; i < GENERATED; i++) {
		const parts: string[] = [];
		const n = 1 + Math.floor(random() * 4);
		for (let k = 0; k < n; k++) parts.push(mutate(random() < 0.55 ? pick(pool) : pick(FILLER), random));
		const joiner = pick(['. ', ' ', ', ', ' and ', '\n', ' lol ']);
		out.push(parts.join(joiner).slice(0, 600));
	}
	return out;
}

describe('verdict stability', () => {
	it('gives the recorded verdict for every fixture line and every generated message', () => {
		const fixtures = fixtureTexts();
		const texts = [...fixtures, ...generatedTexts(fixtures)];
		expect(texts.length).toBeGreaterThan(GENERATED + 1000);
		const actual = texts.map((text) => ({ text, verdict: summarise(check(text)) }));
		if (process.env.VERDICT_SNAPSHOT_UPDATE === '1') {
			writeFileSync(SNAPSHOT, `${JSON.stringify(actual)}\n`);
		}
		expect(existsSync(SNAPSHOT)).toBe(true);
		const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Array<{ text: string; verdict: Summary }>;
		expect(actual.length).toBe(expected.length);
		let mismatches = 0;
		const shown: string[] = [];
		for (let i = 0; i < actual.length; i++) {
			const a = actual[i];
			const e = expected[i];
			if (a === undefined || e === undefined || a.text !== e.text || JSON.stringify(a.verdict) !== JSON.stringify(e.verdict)) {
				mismatches++;
				if (shown.length < 5) shown.push(`#${i}: expected ${JSON.stringify(e?.verdict)} got ${JSON.stringify(a?.verdict)}`);
			}
		}
		expect(shown).toEqual([]);
		expect(mismatches).toBe(0);
	}, 120_000);
});
