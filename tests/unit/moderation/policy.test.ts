import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUPPORT_MESSAGE,
  PolicyError,
  createModerator,
  defaultPolicy,
  moderationPolicySchema,
  parsePolicy,
} from '../../../moderation/index.js';

describe('policy schema', () => {
  it('fills every default from an empty object', () => {
    const p = moderationPolicySchema.parse({});
    expect(p).toEqual(defaultPolicy);
    expect(p.remote.onRemoteFailure).toBe('hold-if-unsure');
    expect(p.remote.sendEscalated).toBe(false);
    expect(p.support.message).toBe(DEFAULT_SUPPORT_MESSAGE);
    expect(p.support.contacts.map((c) => c.phone)).toEqual(['0800 1111', '116 123', '999']);
  });

  it('rejects unknown keys and wrong types with readable issues', () => {
    expect(() => parsePolicy({ blockedTerms: [1] })).toThrow(PolicyError);
    expect(() => parsePolicy({ blokedTerms: ['x'] })).toThrow(/Unrecognized key/);
    expect(() => parsePolicy({ categories: { 'self-harm': { action: 'delete' } } })).toThrow(/categories\.self-harm\.action/);
    expect(() => parsePolicy({ categories: { nonsense: {} } })).toThrow(PolicyError);
    expect(() => parsePolicy({ remote: { thresholds: { TOXICITY: { hold: 2 } } } })).toThrow(PolicyError);
    expect(() => parsePolicy({ blockedTerms: ['   '] })).toThrow(PolicyError);
  });

  it('does not share default arrays between parsed policies', () => {
    const a = parsePolicy({});
    const b = parsePolicy({});
    a.blockedTerms.push('x');
    expect(b.blockedTerms).toEqual([]);
    expect(defaultPolicy.blockedTerms).toEqual([]);
  });

  it('createModerator validates raw policy input', () => {
    expect(() => createModerator({ policy: { suspectTerms: 'no' } as never })).toThrow(PolicyError);
  });
});

describe('policy overrides', () => {
  it('extra blocked terms block, even obfuscated', () => {
    const m = createModerator({ policy: { blockedTerms: ['lardo', 'fat lump'] } });
    for (const text of ['you lardo', 'LARD0!!', 'l a r d o', 'what a fat lump', 'fatlump']) {
      const v = m.checkLocal(text);
      expect(v.action, text).toBe('block');
      expect(v.categories, text).toContain('blocked-term');
    }
    expect(m.checkLocal('lard is used in pastry').action).toBe('allow');
  });

  it('extra suspect terms hold for a person', () => {
    const m = createModerator({ policy: { suspectTerms: ['the quarry'] } });
    const v = m.checkLocal('meet at the quarry later');
    expect(v.action).toBe('hold');
    expect(v.categories).toContain('suspect-term');
  });

  it('allowed terms suppress false positives inside them', () => {
    const base = createModerator();
    expect(base.checkLocal('we went to Shitterton Lane').action).not.toBe('allow');
    const m = createModerator({ policy: { allowedTerms: ['shitterton lane'] } });
    expect(m.checkLocal('we went to Shitterton Lane').action).toBe('allow');
    // only findings inside the allowed term are dropped
    expect(m.checkLocal('we went to Shitterton Lane you bitch').action).toBe('block');
  });

  it('allowed terms never silence a self-harm disclosure', () => {
    const m = createModerator({ policy: { allowedTerms: ['kill myself'] } });
    const v = m.checkLocal('i want to kill myself');
    expect(v.escalate).toBe(true);
    expect(v.categories).toContain('self-harm');
  });

  it('per-category action, severity and escalation overrides apply', () => {
    const m = createModerator({
      policy: {
        categories: {
          drugs: { action: 'allow', severity: 'low', escalate: true },
          'contact-details': { action: 'block' },
          eating: { enabled: false },
        },
      },
    });
    const drugs = m.checkLocal('been smoking weed every day before school');
    expect(drugs.action).toBe('allow');
    expect(drugs.severity).toBe('low');
    expect(drugs.escalate).toBe(true);
    expect(m.checkLocal('add me on snap').action).toBe('block');
    expect(m.checkLocal('i make myself sick after every meal').categories).toEqual([]);
  });

  it('can make a contact swap escalate for an organisation that wants that', () => {
    const m = createModerator({ policy: { categories: { 'contact-details': { escalate: true } } } });
    expect(m.checkLocal('add me on snap').escalate).toBe(true);
  });

  it('uses the organisation support message and contacts', () => {
    const m = createModerator({
      policy: {
        support: {
          message: 'Your key worker Sam has been told and will ring you today.',
          contacts: [{ name: 'Out of hours team', phone: '01234 567890' }],
          messages: { eating: 'Sam will talk to you about food and how you feel.' },
          categories: ['self-harm', 'eating'],
        },
      },
    });
    const sh = m.checkLocal('i want to end my life');
    expect(sh.support?.message).toBe('Your key worker Sam has been told and will ring you today.');
    expect(sh.support?.contacts).toEqual([{ name: 'Out of hours team', phone: '01234 567890' }]);
    expect(m.checkLocal('i make myself sick after every meal').support?.message).toBe('Sam will talk to you about food and how you feel.');
  });
});
