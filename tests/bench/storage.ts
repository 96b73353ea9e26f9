/**
 * Storage benchmark: save latency at 100, 10,000 and 100,000 stored assessments (through the store
 * module and through the real server's PATCH), and requests per second for saves and reads at 50
 * concurrent clients. Stores are seeded by writing record files straight into the store layout,
 * in a temp directory that is deleted afterwards (100,000 records take about 150 MB).
 * Prints figures and ratios; a missed target is reported, never a failure.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createFileStore } from '../../src/lib/server/store/file-store';
import { recordPath, seedRecord } from '../system/data-dir';
import { pool, send } from '../system/http';
import { assertBuilt, copyBuild, startServer, type TestServer } from '../system/server';

/** Save latency at 100,000 records may be at most this many times that at 100. */
export const STORAGE_SCALING_TARGET = 1.5;
const SIZES = [100, 10_000, 100_000];
const SAVES = 300;
const CLIENTS = 50;
const THROUGHPUT_MS = 3_000;
const QUESTIONS = [
	'network_carriers_per_market',
	'network_automatic_failover',
	'sim_ota_switching',
	'sim_form_factor',
	'platform_api',
	'platform_export',
	'data_pooling',
	'data_cap_behaviour',
	'contract_volume_minimums',
	'contract_country_contracts'
];

const newId = () => randomBytes(16).toString('base64url');

/** A realistic record: ten answers with notes, two cost overrides; about 1.6 KB on disk. */
function benchRecord(id: string) {
	const answers = Object.fromEntries(
		QUESTIONS.map((q, i) => [
			q,
			{
				option: 'not_sure',
				note: `Asked the vendor on call ${i}; waiting for the written answer and the SLA annex.`
			}
		])
	);
	return seedRecord(id, { answers, costs: { fieldVisitPerDevice: 250, monthlyFeePerDevice: 1.2 } });
}

/** Writes `count` records in the file store's layout, 64 at a time; answers their ids. */
async function seed(dataDir: string, count: number): Promise<string[]> {
	const ids = Array.from({ length: count }, newId);
	const shards = new Set(ids.map((id) => dirname(recordPath(dataDir, id))));
	for (const shard of shards) mkdirSync(shard, { recursive: true });
	await pool(ids, 64, (id) => writeFile(recordPath(dataDir, id), JSON.stringify(benchRecord(id))));
	return ids;
}

interface Latency {
	median: number;
	p99: number;
}

async function latency(count: number, save: (i: number) => Promise<void>): Promise<Latency> {
	for (let i = 0; i < 20; i++) await save(-1 - i);
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const start = performance.now();
		await save(i);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return {
		median: times[Math.floor(times.length / 2)]!,
		p99: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)]!
	};
}

/** Requests per second with `CLIENTS` clients, each sending its next request when the last is answered. */
async function throughput(
	request: () => Promise<number>
): Promise<{ perSecond: number; failed: number }> {
	let done = 0;
	let failed = 0;
	const end = performance.now() + THROUGHPUT_MS;
	const start = performance.now();
	await Promise.all(
		Array.from({ length: CLIENTS }, async () => {
			while (performance.now() < end) {
				const status = await request().catch(() => 0);
				if (status >= 200 && status < 300) done++;
				else failed++;
			}
		})
	);
	return { perSecond: done / ((performance.now() - start) / 1000), failed };
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
const notePatch = (i: number) => ({
	answers: { [pick(QUESTIONS)]: { note: `Bench save ${i} at ${Date.now()}` } }
});

interface Row {
	size: number;
	seedMs: number;
	store: Latency;
	http: Latency | null;
	patchPerSecond: number | null;
	getPerSecond: number | null;
	failed: number;
}

async function measureHttp(
	dataDir: string,
	ids: string[]
): Promise<Pick<Row, 'http' | 'patchPerSecond' | 'getPerSecond' | 'failed'>> {
	let server: TestServer | undefined;
	try {
		server = await startServer({ dataDir });
		const s = server;
		const patch = async (i: number) => {
			const reply = await send(s, 'PATCH', `/api/assessments/${pick(ids)}`, { json: notePatch(i) });
			if (reply.status !== 200)
				throw new Error(`PATCH answered ${reply.status}: ${reply.text.slice(0, 200)}`);
		};
		const http = await latency(SAVES, patch);
		const saves = await throughput(
			async () =>
				(await send(s, 'PATCH', `/api/assessments/${pick(ids)}`, { json: notePatch(0) })).status
		);
		const reads = await throughput(
			async () => (await send(s, 'GET', `/api/assessments/${pick(ids)}`)).status
		);
		return {
			http,
			patchPerSecond: saves.perSecond,
			getPerSecond: reads.perSecond,
			failed: saves.failed + reads.failed
		};
	} finally {
		await server?.stop();
	}
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

export async function benchStorage(): Promise<void> {
	let removeBuild: (() => void) | null = null;
	try {
		assertBuilt();
		removeBuild = copyBuild();
	} catch (error) {
		console.log(`\nStorage: ${(error as Error).message}\n  Measuring the store module only.`);
	}
	const root = mkdtempSync(join(tmpdir(), 'lock-in-radar-bench-'));
	const rows: Row[] = [];
	console.log(
		'\nStorage (one JSON file per assessment; every save fsyncs the file and its directory)'
	);
	console.log(
		`${SAVES} sequential saves per size (random assessment, one answer note each); ${CLIENTS} concurrent clients for ${THROUGHPUT_MS / 1000} s each`
	);
	console.log(
		'   stored    seeded in   store save p50 / p99   HTTP PATCH p50 / p99   PATCH/s @50   GET/s @50'
	);
	try {
		for (const size of SIZES) {
			const dataDir = join(root, String(size));
			const seedStart = performance.now();
			const ids = await seed(dataDir, size);
			const seedMs = performance.now() - seedStart;
			const store = createFileStore(dataDir);
			const storeLatency = await latency(SAVES, async (i) => {
				await store.update(pick(ids), (r) => ({
					...r,
					revision: r.revision + 1,
					answers: { ...r.answers, ...notePatch(i).answers }
				}));
			});
			const http = removeBuild
				? await measureHttp(dataDir, ids)
				: { http: null, patchPerSecond: null, getPerSecond: null, failed: 0 };
			const row: Row = { size, seedMs, store: storeLatency, ...http };
			rows.push(row);
			console.log(
				`${size.toLocaleString('en').padStart(9)}  ${`${(seedMs / 1000).toFixed(1)} s`.padStart(11)}  ${`${ms(row.store.median)} / ${ms(row.store.p99)}`.padStart(21)}  ${(row.http ? `${ms(row.http.median)} / ${ms(row.http.p99)}` : 'n/a').padStart(21)}  ${(row.patchPerSecond?.toFixed(0) ?? 'n/a').padStart(12)}  ${(row.getPerSecond?.toFixed(0) ?? 'n/a').padStart(10)}${row.failed ? `  (${row.failed} failed)` : ''}`
			);
			// Free the disk before the next, bigger store.
			rmSync(dataDir, { recursive: true, force: true });
		}
		const small = rows[0]!;
		const large = rows[rows.length - 1]!;
		const storeRatio = large.store.median / small.store.median;
		console.log(
			`  save latency ${large.size.toLocaleString('en')} / ${small.size.toLocaleString('en')} stored (median, target under ${STORAGE_SCALING_TARGET}x):`
		);
		console.log(
			`    store module: ${ratio(large.store.median, small.store.median)} (p99 ${ratio(large.store.p99, small.store.p99)}) ${storeRatio < STORAGE_SCALING_TARGET ? 'met' : 'MISSED'}`
		);
		if (large.http && small.http) {
			const httpRatio = large.http.median / small.http.median;
			console.log(
				`    HTTP PATCH:   ${ratio(large.http.median, small.http.median)} (p99 ${ratio(large.http.p99, small.http.p99)}) ${httpRatio < STORAGE_SCALING_TARGET ? 'met' : 'MISSED'}`
			);
			console.log(
				`    PATCH/s ${ratio(large.patchPerSecond!, small.patchPerSecond!)}, GET/s ${ratio(large.getPerSecond!, small.getPerSecond!)} of the 100-record figures`
			);
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
		removeBuild?.();
	}
}
