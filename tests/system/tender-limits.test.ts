/**
 * Rate limits on a tender owner's reads, through the real built server (`npm run build` first):
 * reading the tender and its comparison spend from the `read` bucket, the matrix downloads from
 * `report` (an .xlsx is built like a report), the fleet page (a simulation per offer) from
 * `simulate`. Past the limit: 429, the API's error shape, and a
 * Retry-After in seconds.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorProblem, send } from './http';
import { ok } from './replies';
import { startServer, type TestServer } from './server';

let server: TestServer;
let id = '';
beforeAll(async () => {
	server = await startServer({ env: { RATE_LIMITS: 'read=3,report=2,simulate=1' } });
	const created = ok<{ id: string }>(
		await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Limited',
				fleet: { devices: 100, countries: ['DE'], lifetimeYears: 5 },
				offers: [{ vendor: 'a' }, { vendor: 'b' }]
			}
		}),
		201
	);
	id = created.id;
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

/** `perHour`: the bucket's limit; one request comes back every 3600 / perHour seconds. */
function expectLimited(reply: Awaited<ReturnType<typeof send>>, perHour: number) {
	expect(reply.status, reply.text.slice(0, 300)).toBe(429);
	const retryAfter = Number(reply.headers.get('retry-after'));
	expect(Number.isInteger(retryAfter)).toBe(true);
	expect(retryAfter).toBeGreaterThan(0);
	expect(retryAfter).toBeLessThanOrEqual(3600 / perHour);
	expect(apiErrorProblem(reply)).toBeNull();
}

describe("a tender owner's reads", () => {
	it('the tender and its comparison share the read bucket: the fourth read answers 429 with Retry-After', async () => {
		expect((await send(server, 'GET', `/api/tenders/${id}`)).status).toBe(200);
		expect((await send(server, 'GET', `/api/tenders/${id}/comparison`)).status).toBe(200);
		expect((await send(server, 'HEAD', `/api/tenders/${id}`)).status).toBe(200);
		expectLimited(await send(server, 'GET', `/api/tenders/${id}`), 3);
		expectLimited(await send(server, 'GET', `/api/tenders/${id}/comparison?weights=network:2`), 3);
		// A percent-encoded spelling is the same route, and the same bucket.
		expectLimited(await send(server, 'GET', `/api/%74enders/${id}/comparison`), 3);
	});

	it('the matrix downloads spend from the report bucket: the third answers 429 with Retry-After', async () => {
		expect((await send(server, 'GET', `/api/tenders/${id}/matrix.csv`)).status).toBe(200);
		expect((await send(server, 'GET', `/api/tenders/${id}/matrix.xlsx`)).status).toBe(200);
		expectLimited(await send(server, 'GET', `/api/tenders/${id}/matrix.csv`), 2);
		expectLimited(await send(server, 'GET', `/api/tenders/${id}/matrix.xlsx`), 2);
	});

	it('the fleet page simulates every offer and spends from the simulate bucket: the second view answers 429 with Retry-After', async () => {
		const first = await send(server, 'GET', `/t/${id}/fleet`);
		expect(first.status, first.text.slice(0, 300)).toBe(200);
		const second = await send(server, 'GET', `/t/${id}/fleet`);
		expect(second.status).toBe(429);
		expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
		// A page, not JSON: a person reads it.
		expect(second.headers.get('content-type')).toMatch(/^text\/html/);
	});
});
