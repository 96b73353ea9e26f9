import { formatMoney, formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import { architectureName } from './architecture-words';
import { percent } from './chart-text';
import type { SimulationCountry, SimulationResult } from './types';

type Cause = 'roaming' | 'switch' | 'outage' | 'dataCap';

const n = (x: number, locale: Locale) => formatNumber(Math.round(x), locale);
// Plain spaces, as the summary has always been written ("USD 1,234"): it is one paragraph of text.
const money = (x: number, currency: string, locale: Locale) =>
	formatMoney(Math.round(x), currency, locale).replace(/[\u00a0\u202f]/g, ' ');
const days = (x: number, locale: Locale) =>
	Math.round(x) === 1
		? m.sim_days_one({ n: n(x, locale) }, { locale })
		: m.sim_days_other({ n: n(x, locale) }, { locale });
const CAUSE_WORDS: Record<Cause, (locale: Locale) => string> = {
	roaming: (locale) => m.sim_cause_roaming({}, { locale }),
	switch: (locale) => m.sim_cause_switch({}, { locale }),
	outage: (locale) => m.sim_cause_outage({}, { locale }),
	dataCap: (locale) => m.sim_cause_data_cap({}, { locale })
};

/** The result in one paragraph a board member reads: who loses what, and why. */
export function summarise(
	result: SimulationResult,
	countries: SimulationCountry[],
	currency: string,
	locale: Locale
): string {
	const years = Math.round((result.days / 365) * 10) / 10;
	const a = result.assessed.totals;
	const r = result.recommended.totals;
	const assessedName = architectureName(result.assessed.architecture.subject, locale);
	const recommendedName = architectureName(result.recommended.architecture.subject, locale);
	const parts: string[] = [];
	const causes = (Object.keys(CAUSE_WORDS) as Cause[])
		.map((c) => [c, a.offlineDeviceDays[c]] as const)
		.filter(([, v]) => v > 0)
		.sort((x, y) => y[1] - x[1]);
	const total = a.offlineDeviceDays.total;
	const describe = (cause: Cause, value: number) => {
		const params = {
			percent: Math.round((100 * value) / total),
			cause: CAUSE_WORDS[cause](locale)
		};
		return cause === causes[0]?.[0]
			? m.sim_summary_cause_first(params, { locale })
			: m.sim_summary_cause_next(params, { locale });
	};
	const leadParams = {
		years: formatNumber(years, locale, 1),
		name: assessedName,
		total: n(total, locale)
	};
	let lead: string =
		years === 1
			? m.sim_summary_lead_one(leadParams, { locale })
			: m.sim_summary_lead_other(leadParams, { locale });
	// Name the main cause, and the second one when it matters (5% or more).
	const named = causes.filter(([, value], i) => i === 0 || (i === 1 && value / total >= 0.05));
	if (total > 0 && named.length) {
		lead += `, ${named.map(([c, v]) => describe(c, v)).join(` ${m.sim_and({}, { locale })} `)}`;
	}
	parts.push(
		m.sim_summary_recommended_loses(
			{ lead, name: recommendedName, total: n(r.offlineDeviceDays.total, locale) },
			{ locale }
		)
	);
	const byCountry = byCountryWords(a.offlineByCountry, countries, locale);
	if (byCountry) {
		parts.push(m.sim_summary_by_country({ name: assessedName, list: byCountry }, { locale }));
	}
	parts.push(
		m.sim_summary_availability(
			{
				assessed: percent(a.availability, locale),
				recommended: percent(r.availability, locale)
			},
			{ locale }
		)
	);
	if (a.cost.total > 0 || r.cost.total > 0) {
		parts.push(
			m.sim_summary_money(
				{
					assessed: money(a.cost.total, currency, locale),
					recommended: money(r.cost.total, currency, locale)
				},
				{ locale }
			)
		);
	}
	if (a.switch && r.switch) {
		parts.push(
			m.sim_summary_switch(
				{
					assessedDays: days(a.switch.days, locale),
					assessedCost: money(a.switch.cost, currency, locale),
					assessed: assessedName,
					recommendedDays: days(r.switch.days, locale),
					recommendedCost: money(r.switch.cost, currency, locale),
					recommended: recommendedName
				},
				{ locale }
			)
		);
	}
	if (a.exposedDevices > 0) {
		parts.push(
			m.sim_summary_exposed({ n: n(a.exposedDevices, locale), name: assessedName }, { locale })
		);
	}
	return parts.join(' ');
}

/** Every country that lost device-days, most first: "Germany 500, Türkiye 300 and Brazil 200 device-days". */
export function byCountryWords(
	offline: Record<string, number>,
	countries: SimulationCountry[],
	locale: Locale
): string {
	const lost = countries
		.map((c) => ({ name: c.name, days: Math.round(offline[c.code] ?? 0) }))
		.filter((c) => c.days > 0)
		.sort((x, y) => y.days - x.days)
		.map((c) => `${c.name} ${n(c.days, locale)}`);
	if (lost.length === 0) return '';
	const and = m.sim_and({}, { locale });
	const list =
		lost.length === 1 ? lost[0]! : `${lost.slice(0, -1).join(', ')} ${and} ${lost.at(-1)!}`;
	return m.sim_device_days({ list }, { locale });
}
