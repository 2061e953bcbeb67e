/**
 * Concepts added after held-out 6's first run (by concept, not by its strings): slang and
 * abbreviations for self-harm, overdose means and quantities, no settled place to sleep,
 * street words for weapons and feuds, threats to break bones, sustained and impersonating
 * bullying, drug harm, coercive control, travel offered to join a fight, emotional harm and
 * neglect by a carer, and the false alarms (talk about a topic, peer support, cake knives,
 * one skipped meal, "die if i dont get tickets", place names with rude substrings).
 * The labelled examples live in tests/fixtures/safeguarding/tuning.jsonl (ids "t2-…"); these
 * are the pieces of machinery underneath.
 */
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../moderation/normalise.js';
import { ALLOWED_WORDS } from '../../../moderation/phases/abusive-language.js';
import { check, escalatesAtLeast, isQuiet } from './helpers.js';

const words = (t: string): string => normalise(t).words.text;

describe('normaliser: abbreviations and dropped g', () => {
  it('reads "s/h" and "s-h" as self harm, but leaves initials with dots alone', () => {
    expect(words('s/h again')).toBe('self harm again');
    expect(words('did s-h a lot')).toBe('did self harm a lot');
    expect(words('s.h. on my bag')).toBe('s h on my bag');
  });

  it('writes a dropped g back from a fixed list of stems, never by a suffix rule', () => {
    expect(words('sleepin in the park')).toBe('sleeping in the park');
    expect(words('cuttin again')).toBe('cutting again');
    expect(words('robin begin cabin')).toBe('robin begin cabin');
  });

  it('maps an "s/h" expansion back to the whole abbreviation', () => {
    const original = 'ok s/h again';
    const v = check(original);
    const reason = v.reasons.find((r) => r.category === 'self-harm');
    expect(reason).toBeDefined();
    expect(original.slice(reason?.span[0], reason?.span[1])).toContain('s/h');
  });
});

describe('abusive language: the maintained allow-list', () => {
  it.each(['going to penistone on saturday', 'we drove through cumnock', 'walked offas dyke', 'blue tits on the feeder', 'dickinson wrote poems'])(
    'lets the innocent word in %s through',
    (text) => {
      expect(isQuiet(check(text)), JSON.stringify(check(text))).toBe(true);
    },
  );

  it('still blocks the rude word the place name contains', () => {
    expect(check('you penis').action).toBe('block');
    expect(check('what a dyke').categories).toContain('hate');
  });

  it('is written as the words view has it (lower case, no apostrophes, single spaces)', () => {
    for (const w of ALLOWED_WORDS) expect(words(w)).toBe(w);
  });

  it.each(['shut up you wasteman', 'dirty sket', 'what a scrote'])('blocks British insult %s', (text) => {
    expect(check(text).action).toBe('block');
  });
});

describe('contact details: peer support inside the app is not a contact swap', () => {
  it.each(['if u ever feel low u can message me x', 'text me whenever you feel down'])('allows %s', (text) => {
    expect(isQuiet(check(text))).toBe(true);
  });

  it.each(['message me on insta if you need to talk', 'if you feel low add me on snap', 'dm me'])('still holds %s', (text) => {
    expect(check(text).action).not.toBe('allow');
  });
});

describe('new concepts escalate in fresh phrasings', () => {
  it.each([
    ['i unalived myself in my head a hundred times today', 'high'],
    ['the amount of paracetamol it would take is all i think about, i looked it up', 'high'],
    ['im going to cut to the beans tonight', 'urgent'],
    ['ive had nowhere to sleep since friday', 'medium'],
    ['absconded from resi again', 'medium'],
    ['hes gonna sort me a ting before we ride on the opps', 'high'],
    ['im caving his head in when i catch him', 'medium'],
    ['someone made a fake tiktok pretending to be me', 'medium'],
    ['took a pill at the rave and my heart was pounding all night', 'medium'],
    ['my stepdad takes all my mums wages and checks her texts', 'high'],
    ['my foster carer says im a burden and nobody will ever want me', 'high'],
  ] as const)('%s', (text, min) => {
    const v = check(text);
    expect(escalatesAtLeast(v, min), JSON.stringify(v)).toBe(true);
  });

  it.each([
    'we did a podcast about county lines for media studies',
    'bringing a bread knife for the picnic',
    'skipped tea cos i had a big lunch',
    'gonna die if i dont get to see them live',
    'im strapped for cash till payday',
    'my brother is going to fight in a boxing match and dad sorted the tickets',
    'went missing from the group pic lol',
  ])('stays quiet: %s', (text) => {
    const v = check(text);
    expect(isQuiet(v), JSON.stringify(v)).toBe(true);
  });
});
