import { SvelteMap } from 'svelte/reactivity';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { InventoryRow } from '$lib/simulation/inventory';
import type { SimulationInput } from '$lib/simulation/types';
import type {
	SimulationView,
	Which,
	WorkerRequest,
	WorkerResponse
} from '$lib/simulation/worker-protocol';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

type Request = WorkerRequest extends infer R
	? R extends { id: number }
		? Omit<R, 'id'>
		: never
	: never;

interface Waiting {
	resolve: (message: WorkerResponse) => void;
	reject: (error: Error) => void;
	onProgress?: (fraction: number) => void;
}

export class Superseded extends Error {
	constructor() {
		super('A newer simulation replaced this one');
	}
}

function createWorker() {
	// Vite bundles the worker as its own same-origin file, which the CSP's script-src 'self' allows.
	return new Worker(new URL('../../simulation/sim.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs simulations in Web Workers. Two at most: the worker that produced the run on show (it keeps
 * the state the inventory and downloads read), and one running a newer input. Cancelling a run
 * terminates its worker; the run on show stays usable. Browser only.
 */
export class SimulationRunner {
	status = $state<RunStatus>('idle');
	/** Progress of the running simulation, 0-1. */
	progress = $state(0);
	/** The last finished run; kept on show while a newer one runs. */
	view = $state.raw<SimulationView | null>(null);
	/** The input that produced `view`. */
	viewInput = $state.raw<SimulationInput | null>(null);
	error = $state<string | null>(null);

	#shown: Worker | null = null;
	#running: Worker | null = null;
	#nextId = 1;
	#waiting = new SvelteMap<number, Waiting>();
	#currency: string;
	#locale: Locale;

	/** `locale`: the language the worker writes the run's summary in. */
	constructor(currency: string, locale: Locale) {
		this.#currency = currency;
		this.#locale = locale;
	}

	run(input: SimulationInput) {
		this.#stopRunning();
		const worker = createWorker();
		const id = this.#nextId++;
		this.#running = worker;
		this.status = 'running';
		this.progress = 0;
		this.error = null;
		const fail = (message: string) => {
			if (this.#running !== worker) return;
			worker.terminate();
			this.#running = null;
			this.status = 'error';
			this.error = message;
		};
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			if (this.#running !== worker) return;
			const message = event.data;
			if (message.type === 'progress') this.progress = message.fraction;
			else if (message.type === 'error') fail(message.message);
			else if (message.type === 'result') this.#promote(worker, input, message.view);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			fail(event.message || m.sim_stopped_unexpectedly({}, { locale: this.#locale }));
		};
		const snapshot: SimulationInput = JSON.parse(JSON.stringify(input));
		worker.postMessage({
			type: 'run',
			id,
			input: snapshot,
			currency: this.#currency,
			locale: this.#locale
		} satisfies WorkerRequest);
	}

	/** Stops the running simulation; the run on show, if any, stays. */
	cancel() {
		if (!this.#running) return;
		this.#stopRunning();
		this.status = 'cancelled';
	}

	/** One page of the inventory of the run on show. `day` is zero-based. */
	async inventory(
		which: Which,
		day: number,
		offset: number,
		limit: number
	): Promise<{ total: number; rows: InventoryRow[] }> {
		const message = await this.#ask({ type: 'inventory', which, day, offset, limit });
		if (message.type !== 'inventory') throw new Error('Unexpected answer from the simulation');
		return { total: message.total, rows: message.rows };
	}

	/** A CSV file of the run on show: the daily series, or the inventory on a (zero-based) day. */
	async file(
		request: { type: 'dailyCsv' } | { type: 'inventoryCsv'; which: Which; day: number },
		onProgress?: (fraction: number) => void
	): Promise<Blob> {
		const message = await this.#ask(request, onProgress);
		if (message.type !== 'file') throw new Error('Unexpected answer from the simulation');
		return message.blob;
	}

	destroy() {
		this.#stopRunning();
		this.#retireShown();
	}

	#stopRunning() {
		this.#running?.terminate();
		this.#running = null;
	}

	#promote(worker: Worker, input: SimulationInput, view: SimulationView) {
		this.#retireShown();
		this.#running = null;
		this.#shown = worker;
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.#answer(event.data);
		worker.onerror = (event) => {
			event.preventDefault();
			this.#rejectAll(new Error(event.message || 'The simulation stopped unexpectedly'));
		};
		this.view = view;
		this.viewInput = input;
		this.progress = 1;
		this.status = 'done';
	}

	#retireShown() {
		this.#shown?.terminate();
		this.#shown = null;
		this.#rejectAll(new Superseded());
	}

	#rejectAll(error: Error) {
		for (const waiting of this.#waiting.values()) waiting.reject(error);
		this.#waiting.clear();
	}

	#answer(message: WorkerResponse) {
		const waiting = this.#waiting.get(message.id);
		if (!waiting) return;
		if (message.type === 'progress') {
			waiting.onProgress?.(message.fraction);
			return;
		}
		this.#waiting.delete(message.id);
		if (message.type === 'error') waiting.reject(new Error(message.message));
		else waiting.resolve(message);
	}

	#ask(request: Request, onProgress?: (fraction: number) => void): Promise<WorkerResponse> {
		const worker = this.#shown;
		if (!worker) return Promise.reject(new Error('Run the simulation first'));
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject, onProgress });
			worker.postMessage({ ...request, id } as WorkerRequest);
		});
	}
}
