/**
 * Building a poll in the browser and the other answer types on a phone: a faces scale made with
 * the poll builder, and "suggest, then vote" with the facilitator shortlisting ideas.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/services/seed.service.js';
import { DESKTOP, expectAccessible, launch, PHONE, shot, signIn } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let browser: Browser;
let staff: Page;
let phone: Page;

beforeAll(async () => {
	t = await startTestApp({ web: true, seedWorld: false });
	const pw = (await seedDemo(t.app.repos, t.app.services.auth)).accounts.find((a) => a.role === 'staff')!.password;
	browser = await launch();
	staff = await browser.newPage({ viewport: DESKTOP });
	await signIn(staff, t.url, 'staff@demo.voicebox.local', pw, '/staff');
	await staff.getByLabel('Session title').fill('Hub check-in');
	await staff.getByRole('button', { name: 'Start session' }).click();
	await staff.waitForURL(/\/staff\/sessions\//);
	const code = (await staff.locator('p.code').textContent())!.trim();
	phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
	await phone.goto(`${t.url}/join?code=${code}`);
	await phone.getByLabel('Your name').fill('Jordan');
	await phone.getByRole('button', { name: 'Join' }).click();
	await phone.waitForURL(`${t.url}/session`);
});
afterAll(async () => {
	await browser?.close();
	await t?.close();
});

describe('other poll types', { timeout: 90_000 }, () => {
	it('staff build a faces scale in the poll builder, and a young person answers with a face', async () => {
		await staff.getByRole('link', { name: 'New poll' }).click();
		await staff.waitForURL(/\/staff\/polls\/new/);
		await staff.getByLabel('Question').fill('How do you feel about your hub this week?');
		await staff.getByRole('radio', { name: /Scale/ }).check();
		await staff.getByLabel('Scale', { exact: true }).selectOption('faces');
		await expectAccessible(staff, 'poll builder');
		await shot(staff, 'poll-builder-1280');
		await staff.getByRole('button', { name: 'Create poll' }).click();
		await staff.waitForURL(/\/staff\/sessions\//);
		await staff.getByRole('button', { name: 'Put on screens' }).first().click();

		await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toBe('How do you feel about your hub this week?');
		await phone.getByText('Happy', { exact: true }).click();
		await expectAccessible(phone, 'faces scale');
		await shot(phone, 'poll-faces-375');
		await phone.getByRole('button', { name: 'Send my answer' }).click();
		await expect.poll(() => phone.locator('form.poll [role=status]').textContent()).toContain('Your answer is in');
		await expect.poll(() => staff.locator('.summary').first().textContent()).toContain('1 answer');
	});

	it('young people suggest names, staff shortlist them, then everyone votes', async () => {
		const orgs = await t.app.repos.org.findOrgBySlug('demo-county');
		const group = (await t.app.repos.org.listGroups(String(orgs!._id)))[0]!;
		const user = (await t.app.services.auth.listUsers(String(orgs!._id))).find((u) => u.role === 'staff')!;
		await t.app.services.polls.create({ kind: 'staff', user }, {
			title: 'Suggest a new name for our service',
			description: '',
			type: 'suggest',
			hubId: String(group.hubId),
			groupId: String(group._id),
			options: [],
			settings: { anonymous: true, allowChange: true, hideResultsUntilClosed: false, allowDontKnow: true, allowSkip: true, voteType: 'single' }
		});
		await staff.reload();
		await staff.getByRole('button', { name: 'Put on screens' }).first().click();
		await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toBe('Suggest a new name for our service');
		for (const idea of ['The Lighthouse', 'Anchor']) {
			await phone.getByLabel('Your idea').fill(idea);
			await phone.getByRole('button', { name: 'Send my idea' }).click();
			await expect.poll(() => phone.locator('form.poll [role=status]').textContent()).toContain('Thanks!');
		}
		await expectAccessible(phone, 'suggestion box');
		await shot(phone, 'poll-suggest-375');

		await expect.poll(() => staff.locator('.suggestions li').count()).toBe(2);
		await staff.getByRole('button', { name: 'Add to shortlist' }).first().click();
		await expect.poll(() => staff.getByRole('button', { name: 'Add to shortlist' }).count()).toBe(1);
		await staff.getByRole('button', { name: 'Add to shortlist' }).click();
		await expect.poll(() => staff.getByText('Shortlist: The Lighthouse, Anchor').count()).toBe(1);
		await shot(staff, 'facilitator-suggestions-1280');
		await staff.getByRole('button', { name: 'Start the vote on the shortlist' }).click();

		await expect.poll(() => phone.getByRole('radio', { name: 'Anchor' }).count()).toBe(1);
		await phone.getByRole('radio', { name: 'Anchor' }).check();
		await phone.getByRole('button', { name: 'Send my answer' }).click();
		await expect.poll(() => phone.locator('form.poll [role=status]').textContent()).toContain('Your answer is in');
		await expect.poll(() => staff.locator('.bars li').count()).toBe(2);
	});
});
