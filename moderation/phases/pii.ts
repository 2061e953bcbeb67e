/**
 * Contact-detail formats found on the `lite` view (digits and punctuation
 * intact): UK phone numbers (spaced, dashed, spelled out, mixed), emails,
 * social handles and profile links, and UK postcodes. Hand-written scanners,
 * not backtracking regexes, so adversarial input stays linear.
 */
import type { TextView } from '../normalise.js';

export interface PiiHit {
  readonly kind: 'phone' | 'email' | 'handle' | 'social-link' | 'postcode';
  /** [start, end) in the lite view */
  readonly start: number;
  readonly end: number;
}

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  zero: '0', oh: '0', nought: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7',
  eight: '8', nine: '9',
};
const REPEATERS: Readonly<Record<string, number>> = { double: 2, triple: 3 };

/** Helplines young people are told to ring: never held as contact details. */
const HELPLINES = new Set(['08001111', '116123', '999', '111', '101', '85258', '08088005000', '08000684141', '03001233393', '116111', '08088025544']);

const SEPARATORS = new Set([' ', '-', '.', '(', ')', '+', '/', ',', '_', '\u00a0', ':']);
const MAX_ITEMS = 40;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetterCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

function looksLikePhone(digits: string, plus: boolean): boolean {
  if (HELPLINES.has(digits)) return false;
  let d = digits;
  if (d.startsWith('0044')) d = `0${d.slice(4)}`;
  else if (d.startsWith('44') && (plus || d.length === 12)) d = `0${d.slice(2)}`;
  else if (d.startsWith('7') && d.length === 10) d = `0${d}`;
  if (/^07\d{9}$/.test(d)) return true; // mobile
  if (/^0[1-3]\d{8,9}$/.test(d)) return true; // landline
  if (/^0[589]\d{8,9}$/.test(d)) return true; // 05, 08, 09 numbers
  return plus && d.length >= 10 && d.length <= 15; // international
}

interface DigitItem {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  readonly plus: boolean;
}

/** The longest stretch of consecutive items that spells a phone number. */
function bestPhone(items: readonly DigitItem[]): PiiHit | undefined {
  for (let a = 0; a < items.length; a++) {
    let digits = '';
    let found: PiiHit | undefined;
    for (let b = a; b < items.length; b++) {
      const item = items[b];
      const first = items[a];
      if (item === undefined || first === undefined) break;
      digits += item.digits;
      if (digits.length > 15) break;
      if (digits.length >= 10 && looksLikePhone(digits, first.plus)) found = { kind: 'phone', start: first.start, end: item.end };
    }
    if (found !== undefined) return found;
  }
  return undefined;
}

// "double" and "triple" add digits too; counting them as two each keeps this a safe over-estimate.
const RE_NUMBER_WORD = /(?<![a-z])(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)(?![a-z])/g;

function countDigits(lite: string): number {
  let digits = 0;
  for (let k = 0; k < lite.length; k++) {
    const c = lite.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}

/** Fewer than 10 digits and number words in all: there cannot be a phone number. */
function tooFewDigits(lite: string): boolean {
  let digits = 0;
  for (let k = 0; k < lite.length; k++) {
    const c = lite.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits >= 10) return false;
  RE_NUMBER_WORD.lastIndex = 0;
  let words = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_NUMBER_WORD.exec(lite)) !== null) {
    words += m[0] === 'double' || m[0] === 'triple' ? 2 : 1;
    if (digits + words >= 10) return false;
  }
  return true;
}

/** Phone numbers: runs of digits, "oh"/"double"/number words, separated by short punctuation. */
export function findPhones(lite: string, numberWords?: number): PiiHit[] {
  if (numberWords !== undefined ? countDigits(lite) + numberWords < 10 : tooFewDigits(lite)) return [];
  const hits: PiiHit[] = [];
  const n = lite.length;
  let items: DigitItem[] = [];
  let plus = false;
  let repeat = 1;
  let gap = 0;
  const flush = (): void => {
    if (items.reduce((k, it) => k + it.digits.length, 0) >= 10) {
      const hit = bestPhone(items);
      if (hit !== undefined) hits.push(hit);
    }
    items = [];
    plus = false;
    repeat = 1;
  };
  const push = (start: number, end: number, digits: string): void => {
    if (items.length >= MAX_ITEMS) flush();
    items.push({ start, end, digits, plus: items.length === 0 && plus });
  };
  let i = 0;
  while (i < n) {
    const c = lite.charCodeAt(i);
    const ch = lite[i] ?? ' ';
    if (SEPARATORS.has(ch)) {
      if (ch === '+' && items.length === 0) plus = true;
      gap++;
      if (gap > 3) flush();
      i++;
      continue;
    }
    gap = 0;
    if (isDigitCode(c) || (ch === 'o' && isDigitCode(lite.charCodeAt(i + 1)))) {
      let j = i;
      let part = '';
      while (j < n) {
        const cj = lite.charCodeAt(j);
        if (isDigitCode(cj)) part += lite[j];
        else if (lite[j] === 'o' && (isDigitCode(lite.charCodeAt(j + 1)) || isDigitCode(lite.charCodeAt(j - 1)))) part += '0';
        else break;
        j++;
      }
      if (j < n && isLetterCode(lite.charCodeAt(j))) {
        // "5pm", "3rd", "2day": a number glued to a word ends the run
        flush();
        while (j < n && isLetterCode(lite.charCodeAt(j))) j++;
        i = j;
        continue;
      }
      push(i, j, part.length === 1 ? part.repeat(repeat) : part);
      repeat = 1;
      i = j;
      continue;
    }
    if (isLetterCode(c)) {
      let j = i;
      while (j < n && isLetterCode(lite.charCodeAt(j))) j++;
      const word = lite.slice(i, j);
      const digit = NUMBER_WORDS[word];
      const rep = REPEATERS[word];
      if (digit !== undefined) {
        push(i, j, digit.repeat(repeat));
        repeat = 1;
      } else if (rep !== undefined) {
        repeat = rep;
      } else {
        flush();
      }
      i = j;
      continue;
    }
    flush();
    i++;
  }
  flush();
  return hits;
}

const LOCAL_CHARS = /[a-z0-9._%+-]/;
const DOMAIN_CHARS = /[a-z0-9.-]/;

/** Emails: expand around each '@' (linear; no backtracking regex). */
export function findEmails(lite: string): PiiHit[] {
  const hits: PiiHit[] = [];
  let from = 0;
  let lastEnd = -1;
  for (;;) {
    const at = lite.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    if (at < lastEnd) continue;
    let a = at;
    while (a > 0 && a > lastEnd && LOCAL_CHARS.test(lite[a - 1] ?? ' ')) a--;
    let b = at + 1;
    while (b < lite.length && DOMAIN_CHARS.test(lite[b] ?? ' ')) b++;
    while (b > at + 1 && (lite[b - 1] === '.' || lite[b - 1] === '-')) b--;
    const domain = lite.slice(at + 1, b);
    const dot = domain.lastIndexOf('.');
    if (a < at && dot > 0 && /^[a-z]{2,}$/.test(domain.slice(dot + 1))) {
      hits.push({ kind: 'email', start: a, end: b });
      lastEnd = b;
    }
  }
  return hits;
}

const HANDLE_CHARS = /[a-z0-9_.]/;

/** @handles (not emails), name#1234 (Discord) and profile links. */
export function findHandles(lite: string): PiiHit[] {
  const hits: PiiHit[] = [];
  let from = 0;
  for (;;) {
    const at = lite.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    const before = lite[at - 1];
    if (before !== undefined && /[a-z0-9._%+-]/.test(before)) continue; // part of an email
    let b = at + 1;
    while (b < lite.length && b - at <= 31 && HANDLE_CHARS.test(lite[b] ?? ' ')) b++;
    const handle = lite.slice(at + 1, b).replace(/\.+$/, '');
    if (handle.length >= 2 && /[a-z]/.test(handle)) hits.push({ kind: 'handle', start: at, end: at + 1 + handle.length });
  }
  from = 0;
  for (;;) {
    const hash = lite.indexOf('#', from);
    if (hash < 0) break;
    from = hash + 1;
    const digits = lite.slice(hash + 1, hash + 5);
    if (!/^\d{4}$/.test(digits) || /\d/.test(lite[hash + 5] ?? ' ')) continue;
    let a = hash;
    while (a > 0 && hash - a < 32 && HANDLE_CHARS.test(lite[a - 1] ?? ' ')) a--;
    if (hash - a >= 2) hits.push({ kind: 'handle', start: a, end: hash + 5 });
  }
  if (!/\.(?:com|me|gg|ee)/.test(lite)) return hits;
  const LINK = /(?<![a-z0-9.@_-])(?:snapchat\.com\/add|instagram\.com|tiktok\.com\/@|wa\.me|discord\.gg|discord\.com\/users|t\.me|facebook\.com|fb\.com|m\.me|twitter\.com|x\.com|kik\.me|onlyfans\.com|linktr\.ee)\/?[a-z0-9_.@-]*/g;
  for (const m of lite.matchAll(LINK)) hits.push({ kind: 'social-link', start: m.index, end: m.index + m[0].length });
  return hits;
}

/** UK postcode areas, so "yr11 2nd" is not taken for a postcode. */
const POSTCODE_AREAS = new Set(
  (
    'ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy e ec eh en ex fk fy g ' +
    'gl gu gy ha hd hg hp hr hs hu hx ig im ip iv je ka kt kw ky l la ld le ll ln ls lu m me mk ml n ne ng nn np nr nw ' +
    'ol ox pa pe ph pl po pr rg rh rm s sa se sg sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub w wa wc wd ' +
    'wf wn wr ws wv yo ze'
  ).split(' '),
);
const POSTCODE = /(?<![a-z0-9])([a-z]{1,2})([0-9][a-z0-9]?) ?([0-9][abd-hjlnp-uw-z]{2})(?![a-z0-9])/g;

export function findPostcodes(lite: string): PiiHit[] {
  const hits: PiiHit[] = [];
  if (!/[0-9]/.test(lite)) return hits;
  for (const m of lite.matchAll(POSTCODE)) {
    if (POSTCODE_AREAS.has(m[1] ?? '')) hits.push({ kind: 'postcode', start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** Number words in their key-view (squeezed) spelling, for counting from already-split words. */
export const NUMBER_WORD_KEYS: ReadonlySet<string> = new Set(['zero', 'oh', 'nought', 'one', 'two', 'thre', 'four', 'five', 'six', 'seven', 'eight', 'nine']);

/**
 * All contact-detail formats in the lite view. `numberWords` (how many number words the
 * text has, if the caller already knows) saves a scan on the common no-phone path.
 */
export function findPii(lite: TextView, numberWords?: number): PiiHit[] {
  const t = lite.text;
  const phones = findPhones(t, numberWords);
  const emails = t.includes('@') ? findEmails(t) : [];
  const handles = findHandles(t);
  const postcodes = findPostcodes(t);
  return phones.length + emails.length + handles.length + postcodes.length === 0 ? [] : [...phones, ...emails, ...handles, ...postcodes];
}
