import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_LENGTH,
  ModerationInputError,
  RemoteClassifierError,
  createModerator,
  type RemoteClassifier,
  type RemoteScores,
} from '../../../moderation/index.js';
import { check } from './helpers.js';

const scoring = (scores: RemoteScores, name = 'fake'): RemoteClassifier & { calls: string[] } => {
  const calls: string[] = [];
  return {
    name,
    calls,
    classify: async (text) => {
      calls.push(text);
      return scores;
    },
  };
};

const failing = (code: 'TIMEOUT' | 'HTTP_ERROR' = 'HTTP_ERROR'): RemoteClassifier => ({
  name: 'broken',
  classify: async () => {
    throw new RemoteClassifierError(code, 'nope');
  },
});

const hanging: RemoteClassifier = {
  name: 'slow',
  classify: (_text, { signal }) =>
    new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
};

describe('verdict shape', () => {
  it('keeps severity separate from the publish action', () => {
    const v = check('i cut myself again yesterday');
    expect(v).toMatchObject({ action: 'hold', escalate: true, severity: 'high', categories: ['self-harm'] });
    expect(v.reasons[0]).toMatchObject({ stage: 'safeguarding', category: 'self-harm' });
    const allowButEscalate = createModerator({ policy: { categories: { 'self-harm': { action: 'allow' } } } }).checkLocal('i cut myself again yesterday');
    expect(allowButEscalate.action).toBe('allow');
    expect(allowButEscalate.escalate).toBe(true);
    expect(allowButEscalate.support).toBeDefined();
  });

  it('returns a clean allow for ordinary text', () => {
    expect(check('can we have pizza next time')).toEqual({ action: 'allow', escalate: false, severity: 'none', categories: [], reasons: [] });
  });

  it('carries a plain-words support message for self-harm, abuse and exploitation', () => {
    for (const text of ['i want to kill myself', 'my dad hits me', 'a man online keeps asking for nudes', 'they make me carry drugs for them']) {
      const s = check(text).support;
      expect(s, text).toBeDefined();
      expect(s?.message).toMatch(/Childline/);
      expect(s?.message).toMatch(/0800 1111/);
      expect(s?.message).toMatch(/116 123/);
      expect(s?.message).toMatch(/999/);
      expect(s?.contacts.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes the support message in short, plain sentences', () => {
    const message = check('i want to kill myself').support?.message ?? '';
    const sentences = message.split(/(?<=[.:])\s+/).filter((s) => s.trim() !== '');
    for (const s of sentences) expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(16);
    expect(message).toMatch(/not in trouble/);
  });

  it('gives no support message for a swear word or a contact swap', () => {
    expect(check('piss off').support).toBeUndefined();
    expect(check('add me on snap').support).toBeUndefined();
  });

  it('blocks contact details and abuse in display names', () => {
    const m = createModerator();
    expect(m.checkLocal('snap me kay_x', { surface: 'display-name' }).action).toBe('block');
    expect(m.checkLocal('snap me kay_x', { surface: 'chat' }).action).toBe('hold');
  });
});

describe('input limits', () => {
  it('throws a typed TEXT_TOO_LONG error over the limit, from check and checkLocal', async () => {
    const m = createModerator({ maxLength: 10 });
    expect(() => m.checkLocal('x'.repeat(11))).toThrow(ModerationInputError);
    try {
      m.checkLocal('x'.repeat(11));
    } catch (e) {
      expect(e).toMatchObject({ code: 'TEXT_TOO_LONG', length: 11, maxLength: 10 });
    }
    await expect(m.check('x'.repeat(11))).rejects.toMatchObject({ code: 'TEXT_TOO_LONG' });
    expect(m.checkLocal('x'.repeat(10)).action).toBe('allow');
  });

  it('defaults to 2000 characters', () => {
    expect(DEFAULT_MAX_LENGTH).toBe(2000);
    const m = createModerator();
    expect(m.maxLength).toBe(2000);
    expect(() => m.checkLocal('a'.repeat(2001))).toThrow(ModerationInputError);
    expect(() => m.checkLocal('a'.repeat(2000))).not.toThrow();
  });

  it('rejects non-strings with NOT_A_STRING', () => {
    const m = createModerator();
    expect(() => m.checkLocal(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'NOT_A_STRING' }));
  });

  it('never puts the text in the error message', () => {
    const m = createModerator({ maxLength: 5 });
    try {
      m.checkLocal('secret disclosure text');
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });
});

describe('remote classifiers', () => {
  it('does not call remote classifiers from checkLocal, and check without classifiers has no remote status', async () => {
    const fake = scoring({ TOXICITY: 0.99 });
    const m = createModerator({ classifiers: [fake] });
    m.checkLocal('hello');
    expect(fake.calls).toEqual([]);
    expect((await createModerator().check('hello')).remote).toBeUndefined();
  });

  it('can raise concern: a high score holds or blocks what local rules allowed', async () => {
    const m = createModerator({ classifiers: [scoring({ TOXICITY: 0.97, THREAT: 0.9 })] });
    const v = await m.check('you will regret this');
    expect(v.action).toBe('block');
    expect(v.escalate).toBe(true);
    expect(v.categories).toEqual(expect.arrayContaining(['toxicity', 'violence']));
    expect(v.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['fake:TOXICITY', 'fake:THREAT']));
    expect(v.remote).toEqual({ status: 'ok', classifiers: ['fake'] });
  });

  it('can never lower concern: low scores leave a local block and hold as they were', async () => {
    const m = createModerator({ classifiers: [scoring({ TOXICITY: 0.01, THREAT: 0, INSULT: 0 })] });
    const blocked = await m.check('piss off you loser');
    expect(blocked.action).toBe('block');
    const held = await m.check('add me on snap');
    expect(held.action).toBe('hold');
    expect(held.categories).toEqual(['contact-details']);
  });

  it('does not send text local rules already escalated (unless the policy says so)', async () => {
    const fake = scoring({ TOXICITY: 0.1 });
    const m = createModerator({ classifiers: [fake] });
    const v = await m.check('i want to kill myself');
    expect(fake.calls).toEqual([]);
    expect(v.remote?.status).toBe('skipped');
    const fake2 = scoring({ TOXICITY: 0.1 });
    await createModerator({ classifiers: [fake2], policy: { remote: { sendEscalated: true } } }).check('i want to kill myself');
    expect(fake2.calls.length).toBe(1);
  });

  it('marks a failure with remote-unavailable and counts it; holds when local rules were unsure', async () => {
    const events: unknown[] = [];
    const m = createModerator({ classifiers: [failing()], onRemoteFailure: (e) => events.push(e) });
    const unsure = await m.check('piss off');
    expect(unsure.reasons.some((r) => r.rule === 'remote-unavailable')).toBe(true);
    expect(unsure.action).toBe('block'); // already blocked locally; never lower
    const contact = await m.check('add me on snap');
    expect(contact.action).toBe('hold');
    const clean = await m.check('can we have pizza');
    expect(clean.reasons.map((r) => r.rule)).toEqual(['remote-unavailable']);
    expect(clean.action).toBe('allow'); // default hold-if-unsure: nothing local was found
    expect(clean.remote?.status).toBe('failed');
    expect(clean.categories).toEqual([]);
    expect(m.stats().remoteFailures).toBe(3);
    expect(events).toEqual([
      { classifier: 'broken', code: 'HTTP_ERROR', status: undefined },
      { classifier: 'broken', code: 'HTTP_ERROR', status: undefined },
      { classifier: 'broken', code: 'HTTP_ERROR', status: undefined },
    ]);
  });

  it('holds unsure text on failure even when the local verdict would allow it', async () => {
    const m = createModerator({ classifiers: [failing()], policy: { categories: { 'suspect-term': { action: 'allow' } }, suspectTerms: ['quarry'] } });
    const v = await m.check('see you at the quarry');
    expect(v.action).toBe('hold');
  });

  it('onRemoteFailure: hold holds everything, mark only marks', async () => {
    const hold = createModerator({ classifiers: [failing()], policy: { remote: { onRemoteFailure: 'hold' } } });
    expect((await hold.check('can we have pizza')).action).toBe('hold');
    const mark = createModerator({ classifiers: [failing()], policy: { remote: { onRemoteFailure: 'mark' }, suspectTerms: ['quarry'], categories: { 'suspect-term': { action: 'allow' } } } });
    const v = await mark.check('see you at the quarry');
    expect(v.action).toBe('allow');
    expect(v.reasons.some((r) => r.rule === 'remote-unavailable')).toBe(true);
  });

  it('bounds a classifier that never answers with the moderator timeout', async () => {
    const m = createModerator({ classifiers: [hanging], remoteTimeoutMs: 50, policy: { remote: { onRemoteFailure: 'hold' } } });
    const started = Date.now();
    const v = await m.check('hello there');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(v.action).toBe('hold');
    expect(v.reasons.map((r) => r.rule)).toEqual(['remote-unavailable']);
    expect(m.stats().remoteTimeouts).toBe(1);
  });

  it('ignores attributes without a threshold and non-finite scores', async () => {
    const m = createModerator({ classifiers: [scoring({ SPAM: 1, TOXICITY: Number.NaN })] });
    const v = await m.check('hello');
    expect(v.action).toBe('allow');
    expect(v.remote?.status).toBe('ok');
  });
});
