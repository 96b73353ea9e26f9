import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/lib/assessment/schema';
import { score } from '../../../src/lib/scoring/score';
import { resultsBridge } from '../../../src/lib/text/results-bridge';
import { fileURLToPath } from 'node:url';
import { registryFromDisk } from '../../../src/lib/server/rules-files';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();

/** Every question at its most flexible answer, except where `override` says otherwise. */
function flexible(override: Record<string, string>): Record<string, Answer> {
	const answers: Record<string, Answer> = {};
	for (const question of rules.questionsById.values()) {
		answers[question.id] = {
			option: override[question.id] ?? [...question.options].sort((a, b) => a.risk - b.risk)[0]!.id
		};
	}
	for (const [id, option] of Object.entries(override)) answers[id] = { option };
	return answers;
}

describe('the fleet page says how its figures relate to the results (audit M6)', () => {
	it('names the devices the results find exposed, and why the simulation counts days instead', () => {
		const result = score(rules, {
			fleet: {
				devices: 20_000,
				countries: ['DE', 'BR', 'TR'],
				devicesByCountry: { DE: 10_000, BR: 6_000, TR: 4_000 },
				lifetimeYears: 10
			},
			answers: flexible({ local_profile_br: 'none', local_profile_tr: 'none' }),
			costs: {}
		});
		const bridge = resultsBridge(result, 'en');
		expect(bridge.devices).toMatch(
			/^The results find 10,000 devices on roaming SIMs that a restriction can cut off, in (Brazil and Türkiye|Türkiye and Brazil)\./
		);
		expect(bridge.devices).toContain(
			'counts the days lost until each cure, not devices lost for good'
		);
	});

	it('quotes the results’ cost to leave and says what the simulation leaves out', () => {
		const result = score(rules, {
			fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10, siteVisits: 'dedicated' },
			answers: flexible({ sim_ota_switching: 'physical_swap', platform_export: 'no_export' }),
			costs: {}
		});
		const bridge = resultsBridge(result, 'en');
		expect(bridge.devices).toBe(
			'The results find no devices that a roaming restriction would cut off, so no roaming blocks are simulated for the assessed offer.'
		);
		// 10,000 × 365 = 3,650,000 plus 15,000 of double fees and the platform line: about USD 3.7 million.
		expect(bridge.cost).toMatch(
			/^The results put the cost to leave at about USD 3\.7 million \(USD [\d.]+–[\d.]+ million\)\./
		);
		expect(bridge.cost).toMatch(/without rebuilding the platform \(USD [\d,]+ in the results\)/);
		expect(bridge.cost).toContain('Without a year to leave it shows no cost to leave at all');
	});

	it('says the same in German, with German digits and "und"', () => {
		const result = score(rules, {
			fleet: {
				devices: 20_000,
				countries: ['DE', 'BR', 'TR'],
				devicesByCountry: { DE: 10_000, BR: 6_000, TR: 4_000 },
				lifetimeYears: 10
			},
			answers: flexible({ local_profile_br: 'none', local_profile_tr: 'none' }),
			costs: {}
		});
		const bridge = resultsBridge(result, 'de');
		expect(bridge.devices).toMatch(
			/^Die Ergebnisse finden 10\.000 Geräte mit Roaming-SIMs, die eine Beschränkung abschalten kann, in (Brazil und Türkiye|Türkiye und Brazil)\./
		);
		// German puts the code after the figure and says millions as "Mio.": "290.000 USD (16.000–3 Mio. USD)".
		expect(bridge.cost).toMatch(
			/^Die Ergebnisse beziffern die Wechselkosten auf rund [\d.]+ USD \([\d.]+–[\d,]+ Mio\. USD\)\./
		);
	});

	it('says so when the results still use the cost model of an older ruleset', () => {
		const legacy = registryFromDisk(
			fileURLToPath(new URL('../../../rules', import.meta.url))
		).versions.get('2.0.0')!;
		const result = score(legacy, {
			fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
			answers: {},
			costs: {}
		});
		expect(resultsBridge(result, 'en').cost).toMatch(
			/with the cost model of the ruleset this assessment is pinned to\. The simulation prices a switch with today's model/
		);
		expect(resultsBridge(result, 'en').cost).toContain(
			're-scoring the assessment with the current ruleset brings the results in line'
		);
	});
});
