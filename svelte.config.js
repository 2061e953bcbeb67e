import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// The web app lives in web/ beside server/, contracts/ and moderation/ (see ARCHITECTURE.md).
		files: {
			src: 'web/src',
			assets: 'web/static',
			lib: 'web/src/lib',
			routes: 'web/src/routes',
			params: 'web/src/params',
			appTemplate: 'web/src/app.html',
			errorTemplate: 'web/src/error.html',
			hooks: { server: 'web/src/hooks.server', client: 'web/src/hooks.client', universal: 'web/src/hooks' }
		},
		alias: { $contracts: 'contracts' },
		// No third-party scripts, fonts or CDNs: everything comes from our own origin.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
