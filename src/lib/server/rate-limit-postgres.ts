import {
	HOUR_MS,
	secondsUntilToken,
	type AsyncRateLimiter,
	type Bucket,
	type Taken
} from './rate-limit';
import { DatabaseUnavailableError, type Database } from './store/pg/database';

/** The database's clock in whole milliseconds: one clock for every server, however theirs drift. */
const NOW_MS = 'floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

/**
 * One take, atomically (the row is locked for the statement, so concurrent takes on any server
 * queue on it): a new client starts with a full bucket less this request; a known one is refilled
 * for the time since its last take (evenly, up to the limit) and spends one token if it has one.
 * A refused take spends nothing: it stores the refill it saw, which the next take would have
 * computed anyway. $1 key, $2 limit per hour, $3 an hour in ms.
 */
const TAKE = `
WITH clock AS (SELECT ${NOW_MS} AS now_ms)
INSERT INTO rate_limit_buckets AS bucket (key, tokens, updated_ms, granted)
SELECT $1, $2::double precision - 1, now_ms, true FROM clock
ON CONFLICT (key) DO UPDATE SET (tokens, updated_ms, granted) = (
	SELECT CASE WHEN refill >= 1 THEN refill - 1 ELSE refill END, excluded.updated_ms, refill >= 1
	FROM (
		SELECT least(
			$2::double precision,
			bucket.tokens
				+ greatest(0, excluded.updated_ms - bucket.updated_ms) * $2::double precision / $3::double precision
		) AS refill
	) AS refilled
)
RETURNING granted, tokens`;

/** Buckets idle for an hour are full again, exactly as if they had no row. */
const SWEEP = `DELETE FROM rate_limit_buckets WHERE updated_ms < ${NOW_MS} - $1::bigint`;

export interface PostgresRateLimiterOptions {
	/** Deletes idle buckets after this many takes by this process (not on every request). */
	sweepEvery?: number;
}

/**
 * The token buckets of RateLimiter in PostgreSQL, so every app server on one database spends from
 * the same allowance: three servers do not triple a client's limit. Same semantics: a burst up to
 * the hourly limit, refilled evenly, a refused request spends nothing. Any failure of the database
 * is a DatabaseUnavailableError (answered 503): a request is never let through unlimited.
 */
export function createPostgresRateLimiter(
	db: Database,
	limits: Record<Bucket, number>,
	{ sweepEvery = 1_000 }: PostgresRateLimiterOptions = {}
): AsyncRateLimiter {
	let takes = 0;

	const sweep = () => {
		db.query(SWEEP, [HOUR_MS]).catch((error: unknown) => {
			// Only housekeeping: the rows stay until the next sweep, and limits still hold.
			console.error(
				`Could not delete idle rate-limit buckets: ${error instanceof Error ? error.message : String(error)}`
			);
		});
	};

	return {
		async take(bucket, client): Promise<Taken> {
			const limit = limits[bucket];
			if (limit <= 0) return { ok: false, retryAfter: 3600 };
			if (++takes % sweepEvery === 0) sweep();
			let row: { granted: boolean; tokens: number } | undefined;
			try {
				({
					rows: [row]
				} = await db.query<{ granted: boolean; tokens: number }>(TAKE, [
					`${bucket} ${client}`,
					limit,
					HOUR_MS
				]));
			} catch (error) {
				throw error instanceof DatabaseUnavailableError
					? error
					: new DatabaseUnavailableError(error);
			}
			if (!row) throw new DatabaseUnavailableError('the rate-limit take returned no row');
			return row.granted
				? { ok: true }
				: { ok: false, retryAfter: secondsUntilToken(row.tokens, limit) };
		}
	};
}
