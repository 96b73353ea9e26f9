/**
 * The schema's migrations on a real PostgreSQL: servers starting together migrate once, a failed
 * migration leaves nothing behind, and a database this release cannot vouch for stops the start.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '../../src/lib/server/store/pg/migrations';
import { checkMigrations, runMigrations } from '../../src/lib/server/store/pg/migrate';
import { createTestDatabase, dropTestDatabase } from '../support/postgres';

const adminUrl = inject('postgresAdminUrl');
const databases: string[] = [];
const pools: pg.Pool[] = [];

async function freshPool(): Promise<pg.Pool> {
	const url = await createTestDatabase(adminUrl);
	databases.push(url);
	return openPool(url);
}

function openPool(url: string): pg.Pool {
	const pool = new pg.Pool({ connectionString: url, max: 3 });
	pools.push(pool);
	return pool;
}

const tables = async (pool: pg.Pool) =>
	(
		await pool.query<{ tablename: string }>(
			"SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
		)
	).rows.map((row) => row.tablename);

beforeAll(() => {
	expect(MIGRATIONS.length).toBeGreaterThan(0);
});

afterAll(async () => {
	await Promise.all(pools.map((pool) => pool.end()));
	for (const url of databases) await dropTestDatabase(adminUrl, url);
});

describe('migrations at start-up', () => {
	it('runs each migration once when five servers start together on an empty database', async () => {
		const first = await freshPool();
		const url = databases.at(-1)!;
		const others = [1, 2, 3, 4].map(() => openPool(url));
		const applied = await Promise.all([first, ...others].map((pool) => runMigrations(pool)));
		// One server applied them all, under the lock; the others found them done.
		const names = MIGRATIONS.map((m) => m.name);
		expect(applied.filter((list) => list.length > 0)).toEqual([names]);
		const { rows } = await first.query<{ name: string }>(
			'SELECT name FROM schema_migrations ORDER BY name'
		);
		expect(rows.map((row) => row.name)).toEqual(names);
		expect(await tables(first)).toEqual(
			expect.arrayContaining(['assessments', 'evidence_files', 'link_tokens', 'tenders'])
		);
		// A restart migrates nothing.
		expect(await runMigrations(first)).toEqual([]);
		// Nor does a checkout with Windows line ends: the same migrations, not edited ones.
		const crlf = MIGRATIONS.map((m) => ({ ...m, sql: m.sql.replace(/\n/g, '\r\n') }));
		expect(await runMigrations(first, crlf)).toEqual([]);
		expect(await checkMigrations(first, crlf)).toEqual([]);
	});

	it('rolls a failed migration back whole and stops the start with its name', async () => {
		const pool = await freshPool();
		const broken = [
			...MIGRATIONS,
			{ name: '999-broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' }
		];
		await expect(runMigrations(pool, broken)).rejects.toThrow(/Migration 999-broken failed/);
		expect(await tables(pool)).not.toContain('half_done');
		const { rows } = await pool.query('SELECT 1 FROM schema_migrations WHERE name = $1', [
			'999-broken'
		]);
		expect(rows).toHaveLength(0);
		// The lock was let go: the next start succeeds.
		expect(await runMigrations(pool)).toEqual([]);
	});

	it('refuses a migration edited after it ran, and a database migrated by a newer release', async () => {
		const pool = await freshPool();
		await runMigrations(pool);
		const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
		await expect(runMigrations(pool, edited)).rejects.toThrow(
			`Migration ${MIGRATIONS[0]!.name} changed after it ran`
		);
		await pool.query("INSERT INTO schema_migrations (name, checksum) VALUES ('998-newer', 'x')");
		await expect(runMigrations(pool)).rejects.toThrow(/migrated by a newer release/);
	});
});
