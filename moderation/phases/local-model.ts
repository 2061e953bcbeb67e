/**
 * Stage 2c: the local models (../model). The phrase rules and the backstop
 * remember phrasings; the models weigh every word and word pair of a message,
 * learnt from ~5,200 labelled messages, so they also catch phrasings nobody
 * wrote a rule for. They run on this server (no network) and only ADD concern:
 *
 *  - the concern model names a category when P(concern) reaches its
 *    cross-validated threshold; its finding is added only where stages 2 and
 *    2b found nothing as severe, so a rule's precise reason comes first. It
 *    escalates at the category's usual level (high for self-harm, abuse,
 *    exploitation, weapons, domestic abuse, radicalisation; medium otherwise).
 *  - the urgency model looks at any message with a self-harm finding (from
 *    any stage) that is not yet urgent: a plan, means, time or place now, or
 *    just done, makes it urgent; so do the time and means words the self-harm
 *    rules use.
 *
 * A model reason spans the whole message: a model has no single phrase to
 * point at. An organisation can switch the stage off or raise its threshold
 * (policy `model`); allowed terms cannot silence it, as they cannot silence
 * self-harm rules.
 */
import { MODEL, URGENCY_MODEL } from '../model/index.js';
import type { NormalisedText } from '../normalise.js';
import { keyWordsOf, type WordInfo } from '../rules/gated.js';
import { MACROS, RuleSet } from '../rules/index.js';
import { severityRank, type Finding, type ReasonCategory, type SafeguardingCategory, type Severity, isSafeguardingCategory } from '../types.js';
import type { Phase } from './context.js';

const MODEL_SEVERITY: Readonly<Record<SafeguardingCategory, Severity>> = {
  'self-harm': 'high',
  abuse: 'high',
  'sexual-exploitation': 'high',
  'criminal-exploitation': 'high',
  weapons: 'high',
  'domestic-abuse': 'high',
  radicalisation: 'high',
  violence: 'medium',
  bullying: 'medium',
  drugs: 'medium',
  eating: 'medium',
  missing: 'medium',
};

/** Time and means words that make self-harm urgent (the same macros the self-harm rules use). */
const urgentCues = new RuleSet(
  [{ id: 'model-urgent-cue', category: 'self-harm', severity: 'urgent', match: ['{TIME}', '{MEANS}', '{DANGER_SPOT}'], ignoreBenign: true }],
  [],
  MACROS,
);

/** The words the model reads: the key view's words (shared with the rule gates). */
export function modelWords(norm: NormalisedText): readonly string[] {
  return keyWordsOf(norm, norm.key.text).words;
}

let concernIndexes = new Int32Array(64);
let urgencyIndexes = new Int32Array(64);

export const localModel: Phase = ({ text, norm, policy, findings }) => {
  const settings = policy.policy.model;
  if (!settings.enabled) return undefined;
  const kw = keyWordsOf(norm, norm.key.text);
  const n = kw.infos.length;
  if (n === 0) return undefined;
  // Each distinct word's indexes are looked up once and remembered on its record.
  if (concernIndexes.length < n) {
    concernIndexes = new Int32Array(n * 2);
    urgencyIndexes = new Int32Array(n * 2);
  }
  for (let t = 0; t < n; t++) {
    const info = kw.infos[t] as WordInfo;
    if (info.model === -3) info.model = info.word.length < 2 ? -2 : MODEL.wordIndex(info.word);
    concernIndexes[t] = info.model;
  }
  const scores = MODEL.scoreIndexes(concernIndexes.subarray(0, n));
  let category: SafeguardingCategory | undefined;
  if (scores.concern >= (settings.threshold ?? MODEL.threshold) && isSafeguardingCategory(scores.category as ReasonCategory)) {
    category = scores.category as SafeguardingCategory;
  }
  // Self-harm found by anyone (rules, backstop or the model) and not already urgent: is it?
  let selfHarm = category === 'self-harm' ? 'high' : 'none';
  for (const f of findings) if (f.category === 'self-harm' && severityRank(f.severity) > severityRank(selfHarm as Severity)) selfHarm = f.severity;
  let urgent = false;
  if (selfHarm !== 'none' && selfHarm !== 'urgent') {
    for (let t = 0; t < n; t++) {
      const info = kw.infos[t] as WordInfo;
      if (info.urgency === -3) info.urgency = info.word.length < 2 ? -2 : URGENCY_MODEL.wordIndex(info.word);
      urgencyIndexes[t] = info.urgency;
    }
    urgent = URGENCY_MODEL.scoreIndexes(urgencyIndexes.subarray(0, n)).concern >= URGENCY_MODEL.threshold || urgentCues.run(norm, 'model').length > 0;
  }
  const out: Finding[] = [];
  if (category !== undefined) {
    const severity: Severity = category === 'self-harm' && urgent ? 'urgent' : MODEL_SEVERITY[category];
    if (!findings.some((f) => isSafeguardingCategory(f.category) && severityRank(f.severity) >= severityRank(severity))) {
      out.push({ stage: 'model', rule: `model:${category}`, category, severity, span: [0, text.length] });
    }
  }
  if (urgent && category !== 'self-harm') {
    out.push({ stage: 'model', rule: 'model:self-harm-urgent', category: 'self-harm', severity: 'urgent', span: [0, text.length] });
  }
  return out.length > 0 ? { findings: out } : undefined;
};
