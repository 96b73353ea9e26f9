import { CAUSES, type ArchitectureRun, type Cause, type SimulationResult } from './types';

export interface Pair<T> {
	assessed: T;
	recommended: T;
}

/** One year of the lifetime (the last may be part of a year), for charts' text alternatives. */
export interface YearRow {
	year: number;
	/** Days of the lifetime in this year: 365, or fewer in a last, partial year. */
	days: number;
	/** Share of device-days online, 0-1. */
	availability: Pair<number>;
	offline: Pair<Record<Cause, number> & { total: number }>;
	/** Money spent from deployment to the end of the year. */
	costToDate: Pair<number>;
}

export interface ChartData {
	/** Days averaged into each point of the time series. */
	step: number;
	/** Each point's position in years since deployment (its period's end). */
	years: number[];
	/** Share of the fleet online, averaged over each period, 0-1. */
	availability: Pair<number[]>;
	/** Money spent since deployment at the end of each period. */
	cumulativeCost: Pair<number[]>;
	yearly: YearRow[];
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function yearRows(result: SimulationResult): YearRow[] {
	const rows: YearRow[] = [];
	const devices = Math.max(1, result.devices);
	for (let start = 0, year = 1; start < result.days; start += 365, year++) {
		const end = Math.min(result.days, start + 365);
		const of = (run: ArchitectureRun) => {
			const offline = Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
			let online = 0;
			for (let day = start; day < end; day++) {
				online += run.series.online[day]!;
				for (const cause of CAUSES) offline[cause] += run.series.offline[cause][day]!;
			}
			const total = CAUSES.reduce((sum, c) => sum + offline[c], 0);
			return {
				availability: result.devices > 0 ? online / (devices * (end - start)) : 1,
				offline: { ...offline, total },
				cost: run.series.cumulativeCost[end - 1]!
			};
		};
		const a = of(result.assessed);
		const r = of(result.recommended);
		rows.push({
			year,
			days: end - start,
			availability: { assessed: a.availability, recommended: r.availability },
			offline: { assessed: a.offline, recommended: r.offline },
			costToDate: { assessed: a.cost, recommended: r.cost }
		});
	}
	return rows;
}

/**
 * What the charts draw, small enough to post from the worker: at most `maxPoints` points per
 * series (a decade of days becomes a point every five days), plus a row per year.
 */
export function chartData(result: SimulationResult, maxPoints = 730): ChartData {
	const step = Math.max(1, Math.ceil(result.days / maxPoints));
	const years: number[] = [];
	const availability: Pair<number[]> = { assessed: [], recommended: [] };
	const cumulativeCost: Pair<number[]> = { assessed: [], recommended: [] };
	const devices = Math.max(1, result.devices);
	for (let start = 0; start < result.days; start += step) {
		const end = Math.min(result.days, start + step);
		years.push(round(end / 365, 4));
		for (const which of ['assessed', 'recommended'] as const) {
			const series = result[which].series;
			let online = 0;
			for (let day = start; day < end; day++) online += series.online[day]!;
			availability[which].push(
				result.devices > 0 ? round(online / (devices * (end - start)), 8) : 1
			);
			cumulativeCost[which].push(round(series.cumulativeCost[end - 1]!, 2));
		}
	}
	return { step, years, availability, cumulativeCost, yearly: yearRows(result) };
}
