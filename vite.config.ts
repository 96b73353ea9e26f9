import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { build as esbuild, type Plugin as EsbuildPlugin } from 'esbuild';
import type { BuildOptions, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * After the adapter has written build/, builds what runs beside the server with plain Node, no tsx
 * (a production install is `npm ci --omit=dev`); runtime dependencies stay imports:
 * - the data CLI (`npm run data`, src/lib/server/cli.ts) into build/cli.js;
 * - the start (src/lib/server/start.ts) into build/index.js, what `node build` runs: it sets the
 *   adapter's body limit per route before loading the adapter's server, moved to build/server.js.
 */
function besideTheServer(): Plugin {
	let ssr = false;
	return {
		name: 'lock-in-radar:beside-the-server',
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
				// Vite's `?raw` (the SQL migrations) as esbuild's text loader, so both builds read them alike.
				const raw: EsbuildPlugin = {
					name: 'raw-text',
					setup(build) {
						build.onResolve({ filter: /\?raw$/ }, (args) => ({
							path: resolvePath(args.resolveDir, args.path.slice(0, -'?raw'.length)),
							namespace: 'raw-text'
						}));
						build.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({
							contents: readFileSync(args.path, 'utf8'),
							loader: 'text'
						}));
					}
				};
				const bundle = (entry: string, outfile: string, external: string[] = []) =>
					esbuild({
						entryPoints: [`${root}${entry}`],
						outfile: `${root}${outfile}`,
						bundle: true,
						platform: 'node',
						format: 'esm',
						target: 'node20',
						external: [...Object.keys(pkg.dependencies ?? {}), ...external],
						alias: { $lib: `${root}src/lib` },
						plugins: [raw],
						logLevel: 'warning'
					});
				await bundle('src/lib/server/cli.ts', 'build/cli.js');
				console.log('  ✔ data CLI built: build/cli.js (npm run data)');
				// The adapter empties build/ first, so its build/index.js is always its own server.
				const server = readFileSync(`${root}build/index.js`, 'utf8');
				writeFileSync(
					`${root}build/server.js`,
					server.replace(/sourceMappingURL=index\.js\.map\s*$/, 'sourceMappingURL=server.js.map\n')
				);
				rmSync(`${root}build/index.js`);
				if (existsSync(`${root}build/index.js.map`))
					renameSync(`${root}build/index.js.map`, `${root}build/server.js.map`);
				await bundle('src/lib/server/start.ts', 'build/index.js', ['./server.js']);
				console.log(
					'  ✔ start built: build/index.js sets per-route body limits, then runs build/server.js'
				);
			}
		}
	};
}

/**
 * What every page loads, whatever the route, bundled as one chunk: Svelte's runtime, the kit's
 * client, Paraglide's runtime, the root layout's messages and Vite's preload helper. Left to Rollup
 * they come as some twenty small files, each compressed alone.
 */
const FRAMEWORK =
	/node_modules\/(svelte|esm-env|devalue|clsx|@sveltejs\/kit)\/|src\/lib\/paraglide\/(runtime|messages\/layout_)|src\/lib\/display-text|vite\/preload-helper/;
/** Svelte's reactive Map, Set and Date: only a few components use them, so they stay with those. */
const NOT_EVERY_PAGE = /node_modules\/svelte\/src\/reactivity\//;

/** How the browser's JavaScript is minified and split. */
const clientBuild: BuildOptions = {
	// Terser's output is about 2 KB gzipped smaller per page than esbuild's (npm run budget), what
	// keeps the questionnaire routes inside their 50 KB; the build takes longer.
	minify: 'terser',
	terserOptions: { compress: { passes: 2 }, module: true, ecma: 2020 },
	rollupOptions: {
		output: {
			// One chunk for what every page loads: about 4 KB less gzipped JavaScript per page.
			manualChunks: (id: string) =>
				FRAMEWORK.test(id) && !NOT_EVERY_PAGE.test(id) ? 'framework' : undefined
		}
	}
};

/** Applies clientBuild to the browser's build only: SvelteKit marks the server's as `build.ssr`. */
function clientBundles(): Plugin {
	return {
		name: 'lock-in-radar:client-bundles',
		config: (config) => (config.build?.ssr ? undefined : { build: clientBuild })
	};
}

export default defineConfig({
	plugins: [
		// Compiles messages/{locale}.json into typed message functions in src/lib/paraglide. The
		// locale: the visitor's choice (cookie), else the browser's languages, else English.
		// Vitest reads what `npm run i18n` compiled: the plugin's watcher would hold its exit 10 s.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['cookie', 'preferredLanguage', 'baseLocale']
					})
				]),
		sveltekit(),
		// After sveltekit(), which says which build is the server's. The server's stays readable.
		clientBundles(),
		besideTheServer()
	],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20_000
	}
});
