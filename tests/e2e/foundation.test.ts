/**
 * A newcomer's first journey in a real browser: staff sign in and see the demo naming poll,
 * start a live session, and a young person joins by code on a phone-sized screen while the
 * facilitator's page counts them in live. Every page passes an axe check.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/services/seed.service.js';
import { DESKTOP, expectAccessible, launch, PHONE, shot, SHOTS, signIn as signInAs } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let browser: Browser;
const pw: Record<string, string> = {};

beforeAll(async () => {
	t = await startTestApp({ web: true, seedWorld: false });
	for (const a of (await seedDemo(t.app.repos, t.app.services.auth)).accounts) pw[a.role] = a.password;
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
	await t?.close();
});

const signIn = (page: Page, email: string, password: string) => signInAs(page, t.url, email, password);

describe('first journey', { timeout: 90_000 }, () => {
	let staffPage: Page;
	let code = '';

	it('welcomes a young person in plain words, including who can see what they write', async () => {
		const page = await browser.newPage({ viewport: PHONE });
		await page.goto(t.url);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Have your say');
		await expect.poll(() => page.getByRole('heading', { name: 'Who can see what you write?' }).count()).toBe(1);
		await expect.poll(() => page.getByRole('link', { name: 'Join a session' }).count()).toBe(1);
		await expectAccessible(page, 'welcome (phone)');
		await shot(page, 'welcome-375');
		await page.setViewportSize(DESKTOP);
		await shot(page, 'welcome-1280');
		await page.close();
	});

	it('staff sign in and see the demo naming poll on their dashboard', async () => {
		staffPage = await browser.newPage({ viewport: DESKTOP });
		await signIn(staffPage, 'staff@demo.voicebox.local', pw.staff!);
		await staffPage.waitForURL(`${t.url}/staff`);
		await expect.poll(() => staffPage.getByRole('heading', { name: 'Choose a new name for our service' }).count()).toBe(1);
		const options = await staffPage.locator('.options li').allTextContents();
		expect(options).toEqual(['The Harbour', 'Next Steps', 'Bridges', "Keep 'No Wrong Door'"]);
		await expectAccessible(staffPage, 'staff dashboard');
		await shot(staffPage, 'staff-dashboard-1280');
	});

	it('a wrong password is explained on the sign-in page', async () => {
		const page = await browser.newPage({ viewport: PHONE });
		await signIn(page, 'staff@demo.voicebox.local', 'not-the-right-password');
		await expect.poll(() => page.getByRole('alert').textContent()).toContain("That email and password don't match.");
		await expectAccessible(page, 'login with error');
		await shot(page, 'login-error-375');
		await page.close();
	});

	it('staff start a live session and get a join code and QR code', async () => {
		await staffPage.getByLabel('Session title').fill('Naming the service');
		await staffPage.getByRole('button', { name: 'Start session' }).click();
		await staffPage.waitForURL(/\/staff\/sessions\/[a-f0-9]{24}$/);
		code = (await staffPage.locator('p.code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z0-9]{6}$/);
		const qr = await staffPage.request.get(`${t.url}/api/sessions/${staffPage.url().split('/').pop()}/qr.svg`);
		expect(qr.headers()['content-type']).toContain('image/svg+xml');
		await expect.poll(() => staffPage.getByText('Updating live.').count()).toBe(1);
		await expectAccessible(staffPage, 'facilitator view');
		await shot(staffPage, 'facilitator-1280');
	});

	it('a young person joins by code on a 375 px phone, and the facilitator sees them arrive', async () => {
		const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
		const page = await phone.newPage();
		await page.goto(`${t.url}/join`);
		await expectAccessible(page, 'join (phone)');
		await shot(page, 'join-375');

		await page.getByLabel('Join code').fill('ZZZZZZ');
		await page.getByLabel('Your name').fill('Sky');
		await page.getByRole('button', { name: 'Join' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain("That code didn't work");
		await shot(page, 'join-error-375');

		await page.getByLabel('Join code').fill(code.toLowerCase());
		await page.getByRole('button', { name: 'Join' }).click();
		await page.waitForURL(`${t.url}/session`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("You're in, Sky!");
		await expect.poll(() => page.getByText('Connected').count()).toBe(1);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
		expect(overflow).toBe(false);
		await expectAccessible(page, 'participant session (phone)');
		await shot(page, 'session-375');

		await expect.poll(() => staffPage.locator('.count').textContent()).toContain('1 young person has joined');
		await expect.poll(() => staffPage.locator('.people li > span').allTextContents()).toEqual(['Sky']);

		// Ending the session tells the phone straight away.
		await staffPage.getByRole('button', { name: 'End session' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This session has finished');
		await phone.close();
	});

	it('the join form works without JavaScript too', async () => {
		const s = await t.app.services.liveSessions.create(
			{ kind: 'staff', user: (await t.app.services.auth.listUsers(String((await t.app.repos.org.findOrgBySlug('demo-county'))!._id))).find((u) => u.role === 'staff')! },
			{ title: 'No JS', groupId: String((await t.app.repos.org.listGroups(String((await t.app.repos.org.findOrgBySlug('demo-county'))!._id)))[0]!._id) }
		);
		const ctx = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await ctx.newPage();
		await page.goto(`${t.url}/join?code=${s.code}`);
		expect(await page.getByLabel('Join code').inputValue()).toBe(s.code);
		await page.getByLabel('Your name').fill('Robin');
		await page.getByRole('button', { name: 'Join' }).click();
		await page.waitForURL(`${t.url}/session`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("You're in, Robin!");
		await ctx.close();
	});

	it('admins manage hubs, groups and accounts; moderators have their own home', async () => {
		const page = await browser.newPage({ viewport: DESKTOP });
		await signIn(page, 'admin@demo.voicebox.local', pw.admin!);
		await page.waitForURL(`${t.url}/admin`);
		await page.getByLabel('New hub name').fill('Riverside Hub');
		await page.getByRole('button', { name: 'Add hub' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('Hub “Riverside Hub” added.');
		await expect.poll(() => page.getByRole('checkbox', { name: 'Riverside Hub' }).count()).toBe(1);
		await expectAccessible(page, 'admin');
		await shot(page, 'admin-1280');
		await page.getByRole('link', { name: 'Account' }).click();
		await page.waitForURL(`${t.url}/account`);
		await expectAccessible(page, 'account');
		await page.close();

		const mod = await browser.newPage({ viewport: PHONE });
		await signIn(mod, 'moderator@demo.voicebox.local', pw.moderator!);
		await mod.waitForURL(`${t.url}/moderator`);
		await expect.poll(() => mod.getByRole('heading', { level: 1 }).textContent()).toBe('Safeguarding');
		await expectAccessible(mod, 'moderator home');
		await shot(mod, 'moderator-375');
		// On a phone the pages sit behind one Menu button, which opens without fuss.
		expect(await mod.getByRole('link', { name: 'Group chats' }).count()).toBe(0);
		await mod.locator('summary', { hasText: 'Menu' }).click();
		await expect.poll(() => mod.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Group chats', 'Safeguarding', 'Account']);
		await expectAccessible(mod, 'moderator home, menu open');
		await mod.screenshot({ path: `${SHOTS}/menu-open-375.png` });
		// A moderator cannot open the staff pages' data.
		await mod.goto(`${t.url}/admin`);
		await mod.waitForURL(`${t.url}/moderator`);
		await mod.close();
	});
});
