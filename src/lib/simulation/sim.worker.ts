/**
 * The simulation off the main thread: runs the engine, keeps its state so the inventory can be
 * browsed for any day, and writes the CSV files. The page cancels a run by terminating the worker.
 */
import { chartData } from './chart-data';
import { dailyCsv, inventoryCsv } from './csv';
import { simulate, type SimulationState } from './engine';
import { inventoryPage } from './inventory';
import { summarise } from './summary';
import type { SimulationResult } from './types';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/** Rows per inventory CSV chunk: each becomes its own Blob part, so the strings can be freed. */
const CSV_CHUNK = 50_000;

let run: { result: SimulationResult; state: SimulationState } | null = null;

const post = (message: WorkerResponse) => self.postMessage(message);

function current() {
	if (!run) throw new Error('Nothing has been simulated yet');
	return run;
}

function handle(message: WorkerRequest) {
	switch (message.type) {
		case 'run': {
			const started = performance.now();
			let reported = -1;
			run = simulate(message.input, (fraction) => {
				const percent = Math.floor(fraction * 100);
				if (percent > reported) {
					reported = percent;
					post({ type: 'progress', id: message.id, fraction });
				}
			});
			const { result } = run;
			post({
				type: 'result',
				id: message.id,
				view: {
					days: result.days,
					devices: result.devices,
					outageEvents: result.outageEvents,
					summary: summarise(
						result,
						message.input.fleet.countries,
						message.currency,
						message.locale
					),
					assessed: { architecture: result.assessed.architecture, totals: result.assessed.totals },
					recommended: {
						architecture: result.recommended.architecture,
						totals: result.recommended.totals
					},
					charts: chartData(result),
					elapsedMs: performance.now() - started
				}
			});
			return;
		}
		case 'inventory': {
			const page = inventoryPage(
				current().state,
				message.which,
				message.day,
				message.offset,
				message.limit
			);
			post({ type: 'inventory', id: message.id, ...page });
			return;
		}
		case 'inventoryCsv': {
			const { state } = current();
			const total = state.input.fleet.devices;
			const parts: Blob[] = [];
			let offset = 0;
			do {
				const { rows } = inventoryPage(state, message.which, message.day, offset, CSV_CHUNK);
				const text = inventoryCsv(rows);
				// Every chunk starts with the header line; only the first keeps it.
				parts.push(new Blob([offset === 0 ? text : text.slice(text.indexOf('\n') + 1)]));
				offset += CSV_CHUNK;
				post({
					type: 'progress',
					id: message.id,
					fraction: Math.min(1, offset / Math.max(1, total))
				});
			} while (offset < total);
			post({ type: 'file', id: message.id, blob: new Blob(parts, { type: 'text/csv' }) });
			return;
		}
		case 'dailyCsv': {
			post({
				type: 'file',
				id: message.id,
				blob: new Blob([dailyCsv(current().result)], { type: 'text/csv' })
			});
			return;
		}
	}
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	try {
		handle(event.data);
	} catch (e) {
		post({ type: 'error', id: event.data.id, message: e instanceof Error ? e.message : String(e) });
	}
};
