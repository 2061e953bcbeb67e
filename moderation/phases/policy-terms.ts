/**
 * The organisation's own word lists: extra blocked terms, extra suspect terms
 * (held for a person), and allowed terms that cancel false positives.
 */
import { toOriginalSpan, type NormalisedText } from '../normalise.js';
import type { TermMatcher } from '../compiled-policy.js';
import type { Finding } from '../types.js';
import type { Phase } from './context.js';

function spans(norm: NormalisedText, terms: readonly TermMatcher[]): Array<{ term: string; span: [number, number] }> {
  const out: Array<{ term: string; span: [number, number] }> = [];
  const key = norm.key;
  for (const t of terms) {
    t.regex.lastIndex = 0;
    for (const m of key.text.matchAll(t.regex)) {
      out.push({ term: t.term, span: toOriginalSpan(key, m.index, m.index + m[0].length) });
      if (out.length > 256) return out;
    }
  }
  return out;
}

export const policyTerms: Phase = ({ norm, policy }) => {
  if (policy.blocked.length === 0 && policy.suspect.length === 0) return undefined;
  const findings: Finding[] = [];
  spans(norm, policy.blocked).forEach(({ span }, i) =>
    findings.push({ stage: 'policy-terms', rule: `blocked-term-${i + 1}`, category: 'blocked-term', severity: 'low', span }),
  );
  spans(norm, policy.suspect).forEach(({ span }, i) =>
    findings.push({ stage: 'policy-terms', rule: `suspect-term-${i + 1}`, category: 'suspect-term', severity: 'low', span }),
  );
  return findings.length > 0 ? { findings } : undefined;
};

/**
 * Allowed terms drop any finding that lies inside one of them, except
 * self-harm: an organisation's word list must never silence a suicide or
 * self-harm disclosure.
 */
export const allowedTerms: Phase = ({ norm, policy }) => {
  if (policy.allowed.length === 0) return undefined;
  const allowed = spans(norm, policy.allowed).map((a) => a.span);
  if (allowed.length === 0) return undefined;
  return {
    drop: (f) => f.category !== 'self-harm' && allowed.some(([s, e]) => s <= f.span[0] && f.span[1] <= e),
  };
};
