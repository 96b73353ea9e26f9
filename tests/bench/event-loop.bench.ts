/**
 * Heavy work off the event loop (audit F1): the p99 latency of a small GET while 4 of the largest
 * reports and 4 of the longest simulations run at once, against the same GET on an idle server,
 * and the server's peak memory. Against the real build (`npm run build` first).
 */
import { readFileSync, rmSync } from 'node:fs';
import { maxReportBody, maxSimulationBody } from '../system/heavy';
import { fetchRules, jsonOf, send } from '../system/http';
import { copyBuild, startServer, type TestServer } from '../system/server';

/** The loaded p99 may be at most this many times the idle p99. */
export const EVENT_LOOP_TARGET = 3;
const PROBE_INTERVAL_MS = 10;

const quantile = (values: number[], q: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** Peak resident memory of the server process (all its threads), from /proc. */
const peakRssMb = (server: TestServer) => {
	const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** Times a small GET every PROBE_INTERVAL_MS until `until` settles (or `count` probes are done). */
async function probe(
	server: TestServer,
	path: string,
	until: Promise<unknown> | null,
	count = 400
) {
	const times: number[] = [];
	let done = false;
	void until?.finally(() => (done = true));
	while (until ? !done : times.length < count) {
		const start = performance.now();
		const reply = await send(server, 'GET', path);
		if (reply.status !== 200) throw new Error(`probe answered ${reply.status}`);
		times.push(performance.now() - start);
		await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
	}
	return times;
}

export async function runEventLoopBench() {
	const cleanup = copyBuild();
	const server = await startServer();
	try {
		const rules = await fetchRules(server);
		const small = jsonOf<{ id: string }>(
			await send(server, 'POST', '/api/assessments', {
				json: { title: 'Small', fleet: { devices: 10, countries: ['DE'], lifetimeYears: 1 } }
			})
		).id;
		const large = jsonOf<{ id: string }>(
			await send(server, 'POST', '/api/assessments', { json: maxReportBody(rules) })
		).id;
		const path = `/api/assessments/${small}`;
		// Warm up: the pool's threads, the report fonts, the JIT.
		await send(server, 'GET', `/api/assessments/${large}/report.pdf`, { timeoutMs: 120_000 });
		await probe(server, path, null, 100);

		const idle = await probe(server, path, null);
		const started = performance.now();
		const jobs = Promise.all([
			...[1, 2, 3, 4].map(() =>
				send(server, 'GET', `/api/assessments/${large}/report.pdf`, { timeoutMs: 300_000 })
			),
			...[1, 2, 3, 4].map((seed) =>
				send(server, 'POST', '/api/simulate', {
					json: maxSimulationBody(rules, seed),
					timeoutMs: 300_000
				})
			)
		]);
		const loaded = await probe(server, path, jobs);
		const replies = await jobs;
		const elapsed = performance.now() - started;
		const statuses = replies.map((r) => r.status);
		const idleP99 = quantile(idle, 0.99);
		const loadedP99 = quantile(loaded, 0.99);
		const ratio = loadedP99 / idleP99;
		const rss = peakRssMb(server);

		const ms = (n: number) => `${n.toFixed(1)} ms`;
		console.log(
			'\nEvent loop under heavy work (4 largest PDFs + 4 longest simulations at once, worker pool)'
		);
		console.table([
			{
				probe: `GET ${'/api/assessments/{id}'} idle`,
				requests: idle.length,
				p50: ms(quantile(idle, 0.5)),
				p99: ms(idleP99),
				max: ms(Math.max(...idle))
			},
			{
				probe: 'same GET during the 8 jobs',
				requests: loaded.length,
				p50: ms(quantile(loaded, 0.5)),
				p99: ms(loadedP99),
				max: ms(Math.max(...loaded))
			}
		]);
		console.log(`  jobs: ${statuses.join(' ')} in ${(elapsed / 1000).toFixed(1)} s`);
		console.log(
			`  p99 loaded / idle = ${ratio.toFixed(2)}x (target < ${EVENT_LOOP_TARGET}x): ${ratio < EVENT_LOOP_TARGET ? 'met' : 'MISSED'}`
		);
		console.log(`  server peak RSS (main thread and workers): ${rss.toFixed(0)} MB`);
		return { idleP99, loadedP99, ratio, rss, statuses };
	} finally {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
		cleanup();
	}
}
