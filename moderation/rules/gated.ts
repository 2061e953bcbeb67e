/**
 * A set of compiled templates behind word gates. Given a text's `key` view,
 * it finds which templates could match (every gate group has a word present)
 * and where matching could start, then runs only those regexes, only there.
 * This is what keeps hundreds of phrase rules cheap on ordinary messages.
 */
import { isCommonAnchor, type Anchor, type ClauseGate, type CompiledTemplate } from './template.js';

export type Span = readonly [number, number];

/** One gate group of one template that an anchor word satisfies. */
interface GateEntry {
  readonly template: number;
  readonly bit: number;
}

/** At most this many gate groups per template are used (bits of a 32-bit mask). */
const MAX_GATES = 30;
/** Number of GatedTemplates made so far (each gets the next id, an index into WordInfo.entries). */
let setCount = 0;
const NO_ENTRIES: readonly GateEntry[] = [];
/** Shared by every candidate of a message without glued words (never written: only long words add to it). */
const NO_INNER: Array<[number, string]> = [];
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
  /** first two characters (see head()) → indexes of the words of two or more characters that begin so (built on first use) */
  heads(): ReadonlyMap<number, readonly number[]>;
  /** each word's remembered gate flags, in word order (built on first use) */
  infos(): readonly WordInfo[];
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
  let heads: Map<number, number[]> | undefined;
  let infos: WordInfo[] | undefined;
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
    heads() {
      if (heads === undefined) {
        heads = new Map();
        for (let k = 0; k < words.length; k++) {
          const w = words[k] ?? '';
          if (w.length < 2) continue;
          const h = head(w);
          const list = heads.get(h);
          if (list === undefined) heads.set(h, [k]);
          else list.push(k);
        }
      }
      return heads;
    },
    infos() {
      if (infos === undefined) {
        infos = new Array<WordInfo>(words.length);
        for (let k = 0; k < words.length; k++) infos[k] = wordInfo(words[k] ?? '');
      }
      return infos;
    },
  };
}

/** A key view of plain words: each regex word is exactly one of its words. */
const PLAIN_KEY = /^[a-z0-9 ]*$/;

/** Whether every word of some clause is among the words of the text. */
function clauseHolds(clauses: ClauseGate['clauses'], kw: KeyWords): boolean {
  const positions = kw.positions();
  for (const clause of clauses) {
    let all = true;
    for (const a of clause) {
      if (a.prefix ? !kw.words.some((w) => w.startsWith(a.word)) : !positions.has(a.word)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/** The number of words in a clause group's shortest clause. */
function shortestClause(clauses: ClauseGate['clauses']): number {
  let min = Infinity;
  for (const c of clauses) if (c.length < min) min = c.length;
  return min;
}

/** Numeric key of a word's first two characters (no string allocation). */
function head(word: string, from = 0): number {
  return (word.charCodeAt(from) & 0xffff) * 65536 + (from + 1 < word.length ? word.charCodeAt(from + 1) & 0xffff : 0);
}

interface FirstGate {
  /** index into every word's gate flags (see WordInfo); -1 for gates that are not interned */
  readonly id: number;
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  /** the prefixes again, by their first two characters (one-character prefixes in `short`) */
  readonly byHead: ReadonlyMap<number, readonly string[]>;
  readonly short: readonly string[];
  /** start positions for the last message (key words without glued words only) */
  lastKw: KeyWords | undefined;
  lastStarts: readonly number[];
}

function firstGate(anchors: readonly Anchor[], id = -1): FirstGate {
  const prefixes = anchors.filter((a) => a.prefix).map((a) => a.word);
  const byHead = new Map<number, string[]>();
  const short: string[] = [];
  for (const p of prefixes) {
    if (p.length < 2) {
      short.push(p);
      continue;
    }
    const list = byHead.get(head(p)) ?? [];
    list.push(p);
    byHead.set(head(p), list);
  }
  return { id, exact: new Set(anchors.filter((a) => !a.prefix).map((a) => a.word)), prefixes, byHead, short, lastKw: undefined, lastStarts: [] };
}

/** Whether a word is one of the gate's exact words or starts with one of its prefixes. */
function startsGate(fg: FirstGate, word: string): boolean {
  if (fg.exact.has(word)) return true;
  for (const p of fg.short) if (word.startsWith(p)) return true;
  if (word.length < 2) return false;
  const list = fg.byHead.get(head(word));
  if (list !== undefined) for (const p of list) if (word.startsWith(p)) return true;
  return false;
}

/** Number of interned gates made so far (each gets the next id). */
let gateCount = 0;

/**
 * One distinct word, remembered across messages: for each gate (by id), whether the word can
 * begin a match (0: not yet known, 1: no, 2: yes). Message vocabularies repeat, so each
 * (word, gate) pair is tested once, then read from an array.
 */
export interface WordInfo {
  readonly word: string;
  flags: Uint8Array;
  /** per GatedTemplates (by id): the gate entries this word satisfies */
  readonly entries: Array<readonly GateEntry[] | undefined>;
}

const wordInfos = new Map<string, WordInfo>();
const WORD_INFO_LIMIT = 10000;

function wordInfo(word: string): WordInfo {
  let info = wordInfos.get(word);
  if (info === undefined) {
    info = { word, flags: new Uint8Array(gateCount), entries: [] };
    if (wordInfos.size >= WORD_INFO_LIMIT) wordInfos.clear();
    wordInfos.set(word, info);
  }
  return info;
}

/** startsGate, remembered per word and gate. */
function startsGateInfo(fg: FirstGate, info: WordInfo): boolean {
  if (fg.id < 0) return startsGate(fg, info.word);
  let flags = info.flags;
  if (fg.id >= flags.length) {
    const grown = new Uint8Array(Math.max(gateCount, fg.id + 1));
    grown.set(flags);
    info.flags = flags = grown;
  }
  let v = flags[fg.id] ?? 0;
  if (v === 0) {
    v = startsGate(fg, info.word) ? 2 : 1;
    flags[fg.id] = v;
  }
  return v === 2;
}

/**
 * Gates are interned: templates that begin with the same words (`{I} …` in many rules) share
 * one gate object, and with it the start positions computed for the current message.
 */
const internedGates = new Map<string, FirstGate>();

function internGate(anchors: readonly Anchor[]): FirstGate {
  const key = anchors
    .map((a) => `${a.prefix ? '^' : '='}${a.word}`)
    .sort()
    .join(' ');
  let g = internedGates.get(key);
  if (g === undefined) {
    g = firstGate(anchors, gateCount++);
    internedGates.set(key, g);
  }
  return g;
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
  /** templates with clause gates (see CompiledTemplate.clauseGates), checked after marking */
  private readonly clauseTemplates: Array<{
    readonly index: number;
    /** bits of the ordinary gates, which must all be marked first */
    readonly plainBits: number;
    readonly groups: ReadonlyArray<{ readonly bit: number; readonly clauses: ClauseGate['clauses'] }>;
  }> = [];
  private readonly hasClauses: Uint8Array;
  private lastAll: { readonly kw: KeyWords; readonly spans: readonly Span[] } | undefined;
  /** template → its index in clauseTemplates */
  private readonly clauseSlot: Int32Array;
  /** templates gated by clause gates only */
  private readonly clauseOnly: number[] = [];
  /** word → the gate entries it satisfies (a bounded memo: message vocabularies repeat) */
  private readonly id = setCount++;
  /** per template: the `A ~N B` prefilter (see CompiledTemplate.follow) */
  private readonly follows: Array<{ readonly gate: FirstGate; readonly reach: number } | undefined> = [];
  // Scratch space for candidates(): reset lazily by epoch, so nothing is cleared per call.
  private readonly mask: Int32Array;
  private readonly epochOf: Int32Array;
  private epoch = 0;

  constructor(readonly templates: readonly CompiledTemplate[]) {
    this.full = new Int32Array(templates.length);
    this.mask = new Int32Array(templates.length);
    this.epochOf = new Int32Array(templates.length);
    this.hasClauses = new Uint8Array(templates.length);
    this.clauseSlot = new Int32Array(templates.length).fill(-1);
    templates.forEach((t, ti) => {
      // Gates made of very common words ("i", "to", "my") pass for almost every message and
      // cost the most to mark; they are left out of the index (the regex still checks them).
      const gates = t.gates.filter((g) => !g.some((a) => isCommonAnchor(a))).slice(0, MAX_GATES);
      // Such groups can still gate as clause gates: a rare anchor marked like any gate, or
      // every word of one common-only alternative present (checked after marking).
      // Only for templates with no ordinary gate: elsewhere the ordinary gates already filter
      // nearly everything, and checking clauses would cost more than it saves.
      const clauseGates = gates.length === 0 && t.clauseGates.length <= MAX_GATES ? t.clauseGates : [];
      const bits = gates.length + clauseGates.length;
      this.full[ti] = bits === 0 ? 0 : (2 ** bits - 1) | 0;
      if (clauseGates.length > 0) {
        this.hasClauses[ti] = gates.length === 0 ? 2 : 1;
        if (gates.length === 0) this.clauseOnly.push(ti);
        this.clauseSlot[ti] = this.clauseTemplates.length;
        this.clauseTemplates.push({
          index: ti,
          plainBits: gates.length === 0 ? 0 : (2 ** gates.length - 1) | 0,
          // Groups whose clauses are all single words ({I}: "i", "me", "my") hold for almost every
          // message: check the others first so a failing template is rejected early (same result).
          groups: clauseGates
            .map((cg, i) => ({ bit: (1 << (gates.length + i)) | 0, clauses: cg.clauses }))
            .sort((a, b) => shortestClause(b.clauses) - shortestClause(a.clauses)),
        });
      }
      this.gateGroups.push(gates.map(firstGate));
      this.firstGates.push(t.firsts !== null ? internGate(t.firsts) : undefined);
      // For the follow check every anchor is taken as a prefix: a superset of what the regex accepts, so always safe.
      this.follows.push(t.follow !== null ? { gate: internGate(t.follow.anchors.map((a) => ({ word: a.word, prefix: true }))), reach: t.follow.reach } : undefined);
      if (bits === 0) {
        this.ungated.push(ti);
        return;
      }
      [...gates, ...clauseGates.map((cg) => cg.rare)].forEach((group, g) => {
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
    const id = this.id;
    for (const info of kw.infos()) {
      let entries = info.entries[id];
      if (entries === undefined) {
        const word = info.word;
        // Every gate entry a word satisfies (exact and prefix), looked up once per distinct word.
        const found: GateEntry[] = [...(exactIndex.get(word) ?? [])];
        const pre = word.length < 2 ? undefined : prefixIndex.get(head(word));
        if (pre !== undefined) for (const slot of pre) if (word.startsWith(slot.prefix)) found.push(...slot.entries);
        entries = found.length > 0 ? found : NO_ENTRIES;
        while (info.entries.length < id) info.entries.push(undefined);
        info.entries[id] = entries;
      }
      if (entries.length > 0) this.mark(entries, epoch, touched);
    }
    // Most messages have no glued words: share one empty list rather than allocate one.
    const inner: Array<[number, string]> = kw.long.length === 0 ? NO_INNER : [];
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
    // Clause gates are exact only when the key view's words are the regex's words.
    let exactWords: boolean | undefined;
    const clausesPass = (ti: number): boolean => {
      const ct = this.clauseTemplates[this.clauseSlot[ti] ?? -1];
      if (ct === undefined) return false;
      let m = this.epochOf[ti] === epoch ? (mask[ti] ?? 0) : 0;
      if ((m & ct.plainBits) !== ct.plainBits) return false;
      for (const g of ct.groups) {
        if ((m & g.bit) !== 0) continue;
        exactWords ??= kw.long.length === 0 && PLAIN_KEY.test(kw.text);
        if (!exactWords || clauseHolds(g.clauses, kw)) m |= g.bit;
        else return false;
      }
      return m === this.full[ti];
    };
    for (const ti of touched) {
      const kind = this.hasClauses[ti];
      // kind 0: ordinary gates only; 1: clause gates after ordinary gates (touched when those are);
      // 2: clause gates only (checked below whether touched or not).
      if (kind === 0 ? mask[ti] === this.full[ti] : kind === 1 && clausesPass(ti)) out.push({ index: ti, starts: undefined, kw, inner });
    }
    for (const ti of this.clauseOnly) if (clausesPass(ti)) out.push({ index: ti, starts: undefined, kw, inner });
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
    return { index, starts: undefined, kw, inner: NO_INNER };
  }

  /** Match spans of one candidate in `text` (the key view, or the words view for exact templates). */
  spans(candidate: Candidate, text: string, onKeyView: boolean): Span[] {
    const t = this.templates[candidate.index];
    if (t === undefined) return [];
    if (!onKeyView) return spansOf(t.regex, text);
    if (candidate.starts === undefined) {
      const fg = this.firstGates[candidate.index];
      candidate.starts = fg === undefined ? null : startsOf(fg, candidate.kw, candidate.inner);
      const follow = this.follows[candidate.index];
      if (candidate.starts !== null && follow !== undefined) candidate.starts = followed(candidate.starts, follow.gate, follow.reach, candidate.kw);
    }
    return candidate.starts !== null ? stickySpans(t.sticky, text, candidate.starts) : spansOf(t.regex, text);
  }

  /** All match spans of every template, on the key view. */
  allSpans(kw: KeyWords): readonly Span[] {
    // Remembered for the last message: rule sets that share these templates (the benign idioms)
    // ask for the same spans.
    if (this.lastAll?.kw === kw) return this.lastAll.spans;
    const out: Span[] = [];
    for (const c of this.candidates(kw)) out.push(...this.spans(c, kw.text, true));
    this.lastAll = { kw, spans: out };
    return out;
  }

  /** Whether any template matches the key view. */
  any(kw: KeyWords): boolean {
    for (const c of this.candidates(kw)) if (this.spans(c, kw.text, true).length > 0) return true;
    return false;
  }
}

/** Positions of words that can begin a match (exact first word, or a prefix of one). */
function startsOf(fg: FirstGate, kw: KeyWords, inner: ReadonlyArray<readonly [number, string]>): readonly number[] {
  // Without glued words `inner` is always empty, so the starts depend on the gate and the words only.
  if (kw.long.length === 0 && inner.length === 0) {
    if (fg.lastKw === kw) return fg.lastStarts;
    const starts = startsOfWords(fg, kw);
    fg.lastKw = kw;
    fg.lastStarts = starts;
    return starts;
  }
  const out = startsOfWords(fg, kw);
  for (const w of kw.long) if (gluedStart(fg, kw.words[w] ?? '')) out.push(kw.starts[w] ?? 0);
  for (const [pos, word] of inner) if (gluedStart(fg, word)) out.push(pos);
  out.sort(ascending);
  return out.filter(unique);
}

/** Offsets of the (whole) words that can begin a match, ascending. */
function startsOfWords(fg: FirstGate, kw: KeyWords): number[] {
  // One pass over the message's words, reading each word's remembered flag for this gate
  // (ascending and unique by construction).
  const out: number[] = [];
  const { starts } = kw;
  const infos = kw.infos();
  const id = fg.id;
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k];
    if (info === undefined) continue;
    // The remembered flag when known (2: yes, 1: no), otherwise test and remember it.
    const v = id >= 0 && id < info.flags.length ? info.flags[id] : 0;
    if (v === 2 || (v === 0 && startsGateInfo(fg, info))) out.push(starts[k] ?? 0);
  }
  return out;
}

/**
 * Keep the starts from which the template's second element can be reached: one of its
 * first words must begin one of the next `reach` words. Only when the key view's words
 * are exactly the regex's words (no glued words, no '*' inside a word); otherwise all starts.
 */
function followed(starts: readonly number[], gate: FirstGate, reach: number, kw: KeyWords): readonly number[] {
  if (starts.length === 0 || kw.long.length > 0 || kw.text.includes('*')) return starts;
  const { words, starts: offsets } = kw;
  const infos = kw.infos();
  const out: number[] = [];
  let k = 0;
  for (const p of starts) {
    while (k < offsets.length && (offsets[k] ?? 0) < p) k++;
    if ((offsets[k] ?? -1) !== p) {
      out.push(p); // not a word start (cannot happen without glued words): keep it
      continue;
    }
    const last = Math.min(words.length - 1, k + reach);
    for (let j = k + 1; j <= last; j++) {
      const info = infos[j];
      if (info !== undefined && startsGateInfo(gate, info)) {
        out.push(p);
        break;
      }
    }
  }
  return out;
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
