/**
 * Property / fuzz tests: the filter never throws on any input within limits,
 * spans always point inside the text, and adversarial input stays linear.
 * Uses a small seeded PRNG (no fast-check), so every run is the same.
 */
import { describe, expect, it } from 'vitest';
import { ModerationInputError, createModerator, normalise, type Verdict } from '../../../moderation/index.js';
import { rng } from './helpers.js';

const POOLS: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz      ',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  '!@#$%^&*()_+-=[]{};:\'",.<>/?\\|`~',
  '\u200B\u200C\u200D\u2060\uFEFF\u00AD\u202E\u202D\u200F\u200E', // zero-width, bidi
  '\u0000\u0001\u0007\u001B\u007F\u0085\n\r\t\u000B\u000C', // control characters
  '\u0301\u0336\u0308\u20DD\uFE0F\uFE0E', // combining marks, variation selectors
  'مرحبا بالعالم שלום עולם', // RTL
  'ｋｉｌｌ ｍｙｓｅｌｆ ᴅɪᴇ ѕυιcιdє 𝐤𝐢𝐥𝐥 ⓚⓘⓛⓛ',
  '😀😂💀🔪👨‍👩‍👧‍👦🏳️‍🌈🇬🇧🇰🇮🇱🇱',
  '\uD800\uDBFF\uDC00\uDFFF', // lone surrogates
  '中文字符日本語한국어',
  'ßæœøłđıﬁﬂ№™℮',
];

const WORDS = ['kill', 'myself', 'k1ll', 'k i l l', 'snap', '07911', '123456', '@x', 'die', 'sh', 'kms', 'f*ck', 'lol', 'at', 'dot', 'com', 'a', 'i', 'u'];

function randomText(random: () => number, maxLength: number): string {
  const length = Math.floor(random() * maxLength);
  let out = '';
  while (out.length < length) {
    if (random() < 0.2) {
      out += `${WORDS[Math.floor(random() * WORDS.length)] ?? ''} `;
      continue;
    }
    const pool = POOLS[Math.floor(random() * POOLS.length)] ?? '';
    const start = Math.floor(random() * pool.length);
    out += pool.slice(start, start + 1 + Math.floor(random() * 3));
  }
  return out.slice(0, length);
}

function assertWellFormed(v: Verdict, text: string): void {
  expect(['allow', 'hold', 'block']).toContain(v.action);
  expect(['none', 'low', 'medium', 'high', 'urgent']).toContain(v.severity);
  expect(typeof v.escalate).toBe('boolean');
  for (const r of v.reasons) {
    expect(r.rule).not.toBe('internal-error');
    expect(r.span[0]).toBeGreaterThanOrEqual(0);
    expect(r.span[1]).toBeLessThanOrEqual(text.length);
    expect(r.span[0]).toBeLessThanOrEqual(r.span[1]);
  }
}

describe('fuzz: never throws within limits', () => {
  const moderator = createModerator({ maxLength: 200_000 });

  it('handles 3,000 seeded random texts of mixed scripts, controls and surrogates', () => {
    const random = rng(424242);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(random, i % 10 === 0 ? 3000 : 300);
      let v: Verdict | undefined;
      expect(() => {
        v = moderator.checkLocal(text);
      }, JSON.stringify(text)).not.toThrow();
      if (v !== undefined) assertWellFormed(v, text);
    }
    expect(moderator.stats().filterErrors).toBe(0);
  });

  it('handles the edge cases by name', () => {
    const cases = [
      '',
      ' ',
      '\u200B\u200B\u200B',
      '\uD800',
      '\uDFFF\uD800',
      'a\u0000b',
      '💀'.repeat(500),
      '👨‍👩‍👧‍👦',
      'مرحبا kill myself שלום',
      '\u202Eflesym llik\u202C',
      '\n'.repeat(1000),
      '@'.repeat(1000),
      '#1234'.repeat(100),
    ];
    for (const text of cases) assertWellFormed(moderator.checkLocal(text), text);
  });

  it('still finds a disclosure wrapped in noise', () => {
    const v = moderator.checkLocal('\u202E😂\u200B i w\u200Ban\u0336t t\u0301o k\u200Dill m\u00ADyself \uD800 مرحبا');
    expect(v.escalate).toBe(true);
    expect(v.categories).toContain('self-harm');
  });

  it('check() never rejects within limits either', async () => {
    const random = rng(99);
    for (let i = 0; i < 200; i++) {
      const text = randomText(random, 500);
      await expect(moderator.check(text)).resolves.toBeDefined();
    }
  });

  it('gives a typed error, not a crash, over the limit', () => {
    const strict = createModerator();
    const big = 'a'.repeat(100_000);
    expect(() => strict.checkLocal(big)).toThrow(ModerationInputError);
  });

  it('normalise alone never throws and keeps its maps the same length as its text', () => {
    const random = rng(7);
    for (let i = 0; i < 1000; i++) {
      const text = randomText(random, 400);
      const n = normalise(text);
      for (const view of [n.lite, n.words, n.key]) {
        expect(view.start.length).toBe(view.text.length);
        expect(view.end.length).toBe(view.text.length);
      }
    }
  });
});

describe('adversarial input stays linear (no catastrophic backtracking)', () => {
  const moderator = createModerator({ maxLength: 200_000 });
  const KB100 = 100_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);
  const ADVERSARIAL: Array<[string, string]> = [
    ['one long word', fill('a')],
    ['repeated letters', fill('diiiiiiiiie')],
    ['split letters', fill('k i l l ')],
    ['dotted letters', fill('s.')],
    ['digits', fill('0 7 9 1 1 ')],
    ['number words', fill('one two ')],
    ['at signs', fill('a@')],
    ['email-ish', fill('a.b.c.d.e@')],
    ['hashes', fill('a#1')],
    ['gap words', fill('i want to want to want to ')],
    ['rule words', fill('kill myself ')],
    ['swear words', fill('fuck ')],
    ['masked', fill('f*')],
    ['postcode-ish', fill('ab1 ')],
    ['leetspeak', fill('k1ll3')],
    ['zero-width', fill('k\u200B')],
    ['emoji', fill('😂')],
    ['surrogates', fill('\uD800')],
  ];

  // Work is bounded by counting: each 100 KB input must finish well inside a budget that
  // only quadratic (or worse) behaviour could exceed. Speed targets live in the benchmark.
  it.each(ADVERSARIAL)('%s: 100 KB finishes within budget', (_name, text) => {
    const started = performance.now();
    const v = moderator.checkLocal(text);
    const ms = performance.now() - started;
    assertWellFormed(v, text);
    expect(ms).toBeLessThan(3000);
  });
});
