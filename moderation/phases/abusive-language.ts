/**
 * Stage 4: abusive language and hate through the maintained `obscenity`
 * library (its English dataset plus a few British words), run over our
 * normaliser's `words` view so split letters and leetspeak are already undone.
 *
 * obscenity is thorough but not cheap, so a gate runs first: every obscenity
 * pattern is also compiled to a plain regex over the squeezed `key` view, and
 * obscenity only reads the words around a gate hit.
 */
import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  type ParsedPattern,
} from 'obscenity';
import { toOriginalSpan, type NormalisedText, type TextView } from '../normalise.js';
import { keyWordsOf } from '../rules/gated.js';
import type { Finding } from '../types.js';
import type { Phase } from './context.js';

interface WordMeta {
  readonly originalWord: string;
}

/** British words the English dataset lacks (obscenity pattern syntax: `|` = word boundary). */
const BRITISH_EXTRAS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['slag', ['|slag']],
  ['cunt', ['|cvnt', '|kunt']],
  ['bellend', ['bellend', 'bell end']],
  ['knobhead', ['knobhead', 'knob head', '|nobhead']],
  ['nonce', ['|nonce']],
  ['tosser', ['|tosser']],
  ['minger', ['|minger']],
  ['munter', ['|munter']],
  ['pikey', ['|pikey']],
  ['paki', ['|paki|', '|pakis|']],
  ['gyppo', ['|gyppo', '|gypo|']],
  ['spaz', ['|spaz|', '|spazz']],
  ['mong', ['|mong|', '|mongs|', '|mongo|']],
  ['wog', ['|wog|', '|wogs|']],
  ['coon', ['|coon|', '|coons|']],
  ['wanker', ['|wnker']],
  ['dickhead', ['|dikhead']],
  ['wasteman', ['|wasteman', '|wastemen', '|wastegash']],
  ['sket', ['|sket|', '|skets|', '|sketty|']],
  ['skank', ['|skank']],
  ['scrote', ['|scrote|', '|scrotes|']],
  ['knobend', ['|knobend']],
];

/**
 * Innocent words that contain a listed word: UK place names (the Scunthorpe problem), surnames,
 * and everyday words. obscenity's whitelist drops any match that lies inside one of these, so
 * "Penistone" and "Cumnock" pass while "penis" and "cum" are still found. Maintained: add a
 * place or word here when a moderator reports one (write it as the words view has it: lower
 * case, apostrophes dropped, single spaces).
 */
export const ALLOWED_WORDS: readonly string[] = [
  // places
  'penistone', 'penisarwaun', 'cumnock', 'cumwhinton', 'cummertrees', 'cumledge', 'bitchfield', 'twatt',
  'shitlington', 'upper dicker', 'lower dicker', 'cockshutt', 'slutshole', 'offas dyke', 'devils dyke', 'dyke road',
  'clitheroe', 'scunthorpe', 'lightwater', 'cockermouth', 'cockfosters', 'penicuik', 'wankie', 'titchfield',
  // surnames and names
  'cummings', 'cumming', 'dickinson', 'dickson', 'dickie', 'dickey', 'dickens', 'hitchcock', 'van dyke', 'fagin',
  // everyday words
  'shiitake', 'cockpit', 'cockpits', 'blue tit', 'blue tits', 'great tit', 'great tits', 'coal tit', 'coal tits',
  'flame retardant', 'fire retardant', 'stalactite', 'stalactites', 'penistone road',
  'be arsed', 'sex ed', 'sex education',
];

/** Slurs: filed as `hate` rather than `abusive-language`. */
const HATE_WORDS = new Set([
  'abeed', 'abo', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'kike', 'negro', 'nigger', 'fag', 'dyke',
  'tranny', 'retard', 'spastic', 'paki', 'pikey', 'gyppo', 'spaz', 'mong', 'wog', 'coon',
]);

const dataset = new DataSet<WordMeta>().addAll(englishDataset as unknown as DataSet<WordMeta>);
for (const [word, patterns] of BRITISH_EXTRAS) {
  dataset.addPhrase((p) => {
    let builder = p.setMetadata({ originalWord: word });
    for (const raw of patterns) builder = builder.addPattern(parseRawPattern(raw));
    return builder;
  });
}
dataset.addPhrase((p) => {
  let builder = p.setMetadata({ originalWord: 'allowed' });
  for (const word of ALLOWED_WORDS) builder = builder.addWhitelistedTerm(word);
  return builder;
});
const built = dataset.build();
const matcher = new RegExpMatcher({ ...built, ...englishRecommendedTransformers });

/** Every word the dataset knows, for matching masked words like "f**k" and "c**t". */
const KNOWN_WORDS: readonly string[] = (() => {
  const words = new Set<string>();
  for (const term of built.blacklistedTerms) {
    const meta = dataset.getPayloadWithPhraseMetadata({ termId: term.id, startIndex: 0, endIndex: 0, matchLength: 0 }).phraseMetadata;
    if (meta !== undefined && /^[a-z]{3,}$/.test(meta.originalWord)) words.add(meta.originalWord);
  }
  return [...words];
})();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A superset of one obscenity pattern over a word whose letter runs are cut to
 * at most two (as obscenity's own duplicate collapsing does): a single letter
 * in the pattern may appear once or twice, a doubled one exactly twice.
 */
function gateSource(p: ParsedPattern): string {
  let out = p.requireWordBoundaryAtStart ? '(?<![a-z])' : '';
  const lit = (chars: readonly number[]): string => {
    let s = '';
    for (let k = 0; k < chars.length; k++) {
      const code = chars[k] ?? 0;
      const ch = escapeRe(String.fromCharCode(code));
      if (chars[k + 1] === code) {
        s += ch + ch;
        k++;
      } else s += `${ch}{1,2}`;
    }
    return s;
  };
  for (const node of p.nodes) {
    if (node.kind === 2) out += lit(node.chars);
    // a wildcard stands for one letter of obscenity's collapsed text: one or two of ours
    else if (node.kind === 1) out += '.{1,2}';
    else if (node.kind === 0) out += node.childNode.kind === 2 ? `(?:${lit(node.childNode.chars)})?` : '.{0,2}';
  }
  return out + (p.requireWordBoundaryAtEnd ? '(?![a-z])' : '');
}

const GATE = new RegExp(built.blacklistedTerms.map((t) => gateSource(t.pattern)).join('|'));

/** Cut runs of three or more of the same letter to two ("fuuuuck" → fuuck). */
function collapseRuns(word: string): string {
  let out = '';
  let from = 0;
  for (let k = 2; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c === word.charCodeAt(k - 1) && c === word.charCodeAt(k - 2)) {
      out += word.slice(from, k);
      from = k + 1;
    }
  }
  return from === 0 ? word : out + word.slice(from);
}

/**
 * Per-word gate results, cached: chat vocabulary is small and repetitive, so
 * most words are looked up, not matched. Bounded so odd input cannot grow it.
 */
const gateCache = new Map<string, boolean>();
const GATE_CACHE_LIMIT = 50000;

function gateWord(word: string): boolean {
  let hit = gateCache.get(word);
  if (hit === undefined) {
    hit = GATE.test(collapseRuns(word));
    if (gateCache.size < GATE_CACHE_LIMIT) gateCache.set(word, hit);
  }
  return hit;
}

/** First words of the two-word phrases in the dataset ("bell end", "double penetration"). */
const PAIR_FIRST = new Set(['bell', 'knob', 'double', 'jerk', 'finger', 'hand', 'blow', 'deep', 'gang', 'butt']);

/**
 * Words-view spans of words (and two-word phrases) that pass the gate. The words view and the
 * key view have the same words (squeezing only drops repeated letters) unless the text has a
 * '*', so a word whose key form is just as long IS its key form: its gate result is kept on the
 * key word's record, which the rule stages have already looked up (no second dictionary lookup).
 */
function gateHits(norm: NormalisedText): Array<[number, number]> {
  const text = norm.words.text;
  const kw = text.includes('*') ? undefined : keyWordsOf(norm, norm.key.text);
  const hits: Array<[number, number]> = [];
  let prevStart = -1;
  let prevWord = '';
  let k = 0; // index of the current word in kw
  let i = 0;
  const n = text.length;
  while (i < n) {
    let j = text.indexOf(' ', i);
    if (j < 0) j = n;
    if (j > i) {
      const info = kw?.infos[k];
      k++;
      let pass: boolean;
      let word: string;
      if (info !== undefined && info.word.length === j - i) {
        if (info.abusive === 0) info.abusive = gateWord(info.word) ? 2 : 1;
        pass = info.abusive === 2;
        word = info.word;
      } else {
        word = text.slice(i, j);
        pass = gateWord(word);
      }
      if (pass) hits.push([i, j]);
      else if (PAIR_FIRST.has(prevWord) && gateWord(prevWord + word)) hits.push([prevStart, j]);
      prevStart = i;
      prevWord = word;
    }
    i = j + 1;
  }
  return hits;
}

/** Words-view windows [start, end) around gate hits: one word either side, merged. */
function windows(norm: NormalisedText): Array<[number, number]> {
  const text = norm.words.text;
  const out: Array<[number, number]> = [];
  for (const [hs, he] of gateHits(norm)) {
    let ws = hs;
    let we = he;
    if (ws > 0) ws = text.lastIndexOf(' ', ws - 2) + 1;
    if (we < text.length) {
      const sp = text.indexOf(' ', we + 1);
      we = sp < 0 ? text.length : sp;
    }
    const prev = out[out.length - 1];
    // Merge neighbouring windows, but keep each one small so a wall of abuse is read in
    // pieces (and reading stops once the verdict is clear).
    if (prev !== undefined && ws <= prev[1] && we - prev[0] <= MAX_WINDOW) prev[1] = Math.max(prev[1], we);
    else out.push([ws, we]);
  }
  return out;
}

const MAX_WINDOW = 400;

const MAX_FINDINGS = 32;

function finding(rule: string, word: string, span: [number, number]): Finding {
  const hate = HATE_WORDS.has(word);
  return {
    stage: 'abusive-language',
    rule,
    category: hate ? 'hate' : 'abusive-language',
    severity: 'low',
    span,
  };
}

/** Masked words ("f**k", "sh*t", "c**t"): letters that fit a known word with stars for the rest. */
function maskedWords(words: TextView): Finding[] {
  const text = words.text;
  if (!text.includes('*')) return [];
  const out: Finding[] = [];
  let i = 0;
  while (i < text.length) {
    let j = text.indexOf(' ', i);
    if (j < 0) j = text.length;
    const token = text.slice(i, j);
    if (token.includes('*') && /^[a-z]/.test(token)) {
      for (const w of KNOWN_WORDS) {
        if (token.length < w.length || token[0] !== w[0]) continue;
        let ok = true;
        let stars = 0;
        for (let k = 0; k < w.length && ok; k++) {
          const c = token[k];
          if (c === '*') stars++;
          else if (c !== w[k]) ok = false;
        }
        if (ok && stars > 0 && stars < w.length) {
          out.push(finding(`obscenity-masked:${w}`, w, toOriginalSpan(words, i, j)));
          break;
        }
      }
    }
    i = j + 1;
  }
  return out;
}

export const abusiveLanguage: Phase = ({ norm }) => {
  const out: Finding[] = [...maskedWords(norm.words)];
  const seen = new Set<string>();
  for (const [ws, we] of windows(norm)) {
    // Enough to decide the verdict: do not spend more on abuse-dense (or adversarial) text.
    if (out.length >= MAX_FINDINGS) break;
    const window = norm.words.text.slice(ws, we);
    for (const match of matcher.getAllMatches(window, true)) {
      const meta = dataset.getPayloadWithPhraseMetadata(match).phraseMetadata;
      const word = meta?.originalWord ?? 'unknown';
      const span = toOriginalSpan(norm.words, ws + match.startIndex, ws + match.endIndex + 1);
      const id = `${word}:${span[0]}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(finding(`obscenity:${word}`, word, span));
    }
  }
  return out.length > 0 ? { findings: out } : undefined;
};

/** Exposed for tests: the number of obscenity patterns in use. */
export const OBSCENITY_PATTERN_COUNT = built.blacklistedTerms.length;
