/**
 * The group chat in Chromium: two young people chat on phones; a message with a phone number
 * waits for a check (and is in the moderators' held queue); a worrying message shows its author
 * where to get help and reaches a moderator live; "I'm worried"; the facilitator's view. axe
 * checks every screen; screenshots at 375 and 1280 px, and nothing scrolls sideways at 320 px.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, connected, type TestApp, startTestApp } from '../helpers/app.js';
import { DESKTOP, expectAccessible, launch, PHONE, shot, SHOTS, signIn } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
let code = '';
let roomId = '';

beforeAll(async () => {
	t = await startTestApp({ web: true });
	browser = await launch();
	const staff = new Client(t.url);
	await staff.login('staff@test.local', t.world.users.staff.password);
	code = ((await staff.post('/api/sessions', { title: 'Thursday group', groupId: t.world.groupA })).json.data as { code: string }).code;
});
afterAll(async () => {
	await browser?.close();
	await t?.close();
});

async function joinOnPhone(name: string): Promise<Page> {
	const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
	const page = await ctx.newPage();
	await page.goto(`${t.url}/join?code=${code}`);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join' }).click();
	await page.waitForURL(`${t.url}/session`);
	await page.getByRole('link', { name: /Group chat/ }).click();
	await page.waitForURL(/\/chat\/[a-f0-9]{24}$/);
	await expect.poll(() => page.locator('.conn').textContent()).toContain('Connected');
	return page;
}

async function say(page: Page, text: string) {
	await page.getByLabel('Your message').fill(text);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** The chat is an app-like screen (header and composer stay, the conversation scrolls): shoot what the phone shows. */
const screen = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

const bubble = (page: Page, text: string) => page.locator('li.msg', { hasText: text });

describe('the group chat on phones', { timeout: 90_000 }, () => {
	let fox: Page;
	let owl: Page;

	it('a young person opens the chat and sees the ground rules and who can read it first', async () => {
		fox = await joinOnPhone('Blue Fox');
		roomId = fox.url().split('/').pop()!;
		await expect.poll(() => fox.getByRole('heading', { name: 'Before you start' }).count()).toBe(1);
		expect(await fox.getByText('Who can read this chat?').count()).toBe(1);
		await expectAccessible(fox, 'chat ground rules');
		await screen(fox, 'chat-rules-375');
		await fox.getByRole('button', { name: 'I understand' }).click();
		await expect.poll(() => fox.getByRole('heading', { name: 'Before you start' }).count()).toBe(0);
	});

	it('two young people chat: sent, received once, read out politely', async () => {
		owl = await joinOnPhone('Green Owl');
		await owl.getByRole('button', { name: 'I understand' }).click();
		await say(fox, 'Hello everyone! How was your week?');
		await expect.poll(() => bubble(fox, 'How was your week?').textContent()).toContain('Sent');
		await expect.poll(() => bubble(owl, 'How was your week?').count()).toBe(1);
		expect(await bubble(owl, 'How was your week?').textContent()).toContain('Blue Fox');
		await expect.poll(() => owl.locator('[aria-live=polite]').last().textContent()).toContain('Blue Fox says: Hello everyone!');
		await say(owl, 'Good thanks! I liked the trip to the museum.');
		await expect.poll(() => bubble(fox, 'trip to the museum').count()).toBe(1);

		// React and open a message's options with the keyboard only.
		await bubble(fox, 'trip to the museum').getByRole('button', { name: /^Options/ }).focus();
		await fox.keyboard.press('Enter');
		await bubble(fox, 'trip to the museum').getByRole('button', { name: 'Love' }).click();
		await expect.poll(() => bubble(owl, 'trip to the museum').getByRole('button', { name: 'Love: 1' }).count()).toBe(1);
		await expectAccessible(fox, 'chat conversation');
		await screen(fox, 'chat-conversation-375');
		// Nothing scrolls sideways on a 320 px screen.
		await fox.setViewportSize({ width: 320, height: 700 });
		expect(await fox.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await screen(fox, 'chat-conversation-320');
		await fox.setViewportSize(PHONE);
	});

	it('a message with a phone number waits for a check, only its author sees it, and it is in the held queue', async () => {
		await say(owl, 'text me on 07700 900123');
		await expect.poll(() => bubble(owl, '07700 900123').textContent()).toContain('Waiting for a check');
		await screen(owl, 'chat-held-375');
		await say(owl, 'Anyway, see you next week');
		await expect.poll(() => bubble(fox, 'see you next week').count()).toBe(1);
		expect(await bubble(fox, '07700 900123').count()).toBe(0);
		const mod = new Client(t.url);
		await mod.login('mod@test.local', t.world.users.moderator.password);
		const held = (await mod.get('/api/moderation/reviews?queue=held')).json.data as { kind: string; text: string; where: string }[];
		expect(held).toContainEqual(expect.objectContaining({ kind: 'chat-message', text: 'text me on 07700 900123', where: 'Chat: Group A' }));
	});

	it('a worrying message shows its author where to get help, and a moderator hears about it live', async () => {
		const mod = new Client(t.url);
		await mod.login('mod@test.local', t.world.users.moderator.password);
		const socket = mod.socket();
		await connected(socket);
		const alert = new Promise<{ severity: string }>((ok) => socket.once('escalation:new', ok));
		await say(fox, 'i want to kill myself tonight');
		await expect.poll(() => bubble(fox, 'kill myself').textContent()).toContain('Childline');
		expect(await bubble(fox, 'kill myself').getByRole('link', { name: '0800 1111' }).count()).toBe(1);
		expect((await alert).severity).toBe('urgent');
		socket.close();
		await expectAccessible(fox, 'chat support message');
		await screen(fox, 'chat-support-375');
		expect(await bubble(owl, 'kill myself').count()).toBe(0);
	});

	it('"I\'m worried" is always at the top and tells the safeguarding team privately', async () => {
		await owl.getByRole('button', { name: /I’m worried/ }).click();
		await expect.poll(() => owl.getByRole('heading', { name: 'Tell someone you’re worried' }).isVisible()).toBe(true);
		await owl.getByLabel(/What is worrying you/).fill('Someone here keeps asking where I live');
		await expectAccessible(owl, 'worried dialog');
		await screen(owl, 'chat-worried-375');
		await owl.getByRole('button', { name: 'Tell the team' }).click();
		await expect.poll(() => owl.getByRole('heading', { name: 'We have your message' }).isVisible()).toBe(true);
		await owl.getByRole('button', { name: 'Close' }).click();
	});

	it('the facilitator sees the whole conversation with its controls, and pausing shows on phones', async () => {
		const ctx = await browser.newContext({ viewport: DESKTOP });
		const staff = await ctx.newPage();
		await signIn(staff, t.url, 'staff@test.local', t.world.users.staff.password, '/staff');
		// From the main navigation, as a facilitator would.
		await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Group chats' }).click();
		await staff.getByRole('link', { name: 'Group A' }).click();
		await staff.waitForURL(`${t.url}/staff/chat/${roomId}`);
		await expect.poll(() => staff.getByText('Live', { exact: true }).count()).toBe(1);
		expect(await staff.locator('li.msg', { hasText: '07700 900123' }).textContent()).toContain('Held');
		await expectAccessible(staff, 'staff chat view');
		await shot(staff, 'chat-staff-1280');
		await staff.getByRole('button', { name: 'Pause' }).click();
		await expect.poll(() => fox.getByText('The chat is paused by the facilitator.', { exact: false }).count()).toBeGreaterThan(0);
		await screen(fox, 'chat-paused-375');
		await staff.getByRole('button', { name: 'Resume' }).click();
		await expect.poll(() => fox.getByLabel('Your message').count()).toBe(1);
		await staff.setViewportSize(PHONE);
		await shot(staff, 'chat-staff-375');
		await fox.setViewportSize(DESKTOP);
		await screen(fox, 'chat-conversation-1280');
		await ctx.close();
	});
});
