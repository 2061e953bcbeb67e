import { describe, expect, it } from 'vitest';
import { findEmails, findHandles, findPhones, findPostcodes } from '../../../moderation/phases/pii.js';
import { check, isQuiet } from './helpers.js';

const held = (text: string): void => {
  const v = check(text);
  expect(v.categories, `${text} → ${JSON.stringify(v)}`).toContain('contact-details');
  expect(v.action).toBe('hold');
};

describe('contact details: UK phone numbers', () => {
  it.each([
    '07911 123456',
    '07911123456',
    '+44 7911 123456',
    '0044 7911 123456',
    '07-911-123-456',
    '(07911) 123 456',
    '0 7 9 1 1 1 2 3 4 5 6',
    'o7911 123 456',
    'zero seven nine one one, one two three four five six',
    'oh seven nine double one one two three four five six',
    '0161 496 0000',
    '020 7946 0000',
    '07911 one two three 456',
    'oh seven double seven double nine double one two three four',
  ])('finds %s', (text) => {
    expect(findPhones(text.toLowerCase()).length).toBe(1);
    held(`ring me on ${text}`);
  });

  it.each(['12/05/2009', 'year 11 2024', '3pm at 5 oclock', 'i scored 3 goals in 2 games', 'childline 0800 1111', 'ring 116 123', '999'])(
    'does not take %s for a phone number',
    (text) => {
      expect(findPhones(text)).toEqual([]);
    },
  );

  it('never holds the helpline numbers we tell young people to ring', () => {
    expect(isQuiet(check('you can call childline on 0800 1111'))).toBe(true);
    expect(isQuiet(check('samaritans are on 116 123'))).toBe(true);
    expect(isQuiet(check('NSPCC helpline 0808 800 5000'))).toBe(true);
  });

  it('points the reason span at the number', () => {
    const text = 'my number is 07911 123456 ok';
    const r = check(text).reasons.find((x) => x.rule === 'pi-phone');
    expect(text.slice(r?.span[0], r?.span[1])).toBe('07911 123456');
  });
});

describe('contact details: emails, handles, links, postcodes, addresses', () => {
  it('finds emails, including obfuscated ones', () => {
    expect(findEmails('mail leah.m2009@gmail.com now').length).toBe(1);
    expect(findEmails('a@b')).toEqual([]);
    held('email me at leah.m2009@gmail.com');
    held('sara dot jones at gmail dot com');
  });

  it('finds handles and social profile links', () => {
    expect(findHandles('follow @lil_maxx').length).toBe(1);
    expect(findHandles('me@x.com')).toEqual([]);
    expect(findHandles('meet @ 5')).toEqual([]);
    expect(findHandles('shadow#1234').length).toBe(1);
    held('instagram.com/kerry_b');
    held('my discord is shadow#1234');
  });

  it('finds "add me on snap" and "what is your number"', () => {
    held('add me on snap');
    held('add me on sc');
    held('my snap is kayla_x09');
    held('whats ur insta');
    held('dm me on tiktok');
    held('give me your number');
    held('hmu on whatsapp');
  });

  it('finds UK postcodes and street addresses', () => {
    expect(findPostcodes('ls6 3qt').length).toBe(1);
    expect(findPostcodes('kt1 2ab').length).toBe(1);
    expect(findPostcodes('yr11 2nd')).toEqual([]);
    held('im at 22 Station Road KT1 2AB');
    held('come round, i live at 14 Elm Grove');
    held('my postcode is M1 1AE');
  });

  it('does not hold in-app messaging or social media chat', () => {
    expect(isQuiet(check('message me on here when the poll is up'))).toBe(true);
    expect(isQuiet(check('did you see her insta story lol'))).toBe(true);
    expect(isQuiet(check('add me to the group for the trip'))).toBe(true);
  });
});

describe('contact details: escalation', () => {
  it('does not escalate a contact swap on its own', () => {
    const v = check('add me on snap its jaybird_22');
    expect(v.escalate).toBe(false);
    expect(v.severity).toBe('low');
  });

  it('escalates a contact swap with a grooming signal', () => {
    for (const text of ['add me on snap, how old are you', 'im 24, text me 07911 123456 and dont tell anyone', 'whats ur snap, are you home alone']) {
      const v = check(text);
      expect(v.escalate, text).toBe(true);
      expect(v.categories, text).toContain('sexual-exploitation');
      expect(v.reasons.some((r) => r.rule === 'pi-contact-with-grooming-signal'), text).toBe(true);
    }
  });
});
