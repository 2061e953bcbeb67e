/**
 * Stand-ins for the places safeguarding alerts go, speaking the real protocols on 127.0.0.1:0:
 * a webhook receiver (HTTP, verifies the HMAC signature, de-duplicates on the delivery id) and
 * an SMTP server (smtp-server, records each message with its envelope and parsed headers).
 * Both record what arrived; tests decide how they answer.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Wait until `check` returns something truthy, polling; fails with `what` after `timeoutMs`. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000, stepMs = 20): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await check();
		if (v) return v as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((ok) => setTimeout(ok, stepMs));
	}
}

export interface WebhookRequest {
	/** `x-voicebox-delivery`: the same on every retry of one alert. */
	delivery: string;
	timestamp: string;
	signature: string | null;
	/** True when the signature matches HMAC-SHA256(secret, timestamp + '.' + body); null without a secret. */
	verified: boolean | null;
	headers: IncomingHttpHeaders;
	body: string;
	json: Record<string, unknown> | null;
	/** What the receiver answered: a status, or 'hold' (never answered). */
	answer: number | 'hold';
}

/** How to answer the n-th request (0-based): a status code, or 'hold' to never answer. */
export type WebhookAnswer = (req: WebhookRequest, n: number) => number | 'hold';

export interface WebhookReceiver {
	url: string;
	/** Every request, in arrival order (retries included). */
	requests: WebhookRequest[];
	/** De-duplicated by delivery id: what a receiver acted on (answered 2xx), once per id. */
	accepted: Map<string, WebhookRequest>;
	answerWith(fn: WebhookAnswer): void;
	/** Requests being held open right now. */
	held(): number;
	close(): Promise<void>;
}

/** `sha256=hex(HMAC(secret, timestamp + '.' + body))`, computed here independently of the server's code. */
export function expectedSignature(secret: string, timestamp: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function signatureOk(secret: string, timestamp: string, body: string, got: string | null): boolean {
	if (!got) return false;
	const want = Buffer.from(expectedSignature(secret, timestamp, body));
	const have = Buffer.from(got);
	return want.length === have.length && timingSafeEqual(want, have);
}

export async function startWebhookReceiver(opts: { secret?: string; answer?: WebhookAnswer } = {}): Promise<WebhookReceiver> {
	let answer: WebhookAnswer = opts.answer ?? (() => 200);
	const requests: WebhookRequest[] = [];
	const accepted = new Map<string, WebhookRequest>();
	const open = new Set<ServerResponse>();
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const header = (name: string) => {
				const v = req.headers[name];
				return Array.isArray(v) ? v.join(',') : (v ?? null);
			};
			let json: Record<string, unknown> | null;
			try {
				json = JSON.parse(body) as Record<string, unknown>;
			} catch {
				json = null;
			}
			const timestamp = header('x-voicebox-timestamp') ?? '';
			const signature = header('x-voicebox-signature');
			const r: WebhookRequest = {
				delivery: header('x-voicebox-delivery') ?? '',
				timestamp,
				signature,
				verified: opts.secret ? signatureOk(opts.secret, timestamp, body, signature) : null,
				headers: req.headers,
				body,
				json,
				answer: 200
			};
			r.answer = req.method === 'POST' ? answer(r, requests.length) : 405;
			requests.push(r);
			if (r.answer === 'hold') {
				open.add(res);
				res.on('close', () => open.delete(res));
				return;
			}
			if (r.answer >= 200 && r.answer < 300 && r.verified !== false && !accepted.has(r.delivery)) accepted.set(r.delivery, r);
			res.writeHead(r.answer, { 'content-type': 'text/plain' }).end(r.answer < 300 ? 'ok' : 'no');
		});
	});
	// A client that dies mid-request (a killed server) must not take the receiver down.
	server.on('clientError', (_err, socket) => socket.destroy());
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hooks/voicebox`,
		requests,
		accepted,
		answerWith(fn) {
			answer = fn;
		},
		held: () => open.size,
		close: () =>
			new Promise<void>((ok) => {
				for (const res of open) res.destroy();
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}

export interface ReceivedMail {
	envelope: { from: string; to: string[] };
	raw: string;
	/** Header names in lower case, folded lines joined. */
	headers: Map<string, string>;
	/** The decoded text body. */
	body: string;
}

export interface SmtpReceiver {
	/** `smtp://127.0.0.1:PORT` for SMTP_URL. */
	url: string;
	/** Messages accepted (250 after DATA). */
	messages: ReceivedMail[];
	/** Every DATA attempt, accepted or refused. */
	attempts: number;
	/** Answer the n-th DATA attempt (0-based) with a temporary failure when this returns true. */
	refuseWith(fn: (n: number) => boolean): void;
	close(): Promise<void>;
}

function parseMail(raw: string): { headers: Map<string, string>; body: string } {
	const split = raw.indexOf('\r\n\r\n');
	const head = split < 0 ? raw : raw.slice(0, split);
	let body = split < 0 ? '' : raw.slice(split + 4);
	const headers = new Map<string, string>();
	for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const i = line.indexOf(':');
		if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
	}
	const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
	if (cte === 'quoted-printable')
		body = Buffer.from(
			body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
			'latin1'
		).toString('utf8');
	else if (cte === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return { headers, body };
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
	const messages: ReceivedMail[] = [];
	let attempts = 0;
	let refuse: (n: number) => boolean = () => false;
	const server = new SMTPServer({
		logger: false,
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const n = attempts++;
				if (refuse(n)) {
					callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
					return;
				}
				const raw = Buffer.concat(chunks).toString('utf8');
				const mailFrom = session.envelope.mailFrom;
				messages.push({
					envelope: { from: mailFrom ? mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
					raw,
					...parseMail(raw)
				});
				callback();
			});
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		get attempts() {
			return attempts;
		},
		refuseWith(fn) {
			refuse = fn;
		},
		close: () => new Promise<void>((ok) => server.close(() => ok()))
	};
}
