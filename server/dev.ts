/**
 * `npm run dev`: a Vite plugin that runs the same API and Socket.IO setup inside Vite's dev
 * server, so the web app hot-reloads against the real server code and database.
 */
import type { Plugin } from 'vite';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { connectDb, EMBEDDED_POOL_SIZE } from './db/connect.js';
import { startEmbeddedDb } from './db/embedded.js';
import { buildContentModerator } from './moderation.js';
import { seedDemo } from './services/seed.service.js';

export function voiceboxDev(): Plugin {
	return {
		name: 'voicebox-dev-server',
		async configureServer(server) {
			if (!server.httpServer) return;
			const config = loadConfig(process.env, { port: server.config.server.port ?? 3000 });
			const embedded = config.mongodbUri ? null : await startEmbeddedDb(config.dataDir);
			const conn = await connectDb(config.mongodbUri ?? embedded!.uri, config.dbName, embedded ? { maxPoolSize: EMBEDDED_POOL_SIZE } : {});
			const app = await createApp({ config, conn, web: false, httpServer: server.httpServer as import('node:http').Server, moderator: buildContentModerator(config) });
			if (config.seedDemo) {
				const seeded = await seedDemo(app.repos, app.services.auth);
				for (const a of seeded.accounts) server.config.logger.info(`  demo ${a.role}: ${a.email}  ${a.password}`);
			}
			server.middlewares.use(app.express);
			server.httpServer.once('close', () => {
				void app.close().then(() => embedded?.stop());
			});
		}
	};
}
