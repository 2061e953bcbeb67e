/**
 * A policy turned into matchers once, when a moderator is created, so each
 * check only runs them.
 */
import { keyForm } from './normalise.js';
import type { ModerationPolicy } from './policy.js';

export interface TermMatcher {
  readonly term: string;
  /** Matches on the normaliser's `key` view, so obfuscated spellings match too. */
  readonly regex: RegExp;
}

export interface CompiledPolicy {
  readonly policy: ModerationPolicy;
  readonly blocked: readonly TermMatcher[];
  readonly suspect: readonly TermMatcher[];
  readonly allowed: readonly TermMatcher[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileTerm(term: string): TermMatcher | undefined {
  const key = keyForm(term);
  if (key.length === 0) return undefined;
  // Spaces become optional so "fat lard" also matches "fatlard"; no nested quantifiers.
  const body = key.split(' ').map(escapeRe).join(' ?');
  return { term, regex: new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, 'g') };
}

function compileTerms(terms: readonly string[]): TermMatcher[] {
  return terms.map(compileTerm).filter((t): t is TermMatcher => t !== undefined);
}

export function compilePolicy(policy: ModerationPolicy): CompiledPolicy {
  return {
    policy,
    blocked: compileTerms(policy.blockedTerms),
    suspect: compileTerms(policy.suspectTerms),
    allowed: compileTerms(policy.allowedTerms),
  };
}
