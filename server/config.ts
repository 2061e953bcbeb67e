/**
 * Typed configuration. Every key has a doc, a format (zod), a default and an env name; the
 * README's configuration table is generated from the same list (`npm run config:table`).
 * Loading fails fast with every problem listed at once.
 */
import { z } from 'zod';

interface Key<T extends z.ZodType> {
	env: string;
	doc: string;
	schema: T;
	/** Shown in the README when the default is computed or secret. */
	defaultText?: string;
}

const bool = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configKeys = {
	port: { env: 'PORT', doc: 'HTTP port to listen on.', schema: int(0, 65535).default(3000) },
	host: { env: 'HOST', doc: 'Address to bind. Use 0.0.0.0 behind a reverse proxy on another host.', schema: z.string().default('127.0.0.1') },
	publicUrl: {
		env: 'PUBLIC_URL',
		doc: 'The address people use to reach Voicebox (for join links, QR codes and invites). Also set ORIGIN to the same value in production.',
		schema: z.url().optional(),
		defaultText: 'http://localhost:PORT'
	},
	origin: {
		env: 'ORIGIN',
		doc: 'The site origin as browsers see it (e.g. https://voice.council.gov.uk). Required behind TLS: the web layer checks form posts against it.',
		schema: z.url().optional(),
		defaultText: '(from the request)'
	},
	addressHeader: {
		env: 'ADDRESS_HEADER',
		doc: 'Header holding the visitor address behind a proxy (e.g. X-Forwarded-For), read by the web layer; set with XFF_DEPTH.',
		schema: z.string().optional(),
		defaultText: '(none)'
	},
	xffDepth: { env: 'XFF_DEPTH', doc: 'How many proxies add to X-Forwarded-For (usually 1), read by the web layer.', schema: int(1, 10).optional(), defaultText: '(none)' },
	nodeEnv: { env: 'NODE_ENV', doc: '`production` turns on secure cookies.', schema: z.enum(['development', 'production', 'test']).default('development') },
	mongodbUri: {
		env: 'MONGODB_URI',
		doc: 'A MongoDB 7+ connection string (a replica set in production). When unset, Voicebox starts its embedded FerretDB database.',
		schema: z.string().startsWith('mongodb').optional(),
		defaultText: '(embedded FerretDB)'
	},
	dbName: { env: 'DB_NAME', doc: 'Database name.', schema: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/).default('voicebox') },
	dataDir: { env: 'DATA_DIR', doc: "Where the embedded database keeps its files.", schema: z.string().default('./data') },
	seedDemo: { env: 'SEED_DEMO', doc: 'Create the demo organisation, accounts and naming poll on first start (idempotent).', schema: bool.default(true) },
	logLevel: { env: 'LOG_LEVEL', doc: 'fatal, error, warn, info, debug or silent. Logs never contain message text, names or tokens.', schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') },
	sessionDays: { env: 'SESSION_DAYS', doc: 'How long a staff sign-in lasts, in days.', schema: int(1, 90).default(7) },
	participantDays: { env: 'PARTICIPANT_DAYS', doc: "How long a young person's device stays recognised, in days.", schema: int(1, 365).default(30) },
	loginMaxFailures: { env: 'LOGIN_MAX_FAILURES', doc: 'Wrong passwords in a row before an account locks.', schema: int(1, 100).default(5) },
	loginLockMinutes: { env: 'LOGIN_LOCK_MINUTES', doc: 'How long an account stays locked.', schema: int(1, 1440).default(15) },
	loginRatePerIp: { env: 'LOGIN_RATE_PER_IP', doc: 'Sign-in attempts allowed per IP address per 15 minutes.', schema: int(1, 10000).default(30) },
	joinRatePerIp: { env: 'JOIN_RATE_PER_IP', doc: 'Wrong join codes allowed per IP address per 10 minutes.', schema: int(1, 10000).default(20) },
	voteKeySecret: {
		env: 'VOTE_KEY_SECRET',
		doc: 'Secret that turns a young person into an anonymous voter key on ballots. Set it (32+ random characters) in production so it is kept out of the database; if unset, one is made on first start and stored in the database.',
		schema: z.string().min(32).optional(),
		defaultText: '(generated, stored in the database)'
	},
	trustProxy: { env: 'TRUST_PROXY', doc: 'Trust X-Forwarded-* from this many proxy hops (set 1 behind one reverse proxy).', schema: int(0, 10).default(0) },
	notifyWebhookUrl: {
		env: 'NOTIFY_WEBHOOK_URL',
		doc: 'Where urgent and high safeguarding alerts are POSTed (JSON, signed with NOTIFY_WEBHOOK_SECRET) when not acknowledged in time: a Teams/Slack workflow or case system. Alerts never contain message text or names.',
		schema: z.url().optional(),
		defaultText: '(off)'
	},
	notifyWebhookSecret: {
		env: 'NOTIFY_WEBHOOK_SECRET',
		doc: 'Shared secret for the `X-Voicebox-Signature` header (HMAC-SHA256 of `timestamp.body`). Required with NOTIFY_WEBHOOK_URL.',
		schema: z.string().min(16).optional(),
		defaultText: '(none)'
	},
	smtpUrl: {
		env: 'SMTP_URL',
		doc: 'SMTP server for alert emails, e.g. `smtps://user:pass@smtp.council.gov.uk:465` or `smtp://relay:25`.',
		schema: z.string().regex(/^smtps?:\/\//, 'Use smtp:// or smtps://').optional(),
		defaultText: '(off)'
	},
	notifyEmailFrom: { env: 'NOTIFY_EMAIL_FROM', doc: 'From address of alert emails.', schema: z.string().default('Voicebox <voicebox@localhost>') },
	notifyEmails: {
		env: 'NOTIFY_EMAILS',
		doc: 'Comma-separated on-call addresses that receive alert emails.',
		schema: z
			.string()
			.transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
			.pipe(z.array(z.email()))
			.default([]),
		defaultText: '(none)'
	},
	notifyAtOnce: {
		env: 'NOTIFY_AT_ONCE',
		doc: 'Send out-of-app alerts for urgent and high concerns as soon as they are raised, not only when their acknowledge target passes.',
		schema: bool.default(false)
	},
	renotifyMinutes: { env: 'RENOTIFY_MINUTES', doc: 'While an urgent or high concern stays unacknowledged, alert again this often.', schema: int(1, 1440).default(15) },
	outboxIntervalMs: {
		env: 'OUTBOX_INTERVAL_MS',
		doc: 'How often the alert outbox is checked for deliveries due (0 turns the background loop off; tests drive it by hand).',
		schema: int(0, 3_600_000).default(2000)
	},
	outboxLeaseSeconds: {
		env: 'OUTBOX_LEASE_SECONDS',
		doc: 'How long a delivery in progress is reserved; if the process dies, another picks it up after this.',
		schema: int(1, 3600).default(60)
	},
	chatRetentionDays: { env: 'CHAT_RETENTION_DAYS', doc: 'Chat messages are deleted after this many days (except what a safeguarding concern needs).', schema: int(1, 3650).default(90) },
	safeguardingRetentionDays: {
		env: 'SAFEGUARDING_RETENTION_DAYS',
		doc: 'How long messages tied to a safeguarding concern are kept after the concern is closed (open concerns keep theirs).',
		schema: int(1, 36500).default(2190)
	},
	chatMaxLength: { env: 'CHAT_MAX_LENGTH', doc: 'Longest chat message, in characters.', schema: int(20, 10000).default(1000) },
	chatRateCount: { env: 'CHAT_RATE_COUNT', doc: 'Messages one young person may send per CHAT_RATE_SECONDS.', schema: int(1, 1000).default(5) },
	chatRateSeconds: { env: 'CHAT_RATE_SECONDS', doc: 'The window for CHAT_RATE_COUNT.', schema: int(1, 3600).default(10) },
	chatRoomFloodPerMinute: { env: 'CHAT_ROOM_FLOOD_PER_MINUTE', doc: 'Messages a whole room may receive per minute before it slows everyone down.', schema: int(10, 100000).default(120) },
	moderationPolicyFile: {
		env: 'MODERATION_POLICY_FILE',
		doc: "A JSON file with the organisation's safeguarding filter policy: extra blocked, suspect and allowed terms, per-category actions, the local model's switch and threshold, remote classifier thresholds, the support message (the format `npm run moderate -- --policy FILE` takes; see moderation/README.md). Checked at start: a mistake stops Voicebox with the problem named.",
		schema: z.string().min(1).optional(),
		defaultText: '(built-in defaults)'
	},
	perspectiveApiKey: {
		env: 'PERSPECTIVE_API_KEY',
		doc: "Turns on Google's Perspective API as a remote classifier (it can only raise concern; if it fails, the filter's policy decides whether the item is held). Text then leaves your servers (sent with doNotStore): turn it on only where your organisation agrees. Google has announced Perspective's shutdown at the end of 2026.",
		schema: z.string().min(10).optional(),
		defaultText: '(off)'
	},
	perspectiveEndpoint: {
		env: 'PERSPECTIVE_ENDPOINT',
		doc: 'The Perspective `comments:analyze` address (for a proxy, or a compatible service).',
		schema: z.url().optional(),
		defaultText: "(Google's)"
	},
	perspectiveTimeoutMs: { env: 'PERSPECTIVE_TIMEOUT_MS', doc: 'Longest wait for Perspective per message, including retries.', schema: int(100, 10000).default(1500) }
} satisfies Record<string, Key<z.ZodType>>;

type Keys = typeof configKeys;
export type Config = { [K in keyof Keys]: z.output<Keys[K]['schema']> };

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
	}
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
	const out: Record<string, unknown> = {};
	const problems: string[] = [];
	for (const [name, key] of Object.entries(configKeys) as [keyof Keys, Key<z.ZodType>][]) {
		if (name in overrides) {
			out[name] = overrides[name];
			continue;
		}
		const raw = env[key.env];
		const parsed = key.schema.safeParse(raw === '' ? undefined : raw);
		if (parsed.success) out[name] = parsed.data;
		else problems.push(`${key.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
	}
	// Keys that only make sense together.
	if (out.notifyWebhookUrl && !out.notifyWebhookSecret) problems.push('NOTIFY_WEBHOOK_SECRET: set a shared secret (16+ characters) so the receiver can check alerts really come from Voicebox.');
	if (out.smtpUrl && !(out.notifyEmails as string[] | undefined)?.length) problems.push('NOTIFY_EMAILS: list at least one on-call address to send alert emails to.');
	if (problems.length) throw new ConfigError(problems);
	return out as Config;
}

export function publicUrl(config: Config, port = config.port): string {
	return (config.publicUrl ?? config.origin ?? `http://localhost:${port}`).replace(/\/$/, '');
}

/** The README's configuration table, generated so it cannot drift from the code. */
export function configTable(): string {
	const rows = Object.values(configKeys).map((k: Key<z.ZodType>) => {
		const def = k.defaultText ?? (() => {
			const r = k.schema.safeParse(undefined);
			return r.success && r.data !== undefined ? String(r.data) : '(none)';
		})();
		return `| \`${k.env}\` | \`${def}\` | ${k.doc} |`;
	});
	return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
