/**
 * `npm start`: load config, start the embedded database unless MONGODB_URI is set, build the
 * app, seed the demo once, listen, and shut down cleanly on SIGTERM/SIGINT.
 */
import { createApp } from './app.js';
import { ConfigError, loadConfig, publicUrl } from './config.js';
import { connectDb, EMBEDDED_POOL_SIZE } from './db/connect.js';
import { startEmbeddedDb, type EmbeddedDb } from './db/embedded.js';
import { createLogger } from './logger.js';
import { buildContentModerator } from './moderation.js';
import { seedDemo } from './services/seed.service.js';
import { safeError } from './http/api.js';

async function main() {
	let config;
	try {
		config = loadConfig();
	} catch (err) {
		if (err instanceof ConfigError) {
			process.stderr.write(`${err.message}\n`);
			process.exit(2);
		}
		throw err;
	}
	const logger = createLogger(config.logLevel);
	let moderator;
	try {
		moderator = buildContentModerator(config, logger);
	} catch (err) {
		if (err instanceof ConfigError) {
			process.stderr.write(`${err.message}\n`);
			process.exit(2);
		}
		throw err;
	}
	let embedded: EmbeddedDb | null = null;
	let uri = config.mongodbUri;
	if (!uri) {
		embedded = await startEmbeddedDb(config.dataDir);
		uri = embedded.uri;
		logger.info({ dataDir: config.dataDir }, 'embedded database (FerretDB) started');
	}
	const conn = await connectDb(uri, config.dbName, embedded ? { maxPoolSize: EMBEDDED_POOL_SIZE } : {});
	const app = await createApp({ config, conn, logger, moderator });

	if (config.seedDemo) {
		const seeded = await seedDemo(app.repos, app.services.auth);
		if (seeded.created && seeded.accounts.length) {
			// Printed once, to the console only (never to the structured log).
			process.stdout.write(
				[
					'',
					'  Demo data created: Demo County Council, Northgate Hub, a reference group and a naming poll.',
					'  Sign in at /login with these accounts. The passwords are shown only this once:',
					...seeded.accounts.map((a) => `    ${a.role.padEnd(10)} ${a.email.padEnd(34)} ${a.password}`),
					'  Make more with: npm run user:create -- --email E --password P --role admin|staff|moderator [--hub NAME]',
					''
				].join('\n') + '\n'
			);
		}
	}

	const port = await app.listen();
	process.stdout.write(`\n  Voicebox is running: ${publicUrl(config, port)}\n\n`);

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, 'shutting down');
		try {
			await app.close();
			await embedded?.stop();
			process.exit(0);
		} catch (err) {
			logger.error({ err: safeError(err) }, 'shutdown failed');
			process.exit(1);
		}
	};
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
	process.stderr.write(`Voicebox could not start: ${(err as Error)?.message ?? String(err)}\n`);
	process.exit(1);
});
