import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		maxWorkers: 2,
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		env: { LOG_LEVEL: 'silent' }
	}
});
