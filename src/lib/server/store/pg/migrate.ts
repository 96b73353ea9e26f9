import { createHash } from 'node:crypto';
import type pg from 'pg';
import { MIGRATIONS } from './migrations';

export interface Migration {
	/** The file's name without `.sql`, e.g. `001-records`: applied in this order, once. */
	name: string;
	sql: string;
}

/** Of the text with Unix line ends: a checkout with CRLF (Windows) must not look like an edit. */
const checksum = (sql: string) =>
	createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');

/** Any constant works; every server takes the same one, so only one migrates at a time. */
const MIGRATION_LOCK = 7_204_385_112;

/**
 * Brings the schema up to date: under a session advisory lock (servers starting together wait for
 * the first), each migration not yet in `schema_migrations` runs in its own transaction with its
 * row. A migration edited after it ran, or one this server does not know (the database was
 * migrated by a newer release), stops the start-up rather than run on a schema it cannot vouch for.
 */
export async function runMigrations(
	pool: pg.Pool,
	migrations: readonly Migration[] = MIGRATIONS
): Promise<string[]> {
	const client = await pool.connect();
	const applied: string[] = [];
	try {
		// Waiting for another server's migrations, or a long one of our own, is not a stuck query.
		await client.query('SET statement_timeout = 0');
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		try {
			await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
				name text PRIMARY KEY,
				checksum text NOT NULL,
				applied_at timestamptz NOT NULL DEFAULT now()
			)`);
			const { rows } = await client.query<{ name: string; checksum: string }>(
				'SELECT name, checksum FROM schema_migrations'
			);
			const done = new Map(rows.map((row) => [row.name, row.checksum]));
			const known = new Set(migrations.map((m) => m.name));
			const unknown = [...done.keys()].filter((name) => !known.has(name));
			if (unknown.length)
				throw new Error(
					`The database has migrations this server does not know (${unknown.join(', ')}): it was migrated by a newer release. Start that release, or restore a backup taken before it.`
				);
			for (const migration of migrations) {
				const sum = checksum(migration.sql);
				const before = done.get(migration.name);
				if (before !== undefined) {
					if (before !== sum)
						throw new Error(
							`Migration ${migration.name} changed after it ran on this database; add a new migration instead of editing an applied one.`
						);
					continue;
				}
				await client.query('BEGIN');
				try {
					await client.query(migration.sql);
					await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
						migration.name,
						sum
					]);
					await client.query('COMMIT');
				} catch (error) {
					await client.query('ROLLBACK');
					throw new Error(
						`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`,
						{ cause: error }
					);
				}
				applied.push(migration.name);
			}
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
		}
	} finally {
		// The session's settings go with the connection: do not hand it back to the pool.
		client.release(true);
	}
	return applied;
}

/**
 * For readers that must not change the schema: resolves when every migration of this release has
 * run, unchanged, and no other has; otherwise says what to do. Returns no names (nothing applied).
 */
export async function checkMigrations(
	pool: pg.Pool,
	migrations: readonly Migration[] = MIGRATIONS
): Promise<string[]> {
	const { rows } = await pool.query<{ exists: boolean }>(
		"SELECT to_regclass('schema_migrations') IS NOT NULL AS exists"
	);
	const done = new Map<string, string>();
	if (rows[0]?.exists) {
		const applied = await pool.query<{ name: string; checksum: string }>(
			'SELECT name, checksum FROM schema_migrations'
		);
		for (const row of applied.rows) done.set(row.name, row.checksum);
	}
	const known = new Set(migrations.map((m) => m.name));
	const unknown = [...done.keys()].filter((name) => !known.has(name));
	const missing = migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
	const changed = migrations
		.filter((m) => done.has(m.name) && done.get(m.name) !== checksum(m.sql))
		.map((m) => m.name);
	if (unknown.length || missing.length || changed.length)
		throw new Error(
			`The database is not at this release's schema (${[
				missing.length ? `not yet applied: ${missing.join(', ')}` : '',
				unknown.length ? `from a newer release: ${unknown.join(', ')}` : '',
				changed.length ? `changed: ${changed.join(', ')}` : ''
			]
				.filter(Boolean)
				.join('; ')}). Only reading, this command changes nothing: use the release the servers run.`
		);
	return [];
}
