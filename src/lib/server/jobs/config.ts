import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** How many worker threads, how long a queue and how long a job may run: from the environment. */
export interface JobConfig {
	threads: number;
	queue: number;
	timeLimitMs: number;
}

const whole = (name: string, min: number, max: number) =>
	z.coerce
		.number({ error: `${name} must be a whole number` })
		.int(`${name} must be a whole number`)
		.min(min, `${name} must be at least ${min}`)
		.max(max, `${name} must be at most ${max}`);

const schema = z.object({
	// One core stays with the event loop: pages and saves keep answering while reports build.
	WORKER_THREADS: whole('WORKER_THREADS', 1, 64).default(Math.max(1, availableParallelism() - 1)),
	JOB_QUEUE: whole('JOB_QUEUE', 0, 10_000).default(16),
	JOB_TIME_LIMIT: whole('JOB_TIME_LIMIT', 1, 3_600).default(30)
});

/** Reads the job settings; a value it cannot read stops the server at start, naming the variable. */
export function jobConfig(env: Record<string, string | undefined> = process.env): JobConfig {
	const blank = (value: string | undefined) => (value?.trim() ? value : undefined);
	const parsed = schema.safeParse({
		WORKER_THREADS: blank(env.WORKER_THREADS),
		JOB_QUEUE: blank(env.JOB_QUEUE),
		JOB_TIME_LIMIT: blank(env.JOB_TIME_LIMIT)
	});
	if (!parsed.success)
		throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
	return {
		threads: parsed.data.WORKER_THREADS,
		queue: parsed.data.JOB_QUEUE,
		timeLimitMs: parsed.data.JOB_TIME_LIMIT * 1000
	};
}
