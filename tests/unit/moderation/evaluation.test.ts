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
 * unbiased ones) are recorded in moderation/README.md. heldout-4.jsonl is the final
 * blind check (see its test below).
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

  // heldout-4.jsonl is the final blind check: written after all tuning, run once, never tuned
  // on. It does NOT meet the target thresholds (see moderation/README.md): on text the rules
  // have never seen, recall is far lower than on the data above. This test prints its table
  // and guards its first-run scores against regression; it is not a pass of the targets.
  it('held-out 4 (final blind check, below target): prints its scores and does not regress below its first run', () => {
    const r = evaluate(loadJsonl(FIXTURES.heldout4));
    console.log(table('held-out 4 (final blind check, BELOW TARGET)', r));
    expect(r.selfHarm.hit).toBeGreaterThanOrEqual(10); // of 12 (first run 8; 10 with the recall backstop)
    expect(r.escalation.hit).toBeGreaterThanOrEqual(34); // of 44 (first run 28; 34 with the recall backstop)
    expect(r.flags.hit).toBeGreaterThanOrEqual(5); // of 5
    expect(r.benign.fp).toBeLessThanOrEqual(1); // of 30
  });

  // heldout-6.jsonl was written blind: by someone who never read the rules, word lists or
  // other fixtures. Its first run was below target (moderation/README.md: self-harm 17/21,
  // escalation 54/70, flags 19/20, benign FP 7/110). Its misses' concepts were then tuned on
  // (new tuning.jsonl lines "t2-…", never its own strings), so it is NO LONGER BLIND: the
  // scores below are guarded against regression but are not an estimate for unseen text.
  it('held-out 6 (first run blind, since tuned on its misses\' concepts): prints its scores and does not regress', () => {
    const r = evaluate(loadJsonl(FIXTURES.heldout6));
    console.log(table('held-out 6 (first run blind; tuned on its misses\' concepts since)', r));
    expect(r.selfHarm.n).toBe(21);
    expect(r.selfHarm.hit).toBeGreaterThanOrEqual(21); // of 21 (first run 17)
    expect(r.escalation.hit).toBeGreaterThanOrEqual(70); // of 70 (first run 54)
    expect(r.flags.hit).toBeGreaterThanOrEqual(20); // of 20 (first run 19)
    expect(r.benign.fp).toBeLessThanOrEqual(0); // of 110 (first run 7)
  });

  // heldout-7.jsonl: a second blind set, run once after tuning on held-out 6's concepts. Its first
  // run was below target (moderation/README.md: self-harm 17/22, escalations 51/70, flags 19/20,
  // benign false positives 3/110). Its misses' concepts were then tuned on (imminent risk and
  // others, "t3-…" lines in tuning.jsonl), so it is NO LONGER BLIND: these guards only stop a
  // regression; they say nothing about unseen text.
  it('held-out 7 (first run blind, since tuned on its misses\' concepts): prints its scores and does not regress', () => {
    const r = evaluate(loadJsonl(FIXTURES.heldout7));
    console.log(table('held-out 7 (first run blind; tuned on its misses\' concepts since, no longer blind)', r));
    expect(r.selfHarm.n).toBe(22);
    expect(r.selfHarm.hit).toBeGreaterThanOrEqual(22); // of 22 (first run 17)
    expect(r.escalation.hit).toBeGreaterThanOrEqual(70); // of 70 (first run 51)
    expect(r.flags.hit).toBeGreaterThanOrEqual(20); // of 20 (first run 19)
    expect(r.benign.fp).toBeLessThanOrEqual(0); // of 110 (first run 3)
  });

  // heldout-8.jsonl: a third blind set, run once after tuning on held-out 7's concepts. Below
  // target (moderation/README.md). Still blind: do not tune on it; write a new blind set first.
  it('held-out 8 (written blind, below target): prints its scores and does not regress below its first run', () => {
    const r = evaluate(loadJsonl(FIXTURES.heldout8));
    console.log(table('held-out 8 (written blind, BELOW TARGET)', r));
    expect(r.selfHarm.n).toBe(22);
    expect(r.selfHarm.hit).toBeGreaterThanOrEqual(14); // of 22 on its first run
    expect(r.escalation.hit).toBeGreaterThanOrEqual(47); // of 70
    expect(r.flags.hit).toBeGreaterThanOrEqual(18); // of 20
    expect(r.benign.fp).toBeLessThanOrEqual(7); // of 110
  });

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
