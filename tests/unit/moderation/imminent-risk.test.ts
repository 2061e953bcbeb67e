/**
 * Concepts added after held-out 7's first run (by concept, not by its strings): the imminent-risk
 * family (a danger spot now, medicine in quantity, method-seeking, finality), plus the normaliser
 * keeping numbers with units, and the false alarms (a roof terrace, a platform, a dosing question,
 * a painless tattoo, literature). The labelled examples are in tests/fixtures/safeguarding/tuning.jsonl
 * (ids "t3-…"); these are the pieces of machinery underneath.
 */
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../moderation/normalise.js';
import { check, escalatesAtLeast, isQuiet } from './helpers.js';

const key = (t: string): string => normalise(t).key.text;

describe('normaliser: quantities are not leetspeak', () => {
  it('keeps a number with a unit or a real ordinal', () => {
    expect(key('under 45kg by the 8th')).toBe('under 45kg by the 8th');
    expect(key('7st 2nd 3rd 21st')).toBe('7st 2nd 3rd 21st');
  });

  it('still reads leetspeak that only looks like a quantity', () => {
    expect(key('sleep 4nd never w4ke')).toBe('slep and never wake');
    expect(key('k1ll mys3lf')).toBe('kil myself');
  });
});

describe('imminent risk: a place of danger now', () => {
  it.each([
    'up on the roof of the car park rn',
    'sat on the window ledge atm',
    'lying on the tracks, this is goodbye',
    'top floor of the multi storey, not scared anymore',
  ])('is urgent: %s', (text) => {
    expect(escalatesAtLeast(check(text), 'urgent'), JSON.stringify(check(text).reasons)).toBe(true);
  });

  it.each([
    'on the roof terrace for the party rn',
    'waiting on the platform for the train rn',
    'theres a seagull on the roof of my block rn',
    'went to the top of the car park for the sunset with my mates',
  ])('stays quiet: %s', (text) => {
    expect(isQuiet(check(text)), JSON.stringify(check(text).reasons)).toBe(true);
  });
});

describe('imminent risk: medicine in quantity, for any common medicine', () => {
  it.each(['olanzapine', 'mirtazapine', 'propranolol', 'zopiclone', 'pregabalin'])('escalates all my %s at once', (med) => {
    expect(escalatesAtLeast(check(`if i took all my ${med} at once would it work`), 'high')).toBe(true);
  });

  it.each(['how many ibuprofen can i take for period cramps', 'can i take paracetamol and ibuprofen together', 'i take my quetiapine every night as prescribed'])(
    'allows the dosing question %s',
    (text) => {
      expect(isQuiet(check(text)), JSON.stringify(check(text).reasons)).toBe(true);
    },
  );
});

describe('imminent risk: method-seeking and finality', () => {
  it.each(['whats the most peaceful way to go', 'how long would it take to drown', 'would i survive a fall from the 6th floor', 'its time, the pills are lined up'])(
    'escalates %s',
    (text) => {
      expect(escalatesAtLeast(check(text), 'high'), JSON.stringify(check(text).reasons)).toBe(true);
    },
  );

  it.each(['painless way to go about asking for a raise', 'does it hurt? hanging out with my mates later', 'not scared of spiders anymore', 'hamlet and ophelia both kill themselves, need quotes for my essay'])(
    'stays quiet: %s',
    (text) => {
      expect(isQuiet(check(text)), JSON.stringify(check(text).reasons)).toBe(true);
    },
  );
});

describe('aimed British insults', () => {
  it('blocks an insult aimed at someone, not one aimed at oneself', () => {
    expect(check('you absolute plonker').action).toBe('block');
    expect(isQuiet(check('im such a numpty sometimes'))).toBe(true);
  });
});
