/**
 * The heaviest requests the API accepts, from the audit's reproductions (F1): the longest report
 * a real assessment can make, a report padded past the page limit, and the longest simulation.
 */
import { questionIds, type RulesApi } from './http';

const words = ['carrier', 'profile', 'roaming', 'contract', 'eUICC', 'Łódź', 'export', 'pool'];
/** Ordinary prose of exactly `length` characters. */
export function prose(length: number): string {
	let text = '';
	for (let i = 0; text.length < length; i++) text += `${words[i % words.length]} `;
	return text.slice(0, length);
}

/** Every field at its limit: 200-character names, a 10,000-character note on every question, every country. */
export function maxReportBody(rules: RulesApi, note = prose(10_000)) {
	return {
		title: 'T'.repeat(200),
		organisation: 'O'.repeat(200),
		vendor: 'V'.repeat(200),
		fleet: {
			devices: 100_000_000,
			countries: rules.countries.map((c) => c.code),
			lifetimeYears: 40
		},
		answers: Object.fromEntries(questionIds(rules).map((id) => [id, { option: 'not_sure', note }]))
	};
}

/**
 * The audit's 2,817-page report: notes made of line breaks. Each line costs 3 bytes of JSON
 * (`x\n` escaped), so the lines per note shrink as questions are added (44 from ruleset 2.1.0), to
 * stay inside the 512 KB body limit and reach the page limit, not the body limit: 44 × 3,030
 * lines is about 133,000 lines, still far past 200 pages.
 */
export const paddedReportBody = (rules: RulesApi) =>
	maxReportBody(
		rules,
		'x\n'.repeat(Math.min(5_000, Math.floor(400_000 / 3 / questionIds(rules).length)))
	);

/** The audit's 5-second simulation: 50,000 devices for 40 years in every country, 50 outages. */
export function maxSimulationBody(rules: RulesApi, seed = 1) {
	const codes = rules.countries.map((c) => c.code);
	return {
		seed,
		fleet: { devices: 50_000, countries: codes, lifetimeYears: 40 },
		params: {
			outageRatePerCarrierPerYear: 12,
			outageMeanHours: 240,
			fieldVisitsPerDay: 1,
			otaDevicesPerDay: 1,
			allowanceFactor: 1
		},
		costs: { switchOverlapDays: 0 },
		scenario: {
			outages: codes.slice(0, 50).map((country, i) => ({ country, startDay: i * 10, days: 365 })),
			roamingEnforcements: codes.map((country) => ({ country, day: 5 })),
			switchYear: 1
		}
	};
}
