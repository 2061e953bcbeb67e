/**
 * Debian's Chromium driven by playwright-core, with the flags this machine needs, plus an
 * axe-core check and screenshots (written to screenshots/ for people to look at).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SHOTS = resolve(import.meta.dirname, '../../screenshots');

export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

interface AxeResult {
	violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA rules) and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string) {
	await page.evaluate(axeSource);
	const result = (await page.evaluate(() =>
		(window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<unknown> } }).axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }
		})
	)) as AxeResult;
	const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const describe = (vs: AxeResult['violations']) => vs.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(describe(serious), `axe on ${label}`).toEqual([]);
	return describe(result.violations);
}

export async function shot(page: Page, name: string) {
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs a member of staff in through the real form and waits for their home page. */
export async function signIn(page: Page, base: string, email: string, password: string, home?: string) {
	await page.goto(`${base}/login`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	if (home) await page.waitForURL(`${base}${home}`);
}
