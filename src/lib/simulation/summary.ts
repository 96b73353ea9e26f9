import type { SimulationCountry, SimulationResult } from './types';

const n = (x: number) => Math.round(x).toLocaleString('en');
const days = (x: number) => `${n(x)} ${Math.round(x) === 1 ? 'day' : 'days'}`;
const CAUSE_WORDS = {
	roaming: 'roaming blocks',
	switch: 'the provider switch',
	outage: 'carrier outages',
	dataCap: 'data caps'
} as const;

/** The result in one paragraph a board member reads: who loses what, and why. */
export function summarise(
	result: SimulationResult,
	countries: SimulationCountry[],
	currency: string
): string {
	const years = Math.round((result.days / 365) * 10) / 10;
	const a = result.assessed.totals;
	const r = result.recommended.totals;
	const assessedName = result.assessed.architecture.subject;
	const recommendedName = result.recommended.architecture.subject;
	const parts: string[] = [];
	const causes = (Object.keys(CAUSE_WORDS) as (keyof typeof CAUSE_WORDS)[])
		.map((c) => [c, a.offlineDeviceDays[c]] as const)
		.filter(([, v]) => v > 0)
		.sort((x, y) => y[1] - x[1]);
	const total = a.offlineDeviceDays.total;
	const describe = (cause: keyof typeof CAUSE_WORDS, value: number) =>
		`${Math.round((100 * value) / total)}% ${cause === causes[0]?.[0] ? 'of them ' : ''}to ${CAUSE_WORDS[cause]}`;
	let lead = `Over ${years} ${years === 1 ? 'year' : 'years'} ${assessedName} loses ${n(total)} device-days`;
	// Name the main cause, and the second one when it matters (5% or more).
	const named = causes.filter(([, value], i) => i === 0 || (i === 1 && value / total >= 0.05));
	if (total > 0 && named.length) lead += `, ${named.map(([c, v]) => describe(c, v)).join(' and ')}`;
	parts.push(`${lead}; ${recommendedName} loses ${n(r.offlineDeviceDays.total)}.`);
	const byCountry = byCountryWords(a.offlineByCountry, countries);
	if (byCountry) parts.push(`By country, ${assessedName} loses ${byCountry}.`);
	parts.push(
		`Availability: ${(a.availability * 100).toFixed(2)}% against ${(r.availability * 100).toFixed(2)}%.`
	);
	if (a.cost.total > 0 || r.cost.total > 0) {
		parts.push(
			`Money lost to lock-in: ${currency} ${n(a.cost.total)} against ${currency} ${n(r.cost.total)}.`
		);
	}
	if (a.switch && r.switch) {
		parts.push(
			`Switching provider takes ${days(a.switch.days)} and ${currency} ${n(a.switch.cost)} on ${assessedName}, ${days(r.switch.days)} and ${currency} ${n(r.switch.cost)} on ${recommendedName}.`
		);
	}
	if (a.exposedDevices > 0) {
		parts.push(
			`${n(a.exposedDevices)} devices send traffic over the public internet on ${assessedName}.`
		);
	}
	return parts.join(' ');
}

/** Every country that lost device-days, most first: "Germany 500, Türkiye 300 and Brazil 200 device-days". */
export function byCountryWords(
	offline: Record<string, number>,
	countries: SimulationCountry[]
): string {
	const lost = countries
		.map((c) => ({ name: c.name, days: Math.round(offline[c.code] ?? 0) }))
		.filter((c) => c.days > 0)
		.sort((x, y) => y.days - x.days)
		.map((c) => `${c.name} ${n(c.days)}`);
	if (lost.length === 0) return '';
	const list = lost.length === 1 ? lost[0]! : `${lost.slice(0, -1).join(', ')} and ${lost.at(-1)!}`;
	return `${list} device-days`;
}
