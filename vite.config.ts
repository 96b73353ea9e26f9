import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { build as esbuild } from 'esbuild';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the data CLI (`npm run data`, src/lib/server/cli.ts) into build/cli.js beside the server,
 * after the adapter has written build/: a production install (`npm ci --omit=dev`) runs it with
 * plain Node, no tsx. Runtime dependencies stay imports, as in the server build.
 */
function dataCli(): Plugin {
	let ssr = false;
	return {
		name: 'lock-in-radar:data-cli',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		closeBundle: {
			order: 'post',
			sequential: true,
			async handler() {
				if (!ssr) return;
				const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
				await esbuild({
					entryPoints: [`${root}src/lib/server/cli.ts`],
					outfile: `${root}build/cli.js`,
					bundle: true,
					platform: 'node',
					format: 'esm',
					target: 'node20',
					external: Object.keys(pkg.dependencies ?? {}),
					alias: { $lib: `${root}src/lib` },
					logLevel: 'warning'
				});
				console.log('  ✔ data CLI built: build/cli.js (npm run data)');
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), dataCli()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20_000
	}
});
