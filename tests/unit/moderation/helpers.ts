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
   * rules were tuned on held-out 7's concepts. The current honest figure for unseen text.
   */
  heldout8: fileURLToPath(new URL('../../fixtures/safeguarding/heldout-8.jsonl', import.meta.url)),
  /** A copy of the project's shared starter sample (shared/data/safeguarding-sample.jsonl). */
  starter: fileURLToPath(new URL('../../fixtures/safeguarding/starter-sample.jsonl', import.meta.url)),
};

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
