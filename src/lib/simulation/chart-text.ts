import { formatMoney, formatNumber, intlTag } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { ChartData, Pair } from './chart-data';
import { CAUSES, type Cause } from './types';

/** Words for the charts' text alternatives: what a sighted reader takes from each chart. */
const n = (x: number, locale: Locale) => formatNumber(Math.round(x), locale);

/**
 * A share with two decimals: "99.66%" in English, "99,66 %" in German. English is the default
 * only for the tender fleet page, which does not pass its language yet.
 */
export const percent = (share: number, locale: Locale = 'en') =>
	new Intl.NumberFormat(intlTag(locale), {
		style: 'percent',
		minimumFractionDigits: 2,
		maximumFractionDigits: 2
	}).format(share);

/** Each cause of lost device-days, as the charts' legends and text alternatives name it. */
export const causeName = (cause: Cause, locale: Locale): string =>
	({
		roaming: m.sim_cause_roaming,
		switch: m.sim_cause_provider_switch,
		outage: m.sim_cause_outage,
		dataCap: m.sim_cause_data_cap
	})[cause]({}, { locale });

const years = (data: ChartData, locale: Locale) => {
	const days = data.yearly.reduce((sum, row) => sum + row.days, 0);
	return formatNumber(Math.round((days / 365) * 10) / 10, locale, 1);
};

function lowest(values: number[], data: ChartData) {
	let at = 0;
	values.forEach((v, i) => {
		if (v < values[at]!) at = i;
	});
	return { value: values[at] ?? 1, year: Math.max(1, Math.ceil(data.years[at] ?? 1)) };
}

export function describeAvailability(
	data: ChartData,
	labels: Pair<string>,
	locale: Locale
): string {
	const part = (which: keyof Pair<string>) => {
		const rows = data.yearly;
		const days = rows.reduce((sum, r) => sum + r.days, 0);
		const average =
			rows.reduce((sum, r) => sum + r.availability[which] * r.days, 0) / Math.max(1, days);
		const low = lowest(data.availability[which], data);
		return m.sim_chart_availability_part(
			{
				label: labels[which],
				average: percent(average, locale),
				lowest: percent(low.value, locale),
				year: low.year
			},
			{ locale }
		);
	};
	return m.sim_chart_availability(
		{ years: years(data, locale), assessed: part('assessed'), recommended: part('recommended') },
		{ locale }
	);
}

export function describeOffline(
	data: ChartData,
	which: keyof Pair<string>,
	label: string,
	locale: Locale
): string {
	const totals = Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
	let worst = data.yearly[0];
	for (const row of data.yearly) {
		for (const c of CAUSES) totals[c] += row.offline[which][c];
		if (worst && row.offline[which].total > worst.offline[which].total) worst = row;
	}
	const total = CAUSES.reduce((sum, c) => sum + totals[c], 0);
	if (total < 0.5 || !worst) return m.sim_chart_offline_none({ label }, { locale });
	const causes = CAUSES.filter((c) => totals[c] >= 0.5)
		.map((c) => `${causeName(c, locale)} ${n(totals[c], locale)}`)
		.join(', ');
	return m.sim_chart_offline(
		{
			label,
			total: n(total, locale),
			causes,
			year: worst.year,
			worst: n(worst.offline[which].total, locale)
		},
		{ locale }
	);
}

export function describeCost(
	data: ChartData,
	labels: Pair<string>,
	currency: string,
	locale: Locale
): string {
	const last = data.yearly.at(-1);
	if (!last) return m.sim_chart_no_costs({}, { locale });
	// Plain spaces, as this text has always been written ("Assessed offer USD 1,234").
	const at = (which: keyof Pair<string>) =>
		`${labels[which]} ${formatMoney(Math.round(last.costToDate[which]), currency, locale).replace(/[\u00a0\u202f]/g, ' ')}`;
	return m.sim_chart_cost(
		{ years: years(data, locale), assessed: at('assessed'), recommended: at('recommended') },
		{ locale }
	);
}
