/**
 * createApp(deps) builds the whole of Voicebox from its parts: Express with the JSON API under
 * /api, then SvelteKit's adapter-node handler, one http.Server, and Socket.IO on the same server.
 * Tests call it with a temporary database and port 0; main.ts calls it with the real config.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import express, { type CookieOptions, type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import type { Config } from './config.js';
import { createApiRouter } from './http/api.js';
import { createLogger, type Logger } from './logger.js';
import { createModels, ensureIndexes } from './models/index.js';
import { repoRoot } from './paths.js';
import { attachRealtime, type VoiceboxServer } from './realtime/io.js';
import { createRepositories } from './repositories/index.js';
import { createServices } from './services/index.js';
import { safeError } from './errors.js';
import { createContentModerator, type ContentModerator } from './moderation.js';
import { createMemoryRateLimiter, type RateLimiter } from './services/rate-limit.js';

export interface AppDeps {
	config: Config;
	conn: Connection;
	logger?: Logger;
	now?: () => Date;
	limiter?: RateLimiter;
	/** The safeguarding filter. Default: the local filter from moderation/ with the default policy. */
	moderator?: ContentModerator | null;
	/** Mount the built SvelteKit app (build/handler.js). Default: when the build exists. */
	web?: boolean;
	/** Attach to an existing server (Vite's, in `npm run dev`) instead of making one. */
	httpServer?: HttpServer;
}

export interface App {
	express: express.Express;
	server: HttpServer;
	io: VoiceboxServer;
	services: ReturnType<typeof createServices>;
	repos: ReturnType<typeof createRepositories>;
	routes: ReturnType<typeof createApiRouter>['routes'];
	listen(port?: number, host?: string): Promise<number>;
	url(): string;
	close(): Promise<void>;
}

export function appVersion(): string {
	return (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * adapter-node assumes https unless ORIGIN is set. We tell it the protocol Express worked out
 * (which honours TRUST_PROXY) through a header of our own that we always overwrite.
 */
const PROTO_HEADER = 'x-voicebox-proto';

export async function loadWebHandler(): Promise<RequestHandler | null> {
	const file = join(repoRoot(), 'build', 'handler.js');
	if (!existsSync(file)) return null;
	process.env.PROTOCOL_HEADER ??= PROTO_HEADER;
	const mod = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
	return mod.handler;
}

export async function createApp(deps: AppDeps): Promise<App> {
	const { config, conn } = deps;
	const logger = deps.logger ?? createLogger(config.logLevel);
	const now = deps.now ?? (() => new Date());
	const models = createModels(conn);
	await ensureIndexes(models);
	const repos = createRepositories(models);
	let port = config.port;
	const services = createServices({
		config,
		repos,
		now,
		limiter: deps.limiter ?? createMemoryRateLimiter(),
		moderator: deps.moderator === undefined ? createContentModerator() : deps.moderator,
		port: () => port,
		logger
	});
	// Each organisation's own filter settings, before the first message is checked.
	await services.filterPolicy.loadAll();

	const cookieBase: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: config.nodeEnv === 'production', path: '/' };
	const app = express();
	app.disable('x-powered-by');
	// Trust X-Forwarded-For from loopback (our own SvelteKit server calling the API for a
	// visitor) and from the configured number of reverse-proxy hops.
	const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
	app.set('trust proxy', (ip: string, hop: number) => loopback.has(ip) || hop < config.trustProxy);
	app.use((_req, res, next) => {
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'same-origin');
		res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
		next();
	});
	const api = createApiRouter({ services, logger, cookieBase, version: appVersion() });
	app.use('/api', api.router);

	if (deps.web ?? true) {
		const handler = await loadWebHandler();
		if (handler)
			app.use((req, res, next) => {
				req.headers[PROTO_HEADER] = req.protocol;
				handler(req, res, next);
			});
		else if (deps.web === true) throw new Error('The web app is not built: run `npm run build` first');
	}

	// Expired sign-ins are refused anyway; this clears them out of the database every hour.
	// Chat past its retention period goes too (except what a safeguarding concern needs).
	const hourly = () => {
		void repos.authSessions.deleteExpired(now()).catch(() => undefined);
		void services.chat.runRetention().catch((err) => logger.error({ err: safeError(err) }, 'chat retention failed'));
	};
	const sweep = setInterval(hourly, 60 * 60 * 1000);
	sweep.unref();
	await repos.authSessions.deleteExpired(now());
	// Out-of-app safeguarding alerts: a background loop over the persisted outbox.
	services.notifier.start();

	const server = deps.httpServer ?? createServer(app);
	const { io, dispose } = attachRealtime(server, services, logger);

	return {
		express: app,
		server,
		io,
		services,
		repos,
		routes: api.routes,
		listen(p = config.port, host = config.host) {
			return new Promise((ok, fail) => {
				server.once('error', fail);
				server.listen(p, host, () => {
					server.off('error', fail);
					port = (server.address() as AddressInfo).port;
					ok(port);
				});
			});
		},
		url: () => `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
		async close() {
			// Stop taking work, tell sockets goodbye, let in-flight requests finish, then the DB.
			dispose();
			clearInterval(sweep);
			await services.notifier.stop();
			await new Promise<void>((ok) => {
				io.close(() => ok());
			});
			server.closeIdleConnections();
			await new Promise<void>((ok) => {
				const force = setTimeout(() => server.closeAllConnections(), 5000);
				server.close(() => {
					clearTimeout(force);
					ok();
				});
				if (!server.listening) {
					clearTimeout(force);
					ok();
				}
			});
			await conn.close();
		}
	};
}
