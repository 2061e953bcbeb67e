/**
 * How the server builds the safeguarding filter from its configuration: the organisation's
 * policy file (MODERATION_POLICY_FILE) and Perspective (PERSPECTIVE_API_KEY), against a local
 * stand-in that speaks Perspective's comments:analyze JSON (node:http on 127.0.0.1, port 0).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { buildContentModerator, loadModerationPolicy } from '../../server/moderation.js';

const dir = mkdtempSync(join(tmpdir(), 'voicebox-policy-'));
function policyFile(name: string, content: string): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

const KEY = 'stand-in-key-0123456789';
let server: Server;
let endpoint = '';
const seen: Array<{ headers: IncomingMessage['headers']; body: { doNotStore?: boolean; comment?: { text?: string } } }> = [];
let reply: { status: number; toxicity: number } = { status: 200, toxicity: 0.1 };

beforeAll(async () => {
	server = createServer((req, res) => {
		let raw = '';
		req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
		req.on('end', () => {
			seen.push({ headers: req.headers, body: JSON.parse(raw) as (typeof seen)[number]['body'] });
			if (reply.status !== 200) {
				res.writeHead(reply.status, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { code: reply.status, message: 'unavailable' } }));
				return;
			}
			const value = { summaryScore: { value: reply.toxicity, type: 'PROBABILITY' } };
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ attributeScores: { TOXICITY: value, SEVERE_TOXICITY: { summaryScore: { value: 0.01 } } }, languages: ['en'] }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1alpha1/comments:analyze`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const base = { perspectiveApiKey: undefined, perspectiveEndpoint: undefined, perspectiveTimeoutMs: 1500, moderationPolicyFile: undefined };

describe('the organisation’s filter policy (MODERATION_POLICY_FILE)', () => {
	it('is the built-in default without a file', () => {
		expect(loadModerationPolicy(undefined).blockedTerms).toEqual([]);
	});

	it('applies blocked, allowed and model settings from the file', () => {
		const file = policyFile('ok.json', JSON.stringify({ blockedTerms: ['pineapple'], allowedTerms: ['keep my pocket knife for scouts'], model: { enabled: false } }));
		const moderator = buildContentModerator({ ...base, moderationPolicyFile: file });
		const defaults = buildContentModerator(base);
		expect(defaults.checkLocal('pineapple on pizza is the best', 'chat').action).toBe('allow');
		expect(moderator.checkLocal('pineapple on pizza is the best', 'chat').action).toBe('block');
		// A false alarm the built-in rules raise, silenced by the organisation's allowed term.
		const scouts = 'i keep my pocket knife for scouts in the drawer at home';
		expect(defaults.checkLocal(scouts, 'chat').escalate).toBe(true);
		expect(moderator.checkLocal(scouts, 'chat').action).toBe('allow');
		// Found only by the local model (see local-model.test.ts): off by this policy.
		expect(moderator.checkLocal('my mum keeps leaving me and my little brother on our own for days', 'chat').escalate).toBe(false);
		expect(defaults.checkLocal('my mum keeps leaving me and my little brother on our own for days', 'chat').escalate).toBe(true);
	});

	it('stops the start with the problem named: a missing file, bad JSON, or a wrong field', () => {
		const problems = (f: () => unknown): string[] => {
			try {
				f();
			} catch (e) {
				expect(e).toBeInstanceOf(ConfigError);
				return (e as ConfigError).problems;
			}
			throw new Error('expected a ConfigError');
		};
		expect(problems(() => loadModerationPolicy(join(dir, 'missing.json')))[0]).toMatch(/MODERATION_POLICY_FILE: .*missing\.json: it cannot be read/);
		expect(problems(() => loadModerationPolicy(policyFile('bad.json', '{ "blockedTerms": [')))[0]).toMatch(/not valid JSON/);
		const wrong = problems(() => loadModerationPolicy(policyFile('wrong.json', JSON.stringify({ blockedTerms: 'pineapple', model: { threshold: 3 } }))));
		expect(wrong.some((p) => p.startsWith('MODERATION_POLICY_FILE: blockedTerms'))).toBe(true);
		expect(wrong.some((p) => p.startsWith('MODERATION_POLICY_FILE: model.threshold'))).toBe(true);
	});

	it('is a configuration key with the other settings', () => {
		expect(loadConfig({ MODERATION_POLICY_FILE: '/etc/voicebox/policy.json' }).moderationPolicyFile).toBe('/etc/voicebox/policy.json');
		expect(() => loadConfig({ PERSPECTIVE_API_KEY: 'short' })).toThrow(/PERSPECTIVE_API_KEY/);
		expect(loadConfig({}).perspectiveTimeoutMs).toBe(1500);
	});
});

describe('Perspective, only when PERSPECTIVE_API_KEY is set', () => {
	it('is not called without a key', async () => {
		const before = seen.length;
		const moderator = buildContentModerator({ ...base, perspectiveEndpoint: endpoint });
		expect(moderator.hasRemote).toBe(false);
		await moderator.check('you are such a muppet', 'chat');
		expect(seen.length).toBe(before);
	});

	it('with a key: sends the text with doNotStore and the key in a header, and can only raise concern', async () => {
		reply = { status: 200, toxicity: 0.97 };
		const moderator = buildContentModerator({ ...base, perspectiveApiKey: KEY, perspectiveEndpoint: endpoint });
		expect(moderator.hasRemote).toBe(true);
		const v = await moderator.check('you are such a muppet', 'chat');
		expect(v.action).not.toBe('allow');
		expect(v.reasons.some((r) => r.rule === 'perspective:TOXICITY')).toBe(true);
		const last = seen[seen.length - 1]!;
		expect(last.headers['x-goog-api-key']).toBe(KEY);
		expect(last.body.doNotStore).toBe(true);
		expect(last.body.comment?.text).toBe('you are such a muppet');
		// A low score never lowers what the local rules decided.
		reply = { status: 200, toxicity: 0.01 };
		expect((await moderator.check('i want to kill myself tonight', 'chat')).severity).toBe('urgent');
	});

	it('when it fails: an item the local rules were unsure about is held, and the log names no text', async () => {
		reply = { status: 503, toxicity: 0 };
		const lines: string[] = [];
		const sink = new Writable({
			write(chunk: Buffer, _enc, done) {
				lines.push(chunk.toString('utf8'));
				done();
			}
		});
		const moderator = buildContentModerator({ ...base, perspectiveApiKey: KEY, perspectiveEndpoint: endpoint, perspectiveTimeoutMs: 300 }, createLogger('warn', sink));
		const text = 'add me on snap its jaydenxo_22';
		const v = await moderator.check(text, 'chat');
		expect(v.action).toBe('hold');
		expect(v.reasons.some((r) => r.rule === 'remote-unavailable')).toBe(true);
		const log = lines.join('');
		expect(log).toContain('remote classifier failed');
		expect(log).not.toContain('jaydenxo');
		expect(log).not.toContain(KEY);
	});
});
