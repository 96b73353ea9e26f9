import type { ChartConfiguration } from 'chart.js';
import type { ChartData, Pair } from '$lib/simulation/chart-data';
import { causeName } from '$lib/simulation/chart-text';
import { intlTag } from '$lib/format/locale-format';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { CAUSES, type Cause } from '$lib/simulation/types';

export type LineConfig = ChartConfiguration<'line', { x: number; y: number }[]>;
export type BarConfig = ChartConfiguration<'bar', number[]>;
export type AnyConfig = LineConfig | BarConfig;

/** The assessed offer in the radar's orange, the recommendation in the brand teal and dashed. */
export const ARCHITECTURE_STYLE: Record<
	'assessed' | 'recommended',
	{ color: string; dash: number[] }
> = {
	assessed: { color: '#c2410c', dash: [] },
	recommended: { color: '#0b5d66', dash: [7, 4] }
};

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
export const CAUSE_STYLE: Record<Cause, { color: string }> = {
	roaming: { color: '#D55E00' },
	switch: { color: '#CC79A7' },
	outage: { color: '#0072B2' },
	dataCap: { color: '#E69F00' }
};

/** A cause as a legend entry: "Roaming blocks", "Netzausfälle". */
const causeLabel = (cause: Cause, locale: Locale) => {
	const name = causeName(cause, locale);
	return name.charAt(0).toUpperCase() + name.slice(1);
};

/** Room around the plot so the last tick label and the top line are never cut at the canvas edge. */
const LABEL_ROOM = { top: 6, right: 12, bottom: 0, left: 0 };

const compact = (locale: Locale) =>
	new Intl.NumberFormat(intlTag(locale), { notation: 'compact', maximumFractionDigits: 1 });
const whole = (locale: Locale) =>
	new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 0 });

function timeLine(
	data: ChartData,
	values: Pair<number[]>,
	labels: Pair<string>,
	lifetimeYears: number,
	yTitle: string,
	format: (v: number) => string,
	y: { min?: number; max?: number },
	locale: Locale
): LineConfig {
	const dataset = (which: 'assessed' | 'recommended') => ({
		label: labels[which],
		data: data.years.map((x, i) => ({ x, y: values[which][i]! })),
		borderColor: ARCHITECTURE_STYLE[which].color,
		backgroundColor: ARCHITECTURE_STYLE[which].color,
		borderDash: ARCHITECTURE_STYLE[which].dash,
		borderWidth: which === 'recommended' ? 2.5 : 2,
		// The recommendation is drawn on top: it is often a flat line the other would hide.
		order: which === 'recommended' ? 0 : 1,
		pointRadius: 0,
		pointHitRadius: 4,
		// A line along the top of the axis (100% online) would otherwise be half cut off.
		clip: 4,
		tension: 0
	});
	return {
		type: 'line',
		data: { datasets: [dataset('assessed'), dataset('recommended')] },
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			layout: { padding: LABEL_ROOM },
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: {
					type: 'linear',
					min: 0,
					max: lifetimeYears,
					title: { display: true, text: m.fleetde_chart_years_since({}, { locale }) },
					ticks: { precision: 0 }
				},
				y: {
					...y,
					title: { display: true, text: yTitle },
					ticks: { callback: (v) => format(Number(v)) }
				}
			},
			plugins: {
				legend: {
					position: 'bottom',
					labels: {
						usePointStyle: true,
						pointStyle: 'line',
						sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0)
					}
				},
				tooltip: {
					callbacks: {
						title: (items) =>
							m.sim_year_n(
								{
									year: new Intl.NumberFormat(intlTag(locale), {
										minimumFractionDigits: 1,
										maximumFractionDigits: 1
									}).format(items[0]?.parsed.x ?? 0)
								},
								{ locale }
							),
						label: (item) => `${item.dataset.label}: ${format(item.parsed.y ?? 0)}`
					}
				}
			}
		}
	};
}

export function availabilityConfig(
	data: ChartData,
	labels: Pair<string>,
	lifetimeYears: number,
	locale: Locale
): LineConfig {
	const percent = {
		assessed: data.availability.assessed.map((v) => v * 100),
		recommended: data.availability.recommended.map((v) => v * 100)
	};
	const lowest = Math.min(...percent.assessed, ...percent.recommended);
	// Keep small dips visible: the axis starts on a round number just below the lowest point.
	const span = 100 - lowest;
	const unit = span > 20 ? 10 : span > 5 ? 5 : 1;
	const min = span <= 0.1 ? 99 : Math.max(0, Math.floor((lowest - span * 0.05) / unit) * unit);
	return timeLine(
		data,
		percent,
		labels,
		lifetimeYears,
		m.fleetde_chart_devices_online({}, { locale }),
		(v) =>
			new Intl.NumberFormat(intlTag(locale), {
				style: 'percent',
				minimumFractionDigits: v >= 99 ? 2 : 1,
				maximumFractionDigits: v >= 99 ? 2 : 1
			}).format(v / 100),
		{ min, max: 100 },
		locale
	);
}

export function costConfig(
	data: ChartData,
	labels: Pair<string>,
	lifetimeYears: number,
	currency: string,
	locale: Locale
): LineConfig {
	return timeLine(
		data,
		data.cumulativeCost,
		labels,
		lifetimeYears,
		m.fleetde_chart_spent({ currency }, { locale }),
		(v) =>
			new Intl.NumberFormat(intlTag(locale), {
				style: 'currency',
				currency,
				currencyDisplay: 'code',
				maximumFractionDigits: v >= 10_000 ? 1 : 0,
				...(v >= 10_000 ? { notation: 'compact' as const } : {})
			}).format(v),
		{ min: 0 },
		locale
	);
}

/** The highest yearly offline total of either architecture, so both panels share one scale. */
export function offlineScaleMax(data: ChartData): number {
	return Math.max(
		1,
		...data.yearly.flatMap((row) => [row.offline.assessed.total, row.offline.recommended.total])
	);
}

export function offlineConfig(
	data: ChartData,
	which: 'assessed' | 'recommended',
	max: number,
	locale: Locale
): BarConfig {
	return {
		type: 'bar',
		data: {
			labels: data.yearly.map((row) => (row.days < 365 ? `${row.year}*` : String(row.year))),
			datasets: CAUSES.map((cause) => ({
				label: causeLabel(cause, locale),
				data: data.yearly.map((row) => Math.round(row.offline[which][cause] * 10) / 10),
				backgroundColor: CAUSE_STYLE[cause].color,
				borderWidth: 0
			}))
		},
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			layout: { padding: LABEL_ROOM },
			scales: {
				x: {
					stacked: true,
					title: { display: true, text: m.fleetde_chart_year_of_lifetime({}, { locale }) }
				},
				y: {
					stacked: true,
					min: 0,
					suggestedMax: max,
					title: { display: true, text: m.fleetde_chart_offline_days({}, { locale }) },
					ticks: { callback: (v) => compact(locale).format(Number(v)) }
				}
			},
			plugins: {
				legend: { position: 'bottom' },
				tooltip: {
					callbacks: {
						title: (items) => m.sim_year_n({ year: items[0]?.label ?? '' }, { locale }),
						label: (item) =>
							`${item.dataset.label}: ${m.fleetde_chart_device_days({ count: whole(locale).format(item.parsed.y ?? 0) }, { locale })}`
					}
				}
			}
		}
	};
}
