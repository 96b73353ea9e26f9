import type { ChartData, Pair } from './chart-data';
import { CAUSES, type Cause } from './types';

/** Words for the charts' text alternatives: what a sighted reader takes from each chart. */
const n = (x: number) => Math.round(x).toLocaleString('en');
export const percent = (share: number) => `${(share * 100).toFixed(2)}%`;
export const CAUSE_NAMES: Record<Cause, string> = {
	roaming: 'roaming blocks',
	switch: 'provider switch',
	outage: 'carrier outages',
	dataCap: 'data caps'
};

const years = (data: ChartData) => {
	const days = data.yearly.reduce((sum, row) => sum + row.days, 0);
	return Math.round((days / 365) * 10) / 10;
};

function lowest(values: number[], data: ChartData) {
	let at = 0;
	values.forEach((v, i) => {
		if (v < values[at]!) at = i;
	});
	return { value: values[at] ?? 1, year: Math.max(1, Math.ceil(data.years[at] ?? 1)) };
}

export function describeAvailability(data: ChartData, labels: Pair<string>): string {
	const part = (which: keyof Pair<string>) => {
		const rows = data.yearly;
		const days = rows.reduce((sum, r) => sum + r.days, 0);
		const average =
			rows.reduce((sum, r) => sum + r.availability[which] * r.days, 0) / Math.max(1, days);
		const low = lowest(data.availability[which], data);
		return `${labels[which]}: ${percent(average)} on average, lowest ${percent(low.value)} in year ${low.year}`;
	};
	return `Share of devices online over ${years(data)} years. ${part('assessed')}. ${part('recommended')}.`;
}

export function describeOffline(data: ChartData, which: keyof Pair<string>, label: string): string {
	const totals = Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
	let worst = data.yearly[0];
	for (const row of data.yearly) {
		for (const c of CAUSES) totals[c] += row.offline[which][c];
		if (worst && row.offline[which].total > worst.offline[which].total) worst = row;
	}
	const total = CAUSES.reduce((sum, c) => sum + totals[c], 0);
	if (total < 0.5 || !worst) return `${label}: no device-days offline in any year.`;
	const causes = CAUSES.filter((c) => totals[c] >= 0.5)
		.map((c) => `${CAUSE_NAMES[c]} ${n(totals[c])}`)
		.join(', ');
	return `${label}: ${n(total)} offline device-days over the lifetime (${causes}), shown per year by cause. The worst year is year ${worst.year}, with ${n(worst.offline[which].total)}.`;
}

export function describeCost(data: ChartData, labels: Pair<string>, currency: string): string {
	const last = data.yearly.at(-1);
	if (!last) return 'No costs.';
	const at = (which: keyof Pair<string>) =>
		`${labels[which]} ${currency} ${n(last.costToDate[which])}`;
	return `Money spent on field visits, overage and exit fees over ${years(data)} years, adding up to: ${at('assessed')}; ${at('recommended')}.`;
}
