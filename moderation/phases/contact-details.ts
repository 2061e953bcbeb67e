/**
 * Stage 3: contact details. Young people must not swap contact details in
 * group spaces, so these are held by default; they escalate only together with
 * a grooming signal (an age, secrecy, gifts, "are you alone") or a
 * sexual-exploitation finding in the same message.
 */
import { toOriginalSpan } from '../normalise.js';
import { keyWordsOf } from '../rules/gated.js';
import { contactRuleSet, groomingHintRuleSet } from '../rules/index.js';
import type { Finding } from '../types.js';
import type { Phase } from './context.js';
import { NUMBER_WORD_KEYS, findPii } from './pii.js';

/** How many digits a key word can add to a spelled-out number ("double" and "triple" count as more). */
function phoneDigits(w: string): number {
  if (NUMBER_WORD_KEYS.has(w)) return 1;
  if (w === 'double') return 1;
  if (w === 'triple') return 2;
  return 0;
}

export const contactDetails: Phase = ({ norm, findings }) => {
  const found: Finding[] = [];
  let numberWords = 0;
  // Number words (and "double"/"triple", which add digits) decide whether a phone scan is needed.
  // Read from each word's record (worked out once per distinct word), not looked up per message.
  for (const info of keyWordsOf(norm, norm.key.text).infos) {
    if (info.phoneDigits < 0) info.phoneDigits = phoneDigits(info.word);
    numberWords += info.phoneDigits;
  }
  for (const hit of findPii(norm.lite, numberWords)) {
    found.push({
      stage: 'contact-details',
      rule: `pi-${hit.kind}`,
      category: 'contact-details',
      severity: 'low',
      span: toOriginalSpan(norm.lite, hit.start, hit.end),
    });
  }
  const phrases = contactRuleSet.run(norm, 'contact-details');
  for (const f of phrases) {
    // A bare "add me" inside a fuller request ("add me on snap") is the same finding: keep one.
    if (f.rule === 'pi-contact-bare' && phrases.some((g) => g !== f && g.span[0] < f.span[1] && f.span[0] < g.span[1])) continue;
    found.push(f);
  }
  if (found.length === 0) return undefined;

  const groomingFinding = findings.find((f) => f.category === 'sexual-exploitation');
  const hints = groomingFinding === undefined ? groomingHintRuleSet.run(norm, 'contact-details') : [];
  const signal = groomingFinding ?? hints[0];
  if (signal !== undefined) {
    const first = found[0];
    found.push({
      stage: 'contact-details',
      rule: 'pi-contact-with-grooming-signal',
      category: 'sexual-exploitation',
      severity: 'high',
      span: [Math.min(first?.span[0] ?? 0, signal.span[0]), Math.max(first?.span[1] ?? 0, signal.span[1])],
      escalate: true,
    });
  }
  return { findings: found };
};
