/**
 * A tiny phrase-template language for safeguarding rules, compiled to one
 * linear-time RegExp over the normaliser's `key` view.
 *
 *   word       a literal word; letters are squeezed like the key view (kill → kil)
 *   word*      a word starting with these letters (cut* matches cutting, cuts)
 *   (a|b c)    alternatives, each a sequence; `(…)?` makes the group optional
 *   ~N         up to N arbitrary words
 *   {NAME}     a macro: a shared alternative list or a raw regex fragment
 *
 * Elements are separated by exactly one space (the key view has single spaces),
 * every gap word is space-delimited, and nothing is nested under an unbounded
 * quantifier, so matching cannot backtrack catastrophically.
 *
 * Each template also yields "anchors": word prefixes of which at least one must
 * begin some word of the text for the template to match. The rule engine only
 * runs a template's regex when an anchor is present, which keeps the
 * safeguarding stage fast on ordinary messages.
 */
import { squeeze } from '../normalise.js';

export type Macro = string | { readonly re: string };
export type Macros = Readonly<Record<string, Macro>>;

type Elem =
  | { kind: 'word'; lit: string; star: boolean; optional: false }
  | { kind: 'group'; alts: Elem[][]; optional: boolean }
  | { kind: 'raw'; re: string; optional: false }
  | { kind: 'gap'; n: number; optional: false };

/** A word that must appear in the key view: exactly, or as a prefix (`cut*`). */
export interface Anchor {
  readonly word: string;
  readonly prefix: boolean;
}

export interface CompiledTemplate {
  readonly source: string;
  /** Global regex with word boundaries, for scanning a whole text. */
  readonly regex: RegExp;
  /** Sticky regex to try at one word's position (when `firsts` is known). */
  readonly sticky: RegExp;
  /** Words one of which begins every match (null: unknown, scan the whole text). */
  readonly firsts: readonly Anchor[] | null;
  /**
   * Gate groups: for the template to match, every group must have one of its
   * anchors present in the text. Empty when nothing can be gated (always runs).
   */
  readonly gates: readonly (readonly Anchor[])[];
  /**
   * For templates shaped `A ~N B …` (one alternative): B's first-word anchors and how many
   * words after A's first word B can begin (A's longest length + N). A start whose next
   * `reach` words hold none of B's anchors cannot match, so its regex is not run.
   * Null when the shape does not fit.
   */
  readonly follow: { readonly anchors: readonly Anchor[]; readonly reach: number } | null;
  /**
   * Gate groups `gates` cannot use because an alternative has only common words ("cant go
   * on", or `{I}` itself). Each is split into the rarest anchors of its other alternatives
   * (`rare`) and the common-only alternatives as clauses: the group is present if a rare
   * anchor is, or every word of one clause is. Single-alternative templates only.
   */
  readonly clauseGates: readonly ClauseGate[];
}

export interface ClauseGate {
  readonly rare: readonly Anchor[];
  readonly clauses: readonly (readonly Anchor[])[];
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const TOKEN_RE = /\(|\)\??|\||~\d+|\{[A-Z_]+\}|[a-z0-9]+\*?/g;

function lex(src: string): string[] {
  const out: string[] = [];
  const stripped = src.replace(TOKEN_RE, (t) => {
    out.push(t);
    return ' ';
  });
  if (stripped.trim() !== '') throw new TemplateError(`Unexpected characters in template: ${src}`);
  return out;
}

function parse(src: string, macros: Macros, depth = 0): Elem[][] {
  if (depth > 8) throw new TemplateError(`Macros nest too deeply in: ${src}`);
  const tokens = lex(src);
  let pos = 0;
  function parseAlts(): Elem[][] {
    const alts: Elem[][] = [[]];
    while (pos < tokens.length) {
      const t = tokens[pos] ?? '';
      if (t === ')' || t === ')?') return alts;
      pos++;
      const cur = alts[alts.length - 1] ?? [];
      if (t === '|') {
        alts.push([]);
      } else if (t === '(') {
        const inner = parseAlts();
        const close = tokens[pos++];
        if (close !== ')' && close !== ')?') throw new TemplateError(`Unclosed group in: ${src}`);
        cur.push({ kind: 'group', alts: inner, optional: close === ')?' });
      } else if (t.startsWith('~')) {
        cur.push({ kind: 'gap', n: Number(t.slice(1)), optional: false });
      } else if (t.startsWith('{')) {
        const name = t.slice(1, -1);
        const m = macros[name];
        if (m === undefined) throw new TemplateError(`Unknown macro {${name}} in: ${src}`);
        if (typeof m === 'string') cur.push({ kind: 'group', alts: parse(m, macros, depth + 1), optional: false });
        else cur.push({ kind: 'raw', re: m.re, optional: false });
      } else {
        const star = t.endsWith('*');
        cur.push({ kind: 'word', lit: star ? t.slice(0, -1) : t, star, optional: false });
      }
    }
    return alts;
  }
  const alts = parseAlts();
  if (pos !== tokens.length) throw new TemplateError(`Unbalanced ')' in: ${src}`);
  for (const seq of alts) validateSeq(seq, src);
  return alts;
}

function validateSeq(seq: Elem[], src: string): void {
  if (seq.length === 0) throw new TemplateError(`Empty alternative in: ${src}`);
  const first = seq[0];
  if (first?.kind === 'gap') throw new TemplateError(`A sequence cannot start with a gap: ${src}`);
  if (seq.every((el) => el.optional || el.kind === 'gap')) throw new TemplateError(`A sequence needs a required word: ${src}`);
  for (const el of seq) if (el.kind === 'group') for (const alt of el.alts) validateSeq(alt, src);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileElem(el: Elem, exact: boolean): string {
  switch (el.kind) {
    case 'word':
      return escapeRe(exact ? el.lit : squeeze(el.lit)) + (el.star ? '[a-z0-9]*' : '');
    case 'raw':
      return `(?:${el.re})`;
    case 'group':
      return `(?:${el.alts.map((a) => compileSeq(a, exact)).join('|')})`;
    case 'gap':
      return `(?: [^ ]+){0,${el.n}}`;
  }
}

function compileSeq(seq: readonly Elem[], exact: boolean): string {
  let out = '';
  let atStart = true; // only optional elements emitted so far: the next one needs no leading space
  for (const el of seq) {
    const body = compileElem(el, exact);
    if (el.kind === 'gap') out += body;
    else if (atStart) {
      out += el.optional ? `(?:${body} )?` : body;
      atStart = el.optional;
    } else out += el.optional ? `(?: ${body})?` : ` ${body}`;
  }
  return out;
}

function anchorKey(a: Anchor): string {
  return `${a.prefix ? '^' : '='}${a.word}`;
}

function dedupe(anchors: Anchor[]): Anchor[] {
  const seen = new Set<string>();
  return anchors.filter((a) => {
    const k = anchorKey(a);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Very common words make poor gates: prefer any other required word. */
const COMMON = new Set(
  (
    'i im me my we you your ur he she they them him her his it its a an the to of and or in on at for with ' +
    'is are was were be been am do did dont not no so just like that this what when if but all can cant ' +
    'have has had get got go going want wil would could should about up out one'
  )
    .split(' ')
    .map(squeeze),
);

/** A gate word so common it filters almost nothing. */
export function isCommonAnchor(a: Anchor): boolean {
  return COMMON.has(a.word) || a.word.length < 2 || (a.prefix && a.word.length < 3);
}

/**
 * Everyday words that are not common enough to be useless as gates but still occur in many
 * messages: when a template can be gated on a rarer element, it is (only the gate choice
 * changes, never what the template matches).
 */
const FREQUENT = new Set(
  (
    'good fine take takes took taking cut got get make made end home left never out time day back people said say ' +
    'see well new every more some from after before then than now here there only really still much last over down ' +
    'off way thing things stuff feel know think school mum dad friend friends mate mates thats lol yeah need let give ' +
    'gave keep put call come came went look looks game play playing work week night today year bad big little better ' +
    'best first next long great happy going who where why how when our us them their lot lots food tea money phone'
  )
    .split(' ')
    .map(squeeze),
);

function cost(anchors: readonly Anchor[]): number {
  let c = 0;
  for (const a of anchors) c += COMMON.has(a.word) || a.word.length < 3 ? 50 : FREQUENT.has(a.word) ? 8 : 1;
  return c;
}

/**
 * Anchors for the FIRST word of an element: one of them starts every match of
 * the element, so matching can begin only at those words.
 */
function firstAnchorsOf(el: Elem): Anchor[] | null {
  if (el.kind === 'word') {
    const word = squeeze(el.lit);
    return word.length >= (el.star ? 2 : 1) ? [{ word, prefix: el.star }] : null;
  }
  if (el.kind !== 'group' || el.optional) return null;
  const out: Anchor[] = [];
  for (const alt of el.alts) {
    const first = alt[0];
    const a = first === undefined || first.optional ? null : firstAnchorsOf(first);
    if (a === null) return null;
    out.push(...a);
  }
  return dedupe(out);
}

/** Anchors one of which must appear somewhere in any match of the element (the rarest choice). */
function bestAnchorsOf(el: Elem): Anchor[] | null {
  if (el.kind === 'word') return firstAnchorsOf(el);
  if (el.kind !== 'group' || el.optional) return null;
  const out: Anchor[] = [];
  for (const alt of el.alts) {
    const a = bestOfSeq(alt);
    if (a === null) return null;
    out.push(...a);
  }
  return dedupe(out);
}

function bestOfSeq(seq: readonly Elem[]): Anchor[] | null {
  let best: Anchor[] | null = null;
  for (const el of seq) {
    if (el.optional || el.kind === 'gap') continue;
    const a = bestAnchorsOf(el);
    if (a !== null && a.length > 0 && (best === null || cost(a) < cost(best))) best = a;
  }
  return best;
}

/** Gate groups for one alternative: every required element's rarest anchors. */
function gatesOf(seq: readonly Elem[]): Anchor[][] {
  const gates: Anchor[][] = [];
  for (const el of seq) {
    if (el.optional || el.kind === 'gap') continue;
    const a = bestAnchorsOf(el);
    if (a !== null && a.length > 0) gates.push(a);
  }
  return gates;
}

/** Most words an element can span (null: unbounded or unknown, e.g. a raw regex). */
function maxWordsOf(el: Elem): number | null {
  switch (el.kind) {
    case 'word':
      return 1;
    case 'gap':
      return el.n;
    case 'raw':
      return null;
    case 'group': {
      let most = 0;
      for (const alt of el.alts) {
        let n = 0;
        for (const e of alt) {
          const w = maxWordsOf(e);
          if (w === null) return null;
          n += w;
        }
        most = Math.max(most, n);
      }
      return most;
    }
  }
}

/** Split an element into rare anchors and all-word clauses (null: cannot be expressed so). */
function decompose(el: Elem): { rare: Anchor[]; clauses: Anchor[][] } | null {
  if (el.optional) return null;
  if (el.kind === 'word') {
    const a = firstAnchorsOf(el);
    if (a === null) return null;
    return a.some(isCommonAnchor) ? { rare: [], clauses: [a] } : { rare: a, clauses: [] };
  }
  if (el.kind !== 'group') return null;
  const rare: Anchor[] = [];
  const clauses: Anchor[][] = [];
  for (const alt of el.alts) {
    const best = bestOfSeq(alt);
    if (best !== null && !best.some(isCommonAnchor)) {
      rare.push(...best);
      continue;
    }
    const required = alt.filter((e) => !e.optional && e.kind !== 'gap');
    if (required.length === 1 && required[0]?.kind === 'group') {
      const inner = decompose(required[0]);
      if (inner === null) return null;
      rare.push(...inner.rare);
      clauses.push(...inner.clauses);
      continue;
    }
    const clause: Anchor[] = [];
    for (const e of required) {
      if (e.kind !== 'word') return null;
      const a = firstAnchorsOf(e);
      if (a === null) return null;
      clause.push(...a);
    }
    if (clause.length === 0) return null;
    clauses.push(clause);
  }
  return { rare: dedupe(rare), clauses };
}

/** See CompiledTemplate.clauseGates. */
function clauseGatesOf(alts: readonly Elem[][]): ClauseGate[] {
  if (alts.length !== 1) return [];
  const out: ClauseGate[] = [];
  for (const el of alts[0] ?? []) {
    if (el.optional || el.kind === 'gap') continue;
    const a = bestAnchorsOf(el);
    if (a === null || a.length === 0 || !a.some(isCommonAnchor)) continue; // a normal gate, or none
    const d = decompose(el);
    if (d !== null && d.clauses.length > 0) out.push(d);
  }
  return out;
}

/** See CompiledTemplate.follow. */
function followOf(alts: readonly Elem[][], exact: boolean): CompiledTemplate['follow'] {
  if (exact || alts.length !== 1) return null;
  const [a, gap, b] = alts[0] ?? [];
  if (a === undefined || gap === undefined || b === undefined || a.optional || gap.kind !== 'gap' || b.optional) return null;
  const width = maxWordsOf(a);
  const anchors = firstAnchorsOf(b);
  if (width === null || anchors === null || anchors.length === 0) return null;
  return { anchors, reach: width + gap.n };
}

export function compileTemplate(source: string, macros: Macros, exact = false): CompiledTemplate {
  const alts = parse(source, macros);
  const body = alts.map((a) => compileSeq(a, exact)).join('|');
  const regex = new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, 'g');
  const sticky = new RegExp(`(?:${body})(?![a-z0-9])`, 'y');
  let firsts: Anchor[] | null = [];
  for (const alt of alts) {
    const first = alt[0];
    const a = first === undefined || first.optional ? null : firstAnchorsOf(first);
    if (a === null) {
      firsts = null;
      break;
    }
    firsts.push(...a);
  }
  if (firsts !== null) firsts = dedupe(firsts);
  const follow = followOf(alts, exact);
  const clauseGates = clauseGatesOf(alts);
  if (alts.length === 1 && alts[0] !== undefined) return { source, regex, sticky, gates: gatesOf(alts[0]), firsts, follow, clauseGates };
  // Several top-level alternatives: one gate, "the rarest word of whichever alternative matched".
  const union: Anchor[] = [];
  for (const alt of alts) {
    const best = bestOfSeq(alt);
    if (best === null) return { source, regex, sticky, gates: [], firsts, follow, clauseGates };
    union.push(...best);
  }
  return { source, regex, sticky, gates: [dedupe(union)], firsts, follow, clauseGates };
}

/** All literal words in a template (used to re-split glued letters into words). */
export function templateWords(source: string): string[] {
  return source.match(/[a-z]{2,}/g) ?? [];
}
