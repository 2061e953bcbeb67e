/**
 * Evaluation on labelled data. Thresholds (each dataset on its own):
 *   - suicide / self-harm recall 100% (escalated at or above the labelled severity)
 *   - escalation recall overall >= 95%
 *   - benign false-positive rate <= 5% (anything but a quiet allow)
 *   - contact-details and abusive-language flag rate >= 90% (held or blocked)
 *
 * tuning.jsonl is what the rules were developed against. heldout.jsonl was
 * written before any rule existed; heldout-2.jsonl and heldout-3.jsonl were
 * each written later, before the fixes their first runs prompted. No held-out
 * file is ever edited to make a test pass; their first-run scores (the only
 * unbiased ones) are recorded in moderation/README.md. The local model
 * (stage 2c) is trained on the files moderation/model/train-cli.ts lists;
 * held-out 11-14 are blind to both the rules and the model (see GUARDED below).
 * The shared starter sample is evaluated too. A per-category confusion table is printed.
 */
import { describe, expect, it } from 'vitest';
import { severityRank } from '../../../moderation/index.js';
import { FIXTURES, check, loadJsonl, type LabelledItem } from './helpers.js';

interface Row {
  n: number;
  escalated: number;
  escalatedTooLow: number;
  flaggedOnly: number;
  allowed: number;
  rightCategory: number;
}

interface Result {
  rows: Map<string, Row>;
  misses: string[];
  selfHarm: { n: number; hit: number };
  escalation: { n: number; hit: number };
  flags: { n: number; hit: number };
  benign: { n: number; fp: number };
}

function evaluate(items: readonly LabelledItem[]): Result {
  const rows = new Map<string, Row>();
  const r: Result = { rows, misses: [], selfHarm: { n: 0, hit: 0 }, escalation: { n: 0, hit: 0 }, flags: { n: 0, hit: 0 }, benign: { n: 0, fp: 0 } };
  for (const item of items) {
    const v = check(item.text);
    const row = rows.get(item.category) ?? { n: 0, escalated: 0, escalatedTooLow: 0, flaggedOnly: 0, allowed: 0, rightCategory: 0 };
    rows.set(item.category, row);
    row.n++;
    const highEnough = v.escalate && severityRank(v.severity) >= severityRank(item.min ?? 'low');
    if (v.escalate && highEnough) row.escalated++;
    else if (v.escalate) row.escalatedTooLow++;
    else if (v.action !== 'allow') row.flaggedOnly++;
    else row.allowed++;
    if ((v.categories as readonly string[]).includes(item.category)) row.rightCategory++;
    const summary = `${item.id} [${item.category}] ${JSON.stringify(item.text)} → ${v.action}${v.escalate ? ' escalate' : ''} ${v.severity} {${v.categories.join(',')}}`;
    if (item.expect === 'escalate') {
      r.escalation.n++;
      if (highEnough) r.escalation.hit++;
      else r.misses.push(summary);
      if (item.category === 'self-harm') {
        r.selfHarm.n++;
        if (highEnough) r.selfHarm.hit++;
      }
    } else if (item.expect === 'flag') {
      r.flags.n++;
      if (v.action !== 'allow') r.flags.hit++;
      else r.misses.push(summary);
    } else {
      r.benign.n++;
      if (v.action !== 'allow' || v.escalate) {
        r.benign.fp++;
        r.misses.push(`FALSE POSITIVE ${summary}`);
      }
    }
  }
  return r;
}

const pct = (a: number, b: number): string => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

function table(name: string, r: Result): string {
  const lines = [
    `\n=== ${name} ===`,
    `${'category'.padEnd(22)} ${'n'.padStart(4)} ${'esc>=min'.padStart(8)} ${'esc<min'.padStart(8)} ${'flagged'.padStart(8)} ${'allowed'.padStart(8)} ${'right cat'.padStart(10)}`,
  ];
  for (const [cat, row] of [...r.rows.entries()].sort()) {
    lines.push(
      `${cat.padEnd(22)} ${String(row.n).padStart(4)} ${String(row.escalated).padStart(8)} ${String(row.escalatedTooLow).padStart(8)} ${String(row.flaggedOnly).padStart(8)} ${String(row.allowed).padStart(8)} ${pct(row.rightCategory, row.n).padStart(10)}`,
    );
  }
  lines.push(
    `self-harm recall ${pct(r.selfHarm.hit, r.selfHarm.n)} (${r.selfHarm.hit}/${r.selfHarm.n})   escalation recall ${pct(r.escalation.hit, r.escalation.n)} (${r.escalation.hit}/${r.escalation.n})   flag rate ${pct(r.flags.hit, r.flags.n)} (${r.flags.hit}/${r.flags.n})   benign FP ${pct(r.benign.fp, r.benign.n)} (${r.benign.fp}/${r.benign.n})`,
  );
  if (r.misses.length > 0) lines.push('misses:', ...r.misses.map((m) => `  ${m}`));
  return lines.join('\n');
}

const DATASETS: Array<[string, string, { minItems: number; minBenign: number }]> = [
  ['tuning (developed against)', FIXTURES.tuning, { minItems: 300, minBenign: 100 }],
  ['held-out (never tuned on)', FIXTURES.heldout, { minItems: 100, minBenign: 40 }],
  ['held-out 2 (never tuned on)', FIXTURES.heldout2, { minItems: 60, minBenign: 20 }],
  ['held-out 3 (never tuned on)', FIXTURES.heldout3, { minItems: 100, minBenign: 40 }],
  // heldout-5 was written before the recall backstop; it met the targets on its one after-run
  // (see moderation/README.md for why that score is optimistic), so it gates from now on.
  ['held-out 5 (written before the backstop)', FIXTURES.heldout5, { minItems: 90, minBenign: 30 }],
  ['shared starter sample', FIXTURES.starter, { minItems: 30, minBenign: 10 }],
  // Below target on their first runs; the local model was trained on them, so they now gate
  // like the tuning set (their first runs are in moderation/README.md).
  ['held-out 4 (model trained on it)', FIXTURES.heldout4, { minItems: 70, minBenign: 30 }],
  ['held-out 6 (rules tuned on its concepts; model trained on it)', FIXTURES.heldout6, { minItems: 200, minBenign: 110 }],
  ['held-out 7 (rules tuned on its concepts; model trained on it)', FIXTURES.heldout7, { minItems: 200, minBenign: 110 }],
  ['held-out 8 (model trained on it)', FIXTURES.heldout8, { minItems: 200, minBenign: 110 }],
  ['held-out 9 (model trained on it)', FIXTURES.heldout9, { minItems: 200, minBenign: 110 }],
  ['held-out 10 (model trained on it)', FIXTURES.heldout10, { minItems: 200, minBenign: 110 }],
  ['model training: teens', FIXTURES.modelTeens, { minItems: 320, minBenign: 133 }],
  ['model training: care leavers', FIXTURES.modelCareLeavers, { minItems: 320, minBenign: 133 }],
  ['model training: communication needs', FIXTURES.modelSlcn, { minItems: 320, minBenign: 133 }],
  ['model training: indirect', FIXTURES.modelIndirect, { minItems: 320, minBenign: 133 }],
  ['model training: short messages', FIXTURES.modelShort, { minItems: 320, minBenign: 133 }],
  ['model training: residential and asylum-seeking', FIXTURES.modelResidential, { minItems: 320, minBenign: 133 }],
  ['model training: online life', FIXTURES.modelOnline, { minItems: 320, minBenign: 133 }],
];

describe('evaluation on labelled data', () => {
  for (const [name, path, size] of DATASETS) {
    it(`${name}: meets the recall and false-positive thresholds`, () => {
      const items = loadJsonl(path);
      expect(items.length).toBeGreaterThanOrEqual(size.minItems);
      const r = evaluate(items);
      console.log(table(name, r));
      expect(r.benign.n).toBeGreaterThanOrEqual(size.minBenign);
      expect(r.selfHarm.n).toBeGreaterThan(0);
      expect(r.selfHarm.hit / r.selfHarm.n, 'self-harm recall must be 100%').toBe(1);
      expect(r.escalation.hit / r.escalation.n, 'escalation recall').toBeGreaterThanOrEqual(0.95);
      expect(r.benign.fp / r.benign.n, 'benign false-positive rate').toBeLessThanOrEqual(0.05);
      if (r.flags.n > 0) expect(r.flags.hit / r.flags.n, 'contact/abuse flag rate').toBeGreaterThanOrEqual(0.9);
    });
  }

  // Sets printed and guarded against falling below their scores today; they do not all meet the
  // targets. First runs, the honest figures for unseen text, are in moderation/README.md.
  // - model-training-long: long answers, where ordinary words pile up (7/133 false alarms, all
  //   from the phrase rules); model-training-concepts: hard negatives written to trip the rules.
  // - held-out 11-18 (BLIND_SETS): written blind by eight more writers; the rules were never tuned
  //   on them and the model never trained on them. Do not tune on them: write a new set.
  const GUARDED: Array<[string, string, { selfHarmN?: number; selfHarm: number; escalation: number; flags: number; maxFp: number }]> = [
    ['model training: long answers (FP above target)', FIXTURES.modelLong, { selfHarmN: 60, selfHarm: 60, escalation: 187, flags: 0, maxFp: 7 }],
    ['model training: hard negatives (FP above target)', FIXTURES.modelConcepts, { selfHarmN: 9, selfHarm: 9, escalation: 15, flags: 0, maxFp: 7 }],
    ['held-out 11 (BLIND; self-harm below target)', FIXTURES.heldout11, { selfHarmN: 22, selfHarm: 21, escalation: 69, flags: 20, maxFp: 3 }],
    ['held-out 12 (BLIND; meets the targets)', FIXTURES.heldout12, { selfHarmN: 22, selfHarm: 22, escalation: 70, flags: 19, maxFp: 1 }],
    ['held-out 13 (BLIND; self-harm and escalation below target)', FIXTURES.heldout13, { selfHarmN: 22, selfHarm: 20, escalation: 66, flags: 19, maxFp: 5 }],
    ['held-out 14 (BLIND; false alarms above target)', FIXTURES.heldout14, { selfHarmN: 22, selfHarm: 22, escalation: 67, flags: 20, maxFp: 7 }],
    ['held-out 15 (BLIND; meets the targets)', FIXTURES.heldout15, { selfHarmN: 22, selfHarm: 22, escalation: 69, flags: 20, maxFp: 4 }],
    ['held-out 16 (BLIND; false alarms above target)', FIXTURES.heldout16, { selfHarmN: 22, selfHarm: 22, escalation: 70, flags: 19, maxFp: 7 }],
    ['held-out 17 (BLIND, first run of the final models; self-harm below target)', FIXTURES.heldout17, { selfHarmN: 22, selfHarm: 21, escalation: 67, flags: 20, maxFp: 2 }],
    ['held-out 18 (BLIND, first run of the final models; false alarms above target)', FIXTURES.heldout18, { selfHarmN: 22, selfHarm: 22, escalation: 70, flags: 20, maxFp: 6 }],
  ];
  for (const [name, path, guard] of GUARDED) {
    it(`${name}: prints its scores and does not regress`, () => {
      const r = evaluate(loadJsonl(path));
      console.log(table(name, r));
      if (guard.selfHarmN !== undefined) expect(r.selfHarm.n).toBe(guard.selfHarmN);
      expect(r.selfHarm.hit).toBeGreaterThanOrEqual(guard.selfHarm);
      expect(r.escalation.hit).toBeGreaterThanOrEqual(guard.escalation);
      expect(r.flags.hit).toBeGreaterThanOrEqual(guard.flags);
      expect(r.benign.fp).toBeLessThanOrEqual(guard.maxFp);
    });
  }

  it('has at least 300 concerning and 150 benign messages across the datasets, in every category', () => {
    const all = [FIXTURES.tuning, FIXTURES.heldout, FIXTURES.heldout2, FIXTURES.heldout3, FIXTURES.heldout4, FIXTURES.heldout5].flatMap(loadJsonl);
    const concerning = all.filter((i) => i.expect !== 'allow');
    const benign = all.filter((i) => i.expect === 'allow');
    expect(concerning.length).toBeGreaterThanOrEqual(300);
    expect(benign.length).toBeGreaterThanOrEqual(150);
    const categories = new Set(all.map((i) => i.category));
    for (const c of ['self-harm', 'abuse', 'sexual-exploitation', 'criminal-exploitation', 'missing', 'weapons', 'violence', 'bullying', 'drugs', 'eating', 'domestic-abuse', 'radicalisation', 'contact-details', 'abusive-language', 'benign']) {
      expect(categories.has(c), c).toBe(true);
    }
    const ids = all.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const heldout = [FIXTURES.heldout, FIXTURES.heldout2, FIXTURES.heldout3, FIXTURES.heldout4].flatMap(loadJsonl).length;
    expect(heldout / all.length).toBeGreaterThan(0.2);
  });
});
