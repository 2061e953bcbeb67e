/**
 * npm run user:create -- --email E --password P --role admin|staff|moderator [--hub NAME] [--name N] [--org NAME]
 *
 * Creates a staff account (the first admin too). Uses MONGODB_URI, or the embedded database in
 * DATA_DIR: the running app's if it is up, otherwise its own for the moment it needs.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { email, password, roleSchema } from '../../contracts/index.js';
import { loadConfig } from '../config.js';
import { connectDb, EMBEDDED_POOL_SIZE } from '../db/connect.js';
import { runningEmbeddedUri, startEmbeddedDb, type EmbeddedDb } from '../db/embedded.js';
import { createModels, ensureIndexes } from '../models/index.js';
import { createRepositories } from '../repositories/index.js';
import { createAuditService } from '../services/audit.service.js';
import { createAuthService } from '../services/auth.service.js';
import { createMemoryRateLimiter } from '../services/rate-limit.js';
import { AppError } from '../errors.js';

const usage = 'Usage: npm run user:create -- --email E --password P --role admin|staff|moderator [--hub NAME] [--name "Display Name"] [--org "Council name"]';

const argsSchema = z.object({
	email,
	password,
	role: roleSchema,
	hub: z.string().trim().min(1).max(80).optional(),
	name: z.string().trim().min(1).max(80).optional(),
	org: z.string().trim().min(1).max(120).optional()
});

async function main() {
	const { values } = parseArgs({
		options: {
			email: { type: 'string' },
			password: { type: 'string' },
			role: { type: 'string' },
			hub: { type: 'string' },
			name: { type: 'string' },
			org: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) {
		process.stdout.write(`${usage}\n`);
		return 0;
	}
	const parsed = argsSchema.safeParse(values);
	if (!parsed.success) {
		for (const i of parsed.error.issues) process.stderr.write(`--${i.path.join('.')}: ${i.message}\n`);
		process.stderr.write(`${usage}\n`);
		return 2;
	}
	const args = parsed.data;
	if (args.role !== 'admin' && !args.hub) {
		process.stderr.write(`Staff and moderators work in a hub: add --hub NAME.\n${usage}\n`);
		return 2;
	}

	const config = loadConfig();
	let embedded: EmbeddedDb | null = null;
	let uri = config.mongodbUri ?? runningEmbeddedUri(config.dataDir);
	if (!uri) {
		embedded = await startEmbeddedDb(config.dataDir);
		uri = embedded.uri;
	}
	const conn = await connectDb(uri, config.dbName, config.mongodbUri ? {} : { maxPoolSize: EMBEDDED_POOL_SIZE });
	try {
		const models = createModels(conn);
		await ensureIndexes(models);
		const repos = createRepositories(models);
		const audit = createAuditService(repos, () => new Date());
		const auth = createAuthService({ repos, config, now: () => new Date(), limiter: createMemoryRateLimiter(), audit });

		const slug = (args.org ?? 'my-council').toLowerCase().replace(/[^a-z0-9]+/g, '-');
		const existingOrg = await repos.org.firstOrg();
		const org = existingOrg ?? (await repos.org.createOrg(args.org ?? 'My Council', slug));
		const orgId = String(org._id);
		const hubIds: string[] = [];
		if (args.hub) {
			const hub = (await repos.org.findHubByName(orgId, args.hub)) ?? (await repos.org.createHub(orgId, args.hub));
			hubIds.push(String(hub._id));
		}
		const user = await auth.createUser(
			{ email: args.email, password: args.password, role: args.role, hubIds, displayName: args.name ?? args.email.split('@')[0]!, orgId },
			{ kind: 'anonymous' }
		);
		process.stdout.write(`Created ${user.role} account ${user.email} in ${org.name}${args.hub ? ` (hub: ${args.hub})` : ''}.\n`);
		return 0;
	} catch (err) {
		if (err instanceof AppError) {
			process.stderr.write(`${err.message}\n`);
			return 1;
		}
		throw err;
	} finally {
		await conn.close();
		await embedded?.stop();
	}
}

main().then(
	(code) => process.exit(code),
	(err: unknown) => {
		process.stderr.write(`Could not create the account: ${(err as Error)?.message ?? String(err)}\n`);
		process.exit(1);
	}
);
