/**
 * The Perspective client against a local stand-in server (node:http on
 * 127.0.0.1, port 0) that speaks Perspective's comments:analyze JSON.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  PERSPECTIVE_ATTRIBUTES,
  RemoteClassifierError,
  createModerator,
  createPerspectiveClassifier,
  truncateUtf8,
} from '../../../moderation/index.js';

const KEY = 'test-key-SECRET-1234567890';

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: {
    comment?: { text?: string; type?: string };
    requestedAttributes?: Record<string, unknown>;
    doNotStore?: boolean;
    languages?: string[];
  };
}

type Reply = (req: Seen, res: ServerResponse) => void;

let server: Server;
let endpoint = '';
let seen: Seen[] = [];
let replies: Reply[] = [];

function scores(values: Record<string, number>): object {
  return {
    attributeScores: Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, { spanScores: [{ begin: 0, end: 5, score: { value: v, type: 'PROBABILITY' } }], summaryScore: { value: v, type: 'PROBABILITY' } }]),
    ),
    languages: ['en'],
    detectedLanguages: ['en'],
  };
}

const ok =
  (values: Record<string, number>): Reply =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(scores(values)));
  };

const status =
  (code: number, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(code, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { code, message: `error ${code}`, status: 'UNAVAILABLE' } }));
  };

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const entry: Seen = { url: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') as Seen['body'] };
      seen.push(entry);
      const reply = replies.shift() ?? ok({ TOXICITY: 0.01 });
      reply(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1alpha1/comments:analyze`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  replies = [];
});

const client = (extra: Partial<Parameters<typeof createPerspectiveClassifier>[0]> = {}) =>
  createPerspectiveClassifier({ apiKey: KEY, endpoint, backoffMs: 5, ...extra });

const classify = (c: ReturnType<typeof client>, text: string) => c.classify(text, { signal: new AbortController().signal });

describe('Perspective client', () => {
  it('sends doNotStore, the six attributes, and the key in a header (never the URL)', async () => {
    replies.push(ok({ TOXICITY: 0.2, THREAT: 0.1 }));
    const result = await classify(client(), 'hello there');
    expect(result).toEqual({ TOXICITY: 0.2, THREAT: 0.1 });
    const req = seen[0];
    expect(req?.body.doNotStore).toBe(true);
    expect(req?.body.comment?.text).toBe('hello there');
    expect(Object.keys(req?.body.requestedAttributes ?? {}).sort()).toEqual([...PERSPECTIVE_ATTRIBUTES].sort());
    expect(req?.headers['x-goog-api-key']).toBe(KEY);
    expect(req?.url).not.toContain(KEY);
    expect(req?.url).not.toContain('key=');
  });

  it('cuts text to 3,000 bytes on a UTF-8 boundary', async () => {
    const text = 'a'.repeat(2999) + '😀'.repeat(10);
    await classify(client(), text);
    const sent = seen[0]?.body.comment?.text ?? '';
    expect(Buffer.byteLength(sent, 'utf8')).toBeLessThanOrEqual(3000);
    expect(sent).toBe('a'.repeat(2999));
    expect(truncateUtf8('€€€', 7)).toBe('€€'); // 3 bytes each, never split
    expect(truncateUtf8('a😀b', 4)).toBe('a');
    expect(truncateUtf8('short', 3000)).toBe('short');
  });

  it('retries 429 and 5xx with backoff, then succeeds', async () => {
    replies.push(status(429), status(503), ok({ TOXICITY: 0.5 }));
    const result = await classify(client({ maxRetries: 2 }), 'hi');
    expect(result).toEqual({ TOXICITY: 0.5 });
    expect(seen.length).toBe(3);
  });

  it('gives up after the retries with RATE_LIMITED, without the key in the message', async () => {
    replies.push(status(429), status(429), status(429));
    const err = await classify(client({ maxRetries: 2 }), 'hi').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteClassifierError);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(String((err as Error).message)).not.toContain(KEY);
    expect(String((err as Error).stack)).not.toContain(KEY);
  });

  it('does not retry other 4xx errors', async () => {
    replies.push(status(400));
    const err = await classify(client(), 'hi').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'HTTP_ERROR', status: 400 });
    expect(seen.length).toBe(1);
    expect(JSON.stringify(err)).not.toContain(KEY);
  });

  it('rejects malformed responses', async () => {
    for (const body of ['not json', '{}', JSON.stringify({ attributeScores: { TOXICITY: { summaryScore: { value: 7 } } } }), JSON.stringify({ attributeScores: {} })]) {
      replies.push((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      });
      const err = await classify(client(), 'hi').catch((e: unknown) => e);
      expect(err, body).toMatchObject({ code: 'BAD_RESPONSE' });
    }
  });

  it('times out with an AbortController (default 1.5 s, configurable)', async () => {
    replies.push((_req, res) => setTimeout(() => ok({ TOXICITY: 0.1 })(_req, res), 400));
    const started = Date.now();
    const err = await classify(client({ timeoutMs: 60 }), 'hi').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(350);
  });

  it('reports network failures without leaking the key', async () => {
    const c = createPerspectiveClassifier({ apiKey: KEY, endpoint: 'http://127.0.0.1:1/nothing-here', timeoutMs: 1000 });
    const err = await classify(c, 'hi').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK' });
    expect(String((err as Error).message)).not.toContain(KEY);
  });

  it('limits concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: Reply = (_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        ok({ TOXICITY: 0.1 })(_req, res);
      }, 30);
    };
    for (let i = 0; i < 6; i++) replies.push(slow);
    const c = client({ maxConcurrent: 2, timeoutMs: 3000 });
    await Promise.all(Array.from({ length: 6 }, () => classify(c, 'hi')));
    expect(peak).toBe(2);
    expect(seen.length).toBe(6);
  });

  it('accepts an injected fetch', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify(scores({ INSULT: 0.9 })), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const c = createPerspectiveClassifier({ apiKey: KEY, fetch: fakeFetch, endpoint: 'https://example.invalid/analyze' });
    expect(await classify(c, 'hi')).toEqual({ INSULT: 0.9 });
    expect(calls).toEqual(['https://example.invalid/analyze']);
  });

  it('refuses an empty key (remote is off unless configured)', () => {
    expect(() => createPerspectiveClassifier({ apiKey: '  ' })).toThrow(RemoteClassifierError);
  });
});

describe('Perspective through the moderator', () => {
  it('timeout → remote-unavailable and hold', async () => {
    replies.push((_req, res) => setTimeout(() => ok({ TOXICITY: 0.1 })(_req, res), 400));
    const m = createModerator({ classifiers: [client({ timeoutMs: 50 })], policy: { remote: { onRemoteFailure: 'hold' } } });
    const v = await m.check('see you later');
    expect(v.action).toBe('hold');
    expect(v.reasons.some((r) => r.rule === 'remote-unavailable')).toBe(true);
    expect(v.remote?.status).toBe('failed');
    expect(m.stats().remoteTimeouts).toBe(1);
  });

  it('timeout on text local rules were unsure about → hold by default', async () => {
    replies.push((_req, res) => setTimeout(() => ok({ TOXICITY: 0.1 })(_req, res), 400));
    const m = createModerator({
      classifiers: [client({ timeoutMs: 50 })],
      policy: { suspectTerms: ['quarry'], categories: { 'suspect-term': { action: 'allow' } } },
    });
    const v = await m.check('meet me at the quarry');
    expect(v.action).toBe('hold');
  });

  it('malformed response → remote-unavailable', async () => {
    replies.push((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"attributeScores": "nope"}');
    });
    const v = await createModerator({ classifiers: [client()] }).check('hello');
    expect(v.reasons.map((r) => r.rule)).toEqual(['remote-unavailable']);
  });

  it('a high remote score raises a local allow to block; a low one never lowers a local block', async () => {
    replies.push(ok({ TOXICITY: 0.99, SEVERE_TOXICITY: 0.9, IDENTITY_ATTACK: 0.2 }));
    const m = createModerator({ classifiers: [client()] });
    const raised = await m.check('people like you are the worst');
    expect(raised.action).toBe('block');
    expect(raised.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['perspective:TOXICITY', 'perspective:SEVERE_TOXICITY']));
    replies.push(ok({ TOXICITY: 0.0, PROFANITY: 0.0 }));
    const kept = await m.check('piss off');
    expect(kept.action).toBe('block');
  });
});
