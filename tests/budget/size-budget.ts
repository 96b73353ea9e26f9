/**
 * `npm run budget`, right after `npm run build`: the gzipped JavaScript each page route makes a
 * first visit load, from the build's client manifest, against the issue-13 budget. A first visit
 * loads the client entry (`start`), the app, the route's layouts and page, and everything those
 * import statically; that is what SvelteKit preloads. Files a route only imports later (the PDF
 * tools on "Download PDF", chart.js for the fleet charts) are listed apart as "later".
 *
 * Fails when a questionnaire page passes 50 KB, the results or share page 70 KB, or when either of
 * those two can reach chart.js at all (its radar is server-drawn SVG now). KB here is 1,024 bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KIT_OUTPUT = join(ROOT, '.svelte-kit', 'output');

/** The budget per route id, in KB gzipped. */
export const BUDGETS: Record<string, number> = {
	'/new': 50,
	'/a/[id]/[area]': 50,
	'/a/[id]/fleet': 50,
	'/a/[id]/results': 70,
	'/s/[token]': 70
};
/** Routes that must never load chart.js, not even later. */
export const NO_CHART_JS = ['/a/[id]/results', '/s/[token]'];
/** A string only chart.js's Chart class carries (minified code keeps its error messages). */
const CHART_JS_MARK = 'Canvas is already in use. Chart with ID';

interface ManifestChunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteWeight {
	route: string;
	/** Gzipped bytes of the JS a first visit loads. */
	firstVisit: number;
	files: number;
	/** Gzipped bytes of JS the route may import later (dynamic imports), not counted above. */
	later: number;
	/** Whether chart.js is among the first-visit or later files. */
	chartJs: boolean;
	budget?: number;
}

const KIT_ENTRY = 'node_modules/@sveltejs/kit/src/runtime/client/entry.js';
const APP = '.svelte-kit/generated/client-optimized/app.js';
const nodeKey = (index: number) => `.svelte-kit/generated/client-optimized/nodes/${index}.js`;

/** Page routes and their nodes (layouts from the root down, then the page), from the server manifest. */
export function pageRoutes(output = KIT_OUTPUT): { route: string; nodes: number[] }[] {
	const source = readFileSync(join(output, 'server', 'manifest.js'), 'utf8');
	const routes: { route: string; nodes: number[] }[] = [];
	const pattern =
		/id: "([^"]+)",[\s\S]*?page: (?:null|\{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \})/g;
	for (const match of source.matchAll(pattern)) {
		if (match[3] === undefined) continue;
		const layouts = match[2]!
			.split(',')
			.filter((n) => n.trim() !== '')
			.map(Number);
		routes.push({ route: match[1]!, nodes: [...layouts, Number(match[3])] });
	}
	return routes;
}

/** Every manifest key reachable from `keys` through static imports (and dynamic ones if asked). */
function closure(manifest: Manifest, keys: string[], dynamic = false): Set<string> {
	const seen = new Set<string>();
	const stack = keys.filter((key) => manifest[key]);
	while (stack.length > 0) {
		const key = stack.pop()!;
		if (seen.has(key)) continue;
		seen.add(key);
		const chunk = manifest[key]!;
		stack.push(...(chunk.imports ?? []), ...(dynamic ? (chunk.dynamicImports ?? []) : []));
	}
	return seen;
}

/** Measures every page route of the last build. */
export function routeWeights(output = KIT_OUTPUT): RouteWeight[] {
	const client = join(output, 'client');
	const manifestPath = join(client, '.vite', 'manifest.json');
	if (!existsSync(manifestPath)) {
		throw new Error(`No client manifest at ${manifestPath}: run \`npm run build\` first.`);
	}
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
	const gzipped = new Map<string, number>();
	const text = new Map<string, string>();
	const read = (file: string) => {
		if (!text.has(file)) text.set(file, readFileSync(join(client, file), 'utf8'));
		return text.get(file)!;
	};
	const sizeOf = (key: string) => {
		const file = manifest[key]!.file;
		if (!gzipped.has(file)) gzipped.set(file, gzipSync(read(file), { level: 9 }).byteLength);
		return gzipped.get(file)!;
	};
	const isJs = (key: string) => manifest[key]!.file.endsWith('.js');
	const total = (keys: Iterable<string>) =>
		[...keys].filter(isJs).reduce((sum, key) => sum + sizeOf(key), 0);

	return pageRoutes(output).map(({ route, nodes }) => {
		const pageKeys = nodes.map(nodeKey);
		const first = closure(manifest, [KIT_ENTRY, APP, ...pageKeys]);
		// Later: whatever the route's own code can import on demand (the app's other routes are not
		// the route's, so the walk starts from its nodes, not from the app).
		const later = [...closure(manifest, pageKeys, true)].filter((key) => !first.has(key));
		const reachable = [...first, ...later].filter(isJs);
		return {
			route,
			firstVisit: total(first),
			files: [...first].filter(isJs).length,
			later: total(later),
			chartJs: reachable.some((key) => read(manifest[key]!.file).includes(CHART_JS_MARK)),
			...(BUDGETS[route] === undefined ? {} : { budget: BUDGETS[route] })
		};
	});
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** What is over budget, in sentences; empty when everything fits. */
export function budgetFailures(weights: RouteWeight[]): string[] {
	const failures: string[] = [];
	for (const route of Object.keys(BUDGETS)) {
		if (!weights.some((w) => w.route === route))
			failures.push(`${route}: not in the build (the budget names a route that no longer exists)`);
	}
	for (const w of weights) {
		if (w.budget !== undefined && w.firstVisit > w.budget * 1024)
			failures.push(`${w.route}: ${kb(w.firstVisit)} KB gzipped JS, over its ${w.budget} KB`);
		if (NO_CHART_JS.includes(w.route) && w.chartJs)
			failures.push(`${w.route}: can load chart.js; its radar must stay server-drawn SVG`);
	}
	return failures;
}

/** The table `npm run budget` and `npm run bench` print. */
export function routeTable(weights: RouteWeight[]): string {
	const rows = [
		['route', 'first visit KB gz', 'files', 'budget KB', 'later KB gz', 'chart.js'],
		...weights.map((w) => [
			w.route,
			kb(w.firstVisit),
			String(w.files),
			w.budget === undefined ? '' : String(w.budget),
			kb(w.later),
			w.chartJs ? 'yes' : 'no'
		])
	];
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
	return rows
		.map((row) =>
			row
				.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
				.join('  ')
		)
		.join('\n');
}

/** For `npm run bench`: the table, never a failure. */
export function printRouteWeights(): void {
	console.log('\nJavaScript per route (gzipped, first visit; "later" is loaded on demand)\n');
	console.log(routeTable(routeWeights()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const weights = routeWeights();
	console.log(routeTable(weights));
	const failures = budgetFailures(weights);
	if (failures.length > 0) {
		console.error(`\nSize budget failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
		process.exitCode = 1;
	} else {
		console.log('\nSize budget met.');
	}
}
