import pg from 'pg';
import { checkMigrations, runMigrations } from './migrate';

/**
 * One pool per process for DATABASE_URL. Every query waits for the migrations this server knows,
 * so no request can run against an older schema, whichever server started first.
 */
export interface Database {
	query<R extends pg.QueryResultRow = pg.QueryResultRow>(
		text: string,
		values?: unknown[]
	): Promise<pg.QueryResult<R>>;
	/** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
	transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
	/** Resolves once the schema is current (start-up awaits it: a failed migration stops the server). */
	ready: Promise<void>;
	close(): Promise<void>;
}

/** The database is unreachable or refused the connection: answered 503, nothing half-written. */
export class DatabaseUnavailableError extends Error {
	readonly status = 503;
	constructor(cause: unknown) {
		super(`The database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
		this.name = 'DatabaseUnavailableError';
	}
}

/** Connection-level failures (as opposed to a query the database refused): the database is down. */
function isConnectionFailure(error: unknown): boolean {
	const code = (error as { code?: string } | null)?.code ?? '';
	if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE'].includes(code)) return true;
	// SQLSTATE class 08 (connection exception), 57P01-03 (the server is shutting down or starting),
	// 53300 (too many connections), class 28 (the login was refused) and 3D000 (no such database).
	if (code.startsWith('08') || code.startsWith('28') || /^(57P0[123]|53300|3D000)$/.test(code))
		return true;
	const message = error instanceof Error ? error.message : '';
	return /Connection terminated|timeout exceeded when trying to connect/i.test(message);
}

const asUnavailable = (error: unknown) =>
	isConnectionFailure(error) ? new DatabaseUnavailableError(error) : error;

/** Pool size per app process; the sum over all servers must stay under the database's max_connections. */
export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
	const value = env.DATABASE_POOL_SIZE;
	if (value === undefined || value.trim() === '') return 10;
	const size = Number(value);
	if (!Number.isInteger(size) || size < 1 || size > 1000)
		throw new Error(`DATABASE_POOL_SIZE: "${value}" is not a whole number from 1 to 1000`);
	return size;
}

/**
 * `migrate: false` (a reader such as `npm run data -- export`): the schema must already be this
 * release's, checked rather than changed.
 */
export function openDatabase(
	url: string,
	env: NodeJS.ProcessEnv = process.env,
	{ migrate = true }: { migrate?: boolean } = {}
): Database {
	const pool = new pg.Pool({
		connectionString: url,
		max: poolSize(env),
		idleTimeoutMillis: 30_000,
		connectionTimeoutMillis: 10_000,
		// A query stuck behind a lock for this long is answered with an error, not held forever.
		statement_timeout: 30_000,
		application_name: 'lock-in-radar',
		// Idle connections must not hold the process open: on SIGTERM adapter-node closes the HTTP
		// server and the process exits when nothing is left, not 30 s later when they time out.
		allowExitOnIdle: true
	});
	// An idle connection the database drops (restart, failover) must not crash the process.
	pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));

	const ready = (migrate ? runMigrations(pool) : checkMigrations(pool)).then(
		(applied) => {
			if (applied.length) console.info(`Applied database migrations: ${applied.join(', ')}`);
		},
		(error: unknown) => {
			throw asUnavailable(error);
		}
	);
	// Start-up awaits `ready` and reports the failure; this only keeps an unawaited rejection quiet.
	ready.catch(() => {});

	return {
		ready,
		async query(text, values) {
			await ready;
			try {
				return await pool.query(text, values);
			} catch (error) {
				throw asUnavailable(error);
			}
		},
		async transaction(work) {
			await ready;
			let client: pg.PoolClient;
			try {
				client = await pool.connect();
			} catch (error) {
				throw asUnavailable(error);
			}
			let broken = false;
			try {
				await client.query('BEGIN');
				const result = await work(client);
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => {
					broken = true;
				});
				throw asUnavailable(error);
			} finally {
				// A connection whose ROLLBACK failed is in an unknown state: destroy it, do not reuse it.
				client.release(broken);
			}
		},
		close: () => pool.end()
	};
}
