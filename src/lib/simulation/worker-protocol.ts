import type { Locale } from '../paraglide/runtime';
import type { ChartData } from './chart-data';
import type { InventoryRow } from './inventory';
import type { Architecture, ArchitectureTotals, SimulationInput } from './types';

export type Which = 'assessed' | 'recommended';

/** Messages the page sends to the simulation worker. Days are the engine's (0 = deployment). */
export type WorkerRequest =
	| { type: 'run'; id: number; input: SimulationInput; currency: string; locale: Locale }
	| { type: 'inventory'; id: number; which: Which; day: number; offset: number; limit: number }
	| { type: 'inventoryCsv'; id: number; which: Which; day: number }
	| { type: 'dailyCsv'; id: number };

/** A finished run as the page shows it: totals, summary and chart series, without the daily arrays. */
export interface SimulationView {
	days: number;
	devices: number;
	outageEvents: number;
	summary: string;
	assessed: { architecture: Architecture; totals: ArchitectureTotals };
	recommended: { architecture: Architecture; totals: ArchitectureTotals };
	charts: ChartData;
	/** How long the run took in the worker. */
	elapsedMs: number;
}

export type WorkerResponse =
	| { type: 'progress'; id: number; fraction: number }
	| { type: 'result'; id: number; view: SimulationView }
	| { type: 'inventory'; id: number; total: number; rows: InventoryRow[] }
	| { type: 'file'; id: number; blob: Blob }
	| { type: 'error'; id: number; message: string };
