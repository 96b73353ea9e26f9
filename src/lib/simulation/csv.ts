import type { InventoryRow } from './inventory';
import { CAUSES, type SimulationResult } from './types';

/** Quotes a CSV field, and defuses spreadsheet formulas (=, +, -, @ at the start of text). */
export function csvField(value: string | number): string {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const line = (fields: (string | number)[]) => fields.map(csvField).join(',');

export function inventoryCsv(rows: InventoryRow[]): string {
	return (
		[
			line(['sim', 'country', 'network', 'status', 'data_used_mb_this_month']),
			...rows.map((r) => line([r.sim, r.country, r.network, r.status, r.dataUsedMb]))
		].join('\n') + '\n'
	);
}

/** One row per simulated day with both architectures side by side. */
export function dailyCsv(result: SimulationResult): string {
	const columns = ['online', ...CAUSES.map((c) => `offline_${c}`), 'cumulative_cost'];
	const header = [
		'day',
		...columns.map((c) => `assessed_${c}`),
		...columns.map((c) => `recommended_${c}`)
	];
	const rows: string[] = [line(header)];
	const round = (n: number) => Math.round(n * 100) / 100;
	for (let day = 0; day < result.days; day++) {
		const values = (run: SimulationResult['assessed']) => [
			round(run.series.online[day]!),
			...CAUSES.map((c) => round(run.series.offline[c][day]!)),
			round(run.series.cumulativeCost[day]!)
		];
		rows.push(line([day + 1, ...values(result.assessed), ...values(result.recommended)]));
	}
	return rows.join('\n') + '\n';
}
