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
	trustProxy: { env: 'TRUST_PROXY', doc: 'Trust X-Forwarded-* from this many proxy hops (set 1 behind one reverse proxy).', schema: int(0, 10).default(0) }
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
