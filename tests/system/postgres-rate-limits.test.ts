/**
 * Rate limits shared by every server on one PostgreSQL, through real built servers (`npm run build`
 * first): three servers do not triple a client's allowance, and a server that cannot reach the
 * database to count a request refuses it (503) rather than let it through unlimited.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
	createTestDatabase,
	dropTestDatabase,
	startPostgresCluster,
	type PostgresCluster
} from '../support/postgres';
import { apiErrorProblem, createBody, friendlyPageProblem, send } from './http';
import { startServer, type TestServer } from './server';

const adminUrl = inject('postgresAdminUrl');
const servers: TestServer[] = [];
const databases: string[] = [];
let ownCluster: PostgresCluster | undefined;

const onDatabase = async (url: string, rateLimits: string) => {
	const server = await startServer({ env: { DATABASE_URL: url, RATE_LIMITS: rateLimits } });
	servers.push(server);
	return server;
};

afterAll(async () => {
	for (const server of servers) {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
	}
	for (const url of databases) await dropTestDatabase(adminUrl, url);
	await ownCluster?.stop();
});

describe('with DATABASE_URL, rate limits are shared by every server', () => {
	it('three servers with create=9: five creates to each from one client make 9 assessments and 6 answers of 429', async () => {
		const url = await createTestDatabase(adminUrl);
		databases.push(url);
		const three = [];
		for (let n = 0; n < 3; n++) three.push(await onDatabase(url, 'create=9'));

		const started = Date.now();
		const replies = await Promise.all(
			three.flatMap((server, n) =>
				Array.from({ length: 5 }, (_, i) =>
					send(server, 'POST', '/api/assessments', {
						json: createBody(`Server ${n + 1}, create ${i + 1}`)
					})
				)
			)
		);
		const elapsedSeconds = Math.ceil((Date.now() - started) / 1000);
		const statuses = replies.map((reply) => reply.status);
		expect(statuses.filter((status) => status === 201)).toHaveLength(9);
		expect(statuses.filter((status) => status === 429)).toHaveLength(6);
		for (const refused of replies.filter((reply) => reply.status === 429)) {
			expect(apiErrorProblem(refused)).toBeNull();
			// Nine an hour: a token every 400 s, less what refilled while the requests ran.
			const retryAfter = Number(refused.headers.get('retry-after'));
			expect(retryAfter).toBeLessThanOrEqual(400);
			expect(retryAfter).toBeGreaterThanOrEqual(400 - elapsedSeconds);
		}

		const sql = new pg.Client({ connectionString: url });
		await sql.connect();
		try {
			const { rows } = await sql.query('SELECT count(*)::int AS count FROM assessments');
			expect(rows).toEqual([{ count: 9 }]);
			const buckets = await sql.query('SELECT key FROM rate_limit_buckets');
			expect(buckets.rows).toEqual([{ key: 'create 127.0.0.1' }]);
		} finally {
			await sql.end();
		}
	});

	it('a server that cannot reach the database refuses rate-limited requests with 503, in the API and on pages', async () => {
		// A cluster of its own, so this test can stop it under a running server.
		ownCluster = await startPostgresCluster({});
		const server = await onDatabase(await createTestDatabase(ownCluster.adminUrl), 'create=100');
		expect(
			(await send(server, 'POST', '/api/assessments', { json: createBody('Before') })).status
		).toBe(201);

		await ownCluster.stop();
		ownCluster = undefined;

		const api = await send(server, 'POST', '/api/assessments', { json: createBody('After') });
		expect(api.status).toBe(503);
		expect(apiErrorProblem(api)).toBeNull();
		expect(api.headers.get('retry-after')).toBe('5');

		const form = new URLSearchParams({ title: 'After', organisation: 'Org', vendor: 'Vendor' });
		const page = await send(server, 'POST', '/new', {
			body: form,
			headers: { origin: server.origin, 'accept-language': 'de' }
		});
		expect(page.status).toBe(503);
		expect(friendlyPageProblem(page)).toBeNull();
		expect(page.text).toContain('Nicht verfügbar: Die Datenbank ist nicht erreichbar');
		expect(page.text).toContain('Alles zuvor Gespeicherte ist sicher');
		expect(server.alive).toBe(true);
	});
});
