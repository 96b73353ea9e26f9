/**
 * Walks every route under src/routes: each write (a POST, PATCH, PUT or DELETE handler, or a form
 * action) must spend from a rate-limit bucket, so the next route cannot forget one. The only
 * exceptions are the handlers that refuse without reading anything, listed with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketFor } from '../../../src/lib/server/rate-limit';

const ROUTES = join(process.cwd(), 'src/routes');
const WRITES = ['POST', 'PATCH', 'PUT', 'DELETE'];

/** Share links read, never write: these answer 403 at once, reading nothing and writing nothing. */
const REFUSALS = new Set(
	['/api/shared/[token]', '/api/shared-comparisons/[token]'].flatMap((route) =>
		['PATCH', 'PUT', 'POST', 'DELETE'].map((m) => `${m} ${route}`)
	)
);

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]
	);
}

/** The route id SvelteKit gives a file's directory: "/" joined segments, groups "(x)" left out. */
const routeIdOf = (file: string) => {
	const segments = relative(ROUTES, file)
		.split(sep)
		.slice(0, -1)
		.filter((s) => !/^\(.+\)$/.test(s));
	return `/${segments.join('/')}`;
};

/** The methods a +server.ts exports. */
const handlersOf = (source: string) =>
	[
		...source.matchAll(
			/export\s+(?:const|async\s+function|function)\s+(GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS)\b/g
		)
	].map((m) => m[1]!);

/** The action names of a +page.server.ts's `actions` object (its top-level keys). */
function actionsOf(source: string): string[] {
	const start = source.search(/export\s+const\s+actions\b/);
	if (start < 0) return [];
	const body = source.slice(source.indexOf('{', start) + 1);
	const names: string[] = [];
	let depth = 0;
	let line = '';
	for (const char of body) {
		if (depth === 0 && char === '\n') {
			const key = /^\s*([A-Za-z_$][\w$]*)\s*:/.exec(line);
			if (key && !line.trim().startsWith('//') && !line.trim().startsWith('*')) names.push(key[1]!);
			line = '';
			continue;
		}
		if (depth === 0) line += char;
		if (char === '{' || char === '(' || char === '[') depth++;
		if (char === '}' || char === ')' || char === ']') {
			if (depth === 0) break;
			depth--;
		}
	}
	return names;
}

const all = files(ROUTES);
const writes = [
	...all
		.filter((f) => f.endsWith('+server.ts'))
		.flatMap((f) =>
			handlersOf(readFileSync(f, 'utf8'))
				.filter((m) => WRITES.includes(m))
				.map((method) => ({ method, routeId: routeIdOf(f), action: 'default' }))
		),
	...all
		.filter((f) => f.endsWith('+page.server.ts'))
		.flatMap((f) =>
			actionsOf(readFileSync(f, 'utf8')).map((action) => ({
				method: 'POST',
				routeId: routeIdOf(f),
				action
			}))
		)
];

describe('every route that writes', () => {
	it('is found by the walk (the walk itself works)', () => {
		const seen = writes.map(
			(w) => `${w.method} ${w.routeId}${w.action === 'default' ? '' : ` ?/${w.action}`}`
		);
		// Hand-picked from the source: a handler, the tender page's actions and the offer page's.
		expect(seen).toContain('POST /api/tenders');
		expect(seen).toContain('POST /tenders/new');
		expect(seen).toContain('POST /t/[id] ?/createLink');
		expect(seen).toContain('POST /t/[id] ?/applyUpload');
		expect(seen).toContain('POST /t/[id]/offers/[offerId] ?/dispute');
		expect(seen).toContain('POST /respond/[token] ?/attach');
		expect(seen).toContain('DELETE /api/tenders/[id]/shares/[shareId]');
		expect(seen.filter((s) => s.startsWith('POST /t/[id] ?/'))).toHaveLength(8);
		expect(seen.filter((s) => s.startsWith('POST /t/[id]/offers/[offerId] ?/'))).toHaveLength(5);
	});

	it('spends from a rate-limit bucket, unless it refuses without reading anything', () => {
		const unlimited = writes
			.filter((w) => !REFUSALS.has(`${w.method} ${w.routeId}`))
			.filter((w) => bucketFor({ ...w, path: '' }) === null)
			.map((w) => `${w.method} ${w.routeId} ?/${w.action}`);
		expect(unlimited).toEqual([]);
	});
});

describe('the buckets tender routes spend from', () => {
	const bucket = (method: string, routeId: string, action = 'default') =>
		bucketFor({ method, routeId, action, path: '' });

	it('creating a tender through the form counts in create, like the API', () => {
		expect(bucket('POST', '/tenders/new')).toBe('create');
		expect(bucket('POST', '/api/tenders')).toBe('create');
	});

	it("the tender page's forms: a respondent link in share, every change in save", () => {
		expect(bucket('POST', '/t/[id]', 'createLink')).toBe('share');
		for (const action of [
			'details',
			'scoring',
			'addOffer',
			'revokeLink',
			'reopenLink',
			'previewUpload',
			'applyUpload'
		]) {
			expect(bucket('POST', '/t/[id]', action), action).toBe('save');
		}
		for (const action of ['verify', 'dispute', 'reject', 'answer', 'note']) {
			expect(bucket('POST', '/t/[id]/offers/[offerId]', action), action).toBe('save');
		}
	});

	it('reads that score every offer count in read, for the owner and for a comparison link', () => {
		expect(bucket('GET', '/t/[id]')).toBe('read');
		expect(bucket('GET', '/t/[id]/compare')).toBe('read');
		expect(bucket('HEAD', '/t/[id]/compare')).toBe('read');
		expect(bucket('GET', '/t/[id]/offers/[offerId]')).toBe('read');
		expect(bucket('GET', '/c/[token]')).toBe('read');
		expect(bucket('GET', '/api/shared-comparisons/[token]')).toBe('read');
		expect(bucketFor({ method: 'GET', routeId: null, action: 'default', path: '/c/x' })).toBe(
			'read'
		);
	});

	it('the questionnaire templates (an .xlsx built per request) count in report, for the buyer and the vendor', () => {
		expect(bucket('GET', '/api/tenders/[id]/offers/[offerId]/questionnaire')).toBe('report');
		expect(bucket('GET', '/api/respond/[token]/questionnaire')).toBe('report');
		expect(
			bucketFor({
				method: 'GET',
				routeId: null,
				action: 'default',
				path: '/api/respond/x/questionnaire'
			})
		).toBe('report');
	});

	it("an assessment's re-score and link revokes count in save", () => {
		expect(bucket('POST', '/api/assessments/[id]/rescore')).toBe('save');
		expect(bucket('DELETE', '/api/assessments/[id]/shares/[shareId]')).toBe('save');
		expect(bucket('POST', '/a/[id]/results', 'rescore')).toBe('save');
		expect(bucket('POST', '/a/[id]/results', 'revoke')).toBe('save');
	});
});
