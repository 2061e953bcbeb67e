/**
 * Stage 1: normalise once, keeping a map back to the original offsets.
 *
 * Three views are built, each a string plus, for every UTF-16 unit, the
 * [start, end) of the original text it came from:
 *
 *  - `lite`:  compatibility-decomposed (NFKD per code point, then combining
 *             marks removed: NFKC without the accents), lower-case, homoglyphs
 *             folded, zero-width and format characters removed, control
 *             characters turned into spaces. Digits and punctuation are kept,
 *             so contact details (phone numbers, emails, postcodes) are found here.
 *  - `words`: `lite` cut into words and re-joined with single spaces: leetspeak
 *             resolved inside words (`k1ll` → kill), apostrophes dropped
 *             (`don't` → dont), letters split by spaces or symbols joined
 *             (`k i l l`, `s.u.i.c.i.d.e`), and slang expanded (`kms` → kill
 *             myself, `wanna` → want to, `sh` → self harm in context).
 *             The abusive-language library runs here.
 *  - `key`:   `words` with every run of a repeated letter squeezed to one
 *             (`diiiie` → die, `kill` → kil). Safeguarding rules are compiled
 *             through the same squeeze, so they match here.
 *
 * No I/O and no regex with nested quantifiers: everything is a single pass or
 * a bounded lookup, so cost is linear in the length of the text.
 */

export interface TextView {
  readonly text: string;
  /** For each UTF-16 unit of `text`: start offset of its source in the original. */
  readonly start: ArrayLike<number>;
  /** For each UTF-16 unit of `text`: end offset (exclusive) of its source in the original. */
  readonly end: ArrayLike<number>;
}

export interface NormalisedText {
  readonly original: string;
  readonly lite: TextView;
  readonly words: TextView;
  readonly key: TextView;
}

export interface NormaliseOptions {
  /**
   * Words used to split glued runs of single letters back into words
   * (`k i l l m y s e l f` → kill myself). Defaults to a built-in list.
   */
  readonly vocabulary?: ReadonlySet<string>;
}

/** Map a [start, end) span of a view back to [start, end) in the original text. */
export function toOriginalSpan(view: TextView, start: number, end: number): [number, number] {
  if (view.text.length === 0) return [0, 0];
  const s = Math.max(0, Math.min(start, view.text.length - 1));
  const e = Math.max(s, Math.min(end, view.text.length) - 1);
  const os = view.start[s] ?? 0;
  const oe = view.end[e] ?? os;
  return [os, Math.max(os, oe)];
}

// ---------------------------------------------------------------------------
// Code point folding (lite view)
// ---------------------------------------------------------------------------

/** Look-alike letters NFKD leaves alone: Cyrillic, Greek, small capitals, ligatures, quotes. */
const CONFUSABLES: Readonly<Record<number, string>> = buildConfusables();

function buildConfusables(): Record<number, string> {
  const pairs: Array<[string, string]> = [
    // Cyrillic
    ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ё', 'e'], ['к', 'k'], ['м', 'm'], ['н', 'h'], ['о', 'o'],
    ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'], ['х', 'x'], ['і', 'i'], ['ї', 'i'], ['ј', 'j'],
    ['ѕ', 's'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'], ['ү', 'y'], ['һ', 'h'], ['ɡ', 'g'], ['ь', 'b'],
    // Greek
    ['α', 'a'], ['β', 'b'], ['ε', 'e'], ['η', 'n'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'],
    ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['γ', 'y'], ['ω', 'w'], ['μ', 'u'], ['ϲ', 'c'],
    // Latin small capitals and other look-alikes
    ['ᴀ', 'a'], ['ʙ', 'b'], ['ᴄ', 'c'], ['ᴅ', 'd'], ['ᴇ', 'e'], ['ꜰ', 'f'], ['ɢ', 'g'], ['ʜ', 'h'],
    ['ɪ', 'i'], ['ᴊ', 'j'], ['ᴋ', 'k'], ['ʟ', 'l'], ['ᴍ', 'm'], ['ɴ', 'n'], ['ᴏ', 'o'], ['ᴘ', 'p'],
    ['ǫ', 'q'], ['ʀ', 'r'], ['ꜱ', 's'], ['ᴛ', 't'], ['ᴜ', 'u'], ['ᴠ', 'v'], ['ᴡ', 'w'], ['ʏ', 'y'],
    ['ᴢ', 'z'], ['ɑ', 'a'], ['ı', 'i'], ['ſ', 's'], ['ł', 'l'], ['đ', 'd'], ['ø', 'o'], ['ß', 'ss'],
    ['æ', 'ae'], ['œ', 'oe'], ['þ', 'th'], ['ð', 'd'], ['ħ', 'h'],
    // Punctuation young people's keyboards produce
    ['\u2018', "'"], ['\u2019', "'"], ['\u201B', "'"], ['\u2032', "'"], ['\u02BC', "'"], ['`', "'"],
    ['\u201C', '"'], ['\u201D', '"'], ['\u2013', '-'], ['\u2014', '-'], ['\u2212', '-'], ['\u2022', '.'],
  ];
  const map: Record<number, string> = {};
  for (const [from, to] of pairs) map[from.codePointAt(0) ?? 0] = to;
  const a = 'a'.charCodeAt(0);
  for (let k = 0; k < 26; k++) {
    const letter = String.fromCharCode(a + k);
    map[0x1f1e6 + k] = letter; // regional indicator symbols 🇦..🇿
    map[0x1f150 + k] = letter; // negative circled capitals 🅐..🅩
    map[0x1f170 + k] = letter; // negative squared capitals 🅰..🆉
  }
  return map;
}

const RE_FORMAT = /^[\p{Cf}\p{M}]$/u; // zero-width, bidi controls, soft hyphen, tags, variation selectors, combining marks
const RE_SPACE_LIKE = /^[\p{Cc}\p{Z}\p{Cs}]$/u;
const RE_MARKS = /\p{M}/gu;
const RE_WORDLIKE = /^[\p{L}\p{N}]$/u;

const foldCache = new Map<number, string>();
const FOLD_CACHE_LIMIT = 8192;

/** Fold one non-ASCII code point to its lite form ('' = drop, ' ' = separator). */
function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let out: string;
  if (cp >= 0xd800 && cp <= 0xdfff) {
    out = ' '; // lone surrogate
  } else {
    const direct = CONFUSABLES[cp];
    if (direct !== undefined) {
      out = direct;
    } else {
      const ch = String.fromCodePoint(cp);
      if (RE_FORMAT.test(ch)) out = '';
      else if (RE_SPACE_LIKE.test(ch)) out = ' ';
      else {
        const decomposed = ch.normalize('NFKD').replace(RE_MARKS, '').toLowerCase();
        out = '';
        for (const c of decomposed) {
          const code = c.codePointAt(0) ?? 0;
          if (code < 128) out += code < 32 || code === 127 ? ' ' : c;
          else out += CONFUSABLES[code] ?? c;
        }
      }
    }
  }
  if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(cp, out);
  return out;
}

const RE_PLAIN_ASCII = /^[\x20-\x7e]*$/;

// Identity maps (i → [i, i + 1)) shared by every plain-ASCII text, grown on demand.
// Only ever read, never written, so sharing them between calls is safe.
let identityStart = new Int32Array(0);
let identityEnd = new Int32Array(0);

function identityView(text: string): TextView {
  const n = text.length;
  if (identityStart.length < n) {
    const cap = Math.max(n, 4096);
    identityStart = new Int32Array(cap);
    identityEnd = new Int32Array(cap);
    for (let i = 0; i < cap; i++) {
      identityStart[i] = i;
      identityEnd[i] = i + 1;
    }
  }
  return { text, start: identityStart.subarray(0, n), end: identityEnd.subarray(0, n) };
}

function buildLite(original: string): TextView {
  // Fast path: printable ASCII only (most messages) is lower-cased one for one.
  if (RE_PLAIN_ASCII.test(original)) return identityView(original.toLowerCase());
  const n = original.length;
  let cap = n * 2 + 16;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  const parts: string[] = [];
  let len = 0;
  const ensure = (extra: number): void => {
    if (len + extra <= cap) return;
    cap = (len + extra) * 2;
    const ns = new Int32Array(cap);
    const ne = new Int32Array(cap);
    ns.set(start);
    ne.set(end);
    start = ns;
    end = ne;
  };
  const emit = (s: string, from: number, to: number): void => {
    ensure(s.length);
    for (let k = 0; k < s.length; k++) {
      start[len] = from;
      end[len] = to;
      len++;
    }
    parts.push(s);
  };
  let runStart = 0; // start of a pending run of printable ASCII, copied in one go
  const flushRun = (to: number): void => {
    if (to <= runStart) return;
    const chunk = original.slice(runStart, to).toLowerCase();
    ensure(chunk.length);
    for (let k = 0; k < chunk.length; k++) {
      start[len] = runStart + k;
      end[len] = runStart + k + 1;
      len++;
    }
    parts.push(chunk);
  };
  for (let i = 0; i < n; ) {
    const c = original.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      i++;
      continue;
    }
    flushRun(i);
    if (c < 0x80) {
      emit(' ', i, i + 1); // control character
      i++;
      runStart = i;
      continue;
    }
    let cp = c;
    let size = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = original.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        size = 2;
      }
    }
    const folded = foldCodePoint(cp);
    if (folded.length > 0) emit(folded, i, i + size);
    i += size;
    runStart = i;
  }
  flushRun(n);
  return { text: parts.join(''), start: start.subarray(0, len), end: end.subarray(0, len) };
}

// ---------------------------------------------------------------------------
// Words view
// ---------------------------------------------------------------------------

/** Leetspeak inside a word that has at least one letter. */
const LEET_TABLE: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'i',
};

const LEET: ReadonlyMap<string, string> = new Map(Object.entries(LEET_TABLE));

/**
 * Slang and abbreviations, looked up on a whole word before and after leetspeak.
 * Expansions are what the rules are written against.
 */
const SLANG_TABLE: Readonly<Record<string, string>> = {
  kms: 'kill myself', kys: 'kill yourself', kmsl: 'lol', kysl: 'lol',
  sewerslide: 'suicide', suicde: 'suicide', sucide: 'suicide', suiside: 'suicide', sewerslid: 'suicide',
  selfharm: 'self harm', selfharming: 'self harming', selfharmed: 'self harmed',
  wanna: 'want to', wana: 'want to', wanted2: 'wanted to', gonna: 'going to', gona: 'going to', gunna: 'going to',
  gna: 'going to', finna: 'going to', gotta: 'got to', tryna: 'trying to', imma: 'im going to', ima: 'im going to',
  bouta: 'about to', boutta: 'about to', lemme: 'let me', gimme: 'give me', dunno: 'dont know',
  idk: 'i dont know', cba: 'cant be bothered', ngl: 'not going to lie', hmu: 'hit me up', rn: 'right now',
  u: 'you', ya: 'you', ur: 'your', urs: 'yours', r: 'are', yh: 'yeah', urself: 'yourself', yaself: 'yourself',
  yourselfs: 'yourself', meself: 'myself', myslef: 'myself', mysef: 'myself', maself: 'myself',
  '2': 'to', '4': 'for', b4: 'before', l8r: 'later', gr8: 'great', m8: 'mate', m8s: 'mates', h8: 'hate',
  '2day': 'today', '2nite': 'tonight', '2night': 'tonight', tonite: 'tonight', '2moro': 'tomorrow',
  '2morrow': 'tomorrow', '2moz': 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow', tmoz: 'tomorrow', tmro: 'tomorrow',
  any1: 'anyone', some1: 'someone', sum1: 'someone', no1: 'no one', noone: 'no one', every1: 'everyone',
  ppl: 'people', pls: 'please', plz: 'please', bc: 'because', bcos: 'because', cos: 'because', coz: 'because',
  cuz: 'because', cus: 'because', wiv: 'with', wid: 'with', bf: 'boyfriend', gf: 'girlfriend', bfs: 'boyfriends',
  pic: 'picture', pics: 'pictures', pix: 'pictures', piccies: 'pictures', vid: 'video', vids: 'videos',
  nudez: 'nudes', noodz: 'nudes', noods: 'nudes', nudies: 'nudes', n00dz: 'nudes', msg: 'message', txt: 'text',
  stepdad: 'stepdad', stepmom: 'stepmum', stepmam: 'stepmum', mom: 'mum', mam: 'mum', mummy: 'mum',
  stfu: 'shut the fuck up', gtfo: 'get the fuck out', wtf: 'what the fuck', fml: 'fuck my life',
  xan: 'xanax', xans: 'xanax', xannies: 'xanax', 's/h': 'self harm', 's-h': 'self harm',
  unalivin: 'unaliving', unalivng: 'unaliving',
  ...gDropped(
    'go do sleep kill com noth someth anyth try think feel liv dy cry tak say look hurt stabb carry hid drink smok eat starv ' +
      'burn bleed jump hang end leav stay sitt gett sell deal steal hitt punch kick fight scratch harm threaten follow messag ' +
      'text send bully chatt walk talk call beat batter slapp chok touch lock keep work wait miss plann want hat puk purg shak ' +
      'cutt runn',
  ),
};

/**
 * Dropped g's ("sleepin", "cuttin", "goin") written back in full. A fixed list of stems (never a
 * suffix rule: "robin", "cabin" and "begin" are words), each `stem + in` → `stem + ing`.
 */
function gDropped(stems: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const stem of stems.split(' ')) if (stem !== '') out[`${stem}in`] = `${stem}ing`;
  return out;
}

const SLANG: ReadonlyMap<string, string> = new Map(Object.entries(SLANG_TABLE));

/** Two-word slang joined into one canonical word, keyed by first word then second. */
const BIGRAM_TABLE: Readonly<Record<string, string>> = {
  'my self': 'myself', 'me self': 'myself', 'your self': 'yourself', 'ur self': 'yourself', 'you self': 'yourself',
  'step dad': 'stepdad', 'step father': 'stepdad', 'step mum': 'stepmum', 'step mom': 'stepmum',
  'step mother': 'stepmum', 'sewer slide': 'suicide', 'un alive': 'unalive', 'no body': 'nobody',
};

const BIGRAMS: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
  const m = new Map<string, Map<string, string>>();
  for (const [pair, joined] of Object.entries(BIGRAM_TABLE)) {
    const [a = '', b = ''] = pair.split(' ');
    const inner = m.get(a) ?? new Map<string, string>();
    inner.set(b, joined);
    m.set(a, inner);
  }
  return m;
})();

/** `sh` means self-harm only next to these words ("my sh scars", "did sh again"). */
const SH_BEFORE = new Set([
  'did', 'do', 'doing', 'done', 'my', 'of', 'from', 'to', 'relapsed', 'relapse', 'into', 'about', 'urges', 'urge',
  'no', 'an', 'after', 'since', 'clean', 'stop', 'started', 'start', 'still', 'and', 'with', 'for',
  'i', 'ive', 'been', 'keep', 'kept', 'through', 'via', 'using', 'thoughts', 'against',
]);
const SH_AFTER = new Set([
  'again', 'scars', 'scar', 'urges', 'urge', 'marks', 'clean', 'relapse', 'cuts', 'wounds', 'free', 'tonight',
  'last', 'every', 'when', 'because', 'cos', 'is', 'helps', 'since',
  'help', 'thoughts', 'habit', 'triggers', 'recovery', 'streak', 'yesterday', 'today', 'earlier', 'lately', 'relapsed',
  'wounds', 'cut', 'cuts', 'days', 'weeks', 'months', 'stuff', 'tho', 'though',
]);

/** Single letters that are ordinary words, so "u r a legend" is not glued into "ura". */
const COMMON_SINGLE_LETTERS = new Set(['a', 'i', 'u', 'r', 'x', 'o']);

/** Words used to re-split glued single-letter runs; rule words are added by the moderator. */
export const DEFAULT_VOCABULARY: ReadonlySet<string> = new Set(
  (
    'i im me my myself you your yourself u ur we he she they him her them it a an the to of and or in on at ' +
    'want wanna going gonna will would should could just really so do did not dont no never ' +
    'kill killing kms kys die dying dead death end ending suicide suicidal self harm cut cutting hurt hang ' +
    'overdose pills tablets life live alive go jump off bridge knife blade gun stab shoot hate ugly fat ' +
    'fuck fucking shit bitch cunt dick slut whore wanker twat nudes send pics naked snap insta add number'
  ).split(' '),
);

interface Tok {
  text: string;
  /** lite range [ls, le) this token came from */
  ls: number;
  le: number;
  /** lite index of each char of `text`; null when `text` maps one to one onto lite[ls..] */
  map: Int32Array | null;
  /** an expansion: every char maps to the whole source range */
  fixed: boolean;
  /** token came from joining single letters (may need re-splitting) */
  glued: boolean;
  /** token is part of a slang expansion, so it is never merged again */
  expanded: boolean;
}

function isAsciiLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** @ $ ! | * ' — kept inside words: leetspeak, masked swears, apostrophes */
function isLeetSymbolCode(c: number): boolean {
  return c === 64 || c === 36 || c === 33 || c === 124 || c === 42 || c === 39;
}

const wordlikeCache = new Map<number, boolean>();
function isWordCode(c: number, text: string, k: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  let v = wordlikeCache.get(c);
  if (v === undefined) {
    v = RE_WORDLIKE.test(text[k] ?? '');
    if (wordlikeCache.size < FOLD_CACHE_LIMIT) wordlikeCache.set(c, v);
  }
  return v;
}

function tok(text: string, ls: number, le: number, map: Int32Array | null): Tok {
  return { text, ls, le, map, fixed: false, glued: false, expanded: false };
}

/** Cut the lite view into raw tokens: runs of word chars with leet symbols inside. */
function tokenise(lite: string): Tok[] {
  const n = lite.length;
  const toks: Tok[] = [];
  let i = 0;
  while (i < n) {
    const c = lite.charCodeAt(i);
    if (!isWordCode(c, lite, i) && !isLeetSymbolCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    let apostrophes = 0;
    while (j < n) {
      const cj = lite.charCodeAt(j);
      if (cj === 39) apostrophes++;
      if (isWordCode(cj, lite, j) || isLeetSymbolCode(cj)) j++;
      else break;
    }
    // Trim symbols at the edges: "help!!" → help, "@kayla" → kayla, "$hit" keeps its $.
    let a = i;
    let b = j;
    while (a < b && !isWordCode(lite.charCodeAt(a), lite, a) && lite.charCodeAt(a) !== 36) a++;
    while (b > a && !isWordCode(lite.charCodeAt(b - 1), lite, b - 1)) b--;
    if (a < b) {
      if (apostrophes === 0 || !lite.slice(a, b).includes("'")) {
        toks.push(tok(lite.slice(a, b), a, b, null));
      } else {
        // don't → dont
        const map: number[] = [];
        let t = '';
        for (let k = a; k < b; k++) {
          if (lite.charCodeAt(k) === 39) continue;
          t += lite[k] ?? '';
          map.push(k);
        }
        if (t.length > 0) toks.push(tok(t, a, b, Int32Array.from(map)));
      }
    }
    i = j;
  }
  return toks;
}

function hasAsciiLetter(t: string): boolean {
  for (let k = 0; k < t.length; k++) if (isAsciiLetter(t.charCodeAt(k))) return true;
  return false;
}

/**
 * A number with a unit or a true ordinal ("45kg", "8st", "1200kcal", "8th", "2nd"): a quantity, not
 * leetspeak. Only real ordinals, so "4nd" is still read as "and".
 */
const QUANTITY_RE = /^(?:[0-9]+(?:kg|kgs|st|lb|lbs|cm|mm|ml|mg|kcal|cals|km)|[0-9]*1st|[0-9]*2nd|[0-9]*3rd|[0-9]*[04-9]th|1[0-9]th)$/;

/** Resolve leetspeak in a word that already has a letter; 1:1 so offsets stay per char. */
function deLeet(t: string): string {
  let needs = false;
  for (let k = 0; k < t.length && !needs; k++) {
    const c = t.charCodeAt(k);
    needs = !isAsciiLetter(c) && LEET.has(t[k] ?? '');
  }
  if (!needs || !hasAsciiLetter(t) || QUANTITY_RE.test(t)) return t;
  let out = '';
  for (let k = 0; k < t.length; k++) {
    const c = t[k] ?? '';
    out += LEET.get(c) ?? c;
  }
  return out;
}

function isSingleLetterish(t: Tok): boolean {
  if (t.text.length !== 1) return false;
  const c = t.text.charCodeAt(0);
  return isAsciiLetter(c) || LEET.has(t.text);
}

function liteIndex(t: Tok, k: number): number {
  return t.map !== null ? (t.map[k] ?? t.ls) : t.ls + k;
}

/**
 * Two letters joined by a slash or dash that are one abbreviation ("s/h", "s-h": self-harm), made
 * one token before single letters are joined, so "did s/h a lot" does not become "sha". A dot is
 * left alone ("s.h." are initials).
 */
const SLASH_PAIRS: ReadonlySet<string> = new Set(['s/h', 's-h']);

function joinSlashPairs(toks: Tok[], lite: string): Tok[] {
  let out: Tok[] | null = null;
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i];
    const b = toks[i + 1];
    if (a !== undefined && b !== undefined && a.text.length === 1 && b.text.length === 1 && b.ls === a.le + 1) {
      const pair = `${a.text}${lite[a.le] ?? ''}${b.text}`;
      if (SLASH_PAIRS.has(pair)) {
        out ??= toks.slice(0, i);
        out.push(tok(pair, a.ls, b.le, null));
        i++;
        continue;
      }
    }
    out?.push(a as Tok);
  }
  return out ?? toks;
}

/** Join runs of ≥3 single letters separated by short gaps: "k i l l", "s.u.i.c.i.d.e". */
function joinSplitLetters(toks: Tok[], lite: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < toks.length) {
    const first = toks[i];
    if (first === undefined) break;
    if (!isSingleLetterish(first)) {
      out.push(first);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length) {
      const prev = toks[j - 1];
      const cur = toks[j];
      if (prev === undefined || cur === undefined || !isSingleLetterish(cur)) break;
      const gap = cur.ls - prev.le;
      if (gap < 1 || gap > 3 || lite.slice(prev.le, cur.ls).includes('\n')) break;
      j++;
    }
    const run = toks.slice(i, j);
    let letters = 0;
    let distinctive = false;
    for (const t of run) {
      if (isAsciiLetter(t.text.charCodeAt(0))) {
        letters++;
        if (!COMMON_SINGLE_LETTERS.has(t.text)) distinctive = true;
      }
    }
    if (run.length >= 3 && letters >= 2 && distinctive) {
      const map = new Int32Array(run.length);
      let text = '';
      run.forEach((t, k) => {
        text += t.text;
        map[k] = liteIndex(t, 0);
      });
      const joined = tok(deLeet(text), first.ls, run[run.length - 1]?.le ?? first.le, map);
      joined.glued = true;
      out.push(joined);
    } else {
      out.push(...run);
    }
    i = j;
  }
  return out;
}

/** Replace a token's text with an expansion; every new char maps to the whole source token. */
function expand(t: Tok, replacement: string): Tok[] {
  return replacement.split(' ').map((w) => ({ text: w, ls: t.ls, le: t.le, map: null, fixed: true, glued: false, expanded: true }));
}

/** Split a glued token ("killmyself") into known words with the fewest pieces, or leave it. */
function segment(t: Tok, vocab: ReadonlySet<string>): Tok[] {
  const text = t.text;
  const n = text.length;
  if (n < 4 || n > 64 || vocab.has(text)) return [t];
  // best[k] = fewest words covering text[0..k); prev[k] = start of the last word
  const best = new Array<number>(n + 1).fill(Infinity);
  const prev = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let a = Math.max(0, k - 16); a < k; a++) {
      const ba = best[a] ?? Infinity;
      if (ba + 1 < (best[k] ?? Infinity) && vocab.has(text.slice(a, k))) {
        best[k] = ba + 1;
        prev[k] = a;
      }
    }
  }
  if (!Number.isFinite(best[n] ?? Infinity)) return [t];
  const cuts: Array<[number, number]> = [];
  for (let k = n; k > 0; k = prev[k] ?? 0) cuts.push([prev[k] ?? 0, k]);
  cuts.reverse();
  return cuts.map(([a, b]) => {
    const map = new Int32Array(b - a);
    for (let k = a; k < b; k++) map[k - a] = liteIndex(t, k);
    return tok(text.slice(a, b), map[0] ?? t.ls, (map[b - a - 1] ?? t.ls) + 1, map);
  });
}

function rewriteTokens(toks: Tok[], vocab: ReadonlySet<string>): Tok[] {
  // 1. slang (raw form first: "2nite", "b4"), then leetspeak, then slang again.
  const stage1: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t === undefined) continue;
    const raw = t.text;
    if (raw === 'sh') {
      const prevText = toks[i - 1]?.text;
      const nextText = toks[i + 1]?.text;
      if ((prevText !== undefined && SH_BEFORE.has(prevText)) || (nextText !== undefined && SH_AFTER.has(nextText))) {
        stage1.push(...expand(t, 'self harm'));
        continue;
      }
    }
    const rawSlang = SLANG.get(raw);
    if (rawSlang !== undefined && rawSlang !== raw) {
      stage1.push(...expand(t, rawSlang));
      continue;
    }
    const leet = t.glued ? raw : deLeet(raw);
    if (leet !== raw) {
      const leetSlang = SLANG.get(leet);
      if (leetSlang !== undefined && leetSlang !== leet) {
        stage1.push(...expand(t, leetSlang));
        continue;
      }
      t.text = leet;
    }
    if (t.glued) stage1.push(...segment(t, vocab));
    else stage1.push(t);
  }
  // 2. two-word slang ("my self" → myself, "step dad" → stepdad)
  const out: Tok[] = [];
  for (let i = 0; i < stage1.length; i++) {
    const a = stage1[i];
    if (a === undefined) continue;
    const b = stage1[i + 1];
    if (b !== undefined && a.text.length <= 5 && !a.expanded && !b.expanded) {
      const joined = BIGRAMS.get(a.text)?.get(b.text);
      if (joined !== undefined) {
        out.push({ text: joined, ls: a.ls, le: b.le, map: null, fixed: true, glued: false, expanded: true });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * A view whose text is built at once and whose offset maps are built on first use: most
 * messages never need them (they are only read to report where a finding is).
 */
class LazyView implements TextView {
  private maps: { start: ArrayLike<number>; end: ArrayLike<number> } | undefined;
  constructor(
    readonly text: string,
    private build: (() => { start: ArrayLike<number>; end: ArrayLike<number> }) | undefined,
  ) {}
  private get built(): { start: ArrayLike<number>; end: ArrayLike<number> } {
    if (this.maps === undefined) {
      this.maps = this.build?.() ?? { start: [], end: [] };
      this.build = undefined;
    }
    return this.maps;
  }
  get start(): ArrayLike<number> {
    return this.built.start;
  }
  get end(): ArrayLike<number> {
    return this.built.end;
  }
}

function joinTokens(toks: readonly Tok[], lite: TextView): TextView {
  let text = '';
  for (let i = 0; i < toks.length; i++) text += i > 0 ? ` ${toks[i]?.text ?? ''}` : (toks[i]?.text ?? '');
  return new LazyView(text, () => tokenMaps(toks, lite));
}

function tokenMaps(toks: readonly Tok[], lite: TextView): { start: number[]; end: number[] } {
  // Plain SMI arrays: small typed arrays live off-heap and cost more to allocate and collect.
  const start: number[] = [];
  const end: number[] = [];
  let p = 0;
  let prevEnd = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t === undefined) continue;
    const len = t.text.length;
    if (i > 0) {
      const next = len > 0 ? (lite.start[t.fixed ? t.ls : liteIndex(t, 0)] ?? prevEnd) : prevEnd;
      start.push(prevEnd);
      end.push(Math.max(prevEnd, next));
      p++;
    }
    if (t.fixed) {
      const os = lite.start[t.ls] ?? 0;
      const oe = lite.end[t.le - 1] ?? os;
      for (let k = 0; k < len; k++) {
        start.push(os);
        end.push(oe);
      }
    } else if (t.map === null) {
      for (let k = 0; k < len; k++) {
        start.push(lite.start[t.ls + k] ?? 0);
        end.push(lite.end[t.ls + k] ?? 0);
      }
    } else {
      for (let k = 0; k < len; k++) {
        const li = t.map[k] ?? t.ls;
        start.push(lite.start[li] ?? 0);
        end.push(lite.end[li] ?? 0);
      }
    }
    p += len;
    prevEnd = p > 0 ? (end[p - 1] ?? 0) : 0;
  }
  return { start, end };
}

/** Squeeze every run of a repeated letter to one letter ("diiiie" → die, "kill" → kil). */
export function squeeze(text: string): string {
  let out = '';
  let prev = -1;
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === prev && isAsciiLetter(c)) {
      out += text.slice(from, k);
      from = k + 1;
    }
    prev = c;
  }
  return from === 0 ? text : out + text.slice(from);
}

function squeezeView(view: TextView): TextView {
  const text = view.text;
  const n = text.length;
  let dup = false;
  for (let k = 1; k < n && !dup; k++) {
    const c = text.charCodeAt(k);
    dup = c === text.charCodeAt(k - 1) && isAsciiLetter(c);
  }
  if (!dup) return view;
  return new LazyView(squeeze(text), () => squeezeMaps(view));
}

function squeezeMaps(view: TextView): { start: number[]; end: number[] } {
  const text = view.text;
  const n = text.length;
  const start: number[] = [];
  const end: number[] = [];
  let len = 0;
  let prev = -1;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === prev && isAsciiLetter(c)) {
      end[len - 1] = Math.max(end[len - 1] ?? 0, view.end[k] ?? 0);
      continue;
    }
    start.push(view.start[k] ?? 0);
    end.push(view.end[k] ?? 0);
    len++;
    prev = c;
  }
  return { start, end };
}

/** Normalise a text into its three views. Never throws; linear in the length of the text. */
export function normalise(original: string, options: NormaliseOptions = {}): NormalisedText {
  const lite = buildLite(original);
  const raw = joinSlashPairs(tokenise(lite.text), lite.text);
  const joined = joinSplitLetters(raw, lite.text);
  const toks = rewriteTokens(joined, options.vocabulary ?? DEFAULT_VOCABULARY);
  const words = joinTokens(toks, lite);
  const key = squeezeView(words);
  return { original, lite, words, key };
}

/** The `key` form of a short phrase: how policy terms and rule words are compiled. */
export function keyForm(phrase: string): string {
  return normalise(phrase).key.text;
}
