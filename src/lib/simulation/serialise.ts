import { CAUSES, type ArchitectureRun, type SimulationResult } from './types';

export type Resolution = 'day' | 'week' | 'month';
const STEP: Record<Resolution, number> = { day: 1, week: 7, month: 30 };

/** Averages (or, for running totals, takes the last value of) each period. */
function resample(values: Float64Array, step: number, cumulative: boolean): number[] {
	const out: number[] = [];
	for (let start = 0; start < values.length; start += step) {
		const end = Math.min(values.length, start + step);
		if (cumulative) {
			out.push(round(values[end - 1]!));
			continue;
		}
		let sum = 0;
		for (let i = start; i < end; i++) sum += values[i]!;
		out.push(round(sum / (end - start)));
	}
	return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function runJson(run: ArchitectureRun, step: number) {
	return {
		architecture: run.architecture,
		totals: run.totals,
		series: {
			online: resample(run.series.online, step, false),
			offline: Object.fromEntries(
				CAUSES.map((c) => [c, resample(run.series.offline[c], step, false)])
			),
			cumulativeCost: resample(run.series.cumulativeCost, step, true)
		}
	};
}

/** The result as plain JSON, with the series at the chosen resolution. */
export function resultJson(result: SimulationResult, resolution: Resolution) {
	const step = STEP[resolution];
	return {
		days: result.days,
		devices: result.devices,
		outageEvents: result.outageEvents,
		resolution,
		periods: Math.ceil(result.days / step),
		assessed: runJson(result.assessed, step),
		recommended: runJson(result.recommended, step)
	};
}
