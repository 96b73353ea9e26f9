/**
 * The worker-thread entry of the job pool (pool.ts). The pool loads this module's own built file
 * (`workerFile`, i.e. import.meta.url after bundling), so it needs no separate build entry: it is
 * a chunk of the server build like any other, reached by pool.ts's dynamic import.
 */
import type { MessagePort } from 'node:worker_threads';
import { runTask, type Job } from './tasks';

/** This module's file as built: what the pool's workers load. */
export const workerFile = import.meta.url;

export interface WorkerTask {
	job: Job;
	/** Told when the job starts running, so its time limit counts run time, not queue time. */
	started: MessagePort;
}

export default async function run({ job, started }: WorkerTask) {
	started.postMessage('started');
	started.close();
	return runTask(job);
}
