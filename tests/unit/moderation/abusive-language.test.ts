import { describe, expect, it } from 'vitest';
import { OBSCENITY_PATTERN_COUNT } from '../../../moderation/phases/abusive-language.js';
import { createModerator } from '../../../moderation/index.js';
import { check, isQuiet } from './helpers.js';

describe('abusive language through obscenity', () => {
  it('uses the obscenity English dataset (plus British words), not a short hand list', () => {
    expect(OBSCENITY_PATTERN_COUNT).toBeGreaterThan(100);
  });

  it.each([
    'you are a stupid bitch',
    'piss off you loser',
    'fuck off',
    'f u c k you',
    'f.u.c.k off',
    'fuuuuuck off',
    'you stupid b1tch',
    'what a cvnt',
    'shut up you f*cking idiot',
    'sh*t',
    'ur a c**t',
    'stfu',
    'you absolute bellend',
    'such a knobhead',
    'fück off',
  ])('blocks %s as low-severity abuse without escalating', (text) => {
    const v = check(text);
    expect(v.categories, JSON.stringify(v)).toContain('abusive-language');
    expect(v.action).toBe('block');
    expect(v.escalate).toBe(false);
    expect(v.severity).toBe('low');
  });

  it('files slurs as hate', () => {
    const v = check('you retard');
    expect(v.categories).toContain('hate');
    expect(v.action).toBe('block');
  });

  it.each(['my assessment went well', 'I live in Scunthorpe', 'we went to Essex and Sussex', 'class was fun', 'the grass is wet', 'the title of the book', 'cocktail sausages', 'analysis of the results', 'passionate about music'])(
    'leaves %s alone',
    (text) => {
      expect(isQuiet(check(text)), JSON.stringify(check(text))).toBe(true);
    },
  );

  it('points the reason span at the word in the original text', () => {
    const text = 'omg you are such a b!tch lol';
    const r = check(text).reasons.find((x) => x.category === 'abusive-language');
    expect(text.slice(r?.span[0], r?.span[1])).toBe('b!tch');
  });

  it('lets the organisation hold instead of block', () => {
    const m = createModerator({ policy: { categories: { 'abusive-language': { action: 'hold' } } } });
    expect(m.checkLocal('piss off').action).toBe('hold');
  });

  it('does not turn a disclosure into a blocked message because of a swear word in it', () => {
    const v = check('my stepdad beat the shit out of me last night');
    expect(v.escalate).toBe(true);
    expect(v.action).toBe('hold');
    expect(v.categories).not.toContain('abusive-language');
  });
});
