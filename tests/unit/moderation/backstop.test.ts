/**
 * The recall backstop (moderation/phases/backstop.ts) and the gating shortcuts added with it
 * (clause gates, the `A ~N B` follow check, shared benign spans), which must never change
 * what a template matches.
 */
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../moderation/normalise.js';
import { backstopRuleSet, contactRuleSet, safeguardingRuleSet, type RuleSet } from '../../../moderation/rules/index.js';
import { keyWordsOf, type GatedTemplates } from '../../../moderation/rules/gated.js';
import { FIXTURES, check, escalatesAtLeast, isQuiet, loadJsonl } from './helpers.js';

describe('recall backstop', () => {
	// Phrasings written for this test, not copied from any dataset. (Known gap, written at the
	// same time and NOT caught: "i dont think ill still be here by christmas"; see the README.)
	const disclosures: Array<[string, 'medium' | 'high']> = [
		['honestly my family would manage better without me around', 'high'],
		['ive started cutting my legs where nobody can see', 'high'],
		['my foster carers son keeps touching me when no ones in', 'high'],
		['they said i have to pay it back by running bags for them', 'high'],
		['ive got a blade in my coat for protection now', 'high'],
		['im sleeping rough near the station since sunday', 'medium'],
	];
	for (const [text, min] of disclosures) {
		it(`escalates at ${min} or above: ${text}`, () => {
			expect(escalatesAtLeast(check(text), min), JSON.stringify(check(text))).toBe(true);
		});
	}

	const quiet = [
		'i nearly died laughing at the bit with the dog',
		'i owe my brother a fiver for the chips',
		'we ran away with the cup in the final',
		'my big sister gave me her old trainers',
		'i got bruises all up my legs from football',
		'chop the carrots with the small knife please',
		'hanging out with my mates after school',
	];
	for (const text of quiet) {
		it(`stays quiet: ${text}`, () => {
			expect(isQuiet(check(text)), JSON.stringify(check(text))).toBe(true);
		});
	}

	it('only adds a category the phrase rules did not already find as severely', () => {
		const v = check('i want to kill myself tonight');
		expect(v.reasons.filter((r) => r.category === 'self-harm').every((r) => !r.rule.startsWith('backstop-'))).toBe(true);
	});
});

describe('gating never changes what a template matches', () => {
	const texts = [FIXTURES.tuning, FIXTURES.heldout, FIXTURES.heldout2, FIXTURES.heldout3, FIXTURES.starter].flatMap(loadJsonl).map((i) => i.text);
	const sets: Array<[string, RuleSet]> = [
		['safeguarding', safeguardingRuleSet],
		['backstop', backstopRuleSet],
		['contact', contactRuleSet],
	];
	for (const [name, rs] of sets) {
		it(`${name}: every template whose regex matches the key view is a candidate and yields that match`, () => {
			const matchers = (rs as unknown as { matchers: GatedTemplates }).matchers;
			let checked = 0;
			for (const text of texts) {
				const norm = normalise(text);
				const key = norm.key.text;
				const kw = keyWordsOf(norm, key);
				const candidates = new Map(matchers.candidates(kw).map((c) => [c.index, c]));
				matchers.templates.forEach((t, i) => {
					t.regex.lastIndex = 0;
					const m = t.regex.exec(key);
					if (m === null) return;
					checked++;
					const c = candidates.get(i);
					expect(c, `${name} template ${t.source} on ${JSON.stringify(key)}`).toBeDefined();
					if (c === undefined) return;
					const spans = matchers.spans(c, key, true);
					expect(spans[0], `${t.source} on ${JSON.stringify(key)}`).toEqual([m.index, m.index + m[0].length]);
				});
			}
			expect(checked).toBeGreaterThan(0);
		});
	}
});
