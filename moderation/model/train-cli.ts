/**
 * npm run train:moderation — retrain the local model from the labelled files and
 * write ./weights.generated.ts (commit it with the data it was trained on).
 *
 *   npm run train:moderation            # train, print cross-validation, write the model
 *   npm run train:moderation -- --check # exit 1 if the committed model was not trained on these files
 *
 * Which files are training data is decided here and nowhere else. Blind held-out
 * sets must NOT be listed: they are how we learn what the filter does on text
 * nobody tuned it for (see moderation/README.md).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalise } from '../normalise.js';
import { modelWords } from '../phases/local-model.js';
import { SAFEGUARDING_CATEGORIES } from '../types.js';
import { VOCABULARY } from '../vocabulary.js';
import { train, type TrainingItem } from './train.js';
import { TRAINED_MODEL } from './weights.generated.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

export const TRAINING_FILES = [
  'tests/fixtures/safeguarding/tuning.jsonl',
  'tests/fixtures/safeguarding/starter-sample.jsonl',
  'tests/fixtures/safeguarding/heldout.jsonl',
  'tests/fixtures/safeguarding/heldout-2.jsonl',
  'tests/fixtures/safeguarding/heldout-3.jsonl',
  'tests/fixtures/safeguarding/heldout-4.jsonl',
  'tests/fixtures/safeguarding/heldout-5.jsonl',
  'tests/fixtures/safeguarding/heldout-6.jsonl',
  'tests/fixtures/safeguarding/heldout-7.jsonl',
  // Blind sets, each run once with the rules and once with the first model before joining here.
  'tests/fixtures/safeguarding/heldout-8.jsonl',
  'tests/fixtures/safeguarding/heldout-9.jsonl',
  'tests/fixtures/safeguarding/heldout-10.jsonl',
  // Written for the model (not for the rules): eight writers, eight voices, and hard
  // negatives on concepts the model first got wrong (danger spots, medicines, idioms).
  'tests/fixtures/safeguarding/model-training-teens.jsonl',
  'tests/fixtures/safeguarding/model-training-care-leavers.jsonl',
  'tests/fixtures/safeguarding/model-training-slcn.jsonl',
  'tests/fixtures/safeguarding/model-training-indirect.jsonl',
  'tests/fixtures/safeguarding/model-training-long.jsonl',
  'tests/fixtures/safeguarding/model-training-short.jsonl',
  'tests/fixtures/safeguarding/model-training-residential.jsonl',
  'tests/fixtures/safeguarding/model-training-online.jsonl',
  'tests/fixtures/safeguarding/model-training-concepts.jsonl',
];

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = fileURLToPath(new URL('./weights.generated.ts', import.meta.url));

interface Line {
  readonly text: string;
  readonly expect: 'escalate' | 'flag' | 'allow';
  readonly category: string;
  readonly min?: string;
}

function load(): { items: TrainingItem[]; urgency: TrainingItem[]; trainedOn: Array<{ file: string; lines: number; sha256: string }> } {
  const items: TrainingItem[] = [];
  // Self-harm disclosures only: urgent (a plan, means, time or place now, or just done) or not.
  const urgency: TrainingItem[] = [];
  const trainedOn = TRAINING_FILES.map((file) => {
    const raw = readFileSync(root + file, 'utf8');
    const lines = raw.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Line);
    for (const l of lines) {
      const words = modelWords(normalise(l.text, { vocabulary: VOCABULARY }));
      items.push({ words: [...words], label: l.expect === 'escalate' ? l.category : 'none', benign: l.expect === 'allow' });
      if (l.expect === 'escalate' && l.category === 'self-harm') {
        urgency.push({ words: [...words], label: l.min === 'urgent' ? 'urgent' : 'none', benign: l.min !== 'urgent' });
      }
    }
    return { file, lines: lines.length, sha256: createHash('sha256').update(raw).digest('hex') };
  });
  return { items, urgency, trainedOn };
}

const { items, urgency, trainedOn } = load();

if (process.argv.includes('--check')) {
  const same = JSON.stringify(trainedOn) === JSON.stringify(TRAINED_MODEL.meta.trainedOn);
  say(same ? 'The model was trained on the current training files.' : 'The training files changed: run npm run train:moderation.');
  process.exit(same ? 0 : 1);
}

function report(name: string, result: ReturnType<typeof train>, n: number, started: number, negatives: string): void {
  for (const r of result.runs) {
    say(`${name} C=${r.c}: threshold ${r.threshold.toFixed(2)}  out-of-fold recall ${(100 * r.recall).toFixed(1)}%  ${negatives} flagged ${(100 * r.falsePositiveRate).toFixed(1)}%`);
  }
  const m = result.model;
  say(`${name}: chose C=${m.meta.c}, threshold ${m.threshold}; ${n} messages, ${m.features.split('\n').length} features, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

let started = performance.now();
const concern = train(items, { classes: ['none', ...SAFEGUARDING_CATEGORIES], cs: [16, 64, 256], trainedOn });
report('concern', concern, items.length, started, 'benign');
started = performance.now();
// Calling a non-urgent disclosure urgent costs a moderator's attention, not a child's safety:
// a wider budget (5% of non-urgent self-harm messages) than for benign messages.
const urgent = train(urgency, { classes: ['none', 'urgent'], cs: [4, 16, 64], maxFalsePositiveRate: 0.05, trainedOn });
report('urgency', urgent, urgency.length, started, 'non-urgent self-harm');
writeFileSync(
  out,
  `/* Generated by \`npm run train:moderation\` (moderation/model/train-cli.ts). Do not edit. */\n` +
    `import type { SerializedModel } from './linear-model.js';\n\n` +
    `/** Concern: none or one of the safeguarding categories. */\n` +
    `export const TRAINED_MODEL: SerializedModel = ${JSON.stringify(concern.model, null, 1)};\n\n` +
    `/** Urgency of a self-harm disclosure: urgent or none (= not urgent). */\n` +
    `export const TRAINED_URGENCY_MODEL: SerializedModel = ${JSON.stringify(urgent.model, null, 1)};\n`,
);
say(`wrote ${out.slice(root.length)}`);
