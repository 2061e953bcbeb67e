import { describe, expect, it } from 'vitest';
import { normalise, toOriginalSpan } from '../../../moderation/normalise.js';

const key = (t: string): string => normalise(t).key.text;
const words = (t: string): string => normalise(t).words.text;

describe('normalise: offsets map back to the original text', () => {
  it('maps a leetspeak span back to the original characters', () => {
    const original = 'ok so I want to K1LL mys3lf!!';
    const n = normalise(original);
    const at = n.key.text.indexOf('kil myself');
    expect(at).toBeGreaterThanOrEqual(0);
    const [s, e] = toOriginalSpan(n.key, at, at + 'kil myself'.length);
    expect(original.slice(s, e)).toBe('K1LL mys3lf');
  });

  it('maps through zero-width characters, emoji and surrogate pairs', () => {
    const original = '😂 k\u200Bi\u200Dl\u2060l me';
    const n = normalise(original);
    expect(n.key.text).toBe('kil me');
    const [s, e] = toOriginalSpan(n.key, 0, 3);
    expect(original.slice(s, e)).toBe('k\u200Bi\u200Dl\u2060l');
  });

  it('maps an expansion (kms) to the whole abbreviation', () => {
    const original = 'honestly kms';
    const n = normalise(original);
    expect(n.words.text).toBe('honestly kill myself');
    const at = n.key.text.indexOf('kil');
    const [s, e] = toOriginalSpan(n.key, at, n.key.text.length);
    expect(original.slice(s, e)).toBe('kms');
  });

  it('maps split letters to the span they were spread over', () => {
    const original = 'i will k i l l myself';
    const n = normalise(original);
    const at = n.key.text.indexOf('kil');
    const [s, e] = toOriginalSpan(n.key, at, at + 3);
    expect(original.slice(s, e)).toBe('k i l l');
  });

  it('keeps every map entry inside the original text', () => {
    const original = 'Ｆｕｌｌｗｉｄｔｈ ﬁne ß 🇰🇮🇱🇱 \uD800 e\u0301';
    const n = normalise(original);
    for (const view of [n.lite, n.words, n.key]) {
      expect(view.start.length).toBe(view.text.length);
      for (let i = 0; i < view.text.length; i++) {
        expect(view.start[i]).toBeGreaterThanOrEqual(0);
        expect(view.end[i]).toBeLessThanOrEqual(original.length);
        expect(view.start[i]).toBeLessThanOrEqual(view.end[i] ?? -1);
      }
    }
  });
});

describe('normalise: folding', () => {
  it('applies compatibility forms, case and accents', () => {
    expect(key('Ｆｕｌｌｗｉｄｔｈ KILL')).toBe('fulwidth kil');
    expect(key('ＫＩＬＬ ＭＹＳＥＬＦ')).toBe('kil myself');
    expect(key('naïve café')).toBe('naive cafe');
    expect(key('𝐤𝐢𝐥𝐥 𝐦𝐞')).toBe('kil me');
  });

  it('folds homoglyphs and small capitals', () => {
    expect(key('kіll mуsеlf')).toBe('kil myself'); // Cyrillic і, у, е
    expect(key('I ᴡᴀɴᴛ ᴛᴏ ᴅɪᴇ')).toBe('i want to die');
    expect(key('🇰🇮🇱🇱')).toBe('kil');
  });

  it('removes zero-width and combining characters', () => {
    expect(key('s\u200Bu\u200Ci\u200Dc\uFEFFi\u00ADde')).toBe('suicide');
    expect(key('d\u0336i\u0336e\u0336')).toBe('die');
  });
});

describe('normalise: leetspeak, repeats, split letters, slang', () => {
  it('resolves leetspeak inside words only', () => {
    expect(words('k1ll mys3lf')).toBe('kill myself');
    expect(words('d1e')).toBe('die');
    expect(words('$h!t')).toBe('shit');
    expect(words('call 07911 123456')).toBe('call 07911 123456');
    expect(words('help!!')).toBe('help');
  });

  it('squeezes repeated letters in the key view', () => {
    expect(key('i wanna diiiiie')).toBe('i want to die');
    expect(key('sooooo saaaad')).toBe('so sad');
  });

  it('joins letters split by spaces or symbols', () => {
    expect(words('k i l l')).toBe('kill');
    expect(words('s.u.i.c.i.d.e')).toBe('suicide');
    expect(words('d-i-e')).toBe('die');
    expect(words('k y s')).toBe('kill yourself');
    expect(words('k i l l m y s e l f')).toBe('kill myself');
    expect(words('i w a n t t o d i e')).toBe('i want to die');
  });

  it('does not glue ordinary single-letter words', () => {
    expect(words('u r a legend')).toBe('you are a legend');
    expect(words('i got a b in maths')).toBe('i got a b in maths');
  });

  it('expands slang and abbreviations', () => {
    expect(words('kms')).toBe('kill myself');
    expect(words('kys')).toBe('kill yourself');
    expect(words('i wanna')).toBe('i want to');
    expect(words('im gonna')).toBe('im going to');
    expect(words('sewerslide')).toBe('suicide');
    expect(words("don't")).toBe('dont');
    expect(words('my step dad')).toBe('my stepdad');
    expect(words('2nite')).toBe('tonight');
  });

  it('reads "sh" as self-harm only in context', () => {
    expect(words('did sh again')).toBe('did self harm again');
    expect(words('my sh scars')).toBe('my self harm scars');
    expect(words('sh be quiet')).toBe('sh be quiet');
  });

  it('copes with empty and whitespace-only text', () => {
    expect(normalise('').key.text).toBe('');
    expect(normalise(' \n\t ').key.text).toBe('');
    expect(normalise('💀💀').key.text).toBe('');
  });
});
