/**
 * The flagship journey: a facilitator runs the "choose a new name" vote. Two young people join
 * on phone-sized screens and rank the names by tapping; the projector shows the result live;
 * closing the poll shows the winner, explained in plain words. axe checks every screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/services/seed.service.js';
import { DESKTOP, expectAccessible, launch, PHONE, shot, signIn } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let browser: Browser;
let staffPassword = '';

beforeAll(async () => {
	t = await startTestApp({ web: true, seedWorld: false });
	staffPassword = (await seedDemo(t.app.repos, t.app.services.auth)).accounts.find((a) => a.role === 'staff')!.password;
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
	await t?.close();
});

async function joinOnPhone(code: string, name: string): Promise<Page> {
	const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
	const page = await ctx.newPage();
	await page.goto(`${t.url}/join?code=${code}`);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join' }).click();
	await page.waitForURL(`${t.url}/session`);
	return page;
}

describe('choosing a new name for the service', { timeout: 90_000 }, () => {
	let staff: Page;
	let projector: Page;
	let code = '';
	const phones: Page[] = [];

	it('the facilitator starts a session and opens the projector view', async () => {
		staff = await browser.newPage({ viewport: DESKTOP });
		await signIn(staff, t.url, 'staff@demo.voicebox.local', staffPassword, '/staff');
		await staff.getByLabel('Session title').fill('Naming our service');
		await staff.getByRole('button', { name: 'Start session' }).click();
		await staff.waitForURL(/\/staff\/sessions\//);
		code = (await staff.locator('p.code').textContent())!.trim();

		projector = await browser.newPage({ viewport: DESKTOP });
		await projector.goto(`${t.url}/present/${code}`);
		await expect.poll(() => projector.locator('.code').textContent()).toBe(code);
		await expectAccessible(projector, 'projector waiting');
		await shot(projector, 'projector-waiting-1280');
	});

	it('two young people join on their phones and the projector counts them', async () => {
		phones.push(await joinOnPhone(code, 'Sky'), await joinOnPhone(code, 'River'));
		await expect.poll(() => projector.locator('.count').textContent()).toContain('2 people have joined');
	});

	it('the facilitator puts the naming poll on screens; phones show it with read-aloud and tap-to-rank', async () => {
		await staff.getByRole('button', { name: 'Put on screens' }).first().click();
		for (const phone of phones) await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toBe('Choose a new name for our service');
		const sky = phones[0]!;
		await expect.poll(() => sky.getByRole('button', { name: /The Harbour/ }).count()).toBe(1);
		await expectAccessible(sky, 'ranked poll on a phone');
		await shot(sky, 'poll-ranked-375');

		// Sky taps Bridges, then The Harbour, then changes her mind with the arrows: no dragging.
		await sky.getByRole('button', { name: /^Bridges/ }).click();
		await sky.getByRole('button', { name: /^The Harbour/ }).click();
		await sky.getByRole('button', { name: 'Move The Harbour up' }).click();
		await expect.poll(() => sky.locator('.ranked .text').allTextContents()).toEqual(['The Harbour', 'Bridges']);
		await shot(sky, 'poll-ranked-chosen-375');
		await sky.getByRole('button', { name: 'Send my answer' }).click();
		await expect.poll(() => sky.locator('form.poll [role=status]').textContent()).toContain('Your answer is in');

		const river = phones[1]!;
		await river.getByRole('button', { name: /^The Harbour/ }).click();
		await river.getByRole('button', { name: /^Next Steps/ }).click();
		await river.getByRole('button', { name: 'Send my answer' }).click();
		await expect.poll(() => river.locator('form.poll [role=status]').textContent()).toContain('Your answer is in');
	});

	it('a phone that reloads gets its own answer back', async () => {
		const sky = phones[0]!;
		await sky.reload();
		await expect.poll(() => sky.locator('.ranked .text').allTextContents()).toEqual(['The Harbour', 'Bridges']);
		await expect.poll(() => sky.getByRole('button', { name: 'Update my answer' }).count()).toBe(1);
	});

	it('results appear live for the facilitator, and on the projector when shown', async () => {
		await expect.poll(() => staff.locator('.summary').first().textContent()).toContain('2 answers');
		await staff.getByRole('button', { name: 'Show results to the room' }).click();
		await expect.poll(() => projector.locator('.bars li').count()).toBe(4);
		await expect.poll(() => projector.locator('.summary').textContent()).toContain('2 answers');
		await expectAccessible(projector, 'projector results');
	});

	it('closing the poll shows the winner, explained in plain words', async () => {
		await staff.getByRole('button', { name: 'Close this poll' }).click();
		await expect.poll(() => projector.locator('.winner .label').textContent(), { timeout: 10_000 }).toContain('The Harbour');
		const explanation = await projector.locator('.explain').textContent();
		expect(explanation).toContain('The Harbour');
		await shot(projector, 'projector-result-1280');
		await expect.poll(() => staff.locator('.winner .label').first().textContent()).toContain('The Harbour');
		await expectAccessible(staff, 'facilitator with results');
		await shot(staff, 'facilitator-results-1280');
		const sky = phones[0]!;
		await expect.poll(() => sky.getByText('This question is closed').count()).toBe(1);
		await shot(sky, 'poll-closed-375');
	});
});
