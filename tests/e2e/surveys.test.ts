/**
 * Surveys end to end, on the built app in real Chromium. A member of staff builds "How's your
 * hub?" for Group A from its template in the survey builder (with the phone preview) and opens
 * it. A young person answers on a 375 px phone with read-aloud and easy read on, going both ways
 * through the skip logic; a second young person answers with JavaScript turned off, stopping
 * half-way and carrying on later. Staff see the results, print the committee report, post a
 * "You said, we did" that young people then see, and read the participation report. axe checks
 * every screen.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launch, PHONE, shot, SHOTS, signIn } from '../helpers/browser.js';
import { Client, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let browser: Browser;
let staff: Page;
let code = '';
let surveyId = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	t = await startTestApp({ web: true });
	browser = await launch();
	// A live session for Group A: young people join it with a code, which puts them in the group.
	const api = new Client(t.url);
	await api.login('staff@test.local', t.world.users.staff.password);
	code = ((await api.post('/api/sessions', { title: 'Group A night', groupId: t.world.groupA })).json.data as { code: string }).code;
});
afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await t?.close();
});

async function newPhone(opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const ctx = await browser.newContext({ viewport: PHONE, isMobile: opts.javaScriptEnabled !== false, hasTouch: true, ...opts });
	contexts.push(ctx);
	ctx.setDefaultTimeout(30_000);
	return ctx.newPage();
}

async function joinSession(page: Page, name: string) {
	await page.goto(`${t.url}/join?code=${code}`);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join' }).click();
	await page.waitForURL(`${t.url}/session`);
}

/** No horizontal scrolling at this width. */
async function fitsWidth(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

const heading = (page: Page) => page.locator('main h1').first();

/**
 * axe needs JavaScript, so a screen from a page with JavaScript off is checked by copying its
 * HTML (without scripts) into a page on the same origin that has it.
 */
async function expectAccessibleNoJs(page: Page, label: string) {
	const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/gi, '');
	const ctx = await browser.newContext({ viewport: PHONE });
	contexts.push(ctx);
	const copy = await ctx.newPage();
	await copy.goto(`${t.url}/privacy`);
	await copy.setContent(html, { waitUntil: 'load' });
	await expectAccessible(copy, label);
	await ctx.close();
}

describe('surveys', { timeout: 90_000 }, () => {
	it('staff build "How’s your hub?" for Group A in the builder, with a phone preview, and open it', async () => {
		staff = await browser.newPage({ viewport: DESKTOP });
		await signIn(staff, t.url, 'staff@test.local', t.world.users.staff.password, '/staff');
		await staff.goto(`${t.url}/staff/surveys`);
		await expect.poll(() => staff.getByRole('link', { name: /Use this template.*How’s your hub/ }).count()).toBe(1);
		await expectAccessible(staff, 'survey list (empty)');
		await staff.getByRole('link', { name: /Use this template.*How’s your hub/ }).click();
		await staff.waitForURL(/\/staff\/surveys\/new\?template=hows-your-hub/);
		await expect.poll(() => staff.getByLabel('Title', { exact: true }).inputValue()).toBe('How’s your hub?');

		// The template's skip logic shows in words: question 3 follows a "Yes" to question 2.
		const q3 = staff.locator('li.sb-q').nth(2);
		await expect.poll(() => q3.getByLabel('Show this question').locator('option:checked').textContent()).toContain('Only if the answer to question 2');
		await expect.poll(() => q3.getByRole('checkbox', { name: 'Yes' }).isChecked()).toBe(true);

		// Reorder by buttons, never dragging: move "Saw friends" up above "Got advice or help", and back.
		const answers = () => q3.locator('input[id$=".label"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		expect(await answers()).toEqual(['Had food', 'Activities and trips', 'Got advice or help', 'Saw friends', 'Had some quiet time']);
		await q3.getByRole('button', { name: /move answer 4 up/ }).click();
		await expect.poll(answers).toEqual(['Had food', 'Activities and trips', 'Saw friends', 'Got advice or help', 'Had some quiet time']);
		await q3.getByRole('button', { name: /move answer 3 down/ }).click();
		await expect.poll(answers).toEqual(['Had food', 'Activities and trips', 'Got advice or help', 'Saw friends', 'Had some quiet time']);

		// The preview is the young person's screen: intro, then one question at a time.
		const preview = staff.locator('#preview');
		await preview.getByRole('button', { name: 'Start', exact: true }).click();
		// Until question 2 is answered, the skip logic hides the two questions that depend on it.
		await expect.poll(() => preview.getByText('Question 1 of 3').count()).toBe(1);
		await expect.poll(() => preview.getByRole('heading', { name: 'How do you feel when you are at the hub?' }).count()).toBe(1);
		await expectAccessible(staff, 'survey builder');
		await shot(staff, 'survey-builder-1280');
		await q3.scrollIntoViewIfNeeded();
		await staff.screenshot({ path: join(SHOTS, 'survey-builder-q3-1280.png') });

		await expect.poll(() => staff.getByLabel('Group', { exact: true }).locator('option:checked').textContent()).toBe('Group A');
		await staff.getByRole('button', { name: 'Save draft' }).click();
		await staff.waitForURL(/\/staff\/surveys\/[a-f0-9]{24}\?saved=1/);
		surveyId = /surveys\/([a-f0-9]{24})/.exec(staff.url())![1]!;
		await staff.getByRole('button', { name: 'Open for answers' }).click();
		await expect.poll(() => staff.locator('.sv-state').textContent()).toContain('Open: taking answers');
		await expect.poll(() => staff.locator('.sv-qr img').count()).toBe(1);
		// The QR code is a real, decodable picture.
		await expect.poll(() => staff.locator('.sv-qr img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
		expect(await staff.locator('#share-link').inputValue()).toBe(`${t.url}/surveys/${surveyId}`);
	});

	it('the builder works on a phone too', async () => {
		const phone = await newPhone();
		await signIn(phone, t.url, 'staff@test.local', t.world.users.staff.password, '/staff');
		await phone.goto(`${t.url}/staff/surveys/new?template=how-are-we-doing`);
		await expect.poll(() => phone.locator('li.sb-q').count()).toBe(6);
		expect(await fitsWidth(phone)).toBe(true);
		await shot(phone, 'survey-builder-375');
		await phone.goto(`${t.url}/staff/surveys`);
		expect(await fitsWidth(phone)).toBe(true);
		await shot(phone, 'survey-list-375');
	});

	it('a young person answers on a phone with read-aloud and easy read on, through the skip logic', async () => {
		const yp = await newPhone();
		// Record what the page asks the browser's voice to say (speechSynthesis is the browser's API).
		await yp.addInitScript(() => {
			const w = window as unknown as { __spoken: string[]; speechSynthesis?: SpeechSynthesis };
			w.__spoken = [];
			const record = (u: SpeechSynthesisUtterance) => void w.__spoken.push(u.text);
			if (w.speechSynthesis) {
				w.speechSynthesis.speak = record;
				w.speechSynthesis.cancel = () => {};
			} else Object.defineProperty(window, 'speechSynthesis', { value: { speak: record, cancel: () => {} } });
		});
		const spoken = () => yp.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
		await joinSession(yp, 'Sky');

		await yp.goto(`${t.url}/surveys`);
		await expect.poll(() => yp.getByRole('link', { name: /^Start.*How’s your hub/ }).count()).toBe(1);
		await expectAccessible(yp, 'my surveys');
		await shot(yp, 'surveys-mine-375');
		await yp.getByRole('link', { name: /^Start.*How’s your hub/ }).click();
		await yp.waitForURL(`${t.url}/surveys/${surveyId}`);

		// First: who reads the answers, and that it is anonymous, in plain words.
		await expect.poll(() => yp.getByRole('heading', { name: 'Who reads your answers' }).count()).toBe(1);
		expect(await yp.locator('.who').textContent()).toContain('Your answers are anonymous.');
		await yp.getByRole('button', { name: 'Easy read: off' }).click();
		await expect.poll(() => yp.getByRole('button', { name: 'Easy read: on' }).count()).toBe(1);
		await yp.getByRole('button', { name: 'Read this to me' }).click();
		await expect.poll(async () => (await spoken()).join(' ')).toContain('Who reads your answers: The participation team reads your answers.');
		await expectAccessible(yp, 'survey intro');
		await shot(yp, 'survey-intro-375');
		expect(await fitsWidth(yp)).toBe(true);

		await yp.getByRole('link', { name: 'Start', exact: true }).click();
		// Easy read shows the easy-read words as the question.
		await expect.poll(() => heading(yp).textContent()).toBe('At the hub, I feel…');
		await expect.poll(() => yp.locator('.progress-text').textContent()).toBe('Question 1 of 3');
		await yp.getByRole('button', { name: 'Read the question' }).click();
		await expect.poll(async () => (await spoken()).at(-1)).toContain('At the hub, I feel…');
		expect((await spoken()).at(-1)).toContain('Very unhappy, Unhappy, Okay, Happy, Very happy');
		await expectAccessible(yp, 'faces question');
		await shot(yp, 'survey-q-faces-375');
		expect(await fitsWidth(yp)).toBe(true);
		await yp.getByText('Happy', { exact: true }).click();
		await yp.getByRole('button', { name: 'Next' }).click();

		await expect.poll(() => heading(yp).textContent()).toBe('Did you go to the hub this month?');
		await yp.getByRole('button', { name: 'Read “Yes”' }).click();
		await expect.poll(async () => (await spoken()).at(-1)).toBe('Yes');
		await yp.getByRole('radio', { name: 'No', exact: true }).check();
		await yp.getByRole('button', { name: 'Next' }).click();
		// "No" leads to the question about what stops them going.
		await expect.poll(() => heading(yp).textContent()).toBe('What stops you going?');
		await expect.poll(() => yp.locator('.progress-text').textContent()).toBe('Question 3 of 4');
		await shot(yp, 'survey-q-text-375');
		await yp.getByRole('button', { name: 'Back' }).click();
		await expect.poll(() => heading(yp).textContent()).toBe('Did you go to the hub this month?');
		await expect.poll(() => yp.getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(true);
		await yp.getByRole('radio', { name: 'Yes', exact: true }).check();
		await yp.getByRole('button', { name: 'Next' }).click();

		// "Yes" leads to what they did there instead.
		await expect.poll(() => heading(yp).textContent()).toBe('What did you do there?');
		await yp.getByRole('checkbox', { name: 'Had food' }).check();
		await yp.getByRole('checkbox', { name: 'Saw friends' }).check();
		await expectAccessible(yp, 'choose-any question');
		await shot(yp, 'survey-q-multiple-375');
		await yp.getByRole('button', { name: 'Next' }).click();

		await expect.poll(() => heading(yp).textContent()).toBe('How can we make the hub better?');
		await expect.poll(() => yp.locator('.progress-text').textContent()).toBe('Question 4 of 4');
		await yp.getByRole('textbox').fill('More trips to the seaside please');
		await expectAccessible(yp, 'long answer question');
		await yp.getByRole('button', { name: 'Next: check my answers' }).click();

		await expect.poll(() => heading(yp).textContent()).toBe('Check your answers');
		const check = await yp.locator('.check-list').textContent();
		expect(check).toContain('Happy');
		expect(check).toContain('Had food, Saw friends');
		expect(check).toContain('More trips to the seaside please');
		expect(check).not.toContain('What stops you going?');
		await expectAccessible(yp, 'check your answers');
		await shot(yp, 'survey-check-375');
		await yp.getByRole('button', { name: 'Send my answers' }).click();
		await expect.poll(() => heading(yp).textContent()).toBe('Thank you!');
		await expectAccessible(yp, 'thank you');
		await shot(yp, 'survey-thanks-375');
		await yp.getByRole('link', { name: 'Back to your surveys' }).click();
		await expect.poll(() => yp.getByRole('heading', { name: 'Sent' }).count()).toBe(1);
	}, 120_000);

	it('a second young person answers with JavaScript turned off, stopping half-way and carrying on', async () => {
		const yp = await newPhone({ javaScriptEnabled: false });
		await joinSession(yp, 'River');
		await yp.goto(`${t.url}/surveys/${surveyId}`);
		// No JavaScript: no read-aloud buttons, and everything else still works.
		expect(await yp.getByRole('button', { name: 'Read this to me' }).count()).toBe(0);
		await yp.getByRole('link', { name: 'Start', exact: true }).click();
		await expect.poll(() => heading(yp).textContent()).toBe('How do you feel when you are at the hub?');
		// Skip the required question for now.
		await yp.getByRole('button', { name: 'Next' }).click();
		await expect.poll(() => heading(yp).textContent()).toBe('Have you been to the hub in the last month?');
		await yp.getByRole('radio', { name: 'No', exact: true }).check();
		await yp.getByRole('button', { name: 'Save and finish later' }).click();
		await yp.waitForURL(/\/surveys\?saved=/);
		await expect.poll(() => yp.getByRole('status').first().textContent()).toContain('are saved');
		await shot(yp, 'surveys-saved-nojs-375');

		await yp.getByRole('link', { name: /^Carry on.*How’s your hub/ }).click();
		await yp.getByRole('link', { name: 'Carry on where I stopped' }).click();
		// The first question still without an answer.
		await expect.poll(() => heading(yp).textContent()).toBe('How do you feel when you are at the hub?');
		await yp.getByRole('button', { name: 'Next' }).click();
		await expect.poll(() => yp.getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(true);
		await yp.getByRole('button', { name: 'Next' }).click();
		await expect.poll(() => heading(yp).textContent()).toBe('What stops you going?');
		await yp.getByRole('textbox').fill('It is too far away');
		await yp.getByRole('button', { name: 'Next' }).click();
		await expect.poll(() => heading(yp).textContent()).toBe('What one thing would make the hub better?');
		await yp.getByRole('button', { name: 'Next: check my answers' }).click();

		// Sending checks the required answers.
		await expect.poll(() => heading(yp).textContent()).toBe('Check your answers');
		expect(await yp.locator('.check-list').textContent()).toContain('You need to answer this one.');
		await yp.getByRole('button', { name: 'Send my answers' }).click();
		await expect.poll(() => yp.getByRole('alert').textContent()).toContain('Some answers need a look before you send.');
		await expectAccessibleNoJs(yp, 'check answers with a missing answer (no JavaScript)');
		await shot(yp, 'survey-check-missing-nojs-375');
		await yp.getByRole('link', { name: /^Answer it/ }).click();
		await expect.poll(() => heading(yp).textContent()).toBe('How do you feel when you are at the hub?');
		await yp.getByText('Okay', { exact: true }).click();
		await shot(yp, 'survey-q-faces-nojs-375');
		await yp.getByRole('button', { name: 'Next' }).click();
		await yp.goto(`${t.url}/surveys/${surveyId}?step=check`);
		await yp.getByRole('button', { name: 'Send my answers' }).click();
		await expect.poll(() => heading(yp).textContent()).toBe('Thank you!');
	}, 120_000);

	it('staff see the results: charts with numbers on, response rate, written answers and filters', async () => {
		await staff.goto(`${t.url}/staff/surveys/${surveyId}`);
		await expect.poll(() => staff.locator('.sv-stat .sv-big').first().textContent()).toBe('2');
		const row = (q: string, answer: string) => staff.locator('.sr-q', { has: staff.getByRole('heading', { name: q }) }).getByRole('row', { name: new RegExp(`^${answer}`) });
		await expect.poll(() => row('How do you feel when you are at the hub?', 'Happy').locator('td.sr-num').first().textContent()).toBe('1');
		await expect.poll(() => row('How do you feel when you are at the hub?', 'Okay').locator('td.sr-num').first().textContent()).toBe('1');
		await expect.poll(() => row('What did you do there?', 'Had food').locator('.sr-on').textContent()).toBe('1');
		expect(await staff.locator('.sr-texts').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('More trips to the seaside please')]));
		// Both young people are in Group A, so the response rate is 2 of 2.
		expect(await staff.locator('.sv-stats').textContent()).toContain('2 of 2 young people');
		await expectAccessible(staff, 'survey results');
		await shot(staff, 'survey-results-1280');

		await staff.getByLabel('Group', { exact: true }).selectOption({ label: 'Group A' });
		await staff.getByRole('button', { name: 'Show results' }).click();
		await staff.waitForURL(/groupId=/);
		await expect.poll(() => staff.locator('.sv-stat .sv-big').first().textContent()).toBe('2');

		const phone = await newPhone();
		await signIn(phone, t.url, 'staff@test.local', t.world.users.staff.password, '/staff');
		await phone.goto(`${t.url}/staff/surveys/${surveyId}`);
		expect(await fitsWidth(phone)).toBe(true);
		await expectAccessible(phone, 'survey results on a phone');
		await shot(phone, 'survey-results-375');
	});

	it('the results print as a clean committee report', async () => {
		await staff.goto(`${t.url}/staff/surveys/${surveyId}`);
		await staff.emulateMedia({ media: 'print' });
		await staff.setViewportSize({ width: 794, height: 1123 });
		expect(await fitsWidth(staff)).toBe(true);
		expect(await staff.locator('.sv-filters').isVisible()).toBe(false);
		expect(await staff.locator('.site-header').isVisible()).toBe(false);
		expect(await staff.getByText('Voicebox survey report').isVisible()).toBe(true);
		await shot(staff, 'survey-report-print');
		const pdf = await staff.pdf({ format: 'A4', printBackground: true });
		writeFileSync(join(SHOTS, 'survey-report.pdf'), pdf);
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(pages).toBeGreaterThan(0);
		expect(pages).toBeLessThanOrEqual(3);
		await staff.emulateMedia({ media: 'screen' });
		await staff.setViewportSize(DESKTOP);
	});

	it('staff close the survey and post a "You said, we did" that young people see', async () => {
		await staff.goto(`${t.url}/staff/surveys/${surveyId}`);
		await staff.getByRole('button', { name: 'Close survey' }).click();
		await expect.poll(() => staff.locator('.sv-state').textContent()).toBe('Closed');
		await staff.goto(`${t.url}/staff/feedback`);
		const waiting = staff.locator('.fb-await li', { hasText: 'How’s your hub?' });
		await expect.poll(() => waiting.count()).toBe(1);
		await expectAccessible(staff, 'you said, we did (staff)');
		await waiting.getByRole('link', { name: /Write a response/ }).click();
		await expect.poll(() => staff.getByLabel('About').locator('option:checked').textContent()).toBe('How’s your hub?');
		expect(await staff.getByLabel('Show it to').locator('option:checked').textContent()).toBe('Group A');
		await staff.getByLabel('You said').fill('The hub is too far away for some of you.');
		await staff.getByLabel('We did').fill('We are starting a free minibus from the station on Fridays.');
		await staff.getByLabel('Happening now').check();
		await staff.getByRole('button', { name: 'Post it' }).click();
		await expect.poll(() => staff.getByRole('status').filter({ hasText: 'Posted' }).count()).toBe(1);
		await expect.poll(() => staff.locator('.fb-await li', { hasText: 'How’s your hub?' }).count()).toBe(0);
		await shot(staff, 'feedback-staff-1280');
		await staff.getByRole('button', { name: /^Mark as done/ }).click();
		await expect.poll(() => staff.locator('.fb-post .sv-status').first().textContent()).toContain('Done');

		const yp = await newPhone();
		await joinSession(yp, 'Ash');
		await yp.goto(`${t.url}/you-said-we-did`);
		await expect.poll(() => yp.locator('.ysd').count()).toBe(1);
		expect(await yp.locator('.ysd').textContent()).toContain('free minibus');
		expect(await yp.locator('.ysd .sv-status').textContent()).toContain('Done');
		await expectAccessible(yp, 'you said, we did (young person)');
		expect(await fitsWidth(yp)).toBe(true);
		await shot(yp, 'you-said-we-did-375');
	});

	it('the participation report shows hubs by month, hiding small numbers', async () => {
		await staff.goto(`${t.url}/staff/reports`);
		await expect.poll(() => staff.getByRole('heading', { name: /^Totals/ }).count()).toBe(1);
		expect(await staff.locator('.rp-totals').textContent()).toContain('fewer than 5');
		expect(await staff.locator('.rp-table tbody tr').count()).toBeGreaterThan(0);
		expect(await staff.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/api/reports/participation.csv');
		await expectAccessible(staff, 'participation report');
		await shot(staff, 'report-1280');
		const phone = await newPhone();
		await signIn(phone, t.url, 'staff@test.local', t.world.users.staff.password, '/staff');
		await phone.goto(`${t.url}/staff/reports`);
		expect(await fitsWidth(phone)).toBe(true);
		await shot(phone, 'report-375');
		await phone.goto(`${t.url}/staff/feedback`);
		expect(await fitsWidth(phone)).toBe(true);
		await shot(phone, 'feedback-staff-375');
	});
});
