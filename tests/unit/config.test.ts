import { describe, expect, it } from 'vitest';
import { ConfigError, configTable, loadConfig, publicUrl } from '../../server/config.js';

describe('configuration', () => {
	it('has working defaults: the embedded database on port 3000 with the demo seeded', () => {
		const c = loadConfig({});
		expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', seedDemo: true, mongodbUri: undefined, loginMaxFailures: 5 });
		expect(publicUrl(c)).toBe('http://localhost:3000');
	});

	it('reads and converts environment variables', () => {
		const c = loadConfig({ PORT: '8080', SEED_DEMO: 'false', MONGODB_URI: 'mongodb://db:27017/?replicaSet=rs0', PUBLIC_URL: 'https://voice.council.gov.uk/' });
		expect(c.port).toBe(8080);
		expect(c.seedDemo).toBe(false);
		expect(c.mongodbUri).toBe('mongodb://db:27017/?replicaSet=rs0');
		expect(publicUrl(c)).toBe('https://voice.council.gov.uk');
	});

	it('fails fast and lists every problem at once', () => {
		let err: unknown;
		try {
			loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'chatty' });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(ConfigError);
		const problems = (err as ConfigError).problems.join('\n');
		expect(problems).toContain('PORT');
		expect(problems).toContain('MONGODB_URI');
		expect(problems).toContain('LOG_LEVEL');
	});

	it('refuses alert settings that cannot work on their own', () => {
		expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/x' })).toThrow(/NOTIFY_WEBHOOK_SECRET/);
		expect(() => loadConfig({ SMTP_URL: 'smtp://relay:25' })).toThrow(/NOTIFY_EMAILS/);
		expect(loadConfig({ NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/x', NOTIFY_WEBHOOK_SECRET: 'a-long-shared-secret', SMTP_URL: 'smtp://relay:25', NOTIFY_EMAILS: 'dsl@council.example, oncall@council.example' })).toMatchObject({
			notifyEmails: ['dsl@council.example', 'oncall@council.example']
		});
	});

	it('documents every key in the README table', () => {
		const table = configTable();
		for (const env of ['PORT', 'MONGODB_URI', 'DATA_DIR', 'PUBLIC_URL', 'SEED_DEMO', 'TRUST_PROXY']) expect(table).toContain(`\`${env}\``);
	});
});

describe('README', () => {
	it('shows the configuration table exactly as the code defines it', async () => {
		const { readFileSync } = await import('node:fs');
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		expect(readme).toContain(configTable());
	});
});
