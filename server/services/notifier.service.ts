/**
 * Out-of-app safeguarding alerts through a persisted outbox.
 *
 * 1. Scheduling: an urgent or high concern that is still unacknowledged when its alert is due
 *    (at its acknowledge target, or at once with NOTIFY_AT_ONCE) gets a new alert round, and the
 *    next round is scheduled every RENOTIFY_MINUTES until someone acknowledges it. Moving the
 *    round on is one guarded update, and each delivery has a fixed id, so two instances (or a
 *    restart) never enqueue a round twice.
 * 2. Delivery: each due outbox row is claimed with a lease, sent, then marked sent. If the
 *    process dies in between, the lease runs out and the row is sent again with the same id
 *    (at least once; receivers de-duplicate on `X-Voicebox-Delivery` / the email Message-ID).
 *    Failures are retried with exponential backoff and never dropped.
 *
 * Alerts carry the hub, the severity and a link, never message text or names.
 */
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Repositories } from '../repositories/index.js';
import { safeError } from '../errors.js';

export interface AlertPayload {
	/** The delivery id: the same on every retry of this alert. */
	id: string;
	type: 'safeguarding.alert';
	escalationId: string;
	severity: string;
	hub: string;
	round: number;
	raisedAt: string;
	url: string;
	/** One line a chat tool can show as is. */
	text: string;
}

const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 10 * 60_000;
const SEND_TIMEOUT_MS = 10_000;

export function backoffMs(attempts: number, random = Math.random): number {
	const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
	// Up to 20% jitter so many failing deliveries do not retry in lockstep.
	return Math.round(exp * (0.8 + 0.2 * random()));
}

export function signWebhook(secret: string, timestamp: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function createNotifier(deps: { config: Config; repos: Repositories; now: () => Date; publicUrl: () => string; logger: Logger }) {
	const { config, repos, now, logger } = deps;
	const channels: ('webhook' | 'email')[] = [];
	if (config.notifyWebhookUrl) channels.push('webhook');
	if (config.smtpUrl && config.notifyEmails.length) channels.push('email');
	const mailer = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl, { connectionTimeout: SEND_TIMEOUT_MS, greetingTimeout: SEND_TIMEOUT_MS, socketTimeout: SEND_TIMEOUT_MS }) : null;
	const leaseMs = config.outboxLeaseSeconds * 1000;
	const counters = { enqueued: 0, sent: 0, failed: 0 };

	const severityWord = (s: string) => (s === 'urgent' ? 'Urgent' : s === 'high' ? 'High-priority' : 'New');

	async function enqueueRound(e: { _id: unknown; orgId: unknown; hubId: unknown; severity: string; createdAt: Date }, round: number) {
		const hub = (await repos.org.findHub(String(e.hubId)))?.name ?? 'a hub';
		const escalationId = String(e._id);
		for (const channel of channels) {
			const id = `${escalationId}-${round}-${channel}`;
			const url = `${deps.publicUrl()}/moderator/escalations/${escalationId}`;
			const payload: AlertPayload = {
				id,
				type: 'safeguarding.alert',
				escalationId,
				severity: e.severity,
				hub,
				round,
				raisedAt: e.createdAt.toISOString(),
				url,
				text: `${severityWord(e.severity)} safeguarding alert in ${hub}${round > 1 ? ` (reminder ${round - 1}: not yet acknowledged)` : ''}. Open Voicebox: ${url}`
			};
			if (await repos.outbox.enqueue({ _id: id, channel, escalationId, orgId: String(e.orgId), payload: payload as unknown as Record<string, unknown>, createdAt: now() })) counters.enqueued++;
		}
	}

	async function send(channel: string, payload: AlertPayload): Promise<void> {
		if (channel === 'webhook') {
			if (!config.notifyWebhookUrl) throw new Error('webhook not configured');
			const body = JSON.stringify(payload);
			const timestamp = String(Math.floor(now().getTime() / 1000));
			const res = await fetch(config.notifyWebhookUrl, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'user-agent': 'Voicebox-Alerts',
					'x-voicebox-delivery': payload.id,
					'x-voicebox-timestamp': timestamp,
					...(config.notifyWebhookSecret ? { 'x-voicebox-signature': signWebhook(config.notifyWebhookSecret, timestamp, body) } : {})
				},
				body,
				signal: AbortSignal.timeout(SEND_TIMEOUT_MS)
			});
			// Drain the body so the connection can be reused; its content is not needed.
			await res.arrayBuffer().catch(() => undefined);
			if (!res.ok) throw Object.assign(new Error('webhook refused'), { code: `HTTP_${res.status}` });
			return;
		}
		if (!mailer) throw new Error('smtp not configured');
		await mailer.sendMail({
			from: config.notifyEmailFrom,
			to: config.notifyEmails,
			subject: `${severityWord(payload.severity)} safeguarding alert in ${payload.hub}`,
			text: `${payload.text}\n\nThis alert does not include what was written. Sign in to Voicebox to see it and record what you do.\n\nAlert id: ${payload.id}\n`,
			messageId: `<${payload.id}@voicebox.alerts>`,
			headers: { 'X-Voicebox-Delivery': payload.id }
		});
	}

	let running: Promise<void> | null = null;
	let timer: NodeJS.Timeout | null = null;

	async function tickOnce(): Promise<{ scheduled: number; delivered: number; failed: number }> {
		let scheduled = 0;
		let delivered = 0;
		let failed = 0;
		if (!channels.length) return { scheduled, delivered, failed };
		const t = now();
		for (const e of await repos.escalations.dueForNotify(t)) {
			const round = e.notifyRound ?? 0;
			// Store the round's deliveries first, then move the schedule on. Their ids are fixed per
			// round, so dying in between only means the next pass stores them again (once); the other
			// way round, a crash there would lose this alert until the next reminder.
			await enqueueRound(e, round + 1);
			const claimed = await repos.escalations.claimNotifyRound(String(e._id), round, new Date(t.getTime() + config.renotifyMinutes * 60_000));
			if (!claimed) continue;
			scheduled++;
		}
		for (let i = 0; i < 100; i++) {
			const at = now();
			const row = await repos.outbox.claim(at, new Date(at.getTime() + leaseMs));
			if (!row) break;
			try {
				await send(row.channel, row.payload as AlertPayload);
				await repos.outbox.markSent(row._id, now());
				counters.sent++;
				delivered++;
			} catch (err) {
				const code = String((err as { code?: unknown }).code ?? (err as { name?: string }).name ?? 'ERROR');
				await repos.outbox.markFailed(row._id, new Date(now().getTime() + backoffMs(row.attempts ?? 1)), code);
				counters.failed++;
				failed++;
				logger.warn({ delivery: row._id, channel: row.channel, attempts: row.attempts, err: safeError(err) }, 'alert delivery failed; will retry');
			}
		}
		return { scheduled, delivered, failed };
	}

	return {
		channels,
		counters,
		/** Called when an escalation is stored: with NOTIFY_AT_ONCE, deliver without waiting for the loop. */
		async raised(e: { nextNotifyAt?: Date | null; createdAt: Date }) {
			if (channels.length && e.nextNotifyAt && e.nextNotifyAt.getTime() <= e.createdAt.getTime()) void this.tick();
		},
		deliveriesFailing: (orgId: string) => repos.outbox.countFailing(orgId),
		/** One pass: schedule due alert rounds, then deliver what is due. Never runs twice at once. */
		tick(): Promise<{ scheduled: number; delivered: number; failed: number }> {
			if (running) return running.then(() => ({ scheduled: 0, delivered: 0, failed: 0 }));
			const p = tickOnce().catch((err) => {
				logger.error({ err: safeError(err) }, 'alert outbox pass failed');
				return { scheduled: 0, delivered: 0, failed: 0 };
			});
			running = p.then(() => undefined);
			void p.finally(() => (running = null));
			return p;
		},
		start() {
			if (config.outboxIntervalMs <= 0 || timer) return;
			timer = setInterval(() => void this.tick(), config.outboxIntervalMs);
			timer.unref();
		},
		async stop() {
			if (timer) clearInterval(timer);
			timer = null;
			await running;
			mailer?.close();
		}
	};
}
export type Notifier = ReturnType<typeof createNotifier>;
