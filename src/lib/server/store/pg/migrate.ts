import { createHash } from 'node:crypto';
import type pg from 'pg';
import { MIGRATIONS } from './migrations';

export interface Migration {
	/** The file's name without `.sql`, e.g. `001-records`: applied in this order, once. */
	name: string;
	sql: string;
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

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
