/** Shared helpers for the moderation unit tests (no test cases here). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createModerator, severityRank, type Severity, type Verdict } from '../../../moderation/index.js';
import { seededRandom } from '../../helpers/random.js';

export interface LabelledItem {
  readonly id: string;
  readonly text: string;
  readonly category: string;
  readonly expect: 'escalate' | 'flag' | 'allow';
  readonly min?: Exclude<Severity, 'none'>;
}

export function loadJsonl(path: string): LabelledItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledItem);
}

export const FIXTURES = {
  tuning: fileURLToPath(new URL('../../fixtures/safeguarding/tuning.jsonl', import.meta.url)),
  heldout: fileURLToPath(new URL('../../fixtures/safeguarding/heldout.jsonl', import.meta.url)),
  heldout2: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-2.jsonl', import.meta.url)),
  heldout3: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-3.jsonl', import.meta.url)),
  heldout4: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-4.jsonl', import.meta.url)),
  /** Written before the recall backstop existed; first run and after run in moderation/README.md. */
  heldout5: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-5.jsonl', import.meta.url)),
  /**
   * Written by someone who never saw the rules, word lists or other fixtures (2026-11-22), run
   * once, never tuned on: the most honest recall and false-alarm figures we have.
   */
  heldout6: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-6.jsonl', import.meta.url)),
  /**
   * A second blind set by another writer who never saw the rules or fixtures, run once after the
   * rules were tuned on held-out 6's concepts (its first run is the current honest figure for unseen
   * text); its misses' concepts were tuned on afterwards, so it is no longer blind.
   */
  heldout7: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-7.jsonl', import.meta.url)),
  /**
   * A third blind set (another writer, asked for more indirect disclosures), run once after the
   * rules were tuned on held-out 7's concepts and once with the first local model; now model
   * training data.
   */
  heldout8: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-8.jsonl', import.meta.url)),
  /**
   * Two more blind sets (writers asked for indirect, understated messages; and for care leavers
   * and younger children), run once with the rules and once with the first local model, then
   * used (with held-out 8) to train the model: no longer blind.
   */
  heldout9: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-9.jsonl', import.meta.url)),
  heldout10: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-10.jsonl', import.meta.url)),
  /**
   * Blind sets the rules were never tuned on and the model never trained on (see BLIND_SETS):
   * ordinary group-chat and survey talk (11); speech, language and communication needs (12);
   * very short messages (13); long reflective answers (14); residential homes and
   * asylum-seeking young people (15); online life (16).
   */
  heldout11: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-11.jsonl', import.meta.url)),
  heldout12: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-12.jsonl', import.meta.url)),
  heldout13: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-13.jsonl', import.meta.url)),
  heldout14: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-14.jsonl', import.meta.url)),
  heldout15: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-15.jsonl', import.meta.url)),
  heldout16: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-16.jsonl', import.meta.url)),
  /** Blind first runs of the final configuration of 2026-11-22: venting and banter (17); a month's realistic mix (18). */
  heldout17: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-17.jsonl', import.meta.url)),
  heldout18: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-18.jsonl', import.meta.url)),
  /** Written for the local model's training (the rules were not tuned on them). */
  modelTeens: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-teens.jsonl', import.meta.url)),
  modelCareLeavers: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-care-leavers.jsonl', import.meta.url)),
  modelSlcn: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-slcn.jsonl', import.meta.url)),
  modelIndirect: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-indirect.jsonl', import.meta.url)),
  modelLong: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-long.jsonl', import.meta.url)),
  modelShort: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-short.jsonl', import.meta.url)),
  modelResidential: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-residential.jsonl', import.meta.url)),
  modelOnline: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-online.jsonl', import.meta.url)),
  /** Hard negatives (and a few positives) on concepts the first model got wrong; written by us. */
  modelConcepts: fileURLToPath(new URL('../../fixtures/safeguarding/model-training-concepts.jsonl', import.meta.url)),
  /** A copy of the project's shared starter sample (shared/data/safeguarding-sample.jsonl). */
  starter: fileURLToPath(new URL('../../fixtures/safeguarding/starter-sample.jsonl', import.meta.url)),
};

/** Sets nothing was tuned or trained on (see moderation/README.md): never list them in moderation/model/train-cli.ts. */
export const BLIND_SETS: readonly string[] = [FIXTURES.heldout11, FIXTURES.heldout12, FIXTURES.heldout13, FIXTURES.heldout14, FIXTURES.heldout15, FIXTURES.heldout16, FIXTURES.heldout17, FIXTURES.heldout18];

/** Small seeded PRNG (mulberry32): the same inputs on every run. */
export const rng = seededRandom;

export const moderator = createModerator();

export function check(text: string): Verdict {
  return moderator.checkLocal(text);
}

/** True if the verdict escalates at or above `min`. */
export function escalatesAtLeast(v: Verdict, min: Severity): boolean {
  return v.escalate && severityRank(v.severity) >= severityRank(min);
}

export function isQuiet(v: Verdict): boolean {
  return v.action === 'allow' && !v.escalate;
}
