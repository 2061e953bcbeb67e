/**
 * An organisation's own filter settings (admins): extra blocked, suspect and allowed terms, the
 * local model switch and threshold, the support message. Validated, audited with before and
 * after, used from the next message by every part of the app, kept across a restart, and never
 * applied to another organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFilterPolicy, type FilterPolicy, type FilterTestResult } from '../../contracts/index.js';
import { createContentModerator } from '../../server/moderation.js';
import { createFilterPolicyService } from '../../server/services/filter-policy.service.js';
import { Client, PASSWORD, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: Client;
let mod: Client;
let staff: Client;

const MODEL_ONLY = 'my mum keeps leaving me and my little brother on our own for days';
const SCOUTS = 'i keep my pocket knife for scouts in the drawer at home';
const SUPPORT = 'Thank you for telling us. Jo from the Northgate team will call you today. Childline: 0800 1111.';
const POLICY: FilterPolicy = {
	blockedTerms: ['pineapple'],
	suspectTerms: ['meet up later'],
	allowedTerms: ['keep my pocket knife for scouts'],
	model: { enabled: false, threshold: null },
	supportMessage: SUPPORT
};

beforeAll(async () => {
	t = await startTestApp();
	admin = new Client(t.url);
	await admin.login('admin@test.local', PASSWORD);
	mod = new Client(t.url);
	await mod.login('mod@test.local', PASSWORD);
	staff = new Client(t.url);
	await staff.login('staff@test.local', PASSWORD);
});
afterAll(async () => {
	await t?.close();
});

async function tryText(text: string): Promise<FilterTestResult> {
	const r = await mod.post('/api/safeguarding/filter-test', { text });
	expect(r.status).toBe(200);
	return r.json.data as FilterTestResult;
}

describe('the organisation’s own filter settings', () => {
	it('start as the installation’s: nothing extra, the model on', async () => {
		const r = await mod.get('/api/safeguarding/filter-policy');
		expect(r.status).toBe(200);
		expect(r.json.data).toEqual(defaultFilterPolicy);
		expect((await tryText('pineapple on pizza is the best')).action).toBe('allow');
		expect((await tryText(SCOUTS)).escalate).toBe(true);
		expect((await tryText(MODEL_ONLY)).rules).toEqual(['model:abuse']);
	});

	it('refuse a bad change with the field named, and change nothing', async () => {
		for (const bad of [
			{ ...POLICY, blockedTerms: ['x'] },
			{ ...POLICY, model: { enabled: true, threshold: 2 } },
			{ ...POLICY, supportMessage: 'ok' },
			{ ...POLICY, extra: true }
		]) {
			const r = await admin.request('PUT', '/api/safeguarding/filter-policy', bad);
			expect(r.status, JSON.stringify(bad)).toBe(400);
			expect(r.json.error?.code).toBe('VALIDATION_FAILED');
		}
		expect((await admin.request('PUT', '/api/safeguarding/filter-policy', { ...POLICY, blockedTerms: ['x'] })).json.error?.fields?.['blockedTerms.0']).toContain('2 characters');
		expect((await mod.get('/api/safeguarding/filter-policy')).json.data).toEqual(defaultFilterPolicy);
		expect(await t.app.services.audit.search(t.world.orgId, { action: 'filter-policy.update', limit: 10 })).toEqual([]);
		// Only admins change it.
		expect((await mod.request('PUT', '/api/safeguarding/filter-policy', POLICY)).status).toBe(403);
		expect((await staff.request('PUT', '/api/safeguarding/filter-policy', POLICY)).status).toBe(403);
	});

	it('take effect from the next message, and the change is audited with before and after', async () => {
		const r = await admin.request('PUT', '/api/safeguarding/filter-policy', POLICY);
		expect(r.status).toBe(200);
		expect((await mod.get('/api/safeguarding/filter-policy')).json.data).toEqual(POLICY);

		expect((await tryText('pineapple on pizza is the best')).action).toBe('block');
		expect((await tryText('shall we meet up later')).action).toBe('hold');
		// The organisation's allowed term silences a false alarm of the built-in rules.
		expect((await tryText(SCOUTS)).action).toBe('allow');
		// The model is off for this organisation; the rules still work.
		expect((await tryText(MODEL_ONLY)).escalate).toBe(false);
		expect((await tryText('i want to kill myself tonight')).severity).toBe('urgent');

		const changes = await t.app.services.audit.search(t.world.orgId, { action: 'filter-policy.update', limit: 10 });
		expect(changes.map((c) => c.meta)).toEqual([{ before: defaultFilterPolicy, after: POLICY }]);
	});

	it('reach young people: a name with a blocked term is refused when they join', async () => {
		const session = (await staff.post('/api/sessions', { title: 'Policy check', groupId: t.world.groupA })).json.data as { code: string };
		const refused = await new Client(t.url).post('/api/join', { code: session.code, displayName: 'Pineapple Pete' });
		expect(refused.status).toBe(422);
		expect(refused.json.error?.code).toBe('NAME_NOT_ALLOWED');
		expect((await new Client(t.url).post('/api/join', { code: session.code, displayName: 'Pete' })).status).toBe(200);

	});

	it('are loaded again at start, and never apply to another organisation', async () => {
		const fresh = createContentModerator();
		const service = createFilterPolicyService({ repos: t.app.repos, audit: t.app.services.audit, moderator: fresh });
		await service.loadAll();
		expect(fresh.checkLocal('pineapple on pizza is the best', 'chat', t.world.orgId).action).toBe('block');
		expect(fresh.checkLocal('i want to kill myself tonight', 'chat', t.world.orgId).support?.message).toBe(SUPPORT);
		const other = await t.app.repos.org.createOrg('Another Council', `another-${Date.now()}`);
		expect(fresh.checkLocal('pineapple on pizza is the best', 'chat', String(other._id)).action).toBe('allow');
		expect(fresh.checkLocal('i want to kill myself tonight', 'chat', String(other._id)).support?.message).not.toBe(SUPPORT);
		expect(fresh.checkLocal(MODEL_ONLY, 'chat', String(other._id)).escalate).toBe(true);

		// Back to the installation's settings.
		expect((await admin.request('PUT', '/api/safeguarding/filter-policy', defaultFilterPolicy)).status).toBe(200);
		expect((await tryText('pineapple on pizza is the best')).action).toBe('allow');
	});
});
