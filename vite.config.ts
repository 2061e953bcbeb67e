import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { voiceboxDev } from './server/dev.js';

export default defineConfig(({ command }) => ({
	plugins: [sveltekit(), ...(command === 'serve' ? [voiceboxDev()] : [])],
	server: { port: 3000, strictPort: false }
}));
