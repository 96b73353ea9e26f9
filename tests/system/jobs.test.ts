import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { maxReportBody, maxSimulationBody, paddedReportBody } from './heavy';
import { apiErrorProblem, fetchRules, jsonOf, send, type ApiError } from './http';
import { startServer, type TestServer } from './server';

let servers: TestServer[] = [];
afterEach(async () => {
	for (const server of servers) {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
	}
	servers = [];
});

async function server(env: Record<string, string> = {}) {
	const started = await startServer({ env });
	servers.push(started);
	return started;
}

async function createdId(s: TestServer, body: unknown): Promise<string> {
	const reply = await send(s, 'POST', '/api/assessments', { json: body });
	expect(reply.status, reply.text.slice(0, 300)).toBe(201);
	return jsonOf<{ id: string }>(reply).id;
}

/** Longest wait of a small GET, probed every 20 ms while `work` runs. */
async function longestProbe(s: TestServer, work: Promise<unknown>): Promise<number> {
	let done = false;
	let longest = 0;
	const probing = (async () => {
		while (!done) {
			const start = performance.now();
			const reply = await send(s, 'GET', '/api/rules');
			expect(reply.status).toBe(200);
			longest = Math.max(longest, performance.now() - start);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	})();
	await work.finally(() => (done = true));
	await probing;
	return longest;
}

describe('heavy work off the event loop (F1)', () => {
	it('answers small requests within a fraction of a second while the largest report and simulation run', async () => {
		const s = await server();
		const rules = await fetchRules(s);
		const id = await createdId(s, maxReportBody(rules));
		const work = Promise.all([
			send(s, 'GET', `/api/assessments/${id}/report.pdf`, { timeoutMs: 90_000 }),
			send(s, 'POST', '/api/simulate', { json: maxSimulationBody(rules), timeoutMs: 90_000 })
		]);
		const longest = await longestProbe(s, work);
		const [pdf, simulation] = await work;
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(simulation.status).toBe(200);
		// On the event loop the report alone blocked for 1.5-8.7 s (audit F1).
		expect(longest).toBeLessThan(500);
	});

	it('refuses a report padded past 200 pages with 422 and a message that says what to do', async () => {
		const s = await server();
		const id = await createdId(s, paddedReportBody(await fetchRules(s)));
		const reply = await send(s, 'GET', `/api/assessments/${id}/report.pdf`);
		expect(reply.status).toBe(422);
		expect(apiErrorProblem(reply)).toBeNull();
		expect(jsonOf<ApiError>(reply).error).toMatch(
			/longer than 200 pages.*Shorten the longest notes/
		);
	});

	it('answers 503 with Retry-After when the job queue is full, and runs the jobs it accepted', async () => {
		const s = await server({ WORKER_THREADS: '1', JOB_QUEUE: '1' });
		const body = maxSimulationBody(await fetchRules(s));
		const replies = await Promise.all(
			[1, 2, 3, 4].map((seed) =>
				send(s, 'POST', '/api/simulate', { json: { ...body, seed }, timeoutMs: 90_000 })
			)
		);
		const statuses = replies.map((r) => r.status).sort();
		expect(statuses).toEqual([200, 200, 503, 503]);
		for (const busy of replies.filter((r) => r.status === 503)) {
			expect(apiErrorProblem(busy)).toBeNull();
			expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(jsonOf<ApiError>(busy).error).toMatch(/busy/);
		}
	});

	it('stops a job that runs past JOB_TIME_LIMIT and says so in JSON; the next job still runs', async () => {
		const s = await server({ WORKER_THREADS: '1', JOB_TIME_LIMIT: '1' });
		const rules = await fetchRules(s);
		const started = performance.now();
		const slow = await send(s, 'POST', '/api/simulate', {
			json: maxSimulationBody(rules),
			timeoutMs: 90_000
		});
		expect(slow.status).toBe(503);
		expect(apiErrorProblem(slow)).toBeNull();
		expect(jsonOf<ApiError>(slow).error).toMatch(/took longer than 1 seconds and was stopped/);
		// The message proves the stop; the bound only rules out waiting for the whole run. It is loose
		// because the two CPUs are shared with other suites: 4 s flaked at 4.25 s under load.
		expect(performance.now() - started).toBeLessThan(10_000);
		const small = await send(s, 'POST', '/api/simulate', {
			json: { seed: 1, fleet: { devices: 100, countries: ['DE'], lifetimeYears: 1 } }
		});
		expect(small.status).toBe(200);
	});

	it('refuses to start with a job setting it cannot read', async () => {
		await expect(startServer({ env: { JOB_QUEUE: 'lots' } })).rejects.toThrow(
			/JOB_QUEUE must be a whole number/
		);
	});
});
