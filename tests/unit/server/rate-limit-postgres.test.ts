/**
 * The shared rate limiter against a real PostgreSQL (DATABASE_URL, else an embedded one):
 * the single-server limiter's token buckets, held in one table every app server spends from.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	DEFAULT_LIMITS,
	inProcessRateLimiter,
	type AsyncRateLimiter,
	type Bucket
} from '../../../src/lib/server/rate-limit';
import { createPostgresRateLimiter } from '../../../src/lib/server/rate-limit-postgres';
import {
	DatabaseUnavailableError,
	openDatabase,
	type Database
} from '../../../src/lib/server/store/pg/database';
import {
	createTestDatabase,
	dropTestDatabase,
	startPostgresCluster,
	type PostgresCluster
} from '../../support/postgres';

const HOUR_MS = 3_600_000;
let cluster: PostgresCluster;
let url: string;
let db: Database;
const opened: Database[] = [];

const open = () => {
	const database = openDatabase(url);
	opened.push(database);
	return database;
};
const limitsWith = (bucket: Bucket, limit: number) => ({ ...DEFAULT_LIMITS, [bucket]: limit });
/** Takes one token `times` times, one after the other; how many were granted. */
const takeSeries = async (limiter: AsyncRateLimiter, client: string, times: number) => {
	let granted = 0;
	for (let i = 0; i < times; i++) if ((await limiter.take('create', client)).ok) granted++;
	return granted;
};
/** Moves a bucket's last take back in time, as if that much time had passed on the database. */
const age = (key: string, ms: number) =>
	db.query('UPDATE rate_limit_buckets SET updated_ms = updated_ms - $2 WHERE key = $1', [key, ms]);

beforeAll(async () => {
	cluster = await startPostgresCluster();
	url = await createTestDatabase(cluster.adminUrl);
	db = open();
	await db.ready;
}, 60_000);
afterAll(async () => {
	for (const database of opened) await database.close();
	if (url) await dropTestDatabase(cluster.adminUrl, url);
	await cluster?.stop();
});

describe('the PostgreSQL rate limiter', () => {
	it('lets a client spend its hourly limit at once, then refuses with the seconds until the next token', async () => {
		const limiter = createPostgresRateLimiter(db, limitsWith('create', 10));
		const started = Date.now();
		expect(await takeSeries(limiter, '10.0.0.1', 10)).toBe(10);
		const refused = await limiter.take('create', '10.0.0.1');
		const elapsedSeconds = Math.ceil((Date.now() - started) / 1000);
		// Ten an hour: a token every 360 s, less what has refilled since the burst began.
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.retryAfter).toBeLessThanOrEqual(360);
		expect(refused.retryAfter).toBeGreaterThanOrEqual(360 - elapsedSeconds);
		// Another client, and the same client's other buckets, have their own allowance.
		expect((await limiter.take('create', '10.0.0.2')).ok).toBe(true);
		expect((await limiter.take('share', '10.0.0.1')).ok).toBe(true);
	});

	it('refills evenly and no further than the limit; a refused request spends nothing', async () => {
		const limiter = createPostgresRateLimiter(db, limitsWith('create', 10));
		expect(await takeSeries(limiter, '10.0.1.1', 10)).toBe(10);
		expect(await takeSeries(limiter, '10.0.1.1', 5)).toBe(0);
		// A tenth of an hour is one token of ten: had the five refusals spent, it would not be there.
		await age('create 10.0.1.1', HOUR_MS / 10);
		expect(await takeSeries(limiter, '10.0.1.1', 3)).toBe(1);
		// Two idle hours fill the bucket to its limit, not to twenty.
		await age('create 10.0.1.1', 2 * HOUR_MS);
		expect(await takeSeries(limiter, '10.0.1.1', 15)).toBe(10);
	});

	it("counts time by the database's clock, not the app server's", async () => {
		const limiter = createPostgresRateLimiter(db, limitsWith('create', 10));
		expect(await takeSeries(limiter, '10.0.2.1', 11)).toBe(10);
		// A server whose clock runs two hours ahead gets no refill from it.
		const ahead = Date.now() + 2 * HOUR_MS;
		const clock = vi.spyOn(Date, 'now').mockReturnValue(ahead);
		try {
			expect(
				(
					await createPostgresRateLimiter(open(), limitsWith('create', 10)).take(
						'create',
						'10.0.2.1'
					)
				).ok
			).toBe(false);
		} finally {
			clock.mockRestore();
		}
	});

	it('two servers on one database share one allowance: 6 + 6 takes against a limit of 10 grant exactly 10', async () => {
		const one = createPostgresRateLimiter(open(), limitsWith('create', 10));
		const two = createPostgresRateLimiter(open(), limitsWith('create', 10));
		const [fromOne, fromTwo] = await Promise.all([
			takeSeries(one, '10.0.3.1', 6),
			takeSeries(two, '10.0.3.1', 6)
		]);
		expect(fromOne + fromTwo).toBe(10);
	});

	it('grants exactly the limit to 50 concurrent takes: 20 of them', async () => {
		const limiter = createPostgresRateLimiter(db, limitsWith('create', 20));
		const answers = await Promise.all(
			Array.from({ length: 50 }, () => limiter.take('create', '10.0.4.1'))
		);
		expect(answers.filter((answer) => answer.ok)).toHaveLength(20);
		expect(answers.filter((answer) => !answer.ok)).toHaveLength(30);
	});

	it('refuses everything in a bucket whose limit is 0, without asking the database', async () => {
		const limiter = createPostgresRateLimiter(db, limitsWith('create', 0));
		expect(await limiter.take('create', '10.0.5.1')).toEqual({ ok: false, retryAfter: 3600 });
		const { rows } = await db.query(
			"SELECT key FROM rate_limit_buckets WHERE key LIKE '%10.0.5.1'"
		);
		expect(rows).toEqual([]);
	});

	it('deletes buckets idle for an hour now and then, never one in use', async () => {
		const limiter = createPostgresRateLimiter(db, limitsWith('create', 10), { sweepEvery: 3 });
		await limiter.take('create', '10.0.6.1');
		await limiter.take('create', '10.0.6.2');
		await age('create 10.0.6.1', HOUR_MS + 1_000);
		await age('create 10.0.6.2', HOUR_MS - 60_000);
		const keys = async () =>
			(
				await db.query<{ key: string }>(
					"SELECT key FROM rate_limit_buckets WHERE key LIKE 'create 10.0.6.%' ORDER BY key"
				)
			).rows.map((row) => row.key);
		expect(await keys()).toEqual(['create 10.0.6.1', 'create 10.0.6.2']);
		// The third take sweeps (in the background, not in the request's way).
		await limiter.take('create', '10.0.6.3');
		await vi.waitFor(async () => expect(await keys()).not.toContain('create 10.0.6.1'));
		expect(await keys()).toEqual(['create 10.0.6.2', 'create 10.0.6.3']);
	});

	it('answers a database it cannot reach with DatabaseUnavailableError, never a pass', async () => {
		const unreachable = openDatabase('postgres://lock-in-radar:none@127.0.0.1:9/nothing');
		try {
			const limiter = createPostgresRateLimiter(unreachable, limitsWith('create', 10));
			await expect(limiter.take('create', '10.0.7.1')).rejects.toBeInstanceOf(
				DatabaseUnavailableError
			);
		} finally {
			await unreachable.close();
		}
	});
});

describe('the in-process rate limiter behind the same interface', () => {
	it('grants the limit, then refuses with the seconds until the next token', async () => {
		const limiter = inProcessRateLimiter(limitsWith('create', 3));
		expect(await takeSeries(limiter, '10.0.0.1', 3)).toBe(3);
		const refused = await limiter.take('create', '10.0.0.1');
		// Three an hour: a token every 1,200 s.
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.retryAfter).toBeGreaterThanOrEqual(1199);
		if (!refused.ok) expect(refused.retryAfter).toBeLessThanOrEqual(1200);
	});
});
