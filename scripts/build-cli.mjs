/**
 * Builds the data CLI (`npm run data`, src/lib/server/cli.ts) into build/cli.js, beside the
 * server: a production install (`npm ci --omit=dev`) runs it with plain Node, no tsx. Runtime
 * dependencies stay imports, as in the server build; everything else is bundled in.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

await build({
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
