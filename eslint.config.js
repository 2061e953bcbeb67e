import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Imports flow one way (ARCHITECTURE.md): web → contracts; server → contracts, moderation. */
const boundary = (message, ...patterns) => ({
	'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
});

export default ts.config(
	{ ignores: ['build/', 'dist/', '.svelte-kit/', 'node_modules/', '.cache/', 'data/', 'screenshots/', 'tools/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-console': 'off',
			// Voicebox is always served from the site root (no kit.paths.base), so plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{ files: ['contracts/**'], rules: boundary('contracts/ imports only zod.', '**/server/**', '**/web/**', '**/moderation/**', '$lib/*', '$app/*', 'mongoose', 'express', 'socket.io') },
	{ files: ['moderation/**'], rules: boundary('moderation/ is self-contained: no server/, web/ or contracts/.', '**/server/**', '**/web/**', '**/contracts/**', '$lib/*', 'mongoose', 'express', 'socket.io') },
	{ files: ['web/**'], rules: boundary('web/ imports contracts only, never server/ or moderation/.', '**/server/**', '!$lib/server/**', '**/moderation/**', '!$lib/components/moderation/**', 'mongoose', 'express', 'socket.io') },
	{ files: ['server/**'], rules: boundary('server/ never imports web/.', '**/web/**', '$lib/*', '$app/*') },
	{
		files: ['server/**', 'moderation/**'],
		ignores: ['**/cli/**', 'moderation/cli.ts'],
		rules: { 'no-console': 'error' }
	}
);
