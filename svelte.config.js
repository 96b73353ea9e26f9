import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ precompress: true }),
		// Links are built with resolve() (lint: svelte/no-navigation-without-resolve); absolute paths
		// keep them the addresses people and tests know ("/a/…"), not "../../a/…" relative to the page.
		paths: { relative: false },
		// Origins are checked in hooks.server.ts (request-guards.ts): SvelteKit's own check takes
		// adapter-node's guess of https://<Host> and so refuses every write on plain http://localhost.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte renders style attributes; scripts, not styles, are the XSS vector we lock down.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
