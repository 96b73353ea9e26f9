/**
 * When the database goes away under a running server: the health check says so (503, for the load
 * balancer), the API answers 503 with Retry-After in its error shape, a page says so in words,
 * and nothing is half-written.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../support/postgres';
import { createBody, jsonOf, send } from './http';
import { ok } from './replies';
import { startServer, type TestServer } from './server';

const adminUrl = inject('postgresAdminUrl');
let databaseUrl: string;
let server: TestServer;

beforeAll(async () => {
	databaseUrl = await createTestDatabase(adminUrl);
	server = await startServer({ env: { DATABASE_URL: databaseUrl } });
});
afterAll(async () => {
	await server?.stop();
	await dropTestDatabase(adminUrl, databaseUrl).catch(() => {});
});

describe('a server whose PostgreSQL database goes away', () => {
	it('answers 503 on its health check, its API and its pages', async () => {
		expect(ok(await send(server, 'GET', '/api/health'))).toEqual({
			status: 'ok',
			store: 'postgresql'
		});
		const { id } = ok<{ id: string }>(
			await send(server, 'POST', '/api/assessments', { json: createBody('Before the outage') }),
			201
		);

		// The database disappears, its open connections with it.
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		const name = new URL(databaseUrl).pathname.slice(1);
		try {
			await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
		} finally {
			await admin.end();
		}

		const health = await send(server, 'GET', '/api/health');
		expect(health.status).toBe(503);
		expect(jsonOf(health)).toEqual({ status: 'unavailable', store: 'postgresql' });

		const save = await send(server, 'PATCH', `/api/assessments/${id}`, {
			json: { title: 'During the outage' }
		});
		expect(save.status).toBe(503);
		expect(save.headers.get('retry-after')).toBe('5');
		expect(jsonOf<{ error: string }>(save).error).toMatch(/database cannot be reached/);

		const page = await send(server, 'GET', `/a/${id}/results`);
		expect(page.status).toBe(503);
		expect(page.text).toContain('the database cannot be reached');
		expect(page.text).not.toMatch(/node_modules|at .*\.js:\d+/);
	});

	it('refuses to start, saying why and without the password, when the database cannot be reached', async () => {
		const start = startServer({
			env: { DATABASE_URL: 'postgres://radar:s3cret-pw@127.0.0.1:1/radar' }
		});
		const failure = await start.then(
			() => null,
			(error: Error) => error.message
		);
		expect(failure).toMatch(/exited \(code 1, signal null\)/);
		expect(failure).toContain(
			'Cannot start on postgres://radar:***@127.0.0.1:1/radar: The database is unavailable'
		);
		expect(failure).not.toContain('s3cret-pw');
	});
});
