/**
 * Heavy work (PDF reports, simulations) runs in a pool of worker threads, so a request that burns
 * seconds of CPU never stops the event loop answering everyone else. The queue is bounded (a full
 * queue answers 503 with Retry-After) and each job has a time limit counted from when it starts
 * running (a job over it is stopped by terminating its thread, and answers 503 saying so).
 *
 * Under `vite dev` and vitest the worker module is TypeScript that a plain worker thread cannot
 * load; there the jobs run inline, with the same outcomes.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { apiError } from '../http';
import { jobConfig, type JobConfig } from './config';
import type { Job, Outcome } from './tasks';
import type runInWorker from './worker';

export class JobQueueFullError extends Error {
	constructor(readonly retryAfter: number) {
		super('The server is busy with other reports and simulations');
		this.name = 'JobQueueFullError';
	}
}

export class JobTimeoutError extends Error {
	constructor(readonly seconds: number) {
		super(`The job ran longer than its ${seconds}-second limit and was stopped`);
		this.name = 'JobTimeoutError';
	}
}

const KINDS: Record<Job['kind'], string> = {
	report: 'report',
	simulate: 'simulation',
	'tender-report': 'report'
};

interface Pool {
	run<J extends Job>(job: J): Promise<Outcome<J>>;
	close(): Promise<void>;
}

function inlinePool(run: typeof runInWorker): Pool {
	return {
		async run(job) {
			const { port1, port2 } = new MessageChannel();
			try {
				return (await run({ job, started: port2 })) as Outcome<typeof job>;
			} finally {
				port1.close();
			}
		},
		async close() {}
	};
}

function threadPool(file: string, config: JobConfig): Pool {
	const piscina = new Piscina({
		filename: file,
		minThreads: config.threads,
		maxThreads: config.threads,
		// The queue is bounded below, by counting jobs: piscina keeps abortable tasks (ours all are,
		// for the time limit) in a side queue that its maxQueue does not count.
		// A worker holds its prepared fonts and parsed rules: keep it rather than start cold.
		idleTimeout: Number.MAX_SAFE_INTEGER,
		// A runaway job runs out of heap in its own thread, not in the server's.
		resourceLimits: { maxOldGenerationSizeMb: 512 }
	});
	const seconds = config.timeLimitMs / 1000;
	const capacity = config.threads + config.queue;
	let inFlight = 0;
	return {
		async run(job) {
			if (inFlight >= capacity) {
				// A rough wait: the jobs ahead, shared among the threads, each at most the limit.
				throw new JobQueueFullError(Math.max(1, Math.min(60, Math.ceil(seconds / 4))));
			}
			inFlight++;
			const controller = new AbortController();
			const { port1, port2 } = new MessageChannel();
			let timer: NodeJS.Timeout | undefined;
			let timedOut = false;
			port1.once('message', () => {
				timer = setTimeout(() => {
					timedOut = true;
					controller.abort();
				}, config.timeLimitMs);
				port1.close();
			});
			try {
				return await piscina.run(
					{ job, started: port2 },
					{ transferList: [port2], signal: controller.signal }
				);
			} catch (error) {
				if (timedOut) throw new JobTimeoutError(seconds);
				throw error;
			} finally {
				inFlight--;
				clearTimeout(timer);
				port1.close();
			}
		},
		close: () => piscina.destroy()
	};
}

let pool: Promise<Pool> | null = null;

function getPool(): Promise<Pool> {
	pool ??= (async () => {
		const config = jobConfig();
		// Both exports are used here, so the bundler keeps the worker's entry function in its chunk.
		const worker = await import('./worker');
		const pool = worker.workerFile.endsWith('.js')
			? threadPool(worker.workerFile, config)
			: inlinePool(worker.default);
		process.once('sveltekit:shutdown', () => void pool.close());
		return pool;
	})();
	return pool;
}

/** Checks the job settings at start-up, so a bad value stops the server rather than a request. */
export function checkJobConfig(): void {
	jobConfig();
}

/** Runs a job in the pool; throws JobQueueFullError or JobTimeoutError when it cannot. */
export async function runJob<J extends Job>(job: J): Promise<Outcome<J>> {
	return (await getPool()).run(job);
}

/** The API's answer when a job could not run, or null for errors that are not the pool's. */
export function jobRefusal(error: unknown, kind: Job['kind']): Response | null {
	if (error instanceof JobQueueFullError) {
		const response = apiError(
			503,
			`The server is busy: too many reports and simulations are waiting. Try this ${KINDS[kind]} again in ${error.retryAfter} seconds.`
		);
		response.headers.set('retry-after', String(error.retryAfter));
		return response;
	}
	if (error instanceof JobTimeoutError) {
		return apiError(
			503,
			`The ${KINDS[kind]} took longer than ${error.seconds} seconds and was stopped. Try again later, or make it smaller.`
		);
	}
	return null;
}
