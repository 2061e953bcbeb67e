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
  /** each word's remembered record (gate entries), in word order */
  readonly infos: readonly WordInfo[];
  /** each word's record id, in word order (an index into every gate's start flags) */
  readonly ids: Int32Array;
  /**
   * This message's stamp: every word of the text has `seen === stamp` on its record, so
   * "is this word in the message" is one comparison (see has()). Valid until the next
   * keyWords() call, which is why presence checks also compare it with `currentStamp`.
   */
  readonly stamp: number;
  /** whether every key word is exactly one regex word (no glued words, only a-z, 0-9 and spaces); computed on first use */
  plain: boolean | undefined;
}

// One-slot cache: the local stages check one message at a time, synchronously, and every
// rule set of that message asks for the same words (a WeakMap cost more than it saved).
let lastOwner: object | undefined;
let lastKw: KeyWords | undefined;

/** keyWords, computed once per normalised text (several rule sets read the same words). */
export function keyWordsOf(owner: object, key: string): KeyWords {
  if (lastOwner === owner && lastKw !== undefined && lastKw.text === key && lastKw.stamp === currentStamp) return lastKw;
  lastKw = keyWords(key);
  lastOwner = owner;
  return lastKw;
}

/** Stamp of the most recent keyWords() (see KeyWords.stamp). */
let currentStamp = 0;

export function keyWords(key: string): KeyWords {
  // The memo is trimmed only here, between messages, so a message's own words (and the
  // anchor words every gate holds on to) are always in it while the message is checked.
  trimWordInfos();
  const stamp = (currentStamp = (currentStamp + 1) | 0);
  const starts: number[] = [];
  const words: string[] = [];
  const infos: WordInfo[] = [];
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
      const word = key.slice(i, j);
      const info = wordInfo(word);
      info.seen = stamp;
      starts.push(i);
      words.push(word);
      infos.push(info);
    }
    i = j + 1;
  }
  const ids = new Int32Array(infos.length);
  for (let k = 0; k < infos.length; k++) ids[k] = infos[k]?.id ?? 0;
  return { text: key, starts, words, long, infos, ids, stamp, plain: undefined };
}

/** Whether the word occurs in the message (exact word). */
function has(kw: KeyWords, info: WordInfo): boolean {
  if (kw.stamp === currentStamp) return info.seen === kw.stamp;
  return kw.words.includes(info.word); // an older message's words: stamps have moved on
}

/** Whether some word of the message begins with the prefix. */
function hasPrefix(kw: KeyWords, prefix: string): boolean {
  for (const w of kw.words) if (w.startsWith(prefix)) return true;
  return false;
}

/** A key view of plain words: each regex word is exactly one of its words. */
const PLAIN_KEY = /^[a-z0-9 ]*$/;

function isPlain(kw: KeyWords): boolean {
  if (kw.plain === undefined) kw.plain = kw.long.length === 0 && PLAIN_KEY.test(kw.text);
  return kw.plain;
}

/** Whether every word of some clause is among the words of the text. */
function clauseHolds(clauses: ReadonlyArray<readonly ClauseWord[]>, kw: KeyWords): boolean {
  for (const clause of clauses) {
    let all = true;
    for (const a of clause) {
      if (a.prefix ? !hasPrefix(kw, a.word) : !has(kw, a.info)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/** A clause's anchor with its word's record held on to (exact words only). */
interface ClauseWord {
  readonly word: string;
  readonly prefix: boolean;
  readonly info: WordInfo;
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
  /** interned gates: >= 0; -1 for gates that are not interned (they keep no start flags) */
  readonly id: number;
  /** by word record id (see WordInfo): whether the word can begin a match (0: not yet known, 1: no, 2: yes) */
  table: Uint8Array;
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
  return { id, exact: new Set(anchors.filter((a) => !a.prefix).map((a) => a.word)), prefixes, byHead, short, lastKw: undefined, lastStarts: [], table: new Uint8Array(0) };
}

/** One gate group of one template, for candidateFor(): its exact words' records and its prefixes. */
interface GateGroup {
  readonly exact: readonly WordInfo[];
  readonly prefixes: readonly string[];
}

function gateGroup(anchors: readonly Anchor[]): GateGroup {
  return { exact: anchors.filter((a) => !a.prefix).map((a) => pinnedInfo(a.word)), prefixes: anchors.filter((a) => a.prefix).map((a) => a.word) };
}

function clauseWords(clause: readonly Anchor[]): ClauseWord[] {
  return clause.map((a) => ({ word: a.word, prefix: a.prefix, info: pinnedInfo(a.word) }));
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
 * One distinct word, remembered across messages: its id (an index into every gate's start
 * flags: whether the word can begin a match, tested once per word and gate, then read from a
 * Uint8Array) and, per gated set, the gate entries it satisfies. Message vocabularies repeat,
 * so each word is worked out once.
 */
export interface WordInfo {
  readonly word: string;
  /** index into FirstGate.table; renumbered when the memo is trimmed */
  id: number;
  /** per GatedTemplates (by id): the gate entries this word satisfies */
  readonly entries: Array<readonly GateEntry[] | undefined>;
  /** stamp of the last message the word occurred in (see KeyWords.stamp) */
  seen: number;
  /** whether the word passes the abusive-language gate (phases/abusive-language.ts): 0 not yet known, 1 no, 2 yes */
  abusive: number;
  /** digits the word can add to a spelled-out phone number (phases/contact-details.ts): -1 not yet known */
  phoneDigits: number;
  /** the local models' indexes for the word (phases/local-model.ts): -3 not yet known */
  model: number;
  urgency: number;
}

const wordInfos = new Map<string, WordInfo>();
/** Records gates hold on to (their exact anchor words): kept when the memo is trimmed. */
const pinnedInfos = new Map<string, WordInfo>();
const WORD_INFO_LIMIT = 10000;
let nextWordId = 0;

function wordInfo(word: string): WordInfo {
  let info = wordInfos.get(word);
  if (info === undefined) {
    info = { word, id: nextWordId++, entries: [], seen: 0, abusive: 0, phoneDigits: -1, model: -3, urgency: -3 };
    wordInfos.set(word, info);
  }
  return info;
}

/** A word's record that is never dropped from the memo (for anchor words gates check directly). */
function pinnedInfo(word: string): WordInfo {
  const info = wordInfo(word);
  pinnedInfos.set(word, info);
  return info;
}

/** Bound the memo (odd input cannot grow it): start again from the pinned records, renumbered. */
function trimWordInfos(): void {
  if (wordInfos.size < WORD_INFO_LIMIT + pinnedInfos.size) return;
  wordInfos.clear();
  nextWordId = 0;
  for (const [word, info] of pinnedInfos) {
    info.id = nextWordId++;
    wordInfos.set(word, info);
  }
  for (const g of internedGates.values()) g.table.fill(0);
}

/** The gate's start flag for a word record id (2: can begin a match, 1: cannot), tested on first use. */
function startFlag(fg: FirstGate, id: number, word: string): number {
  let table = fg.table;
  if (id >= table.length) {
    const grown = new Uint8Array(Math.max(id + 1, table.length * 2, 256));
    grown.set(table);
    fg.table = table = grown;
  }
  let v = table[id] ?? 0;
  if (v === 0) {
    v = startsGate(fg, word) ? 2 : 1;
    table[id] = v;
  }
  return v;
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
  /** per template: its gate groups (exact words, by their records, and prefixes) */
  private readonly gateGroups: Array<ReadonlyArray<GateGroup>> = [];
  /** templates with clause gates (see CompiledTemplate.clauseGates), checked after marking */
  private readonly clauseTemplates: Array<{
    readonly index: number;
    /** bits of the ordinary gates, which must all be marked first */
    readonly plainBits: number;
    readonly groups: ReadonlyArray<{ readonly bit: number; readonly clauses: ReadonlyArray<readonly ClauseWord[]> }>;
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
            .map((cg, i) => ({ bit: (1 << (gates.length + i)) | 0, clauses: cg.clauses.map(clauseWords) }))
            .sort((a, b) => shortestClause(b.clauses) - shortestClause(a.clauses)),
        });
      }
      this.gateGroups.push(gates.map(gateGroup));
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
    for (const info of kw.infos) {
      const entries = info.entries[id] ?? this.entriesOf(info);
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
    // Template indexes that pass, then sorted (numbers, not candidate objects).
    const passed: number[] = [...this.ungated];
    for (const ti of touched) {
      const kind = this.hasClauses[ti];
      // kind 0: ordinary gates only; 1: clause gates after ordinary gates (touched when those are);
      // 2: clause gates only (checked below whether touched or not).
      if (kind === 0 ? mask[ti] === this.full[ti] : kind === 1 && this.clausesPass(ti, epoch, kw)) passed.push(ti);
    }
    for (const ti of this.clauseOnly) if (this.clausesPass(ti, epoch, kw)) passed.push(ti);
    if (passed.length > 1) sortNumbers(passed);
    const out: Candidate[] = new Array<Candidate>(passed.length);
    for (let k = 0; k < passed.length; k++) out[k] = { index: passed[k] ?? 0, starts: undefined, kw, inner };
    return out;
  }

  /** Every gate entry a word satisfies (exact and prefix), worked out once per distinct word and remembered on its record. */
  private entriesOf(info: WordInfo): readonly GateEntry[] {
    const word = info.word;
    const found: GateEntry[] = [...(this.exactIndex.get(word) ?? [])];
    const pre = word.length < 2 ? undefined : this.prefixIndex.get(head(word));
    if (pre !== undefined) for (const slot of pre) if (word.startsWith(slot.prefix)) found.push(...slot.entries);
    const entries = found.length > 0 ? found : NO_ENTRIES;
    while (info.entries.length < this.id) info.entries.push(undefined);
    info.entries[this.id] = entries;
    return entries;
  }

  /** A template with clause gates: its ordinary gates are all marked and every clause group holds. */
  private clausesPass(ti: number, epoch: number, kw: KeyWords): boolean {
    const ct = this.clauseTemplates[this.clauseSlot[ti] ?? -1];
    if (ct === undefined) return false;
    let m = this.epochOf[ti] === epoch ? (this.mask[ti] ?? 0) : 0;
    if ((m & ct.plainBits) !== ct.plainBits) return false;
    for (const g of ct.groups) {
      if ((m & g.bit) !== 0) continue;
      // Clause gates are exact only when the key view's words are the regex's words.
      if (!isPlain(kw) || clauseHolds(g.clauses, kw)) m |= g.bit;
      else return false;
    }
    return m === this.full[ti];
  }

  /**
   * One template's candidate, checking only its own gates (cheaper than candidates() when a
   * few templates of a large set are needed). Glued words fall back to a whole-text scan.
   */
  candidateFor(index: number, kw: KeyWords): Candidate | undefined {
    if (kw.long.length > 0) return { index, starts: null, kw, inner: [] };
    for (const group of this.gateGroups[index] ?? []) {
      let ok = false;
      for (const info of group.exact) {
        if (has(kw, info)) {
          ok = true;
          break;
        }
      }
      for (let q = 0; !ok && q < group.prefixes.length; q++) ok = hasPrefix(kw, group.prefixes[q] ?? '');
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
  const out: number[] = [];
  const { starts, words } = kw;
  if (fg.id < 0 || kw.stamp !== currentStamp) {
    // Not interned, or an older message's words (their ids may be stale): test each word.
    for (let k = 0; k < words.length; k++) if (startsGate(fg, words[k] ?? '')) out.push(starts[k] ?? 0);
    return out;
  }
  // One pass over the message's word ids, reading the gate's remembered flag for each
  // (ascending and unique by construction).
  const { ids } = kw;
  const table = fg.table;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] ?? 0;
    const v = id < table.length ? (table[id] ?? 0) : 0;
    if (v === 2 || (v === 0 && startFlag(fg, id, words[k] ?? '') === 2)) out.push(starts[k] ?? 0);
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
  const { words, starts: offsets, ids } = kw;
  // Record ids are only current for the latest message's words (see startsOfWords).
  const fresh = kw.stamp === currentStamp && gate.id >= 0;
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
      if (fresh ? startFlag(gate, ids[j] ?? 0, words[j] ?? '') === 2 : startsGate(gate, words[j] ?? '')) {
        out.push(p);
        break;
      }
    }
  }
  return out;
}

/** Sort a short list of numbers in place, ascending (insertion sort: lists here hold a few dozen at most). */
function sortNumbers(xs: number[]): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (xs[j] ?? 0) > x) {
      xs[j + 1] = xs[j] ?? 0;
      j--;
    }
    xs[j + 1] = x;
  }
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
