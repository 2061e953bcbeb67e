import { describe, expect, it } from 'vitest';
import { createHubBody, displayName, joinBody, joinCode, JOIN_CODE_ALPHABET } from '../../contracts/index.js';
import { newJoinCode } from '../../server/services/live-session.service.js';

describe('join codes', () => {
	it('accept what a young person might type and normalise it', () => {
		expect(joinCode.parse('k7m 4qa')).toBe('K7M4QA');
		expect(joinCode.parse(' k7m-4qa ')).toBe('K7M4QA');
	});

	it('refuse codes with look-alike characters or the wrong length', () => {
		for (const bad of ['K7M4Q', 'K7M4QAA', 'O0I1L5', '0BCDEF']) expect(joinCode.safeParse(bad).success).toBe(false);
	});

	it('are generated only from the unambiguous alphabet', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 2000; i++) {
			const c = newJoinCode();
			expect(c).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
			seen.add(c);
		}
		expect(seen.size).toBeGreaterThan(1990);
		for (const ch of '0O1IL25SZ8B') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
	});
});

describe('text fields', () => {
	it('trim, and refuse empty, NUL and control characters', () => {
		expect(createHubBody.parse({ name: '  North  ' }).name).toBe('North');
		expect(createHubBody.safeParse({ name: '   ' }).success).toBe(false);
		expect(createHubBody.safeParse({ name: 'a\u0000b' }).success).toBe(false);
		expect(createHubBody.safeParse({ name: 'a\u001bb' }).success).toBe(false);
	});

	it('allow emoji and non-Latin names for young people', () => {
		expect(displayName.parse('Zoë 🌈')).toBe('Zoë 🌈');
		expect(displayName.parse('أمل')).toBe('أمل');
		expect(displayName.safeParse('x').success).toBe(false);
		expect(displayName.safeParse('a'.repeat(31)).success).toBe(false);
	});

	it('explain problems in plain words', () => {
		const r = joinBody.safeParse({ code: 'AB', displayName: '' });
		expect(r.success).toBe(false);
		const messages = r.error!.issues.map((i) => i.message);
		expect(messages).toContain('A join code has 6 letters and numbers.');
		expect(messages).toContain('This cannot be empty.');
	});
});
