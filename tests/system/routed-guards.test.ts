/**
 * Audit F2/F7: guards keyed on the route SvelteKit matched, not on the path text. Every
 * percent-encoded spelling the auditor used reaches the same route, so it must spend from the
 * same rate-limit bucket and get the same headers and checks as the plain form.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, fetchRules, jsonOf, send, type Reply, type SendOptions } from './http';
import { startServer, type TestServer } from './server';

const LIMIT = 4;
interface Seeded {
	server: TestServer;
	id: string;
	token: string;
}
let setup: Seeded | undefined;
let started: TestServer | undefined;
const seeded = () => setup!;

beforeAll(async () => {
	const server = await startServer({
		env: {
			RATE_LIMITS: ['create', 'share', 'simulate', 'report', 'save']
				.map((b) => `${b}=${LIMIT}`)
				.join(','),
			// Each test is its own client, so the buckets one test empties do not touch the next.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		}
	});
	started = server;
	const as = { 'x-forwarded-for': '10.8.0.1' };
	const created = await send(server, 'POST', '/api/assessments', {
		json: createBody('Routed'),
		headers: as
	});
	const { id } = jsonOf<{ id: string }>(created);
	const share = await send(server, 'POST', `/api/assessments/${id}/shares`, {
		json: {},
		headers: as
	});
	setup = { server, id, token: jsonOf<{ token: string }>(share).token };
});
afterAll(async () => {
	// The server, even when seeding it failed: none outlives the file.
	if (!started) return;
	await started.stop();
	rmSync(started.dataDir, { recursive: true, force: true });
});

interface Variant {
	method: string;
	path: string;
	options?: SendOptions;
}

let client = 0;
/** Sends each variant once, as one client, then the first (plain) one again. */
async function spend(variants: Variant[]): Promise<{ first: Reply[]; after: Reply[] }> {
	const s = seeded();
	const address = `10.9.${++client}.1`;
	const go = (v: Variant) =>
		send(s.server, v.method, v.path, {
			...v.options,
			headers: { origin: s.server.origin, 'x-forwarded-for': address, ...v.options?.headers },
			timeoutMs: 60_000
		});
	const first: Reply[] = [];
	for (const v of variants) first.push(await go(v));
	const after: Reply[] = [];
	for (const v of variants) after.push(await go(v));
	return { first, after };
}

function expectOneBucket(
	variants: Variant[],
	{ first, after }: { first: Reply[]; after: Reply[] }
) {
	first.forEach((reply, i) => {
		expect(
			reply.status,
			`${variants[i]!.method} ${variants[i]!.path}: ${reply.text.slice(0, 200)}`
		).not.toBe(429);
		expect(reply.status, `${variants[i]!.method} ${variants[i]!.path} reached no route`).not.toBe(
			404
		);
	});
	after.forEach((reply, i) => {
		expect(
			reply.status,
			`${variants[i]!.method} ${variants[i]!.path} after ${LIMIT} requests`
		).toBe(429);
		expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
	});
}

const json = (body: unknown): SendOptions => ({ json: body });
const form = (fields: Record<string, string>): SendOptions => ({
	body: new URLSearchParams(fields).toString(),
	headers: { 'content-type': 'application/x-www-form-urlencoded' }
});
const fleetForm = { title: 'Encoded', devices: '10', countries: 'DE', lifetimeYears: '2' };
const createJson = {
	title: 'Encoded',
	fleet: { devices: 10, countries: ['DE'], lifetimeYears: 2 }
};

describe('rate limits follow the route, whatever the spelling (F2)', () => {
	it('counts /api/%73imulate and /%61pi/simulate in the simulate bucket', async () => {
		const body = json({ seed: 1, fleet: { devices: 10, countries: ['DE'], lifetimeYears: 1 } });
		const variants = [
			'/api/simulate',
			'/api/%73imulate',
			'/%61pi/simulate',
			'/%61pi/%73imulate'
		].map((path) => ({ method: 'POST', path, options: body }));
		expectOneBucket(variants, await spend(variants));
	});

	it('counts report%2Epdf, HEAD and the share-link report in the report bucket', async () => {
		const s = seeded();
		const variants: Variant[] = [
			{ method: 'GET', path: `/api/assessments/${s.id}/report.pdf` },
			{ method: 'GET', path: `/api/assessments/${s.id}/report%2Epdf` },
			{ method: 'HEAD', path: `/api/assessments/${s.id}/report.pdf` },
			{ method: 'GET', path: `/api/%73hared/${s.token}/report%2Epdf` }
		];
		expectOneBucket(variants, await spend(variants));
	});

	it('counts /api/assessment%73, /%61pi/assessments, /%6Eew and ?%2Fimport in the create bucket', async () => {
		const importFile = new FormData();
		importFile.set('file', new File(['{}'], 'x.json', { type: 'application/json' }));
		const variants: Variant[] = [
			{ method: 'POST', path: '/api/assessment%73', options: json(createJson) },
			{ method: 'POST', path: '/%61pi/assessments', options: json(createJson) },
			{ method: 'POST', path: '/%6Eew', options: form(fleetForm) },
			{ method: 'POST', path: '/assessments?%2Fimport', options: { body: importFile } }
		];
		expectOneBucket(variants, await spend(variants));
	});

	it('counts share%73 and ?%2Fshare in the share bucket', async () => {
		const s = seeded();
		// Share links are capped per assessment: this test gets its own assessment.
		const created = await send(s.server, 'POST', '/api/assessments', {
			json: createJson,
			headers: { 'x-forwarded-for': '10.8.0.2' }
		});
		const { id } = jsonOf<{ id: string }>(created);
		const variants: Variant[] = [
			{ method: 'POST', path: `/api/assessments/${id}/share%73`, options: json({}) },
			{ method: 'POST', path: `/%61pi/assessments/${id}/shares`, options: json({}) },
			{ method: 'POST', path: `/a/${id}/results?%2Fshare`, options: form({ label: 'x' }) },
			{ method: 'POST', path: `/%61/${id}/results?/share`, options: form({ label: 'x' }) }
		];
		expectOneBucket(variants, await spend(variants));
	});

	it('counts PATCH and the save forms, in any spelling, in the save bucket', async () => {
		const s = seeded();
		const area = (
			await send(s.server, 'GET', '/api/rules', {
				headers: { 'x-forwarded-for': '10.8.0.1' }
			}).then((reply) => jsonOf<Awaited<ReturnType<typeof fetchRules>>>(reply))
		).areas[0]!.id;
		const variants: Variant[] = [
			{ method: 'PATCH', path: `/api/assessments/${s.id}`, options: json({ title: 'Saved' }) },
			{ method: 'PATCH', path: `/%61pi/assessments/${s.id}`, options: json({ title: 'Saved' }) },
			{ method: 'POST', path: `/%61/${s.id}/${area}`, options: form({ intent: 'save' }) },
			{ method: 'POST', path: `/a/${s.id}/results?%2Fcosts`, options: form({}) }
		];
		expectOneBucket(variants, await spend(variants));
	});
});

describe('headers and checks follow the route, whatever the spelling (F7)', () => {
	it('refuses a cross-site write to /%61pi/... as it does to /api/...', async () => {
		const s = seeded();
		for (const path of ['/api/assessments', '/%61pi/assessments', '/api/assessment%73']) {
			const reply = await send(s.server, 'POST', path, {
				json: createJson,
				headers: { origin: 'http://evil.example', 'x-forwarded-for': '10.8.0.3' }
			});
			expect(reply.status, path).toBe(403);
			expect(jsonOf<{ error: string }>(reply).error).toMatch(/Cross-site/);
		}
	});

	it('sends the capability headers on /%73/{token} and /api/%73hared/{token}', async () => {
		const s = seeded();
		for (const path of [`/%73/${s.token}`, `/api/%73hared/${s.token}`, `/%73/${s.token}/fleet`]) {
			const reply = await send(s.server, 'GET', path, {
				headers: { 'x-forwarded-for': '10.8.0.4' }
			});
			expect(reply.status, path).toBe(200);
			expect(reply.headers.get('referrer-policy'), path).toBe('same-origin');
			expect(reply.headers.get('x-robots-tag'), path).toContain('noindex');
			expect(reply.headers.get('cache-control'), path).toBe('private, no-store');
		}
	});

	it('sends the edit-page headers on /%61/{id}/results', async () => {
		const s = seeded();
		const reply = await send(s.server, 'GET', `/%61/${s.id}/results`, {
			headers: { 'x-forwarded-for': '10.8.0.4' }
		});
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-robots-tag')).toContain('noindex');
		expect(reply.headers.get('cache-control')).toBe('private, no-store');
	});

	it('answers unknown /%61pi/... paths in the API error shape', async () => {
		const s = seeded();
		const reply = await send(s.server, 'GET', '/%61pi/no-such-thing', {
			headers: { 'x-forwarded-for': '10.8.0.4' }
		});
		expect(reply.status).toBe(404);
		expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
		expect(jsonOf<{ error: string }>(reply).error).toBeTruthy();
	});
});
