/**
 * Runs compiled safeguarding rules over a normalised text.
 *
 * A rule is "phrase + context": one or more match templates, plus optional
 * `needs` (another phrase that must appear somewhere in the message),
 * `unless` (benign phrases that cancel an overlapping match, e.g. "cut my
 * hair"), `urgentIf` (time, plan or means words that raise the severity to
 * urgent), and `highIf` (context that raises a low or medium rule to high, e.g. a foster
 * carer named as the one doing it). Shared benign idioms ("dying of laughter", "killing me" about
 * homework) cancel any overlapping match of any rule that does not opt out.
 */
import type { NormalisedText, TextView } from '../normalise.js';
import { toOriginalSpan } from '../normalise.js';
import type { Action, Category, Finding, Severity, Stage } from '../types.js';
import { GatedTemplates, keyWordsOf, type KeyWords, type Span } from './gated.js';
import { compileTemplate, templateWords, type CompiledTemplate, type Macros } from './template.js';

export interface RuleSpec {
  readonly id: string;
  readonly category: Category;
  readonly severity: Severity;
  /** Any of these templates matching (and not cancelled) fires the rule. */
  readonly match: readonly string[];
  /** Benign phrases for this rule: a match overlapping one of these is cancelled. */
  readonly unless?: readonly string[];
  /** At least one of these must match somewhere in the message. */
  readonly needs?: readonly string[];
  /** If any of these match somewhere in the message, severity becomes urgent. */
  readonly urgentIf?: readonly string[];
  /** If any of these match somewhere in the message, severity becomes at least high (e.g. who did it). */
  readonly highIf?: readonly string[];
  /** The rule's own action (the category default applies otherwise). */
  readonly action?: Action;
  readonly escalate?: boolean;
  /** Match the unsqueezed `words` view, for words only double letters tell apart (shotting/shooting). */
  readonly exact?: boolean;
  /** Skip the shared benign idioms (for rules that are already narrow). */
  readonly ignoreBenign?: boolean;
}

interface CompiledRule {
  readonly spec: RuleSpec;
  /** indexes into the shared context templates */
  readonly unless: readonly number[];
  readonly needs: readonly number[];
  readonly urgentIf: readonly number[];
  readonly highIf: readonly number[];
}

function overlaps(spans: readonly Span[], s: number, e: number): boolean {
  for (const [bs, be] of spans) if (bs < e && s < be) return true;
  return false;
}

/** Whether some span shares a character other than a space with [s, e) of the text. */
function overlapsText(spans: readonly Span[], s: number, e: number, text: string): boolean {
  for (const [bs, be] of spans) {
    const from = Math.max(bs, s);
    const to = Math.min(be, e);
    for (let k = from; k < to; k++) if (text.charCodeAt(k) !== 32) return true;
  }
  return false;
}

export class RuleSet {
  private readonly rules: CompiledRule[] = [];
  /** every match template of every rule, gated together */
  private readonly matchers: GatedTemplates;
  /** match template index → rule index */
  private readonly ruleOf: number[] = [];
  private readonly benign: GatedTemplates;
  /** every rule's unless / needs / urgentIf templates, gated together and matched once per message */
  private readonly context: GatedTemplates;
  /** context templates to run on the words view (exact rules' unless) */
  private readonly contextExact: ReadonlySet<number>;
  readonly vocabulary: ReadonlySet<string>;

  /** Benign idioms shared with another rule set (their spans are computed once per message). */
  private readonly sharedBenign: GatedTemplates | undefined;

  constructor(specs: readonly RuleSpec[], benign: readonly string[], macros: Macros, sharedBenign?: GatedTemplates) {
    this.sharedBenign = sharedBenign;
    const words = new Set<string>();
    const ids = new Set<string>();
    const templates = [];
    const contextTemplates: CompiledTemplate[] = [];
    const contextExact = new Set<number>();
    const context = (list: readonly string[] | undefined, exact = false): number[] =>
      (list ?? []).map((t) => {
        if (exact) contextExact.add(contextTemplates.length);
        contextTemplates.push(compileTemplate(t, macros, exact));
        return contextTemplates.length - 1;
      });
    for (const [ri, spec] of specs.entries()) {
      if (ids.has(spec.id)) throw new Error(`Duplicate rule id ${spec.id}`);
      ids.add(spec.id);
      for (const t of spec.match) {
        templates.push(compileTemplate(t, macros, spec.exact === true));
        this.ruleOf.push(ri);
        for (const w of templateWords(t)) words.add(w);
      }
      this.rules.push({
        spec,
        unless: context(spec.unless, spec.exact === true),
        needs: context(spec.needs),
        urgentIf: context(spec.urgentIf),
        highIf: context(spec.highIf),
      });
    }
    this.matchers = new GatedTemplates(templates);
    this.context = new GatedTemplates(contextTemplates);
    this.contextExact = contextExact;
    this.benign = new GatedTemplates(benign.map((t) => compileTemplate(t, macros)));
    for (const m of Object.values(macros)) if (typeof m === 'string') for (const w of templateWords(m)) words.add(w);
    this.vocabulary = words;
  }

  /** This set's benign idioms, for another rule set to share. */
  get benignTemplates(): GatedTemplates {
    return this.benign;
  }

  get size(): number {
    return this.rules.length;
  }

  /** Rule ids with a template that has no word gate (it runs on every message). */
  get ungatedRules(): string[] {
    const out = new Set<string>();
    this.ruleOf.forEach((ri, ti) => {
      if (this.matchers.isUngated(ti)) out.add(this.rules[ri]?.spec.id ?? '');
    });
    return [...out];
  }

  run(norm: NormalisedText, stage: Stage): Finding[] {
    const key = norm.key.text;
    if (key.length === 0) return [];
    const kw = keyWordsOf(norm, key);
    const candidates = this.matchers.candidates(kw);
    if (candidates.length === 0) return [];
    let benignSpans: Span[] | undefined;
    let benignKeySpans: Span[] | undefined;
    let fired: Finding[] | undefined;
    let firedRule = -1;
    for (const candidate of candidates) {
      const ri = this.ruleOf[candidate.index] ?? -1;
      // Candidates come in template order and a rule's templates are consecutive: once a rule
      // has fired, its remaining templates are skipped.
      if (ri === firedRule) continue;
      const rule = this.rules[ri];
      if (rule === undefined) continue;
      const exact = rule.spec.exact === true;
      const view: TextView = exact ? norm.words : norm.key;
      const hits = this.matchers.spans(candidate, view.text, !exact);
      if (hits.length === 0) continue;
      if (rule.needs.length > 0 && this.contextSpans(rule.needs, norm, kw).length === 0) continue;
      let unlessSpans: Span[] | undefined;
      for (const [s, e] of hits) {
        if (rule.unless.length > 0) {
          unlessSpans ??= this.contextSpans(rule.unless, norm, kw);
          if (overlaps(unlessSpans, s, e)) continue;
        }
        if (rule.spec.ignoreBenign !== true && !exact) {
          // Overlapping on the key view means overlapping in the original text too (the offset
          // maps never run backwards), so most idioms are ruled out without building the maps.
          benignKeySpans ??= this.benignKeySpans(kw);
          if (overlapsText(benignKeySpans, s, e, view.text)) continue;
        }
        const [os, oe] = toOriginalSpan(view, s, e);
        if (rule.spec.ignoreBenign !== true) {
          benignSpans ??= this.benignSpans(norm, kw);
          if (overlaps(benignSpans, os, oe)) continue;
        }
        let severity: Severity = rule.urgentIf.length > 0 && this.contextSpans(rule.urgentIf, norm, kw).length > 0 ? 'urgent' : rule.spec.severity;
        if ((severity === 'low' || severity === 'medium') && rule.highIf.length > 0 && this.contextSpans(rule.highIf, norm, kw).length > 0) severity = 'high';
        (fired ??= []).push({
          stage,
          rule: rule.spec.id,
          category: rule.spec.category,
          severity,
          span: [os, oe],
          ...(rule.spec.action !== undefined ? { action: rule.spec.action } : {}),
          ...(rule.spec.escalate !== undefined ? { escalate: rule.spec.escalate } : {}),
        });
        firedRule = ri;
        break;
      }
    }
    return fired ?? [];
  }

  /** Spans of some context templates (unless / needs / urgentIf): only looked at for rules that matched. */
  private contextSpans(indexes: readonly number[], norm: NormalisedText, kw: KeyWords): Span[] {
    const out: Span[] = [];
    for (const i of indexes) {
      if (this.contextExact.has(i)) {
        const t = this.context.templates[i];
        if (t !== undefined) out.push(...wholeSpans(t.regex, norm.words.text));
        continue;
      }
      const c = this.context.candidateFor(i, kw);
      if (c !== undefined) out.push(...this.context.spans(c, kw.text, true));
    }
    return out;
  }

  /** Spans of the benign idioms (shared and this set's own), in original offsets. */
  private benignSpans(norm: NormalisedText, kw: KeyWords): Span[] {
    const out: Span[] = [];
    for (const [a, b] of this.benignKeySpans(kw)) out.push(toOriginalSpan(norm.key, a, b));
    return out;
  }

  /** Spans of the benign idioms (shared and this set's own), on the key view. */
  private benignKeySpans(kw: KeyWords): Span[] {
    const out: Span[] = [];
    if (this.sharedBenign !== undefined) for (const sp of this.sharedBenign.allSpans(kw)) out.push(sp);
    for (const sp of this.benign.allSpans(kw)) out.push(sp);
    return out;
  }
}

function wholeSpans(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    out.push([m.index, m.index + m[0].length]);
    if (out.length >= 64) break;
  }
  return out;
}
