/**
 * Stage 2c, the local model (moderation/model, moderation/phases/local-model.ts): the fast
 * path the filter uses gives the same scores as the plain one, the committed model was
 * trained on the files the training script lists (so nobody changes the data without
 * retraining), training learns and is repeatable, and the stage only ever adds concern.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createModerator, severityRank } from '../../../moderation/index.js';
import { LinearModel, MODEL } from '../../../moderation/model/index.js';
import { train, type TrainingItem } from '../../../moderation/model/train.js';
import { TRAINED_MODEL } from '../../../moderation/model/weights.generated.js';
import { normalise } from '../../../moderation/normalise.js';
import { localModel, modelWords } from '../../../moderation/phases/local-model.js';
import { compilePolicy } from '../../../moderation/compiled-policy.js';
import { parsePolicy } from '../../../moderation/policy.js';
import { VOCABULARY } from '../../../moderation/vocabulary.js';
import { BLIND_SETS, FIXTURES, check, loadJsonl } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('local model', () => {
	it('was trained on exactly the files listed in its metadata, as they are now', () => {
		expect(TRAINED_MODEL.meta.trainedOn.length).toBeGreaterThan(0);
		for (const f of TRAINED_MODEL.meta.trainedOn) {
			const raw = readFileSync(ROOT + f.file, 'utf8');
			expect(createHash('sha256').update(raw).digest('hex'), `${f.file} changed since the model was trained: run npm run train:moderation`).toBe(f.sha256);
			expect(raw.split('\n').filter((l) => l.trim() !== '').length).toBe(f.lines);
		}
		// Blind sets are never training data.
		const trainedOn = TRAINED_MODEL.meta.trainedOn.map((f) => f.file);
		for (const blind of BLIND_SETS) expect(trainedOn.some((f) => blind.endsWith(f))).toBe(false);
	});

	it('scores the same through the filter’s word-index path as through plain words', () => {
		const texts = [FIXTURES.tuning, FIXTURES.heldout, FIXTURES.starter].flatMap(loadJsonl).map((i) => i.text);
		let compared = 0;
		for (const text of texts) {
			const norm = normalise(text, { vocabulary: VOCABULARY });
			const words = [...modelWords(norm)];
			const plain = MODEL.score(words);
			const policy = compilePolicy(parsePolicy({ model: { threshold: 0.3 } }));
			const found = localModel({ text, norm, policy, surface: undefined, findings: [] });
			if (plain.concern >= 0.3) {
				expect(found?.findings?.[0]?.category, text).toBe(plain.category);
				compared++;
			} else {
				expect(found, text).toBeUndefined();
			}
		}
		expect(compared).toBeGreaterThan(100);
	});

	it('says how it was chosen: cross-validated threshold within the false-alarm budget', () => {
		const cv = TRAINED_MODEL.meta.crossValidation;
		expect(cv.falsePositiveRate).toBeLessThanOrEqual(cv.maxFalsePositiveRate);
		expect(cv.recall).toBeGreaterThan(0.5);
		expect(TRAINED_MODEL.threshold).toBeGreaterThanOrEqual(0.3);
		expect(MODEL.featureCount).toBeGreaterThan(1000);
	});

	it('training learns a small labelled set and gives identical weights twice', () => {
		const worry = ['i feel so alone and scared at night', 'nobody would notice if i was gone', 'i am scared to go home tonight', 'he scares me when he shouts at night'];
		const fine = ['pizza night at the hub was great', 'can we go bowling on friday', 'the football was great tonight', 'i love the new hub logo'];
		const items: TrainingItem[] = [];
		for (let r = 0; r < 6; r++) {
			for (const t of worry) items.push({ words: `${t} ${r}`.split(' '), label: 'self-harm', benign: false });
			for (const t of fine) items.push({ words: `${t} ${r}`.split(' '), label: 'none', benign: true });
		}
		const options = { classes: ['none', 'self-harm'], cs: [16], folds: 3, trainedOn: [] };
		const a = train(items, options).model;
		const b = train(items, options).model;
		expect(b.weights).toBe(a.weights);
		expect(b.bias).toEqual(a.bias);
		const m = new LinearModel(a);
		expect(m.score('i feel scared and alone'.split(' ')).concern).toBeGreaterThan(0.5);
		expect(m.score('bowling and pizza on friday'.split(' ')).concern).toBeLessThan(0.5);
	});

	it('rejects a model whose parts do not fit together', () => {
		expect(() => new LinearModel({ ...TRAINED_MODEL, bias: [0], classes: ['none'] })).toThrow(/Invalid safeguarding model/);
	});
});

describe('local model stage in the filter', () => {
	it('adds a whole-message model reason only where the rules found nothing as severe', () => {
		const v = check('i want to kill myself tonight');
		expect(v.reasons.some((r) => r.stage === 'model' && r.category === 'self-harm')).toBe(false);
		expect(v.severity).toBe('urgent');
		let modelReasons = 0;
		for (const item of Object.values(FIXTURES).flatMap(loadJsonl)) {
			const verdict = check(item.text);
			for (const r of verdict.reasons.filter((x) => x.stage === 'model')) {
				modelReasons++;
				expect(r.span).toEqual([0, item.text.length]);
				expect([`model:${r.category}`, 'model:self-harm-urgent']).toContain(r.rule);
				// stages before the model (contact details, abuse and policy terms come after it)
				const others = verdict.reasons.filter((x) => x.stage === 'safeguarding');
				expect(others.every((x) => severityRank(x.severity) < severityRank(r.severity)), item.text).toBe(true);
			}
		}
		expect(modelReasons).toBeGreaterThan(0);
	});

	it('finds a disclosure no phrase rule knows (the moderator console e2e test relies on this one)', () => {
		const text = 'my mum keeps leaving me and my little brother on our own for days';
		const v = check(text);
		expect(v.escalate).toBe(true);
		expect(v.categories).toContain('abuse');
		expect(v.reasons.map((r) => r.stage)).toEqual(['model']);
		expect(createModerator({ policy: { model: { enabled: false } } }).checkLocal(text).escalate).toBe(false);
	});

	it('does not let one known word in a short nickname or answer speak as loudly as a disclosure', () => {
		// A bug found by the 500-voter poll test: unit length made "Bee" (key form "be", a word of
		// "not be here") alone score 0.94. The squared length now has a floor.
		const adjectives = ['Calm', 'Gentle', 'Jolly', 'Merry', 'Silver', 'Golden', 'Swift', 'Wise', 'Cosy', 'Brave', 'Sunny', 'Happy'];
		const animals = ['Bee', 'Owl', 'Fox', 'Otter', 'Robin', 'Wren', 'Seal', 'Deer', 'Swan', 'Lynx', 'Panda', 'Toad'];
		for (const a of adjectives) {
			for (const b of animals) {
				const v = check(`${a} ${b}`);
				expect(v.reasons.filter((r) => r.stage === 'model'), `${a} ${b}`).toEqual([]);
			}
		}
		for (const text of ['be', 'calm', 'end', 'gone', 'done', 'tired', 'bridge', 'tablets', 'alone']) {
			expect(MODEL.score([text]).concern, text).toBeLessThan(MODEL.threshold);
		}
	});

	it('can be switched off or made stricter by the organisation, and never lowers a rule’s verdict', () => {
		const items = loadJsonl(FIXTURES.tuning).filter((i) => i.expect === 'escalate');
		const off = createModerator({ policy: { model: { enabled: false } } });
		const strict = createModerator({ policy: { model: { threshold: 0.99 } } });
				for (const item of items) {
			const on = check(item.text);
			const without = off.checkLocal(item.text);
			expect(without.reasons.some((r) => r.stage === 'model')).toBe(false);
			// the model only adds: everything the rules said is still there
			expect(severityRank(on.severity)).toBeGreaterThanOrEqual(severityRank(without.severity));
			if (without.escalate) expect(on.escalate).toBe(true);
			if (!without.escalate) expect(on.reasons.some((r) => r.stage === 'model'), item.text).toBe(on.escalate);
			expect(strict.checkLocal(item.text).reasons.filter((r) => r.stage === 'model').length).toBeLessThanOrEqual(on.reasons.filter((r) => r.stage === 'model').length);
		}
		expect(() => createModerator({ policy: { model: { threshold: 2 } } })).toThrow(/model\.threshold/);
	});
});
