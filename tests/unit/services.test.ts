import { describe, expect, it } from 'vitest';
import { assertScope, authorize, canSeeHub, hubFilter, type Actor } from '../../server/auth/policy.js';
import { parseCookies } from '../../server/http/cookies.js';
import { createNameCheck, nameLooksSafe } from '../../server/services/name-check.js';
import { createContentModerator } from '../../server/moderation.js';
import type { RaiseInput } from '../../server/services/escalation.service.js';
import { createMemoryRateLimiter } from '../../server/services/rate-limit.js';

const staff = (role: 'admin' | 'staff' | 'moderator', hubIds: string[] = ['h1']): Actor => ({
	kind: 'staff',
	user: { id: 'u', email: 'e', displayName: 'd', role, orgId: 'o1', hubIds }
});

describe('authorisation policy', () => {
	it('scopes staff and moderators to their hubs, admins to their organisation', () => {
		expect(canSeeHub(staff('staff'), { orgId: 'o1', hubId: 'h1' })).toBe(true);
		expect(canSeeHub(staff('staff'), { orgId: 'o1', hubId: 'h2' })).toBe(false);
		expect(canSeeHub(staff('moderator'), { orgId: 'o1', hubId: 'h2' })).toBe(false);
		expect(canSeeHub(staff('admin', []), { orgId: 'o1', hubId: 'h2' })).toBe(true);
		expect(canSeeHub(staff('admin', []), { orgId: 'o2', hubId: 'h2' })).toBe(false);
		expect(canSeeHub({ kind: 'anonymous' }, { orgId: 'o1', hubId: 'h1' })).toBe(false);
		expect(hubFilter(staff('admin'))).toBeNull();
		expect(hubFilter(staff('staff', ['h1', 'h3']))).toEqual(['h1', 'h3']);
	});

	it('answers NOT_FOUND (not FORBIDDEN) for another hub, so it does not confirm the item exists', () => {
		expect(() => assertScope(staff('staff'), { orgId: 'o1', hubId: 'h2' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
	});

	it('tells anonymous callers to sign in and others that they may not', () => {
		expect(() => authorize({ kind: 'anonymous' }, 'hub:create')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
		expect(() => authorize(staff('staff'), 'hub:create')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
		expect(() => authorize(staff('admin'), 'hub:create')).not.toThrow();
	});
});

describe('display names', () => {
	it.each(['Sky', 'Jo 2', 'Zoë 🌈', 'Big Tom', 'Mo-Mo'])('allows %s', (n) => expect(nameLooksSafe(n)).toBe(true));
	it.each(['07700900123', 'ring me 0770', 'sam@mail', '@snap_me', 'https://x', 'www.x.com', 'me.co.uk'])('refuses %s', (n) => expect(nameLooksSafe(n)).toBe(false));

	it('also asks the safeguarding filter when there is one', async () => {
		const check = createNameCheck({ isPublishable: (t) => !t.includes('bad') });
		expect(await check('Sky')).toBe(true);
		expect(await check('badname')).toBe(false);
	});

	it('refuses a worrying name and raises it with the hub’s moderators, once per name per day', async () => {
		const raised: RaiseInput[] = [];
		const check = createNameCheck(createContentModerator(), async (input) => void raised.push(input));
		const scope = { orgId: 'o', hubId: 'h', groupId: 'g', where: 'Joining: Tuesday group' };
		expect(await check('Blue Fox', scope)).toBe(true);
		expect(await check('Rude Fk', scope)).toBe(false);
		expect(raised).toHaveLength(0);
		expect(await check('wanna kill myself', scope)).toBe(false);
		expect(await check('wanna kill myself', scope)).toBe(false);
		expect(raised).toHaveLength(2);
		expect(raised[0]).toMatchObject({ source: 'display-name', hubId: 'h', text: 'wanna kill myself', participantId: null });
		// The same name on the same day has the same reference, so the escalation is stored once.
		expect(raised[0]!.sourceRef).toBe(raised[1]!.sourceRef);
		expect(raised[0]!.verdict.categories).toContain('self-harm');
	});
});

describe('rate limiter', () => {
	it('allows up to the limit per window, then refuses until the window passes', () => {
		let now = 0;
		const rl = createMemoryRateLimiter(() => now);
		expect([1, 2, 3].map(() => rl.hit('k', 2, 1000))).toEqual([true, true, false]);
		expect(rl.hit('other', 2, 1000)).toBe(true);
		now = 1000;
		expect(rl.hit('k', 2, 1000)).toBe(true);
		expect(rl.peek('k', 1000)).toBe(1);
	});
});

describe('cookie parsing', () => {
	it('reads cookies, decodes values and keeps the first of duplicates', () => {
		expect(parseCookies('a=1; b=hello%20there; a=2; bad; =x')).toEqual({ a: '1', b: 'hello there' });
		expect(parseCookies(undefined)).toEqual({});
		expect(parseCookies('c=%E0%A4%A')).toEqual({ c: '%E0%A4%A' });
	});
});
