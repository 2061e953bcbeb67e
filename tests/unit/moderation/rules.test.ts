import { describe, expect, it } from 'vitest';
import { SAFEGUARDING_RULES, safeguardingRuleSet } from '../../../moderation/rules/index.js';
import { compileTemplate, TemplateError } from '../../../moderation/rules/template.js';
import { MACROS } from '../../../moderation/rules/macros.js';
import { SAFEGUARDING_CATEGORIES } from '../../../moderation/types.js';
import { check, escalatesAtLeast, isQuiet } from './helpers.js';

/** Messages per category, written for these tests (the datasets are separate). */
const CASES: Record<string, Array<[string, 'medium' | 'high' | 'urgent']>> = {
  'self-harm': [
    ['i keep thinking i should just kill myself', 'high'],
    ['gonna end my life', 'high'],
    ['i want to d i e', 'high'],
    ['been self harming again', 'high'],
    ['i took a handful of pills on purpose', 'high'],
    ['i have the rope ready for tonight', 'urgent'],
  ],
  abuse: [
    ['my carer slaps me when she is angry', 'high'],
    ['my stepdad touched me and told me not to tell', 'high'],
    ['they never give us any food at home', 'medium'],
  ],
  'sexual-exploitation': [
    ['a man on insta keeps asking me to send pics of me', 'high'],
    ['my boyfriend is 23 and says no one can know', 'high'],
  ],
  'criminal-exploitation': [
    ['they make me sell weed for them after school', 'high'],
    ['my olders sent me country for a week', 'high'],
  ],
  missing: [['im running away tonight nobody will know', 'medium']],
  weapons: [['ive got a blade in my bag for protection', 'high']],
  violence: [['im going to stab him tomorrow', 'medium']],
  bullying: [
    ['kys you freak', 'medium'],
    ['i get bullied every day at school', 'medium'],
  ],
  drugs: [['been smoking weed every day to cope', 'medium']],
  eating: [['i make myself sick after i eat', 'medium']],
  'domestic-abuse': [['my dad beats my mum when he is drunk', 'high']],
  radicalisation: [['this guy says the race war is coming and i should join', 'high']],
};

describe('safeguarding rules: every category escalates with its severity', () => {
  for (const category of SAFEGUARDING_CATEGORIES) {
    it(`${category}`, () => {
      const cases = CASES[category];
      expect(cases, `no cases for ${category}`).toBeDefined();
      for (const [text, min] of cases ?? []) {
        const v = check(text);
        expect(escalatesAtLeast(v, min), `${text} → ${JSON.stringify(v)}`).toBe(true);
        expect(v.categories, text).toContain(category);
        expect(v.action).not.toBe('allow');
      }
    });
  }

  it('has rules for every safeguarding category', () => {
    const covered = new Set(SAFEGUARDING_RULES.map((r) => r.category));
    for (const c of SAFEGUARDING_CATEGORIES) expect(covered.has(c), c).toBe(true);
  });

  it('raises self-harm with time or means to urgent', () => {
    expect(check('i want to kill myself').severity).toBe('high');
    expect(check('i want to kill myself tonight').severity).toBe('urgent');
    expect(check('ive been saving my tablets up').severity).toBe('urgent');
  });

  it('points the reason span at the words that matched', () => {
    const text = 'lol anyway. i want to k1ll myself';
    const v = check(text);
    const r = v.reasons.find((x) => x.category === 'self-harm');
    expect(r).toBeDefined();
    expect(text.slice(r?.span[0], r?.span[1])).toContain('k1ll myself');
  });

  it('files "they tell me to kill myself" as bullying, and "kys" aimed at someone is blocked', () => {
    const told = check('they keep telling me to kill myself');
    expect(told.categories).toContain('bullying');
    expect(told.escalate).toBe(true);
    const kys = check('kys nobody wants you here');
    expect(kys.action).toBe('block');
    expect(kys.escalate).toBe(true);
  });
});

describe('benign idioms and near-misses stay quiet', () => {
  const BENIGN = [
    'this homework is killing me',
    'my feet are killing me after that walk',
    'i was dying of laughter',
    'i could kill for a pizza',
    "i'd die for a cup of tea",
    'i nearly died when she said that',
    'dead tired after football',
    'im dead 😂😂',
    'i want to cut my hair short',
    'i cut my finger chopping onions',
    'we killed it at the talent show',
    'the sniper kills everyone in one shot in this game',
    'the assessment was fine',
    'i live near Scunthorpe',
    'shoot me a message on here',
    'we smashed our exams',
    'my mum will kill me if im late again',
    'i ran out of credit',
    'our cat went missing but came home',
    'the knife and fork session was good',
    'we learnt about knife crime in pshe',
    'we did a lesson about county lines',
    'i get high marks in science',
    'tottenham got battered again',
    'i want to lose a bit of weight for football',
    'i hate mondays',
    'the film was about a killer shark',
    'i burnt myself on the oven making toast',
    'i hurt myself playing football',
    'going to the country park on saturday',
    'my boyfriend is 16 like me',
    'can you send the pics from the trip on here',
  ];
  for (const text of BENIGN) {
    it(text, () => {
      const v = check(text);
      expect(isQuiet(v), JSON.stringify(v)).toBe(true);
    });
  }
});

describe('rule templates', () => {
  it('rejects malformed templates at build time', () => {
    expect(() => compileTemplate('(kill|die', MACROS)).toThrow(TemplateError);
    expect(() => compileTemplate('~2 kill', MACROS)).toThrow(TemplateError);
    expect(() => compileTemplate('{NOPE} kill', MACROS)).toThrow(TemplateError);
    expect(() => compileTemplate("don't", MACROS)).toThrow(TemplateError);
  });

  it('squeezes literals like the key view and gates on rare words', () => {
    const t = compileTemplate('(kill|end) (myself|my life)', MACROS);
    t.regex.lastIndex = 0;
    expect(t.regex.test('i want to kil myself')).toBe(true);
    expect(t.gates.length).toBe(2);
    expect(t.firsts?.map((a) => a.word)).toEqual(['kil', 'end']);
  });

  it('leaves almost no rule ungated (ungated rules run on every message)', () => {
    expect(safeguardingRuleSet.ungatedRules.length).toBeLessThanOrEqual(3);
  });
});
