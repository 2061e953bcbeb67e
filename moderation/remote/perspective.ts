/**
 * Perspective API client (`comments:analyze`) on Node's global fetch.
 *
 * - Off unless an API key is given; the key travels in the `x-goog-api-key`
 *   header, never in the URL, logs or error messages.
 * - Always `doNotStore: true`.
 * - Text is cut to 3,000 bytes of UTF-8, on a character boundary.
 * - One deadline per call (default 1.5 s, AbortController) covers queueing,
 *   retries and backoff; 429 and 5xx are retried with exponential backoff.
 * - At most `maxConcurrent` requests in flight; the rest wait their turn.
 * - Responses are validated with zod; anything else is a failure, never a pass.
 */
import { z } from 'zod';
import { RemoteClassifierError, type RemoteClassifier, type RemoteScores } from './classifier.js';

export const PERSPECTIVE_ENDPOINT = 'https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze';
export const PERSPECTIVE_ATTRIBUTES = ['TOXICITY', 'SEVERE_TOXICITY', 'INSULT', 'THREAT', 'IDENTITY_ATTACK', 'PROFANITY'] as const;
export const PERSPECTIVE_MAX_BYTES = 3000;

export interface PerspectiveOptions {
  readonly apiKey: string;
  /** Defaults to the real endpoint; tests point it at a local stand-in server. */
  readonly endpoint?: string;
  readonly fetch?: typeof globalThis.fetch;
  /** Whole-call deadline in ms, including queueing and retries. Default 1500. */
  readonly timeoutMs?: number;
  readonly maxConcurrent?: number;
  /** Retries after the first attempt for 429 / 5xx. Default 2. */
  readonly maxRetries?: number;
  /** First backoff in ms; doubles each retry, with jitter. Default 100. */
  readonly backoffMs?: number;
  readonly attributes?: readonly string[];
  readonly languages?: readonly string[];
}

const responseSchema = z.object({
  attributeScores: z
    .record(
      z.string(),
      z.object({
        summaryScore: z.object({ value: z.number().min(0).max(1), type: z.string().optional() }),
      }),
    )
    .refine((r) => Object.keys(r).length > 0, 'no attribute scores'),
  languages: z.array(z.string()).optional(),
  detectedLanguages: z.array(z.string()).optional(),
});

/** Cut text to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number = PERSPECTIVE_MAX_BYTES): string {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let size: number;
    let units = 1;
    if (c < 0x80) size = 1;
    else if (c < 0x800) size = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      size = 4;
      units = 2;
    } else size = 3; // BMP, or a lone surrogate (sent as U+FFFD, 3 bytes)
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += units;
  }
  return text.slice(0, i);
}

class Semaphore {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async acquire(signal: AbortSignal): Promise<() => void> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const idx = this.queue.indexOf(go);
          if (idx >= 0) this.queue.splice(idx, 1);
          reject(signal.reason);
        };
        const go = (): void => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        signal.addEventListener('abort', onAbort, { once: true });
        this.queue.push(go);
      });
    } else {
      this.active++;
      return () => this.release();
    }
    return () => this.release();
  }

  private release(): void {
    const next = this.queue.shift();
    if (next !== undefined) next();
    else this.active--;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function redact(message: string, secret: string): string {
  return secret.length > 0 ? message.split(secret).join('[redacted]') : message;
}

export function createPerspectiveClassifier(options: PerspectiveOptions): RemoteClassifier {
  const apiKey = options.apiKey.trim();
  if (apiKey.length === 0) throw new RemoteClassifierError('HTTP_ERROR', 'Perspective needs an API key; leave it unconfigured to turn it off.');
  const endpoint = options.endpoint ?? PERSPECTIVE_ENDPOINT;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 1500;
  const maxRetries = options.maxRetries ?? 2;
  const backoffMs = options.backoffMs ?? 100;
  const attributes = options.attributes ?? PERSPECTIVE_ATTRIBUTES;
  const languages = options.languages ?? ['en'];
  const semaphore = new Semaphore(Math.max(1, options.maxConcurrent ?? 4));

  async function attempt(body: string, signal: AbortSignal): Promise<RemoteScores | { retryAfterMs: number; status: number }> {
    let res: Response;
    try {
      res = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-goog-api-key': apiKey },
        body,
        signal,
      });
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      // Never pass the underlying message through unredacted: it can echo the request.
      const detail = e instanceof Error ? redact(e.name, apiKey) : 'unknown';
      throw new RemoteClassifierError('NETWORK', `Perspective request failed (${detail}).`);
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel().catch(() => undefined);
      const retryAfter = Number(res.headers.get('retry-after'));
      return { retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0, status: res.status };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new RemoteClassifierError('HTTP_ERROR', `Perspective answered HTTP ${res.status}.`, res.status);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      if (signal.aborted) throw signal.reason;
      throw new RemoteClassifierError('BAD_RESPONSE', 'Perspective answered with something that is not JSON.');
    }
    const parsed = responseSchema.safeParse(json);
    if (!parsed.success) throw new RemoteClassifierError('BAD_RESPONSE', 'Perspective answered in an unexpected shape.');
    const scores: Record<string, number> = {};
    for (const [attr, value] of Object.entries(parsed.data.attributeScores)) scores[attr] = value.summaryScore.value;
    return scores;
  }

  return {
    name: 'perspective',
    async classify(text, { signal: outer }) {
      const deadline = new AbortController();
      const timer = setTimeout(
        () => deadline.abort(new RemoteClassifierError('TIMEOUT', `Perspective did not answer within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      const signal = AbortSignal.any([outer, deadline.signal]);
      const body = JSON.stringify({
        comment: { text: truncateUtf8(text), type: 'PLAIN_TEXT' },
        requestedAttributes: Object.fromEntries(attributes.map((a) => [a, {}])),
        languages,
        doNotStore: true,
      });
      let release: (() => void) | undefined;
      try {
        release = await semaphore.acquire(signal);
        for (let retry = 0; ; retry++) {
          const result = await attempt(body, signal);
          if (!('retryAfterMs' in result)) return result;
          if (retry >= maxRetries) {
            throw new RemoteClassifierError(
              result.status === 429 ? 'RATE_LIMITED' : 'HTTP_ERROR',
              `Perspective answered HTTP ${result.status} after ${retry + 1} attempts.`,
              result.status,
            );
          }
          const backoff = backoffMs * 2 ** retry * (0.75 + Math.random() * 0.5);
          await sleep(Math.max(backoff, result.retryAfterMs), signal);
        }
      } catch (e) {
        if (e instanceof RemoteClassifierError) throw e;
        if (signal.aborted) {
          const reason: unknown = signal.reason;
          if (reason instanceof RemoteClassifierError) throw reason;
          throw new RemoteClassifierError('ABORTED', 'Perspective request was cancelled.');
        }
        throw new RemoteClassifierError('NETWORK', 'Perspective request failed.');
      } finally {
        clearTimeout(timer);
        release?.();
      }
    },
  };
}
