/**
 * A set of compiled templates behind word gates. Given a text's `key` view,
 * it finds which templates could match (every gate group has a word present)
 * and where matching could start, then runs only those regexes, only there.
 * This is what keeps hundreds of phrase rules cheap on ordinary messages.
 */
import { isCommonAnchor, type CompiledTemplate } from './template.js';

export type Span = readonly [number, number];

/** One gate group of one template that an anchor word satisfies. */
interface GateEntry {
  readonly template: number;
  readonly bit: number;
}

/** At most this many gate groups per template are used (bits of a 32-bit mask). */
const MAX_GATES = 30;
/** Words this long in the key view may be glued words; their inner positions are searched too. */
const GLUED_WORD_LENGTH = 13;
export const MAX_MATCHES_PER_TEMPLATE = 8;

export interface Candidate {
  readonly index: number;
  /** key-view offsets where matching may start (null: scan the whole text); computed on first use */
  starts: readonly number[] | null | undefined;
  readonly kw: KeyWords;
  readonly inner: ReadonlyArray<readonly [number, string]>;
}

function spansOf(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
    if (out.length >= MAX_MATCHES_PER_TEMPLATE) break;
  }
  return out;
}

/** Try a sticky regex at each start position (ascending); non-overlapping hits. */
function stickySpans(re: RegExp, text: string, starts: readonly number[]): Span[] {
  const out: Span[] = [];
  let after = -1;
  for (const p of starts) {
    if (p < after) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m !== null && m[0].length > 0) {
      out.push([p, p + m[0].length]);
      after = p + m[0].length;
      if (out.length >= MAX_MATCHES_PER_TEMPLATE) break;
    }
  }
  return out;
}

/** The key view cut into words once per message, shared by every gated set. */
export interface KeyWords {
  readonly text: string;
  /** offset of each word in `text` */
  readonly starts: readonly number[];
  readonly words: readonly string[];
  /** indexes (into `words`) of words long enough to be glued words: their inner positions are searched too */
  readonly long: readonly number[];
  /** word → offset where it occurs, or offsets if it occurs more than once (built on first use) */
  positions(): ReadonlyMap<string, number | number[]>;
}

const keyWordsCache = new WeakMap<object, KeyWords>();

/** keyWords, computed once per normalised text (several rule sets read the same words). */
export function keyWordsOf(owner: object, key: string): KeyWords {
  let kw = keyWordsCache.get(owner);
  if (kw === undefined || kw.text !== key) {
    kw = keyWords(key);
    keyWordsCache.set(owner, kw);
  }
  return kw;
}

export function keyWords(key: string): KeyWords {
  const starts: number[] = [];
  const words: string[] = [];
  const long: number[] = [];
  const n = key.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n) {
      const c = key.charCodeAt(j);
      if (c === 32 || c === 42) break; // space or '*'
      j++;
    }
    if (j > i) {
      if (j - i >= GLUED_WORD_LENGTH) long.push(words.length);
      starts.push(i);
      words.push(key.slice(i, j));
    }
    i = j + 1;
  }
  let positions: Map<string, number | number[]> | undefined;
  return {
    text: key,
    starts,
    words,
    long,
    positions() {
      if (positions === undefined) {
        positions = new Map();
        for (let k = 0; k < words.length; k++) {
          const w = words[k] ?? '';
          const at = starts[k] ?? 0;
          const ps = positions.get(w);
          // A number for a word seen once (most words): no array per word.
          if (ps === undefined) positions.set(w, at);
          else if (typeof ps === 'number') positions.set(w, [ps, at]);
          else ps.push(at);
        }
      }
      return positions;
    },
  };
}

/** Numeric key of a word's first two characters (no string allocation). */
function head(word: string, from = 0): number {
  return (word.charCodeAt(from) & 0xffff) * 65536 + (from + 1 < word.length ? word.charCodeAt(from + 1) & 0xffff : 0);
}

interface FirstGate {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

export class GatedTemplates {
  private readonly full: Int32Array;
  private readonly exactIndex = new Map<string, GateEntry[]>();
  private readonly prefixIndex = new Map<number, Array<{ prefix: string; entries: GateEntry[] }>>();
  private readonly ungated: number[] = [];
  /** per template: the first element's words, where matching may start */
  private readonly firstGates: Array<FirstGate | undefined> = [];
  /** per template: its gate groups (exact words and prefixes) */
  private readonly gateGroups: Array<ReadonlyArray<FirstGate>> = [];
  // Scratch space for candidates(): reset lazily by epoch, so nothing is cleared per call.
  private readonly mask: Int32Array;
  private readonly epochOf: Int32Array;
  private epoch = 0;

  constructor(readonly templates: readonly CompiledTemplate[]) {
    this.full = new Int32Array(templates.length);
    this.mask = new Int32Array(templates.length);
    this.epochOf = new Int32Array(templates.length);
    templates.forEach((t, ti) => {
      // Gates made of very common words ("i", "to", "my") pass for almost every message and
      // cost the most to mark; they are left out (the regex still checks them).
      const gates = t.gates.filter((g) => !g.some((a) => isCommonAnchor(a))).slice(0, MAX_GATES);
      this.full[ti] = gates.length === 0 ? 0 : (2 ** gates.length - 1) | 0;
      this.gateGroups.push(
        gates.map((g) => ({ exact: new Set(g.filter((a) => !a.prefix).map((a) => a.word)), prefixes: g.filter((a) => a.prefix).map((a) => a.word) })),
      );
      const g0 = t.firsts;
      this.firstGates.push(
        g0 !== null
          ? { exact: new Set(g0.filter((a) => !a.prefix).map((a) => a.word)), prefixes: g0.filter((a) => a.prefix).map((a) => a.word) }
          : undefined,
      );
      if (gates.length === 0) {
        this.ungated.push(ti);
        return;
      }
      gates.forEach((group, g) => {
        const entry: GateEntry = { template: ti, bit: (1 << g) | 0 };
        for (const a of group) {
          if (a.prefix) {
            const k = head(a.word);
            const list = this.prefixIndex.get(k) ?? [];
            let slot = list.find((x) => x.prefix === a.word);
            if (slot === undefined) {
              slot = { prefix: a.word, entries: [] };
              list.push(slot);
            }
            slot.entries.push(entry);
            this.prefixIndex.set(k, list);
          } else {
            const list = this.exactIndex.get(a.word) ?? [];
            list.push(entry);
            this.exactIndex.set(a.word, list);
          }
        }
      });
    });
  }

  get ungatedCount(): number {
    return this.ungated.length;
  }

  isUngated(index: number): boolean {
    return this.ungated.includes(index);
  }

  private mark(entries: readonly GateEntry[], epoch: number, touched: number[]): void {
    const { mask, epochOf } = this;
    for (const e of entries) {
      const t = e.template;
      if (epochOf[t] !== epoch) {
        epochOf[t] = epoch;
        mask[t] = 0;
        touched.push(t);
      }
      mask[t] = (mask[t] ?? 0) | e.bit;
    }
  }

  /** Templates whose every gate group has an anchor among the words of the text. */
  candidates(kw: KeyWords): Candidate[] {
    const epoch = (this.epoch = (this.epoch + 1) | 0);
    const { mask, exactIndex, prefixIndex } = this;
    const touched: number[] = [];
    for (const word of kw.words) {
      const list = exactIndex.get(word);
      if (list !== undefined) this.mark(list, epoch, touched);
      if (word.length < 2) continue;
      const pre = prefixIndex.get(head(word));
      if (pre !== undefined) for (const slot of pre) if (word.startsWith(slot.prefix)) this.mark(slot.entries, epoch, touched);
    }
    const inner: Array<[number, string]> = [];
    for (const w of kw.long) {
      const word = kw.words[w] ?? '';
      const pos = kw.starts[w] ?? 0;
      // A glued word may hide words inside it: look them up at every position (rare, bounded).
      for (let k = 1; k < word.length - 1; k++) {
        const pre = prefixIndex.get(head(word, k));
        if (pre !== undefined) for (const slot of pre) if (word.startsWith(slot.prefix, k)) this.mark(slot.entries, epoch, touched);
        for (let len = 1; len <= 16 && k + len <= word.length; len++) {
          const list = exactIndex.get(word.slice(k, k + len));
          if (list !== undefined) this.mark(list, epoch, touched);
        }
        inner.push([pos + k, word.slice(k)]);
      }
    }
    const out: Candidate[] = [];
    for (const ti of this.ungated) out.push({ index: ti, starts: undefined, kw, inner });
    for (const ti of touched) if (mask[ti] === this.full[ti]) out.push({ index: ti, starts: undefined, kw, inner });
    if (out.length > 1) out.sort(byIndex);
    return out;
  }

  /**
   * One template's candidate, checking only its own gates (cheaper than candidates() when a
   * few templates of a large set are needed). Glued words fall back to a whole-text scan.
   */
  candidateFor(index: number, kw: KeyWords): Candidate | undefined {
    if (kw.long.length > 0) return { index, starts: null, kw, inner: [] };
    const positions = kw.positions();
    for (const group of this.gateGroups[index] ?? []) {
      let ok = false;
      for (const w of group.exact) {
        if (positions.has(w)) {
          ok = true;
          break;
        }
      }
      for (let q = 0; !ok && q < group.prefixes.length; q++) {
        const p = group.prefixes[q] ?? '';
        for (const w of kw.words) {
          if (w.startsWith(p)) {
            ok = true;
            break;
          }
        }
      }
      if (!ok) return undefined;
    }
    return { index, starts: undefined, kw, inner: [] };
  }

  /** Match spans of one candidate in `text` (the key view, or the words view for exact templates). */
  spans(candidate: Candidate, text: string, onKeyView: boolean): Span[] {
    const t = this.templates[candidate.index];
    if (t === undefined) return [];
    if (!onKeyView) return spansOf(t.regex, text);
    if (candidate.starts === undefined) {
      const fg = this.firstGates[candidate.index];
      candidate.starts = fg === undefined ? null : startsOf(fg, candidate.kw, candidate.inner);
    }
    return candidate.starts !== null ? stickySpans(t.sticky, text, candidate.starts) : spansOf(t.regex, text);
  }

  /** All match spans of every template, on the key view. */
  allSpans(kw: KeyWords): Span[] {
    const out: Span[] = [];
    for (const c of this.candidates(kw)) out.push(...this.spans(c, kw.text, true));
    return out;
  }

  /** Whether any template matches the key view. */
  any(kw: KeyWords): boolean {
    for (const c of this.candidates(kw)) if (this.spans(c, kw.text, true).length > 0) return true;
    return false;
  }
}

/** Positions of words that can begin a match (exact first word, or a prefix of one). */
function startsOf(fg: FirstGate, kw: KeyWords, inner: ReadonlyArray<readonly [number, string]>): number[] {
  const out: number[] = [];
  const { words, starts } = kw;
  if (fg.prefixes.length === 0 && fg.exact.size < words.length) {
    const positions = kw.positions();
    for (const w of fg.exact) {
      const ps = positions.get(w);
      if (ps === undefined) continue;
      if (typeof ps === 'number') out.push(ps);
      else for (const p of ps) out.push(p);
    }
    if (out.length > 1) out.sort(ascending);
  } else {
    for (let k = 0; k < words.length; k++) {
      const word = words[k] ?? '';
      let ok = fg.exact.has(word);
      for (let q = 0; !ok && q < fg.prefixes.length; q++) ok = word.startsWith(fg.prefixes[q] ?? '\u0000');
      if (ok) out.push(starts[k] ?? 0);
    }
  }
  if (kw.long.length === 0 && inner.length === 0) return out;
  for (const w of kw.long) if (gluedStart(fg, kw.words[w] ?? '')) out.push(kw.starts[w] ?? 0);
  for (const [pos, word] of inner) if (gluedStart(fg, word)) out.push(pos);
  out.sort(ascending);
  return out.filter(unique);
}

function byIndex(a: Candidate, b: Candidate): number {
  return a.index - b.index;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function unique(p: number, i: number, all: readonly number[]): boolean {
  return i === 0 || all[i - 1] !== p;
}

/** A glued word: an exact first word or prefix may begin its remaining letters. */
function gluedStart(fg: FirstGate, word: string): boolean {
  for (const w of fg.exact) if (word.startsWith(w)) return true;
  for (const p of fg.prefixes) if (word.startsWith(p)) return true;
  return false;
}
