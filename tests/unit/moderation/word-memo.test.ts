/**
 * The per-word records (moderation/rules/gated.ts) are remembered across messages and trimmed
 * when the memo grows large; gate flags, gate entries and the abusive-language and phone-number
 * flags kept on them must give the same verdicts before and after a trim, whatever order
 * messages come in.
 */
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../../moderation/index.js';
import { normalise } from '../../../moderation/normalise.js';
import { keyWords, keyWordsOf } from '../../../moderation/rules/gated.js';
import { FIXTURES, loadJsonl, rng } from './helpers.js';

const SAMPLES = [
  'i want to kill myself tonight',
  'ive started cutting my legs where nobody can see',
  'my foster carers son keeps touching me when no ones in',
  'add me on snap its kayla double seven oh one two three four five six seven',
  'you are a fucking idiot',
  'f**k off you c**t',
  'this homework is killing me lol',
  'we smashed it at football yesterday, sooo good',
];

/** A message of `count` made-up words no dataset uses (fills the word memo). */
function junk(random: () => number, count: number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  const words: string[] = [];
  for (let k = 0; k < count; k++) {
    let w = 'q';
    const len = 5 + Math.floor(random() * 6);
    for (let c = 0; c < len; c++) w += letters[Math.floor(random() * letters.length)] ?? 'b';
    words.push(w);
  }
  return words.join(' ');
}

describe('per-word memo', () => {
  it('gives the same verdicts before and after the memo is trimmed', () => {
    const fresh = createModerator();
    const before = SAMPLES.map((t) => fresh.checkLocal(t));
    const random = rng(7);
    // Well past the memo's bound (10,000 words beyond the pinned anchor words), in long messages.
    for (let m = 0; m < 120; m++) fresh.checkLocal(junk(random, 150));
    expect(SAMPLES.map((t) => fresh.checkLocal(t))).toEqual(before);
    // Interleaved with junk, so a trim can fall just before any sample.
    for (const [i, t] of SAMPLES.entries()) {
      for (let m = 0; m < 20; m++) fresh.checkLocal(junk(random, 150));
      expect(fresh.checkLocal(t)).toEqual(before[i]);
    }
  });

  it('gives every dataset line the same verdict whether or not other messages came first', () => {
    const texts = [FIXTURES.heldout, FIXTURES.starter].flatMap(loadJsonl).map((i) => i.text);
    const a = createModerator();
    const inOrder = texts.map((t) => a.checkLocal(t));
    const reversed = [...texts].reverse().map((t) => a.checkLocal(t)).reverse();
    expect(reversed).toEqual(inOrder);
  });

  it('keeps an older message\'s words usable after a newer message was cut into words', () => {
    const norm = normalise('i want to kill myself tonight');
    const kw = keyWordsOf(norm, norm.key.text);
    keyWords('something else entirely'); // moves the message stamp on
    expect(keyWordsOf(norm, norm.key.text).words).toEqual(kw.words);
  });
});
