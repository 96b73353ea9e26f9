import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/lib/simulation/engine';
import { inputFromAssessment, otaCure } from '../../../src/lib/simulation/inputs';
import type { ScoreResult } from '../../../src/lib/scoring/types';
import { failoverWords } from '../../../src/lib/simulation/architecture-words';
import {
	architectureFromCapabilities,
	recommendedArchitecture,
	singleCarrierBaseline
} from '../../../src/lib/simulation/architecture';

const RECOMMENDED = recommendedArchitecture(30);
const SINGLE_CARRIER_BASELINE = singleCarrierBaseline({
	exitFee: 0,
	overlapDays: 90,
	exitPaidDays: 0
});
import { byCountryWords, summarise } from '../../../src/lib/simulation/summary';
import type { SimulationResult } from '../../../src/lib/simulation/types';
import { input, rules, withArchitectures } from './fixtures';

/** Issue part 3, item 3: the simulation speaks the same language as the results. */
const quiet = (devices: number, countries: string[], extra: Record<string, number> = {}) => {
	const base = input({ devices, countries, lifetimeYears: 2 });
	return {
		...base,
		params: { ...base.params, outageRatePerCarrierPerYear: 0, fieldVisitsPerDay: 100, ...extra }
	};
};

describe('local profiles cure roaming blocks country by country', () => {
	it('cures only countries answered available or on request, and only when the SIM takes profiles over the air', () => {
		const roaming = [
			{ country: 'TR', localProfile: 'on_request' as const },
			{ country: 'BR', localProfile: 'available' as const },
			{ country: 'IN', localProfile: 'none' as const },
			{ country: 'NG', localProfile: 'not_sure' as const },
			{ country: 'DE', localProfile: null }
		];
		expect(otaCure(roaming, true)).toEqual({ TR: 'on_request', BR: 'available' });
		expect(otaCure(roaming, false)).toEqual({});
	});

	it('keeps a blocked country offline for the on-request lead time, then cures it over the air with no visit', () => {
		const blockDay = rules.countryRules.get('TR')!.afterDays!;
		// 500 devices in TR, lead time 60 days: offline 500 a day on days blockDay..blockDay+59.
		const result = simulate(
			withArchitectures(quiet(500, ['TR'], { localProfileLeadDaysOnRequest: 60 }), {
				localProfiles: false,
				otaCure: { TR: 'on_request' },
				dataPlan: 'pooled'
			})
		).result;
		const roaming = result.assessed.series.offline.roaming;
		expect(roaming[blockDay - 1]).toBe(0);
		expect(roaming[blockDay]).toBe(500);
		expect(roaming[blockDay + 59]).toBe(500);
		expect(roaming[blockDay + 60]).toBe(0);
		expect(result.assessed.totals.offlineDeviceDays.roaming).toBe(500 * 60);
		expect(result.assessed.totals.fieldVisits).toBe(0);
		expect(result.assessed.totals.cost.fieldVisits).toBe(0);
	});

	it('loses nothing where the local profile is available at once, and visits the countries without one', () => {
		const blockDay = rules.countryRules.get('TR')!.afterDays!;
		// 1,000 devices split over TR and DE: 500 in TR, cured at once (lead 0); DE is not blocked.
		const cured = simulate(
			withArchitectures(quiet(1000, ['TR', 'DE'], { localProfileLeadDaysAvailable: 0 }), {
				localProfiles: false,
				otaCure: { TR: 'available' },
				dataPlan: 'pooled'
			})
		).result;
		expect(cured.assessed.totals.offlineDeviceDays.roaming).toBe(0);
		expect(cured.assessed.totals.fieldVisits).toBe(0);
		// Without the answer the 500 TR devices are visited at 100 a day: 500+400+300+200+100 = 1,500.
		const visited = simulate(
			withArchitectures(quiet(1000, ['TR', 'DE']), {
				localProfiles: false,
				otaCure: {},
				dataPlan: 'pooled'
			})
		).result;
		expect(visited.assessed.series.offline.roaming[blockDay]).toBe(500);
		expect(visited.assessed.totals.offlineDeviceDays.roaming).toBe(1500);
		expect(visited.assessed.totals.fieldVisits).toBe(500);
	});
});

describe('the cost is broken down by cause', () => {
	// 1,000 devices in DE over 3 years, leaving the provider in year 2 (day 365), 90 days' overlap,
	// USD 1.50 a month per SIM (USD 0.05 a day), no outages.
	const switching = (assessed: Parameters<typeof withArchitectures>[1]) => {
		const base = input({ devices: 1000, countries: ['DE'], lifetimeYears: 3 });
		return simulate(
			withArchitectures(
				{
					...base,
					costs: {
						...base.costs,
						monthlyFeePerDevice: 1.5,
						fieldVisitPerDevice: 300,
						revisitFactor: 1.2,
						replacementSimPerDevice: 5,
						otaProfileFeePerDevice: 2,
						otaFailureShare: 0,
						eimMoveFixed: 20_000
					},
					params: {
						...base.params,
						outageRatePerCarrierPerYear: 0,
						otaDevicesPerDay: 400,
						fieldVisitsPerDay: 200
					},
					scenario: { outages: [], roamingEnforcements: [], switchYear: 2 }
				},
				{ dataPlan: 'pooled', exitFee: 1000, overlapDays: 90, eimMove: false, ...assessed }
			)
		).result;
	};

	it('prices an over-the-air switch: profile fees, double fees during the overlap and the exit payout', () => {
		const { cost, switch: sw } = switching({ otaSwitch: true }).assessed.totals;
		// 400, 400 and 200 devices on days 365-367: 1,000 profiles at USD 2.
		expect(cost.overTheAir).toBe(2000);
		// Moved by the end of each overlap day (365-454): 400, 800, then 1,000 for 88 days = 89,200 device-days.
		expect(cost.doubleFees).toBeCloseTo(89_200 * 0.05, 6);
		expect(cost.exitFees).toBe(1000);
		expect(cost.fieldVisits).toBe(0);
		expect(cost.total).toBeCloseTo(
			cost.fieldVisits + cost.overTheAir + cost.doubleFees + cost.overage + cost.exitFees,
			6
		);
		expect(sw!.cost).toBeCloseTo(1000 + 4460 + 2000, 6);
	});

	it('prices the eIM move and a visit to each device the campaign misses, as the results do', () => {
		const base = switching({ otaSwitch: true }).assessed.totals;
		const {
			cost,
			switch: sw,
			fieldVisits
		} = switching({ otaSwitch: true, eimMove: true }).assessed.totals;
		// The provider's eIM moves first: USD 20,000 on top of the 1,000 profiles at USD 2.
		expect(cost.overTheAir).toBe(22_000);
		expect(sw!.cost).toBeCloseTo(base.switch!.cost + 20_000, 6);
		expect(fieldVisits).toBe(0);
	});

	it('visits the devices an over-the-air campaign does not reach', () => {
		const base = input({ devices: 1000, countries: ['DE'], lifetimeYears: 3 });
		const run = simulate(
			withArchitectures(
				{
					...base,
					costs: {
						...base.costs,
						otaFailureShare: 0.03,
						fieldVisitPerDevice: 300,
						revisitFactor: 1.2,
						replacementSimPerDevice: 5
					},
					params: { ...base.params, outageRatePerCarrierPerYear: 0, fieldVisitsPerDay: 200 },
					scenario: { outages: [], roamingEnforcements: [], switchYear: 2 }
				},
				{ dataPlan: 'pooled', otaSwitch: true, eimMove: false }
			)
		).result.assessed.totals;
		// 3% of 1,000 devices = 30 visits at 300 x 1.2 + 5 = USD 365: USD 10,950.
		expect(run.fieldVisits).toBe(30);
		expect(run.cost.fieldVisits).toBe(10_950);
	});

	it('prices a switch by site visits: visits and double fees', () => {
		const { cost } = switching({ otaSwitch: false }).assessed.totals;
		// 1,000 visits at 300 x 1.2 + 5 = USD 365.
		expect(cost.fieldVisits).toBe(365_000);
		expect(cost.overTheAir).toBe(0);
		// 200 visits a day on days 365-369: 200+400+600+800, then 1,000 for 86 days = 88,000 device-days.
		expect(cost.doubleFees).toBeCloseTo(88_000 * 0.05, 6);
	});

	it('charges the profile fee where a local profile cures a roaming block', () => {
		// 500 TR devices cured over the air at USD 2 each.
		const result = simulate(
			withArchitectures(quiet(500, ['TR']), {
				localProfiles: false,
				otaCure: { TR: 'available' },
				dataPlan: 'pooled'
			})
		).result;
		expect(result.assessed.totals.cost.overTheAir).toBe(1000);
		expect(result.recommended.totals.cost.overTheAir).toBe(0);
	});
});

describe('the provider core network fails for both architectures alike', () => {
	it('takes every device offline for each core outage, whatever the networks per market', () => {
		// No carrier outages; core outages twice a year, 6 hours on average, over 3 years.
		const base = input({ devices: 1000, countries: ['DE', 'FR'], lifetimeYears: 3 });
		const { result, state } = simulate(
			withArchitectures(
				{
					...base,
					params: {
						...base.params,
						outageRatePerCarrierPerYear: 0,
						coreOutageRatePerYear: 2,
						coreOutageMeanHours: 6
					}
				},
				{ networksPerMarket: 1, dataPlan: 'pooled' },
				{ dataPlan: 'pooled' }
			)
		);
		const events = state.world.coreEvents;
		expect(events.length).toBeGreaterThan(0);
		// Core outages never overlap (each starts after the last ends), so every device is offline for
		// the sum of their lengths: 1,000 devices x that many days, on one network or on two.
		const downDays = events.reduce((sum, e) => sum + (e.end - e.start), 0);
		expect(result.assessed.totals.offlineDeviceDays.outage).toBeCloseTo(1000 * downDays, 1);
		expect(result.recommended.totals.offlineDeviceDays.outage).toBeCloseTo(1000 * downDays, 1);
		expect(result.recommended.totals.availability).toBeCloseTo(1 - downDays / result.days, 6);
		expect(result.outageEvents).toBe(events.length);
	});

	it('keeps the recommended architecture at 100% when the provider core never fails', () => {
		const base = input({ devices: 100, countries: ['DE'], lifetimeYears: 1 });
		const { result } = simulate({
			...base,
			params: { ...base.params, outageRatePerCarrierPerYear: 0, coreOutageRatePerYear: 0 }
		});
		expect(result.recommended.totals.availability).toBe(1);
	});
});

describe('failover and overage as the answers say', () => {
	it('says in words why a claimed automatic failover on one network is not credited', () => {
		expect(failoverWords({ networksPerMarket: 1, automaticFailover: true }, 'en')).toMatch(
			/^Offline until the carrier is back\. The answers say it fails over automatically, but .* two networks in every market/
		);
		expect(failoverWords({ networksPerMarket: 1, automaticFailover: false }, 'en')).toBe(
			'Offline until the carrier is back'
		);
		expect(failoverWords({ networksPerMarket: 2, automaticFailover: true }, 'en')).toBe(
			'Fails over to the other network in minutes'
		);
	});

	it('does not cut off a per-SIM plan that bills overage (no hard cap proven)', () => {
		const assessed = architectureFromCapabilities(['no_hard_cap'], {
			exitFee: 0,
			overlapDays: 90,
			exitPaidDays: 0
		});
		expect(assessed.dataPlan).toBe('per_sim_continue');
		// Allowance equal to typical use: about half the device-months go over it.
		const base = input({ devices: 200, countries: ['DE'], lifetimeYears: 1 });
		const params = {
			...base.params,
			outageRatePerCarrierPerYear: 0,
			coreOutageRatePerYear: 0,
			allowanceFactor: 1
		};
		const billed = simulate({
			...base,
			params,
			architectures: { assessed, recommended: RECOMMENDED }
		}).result;
		expect(billed.assessed.totals.offlineDeviceDays.dataCap).toBe(0);
		expect(billed.assessed.totals.cost.overage).toBeGreaterThan(0);
		const capped = simulate({
			...base,
			params,
			architectures: {
				assessed: architectureFromCapabilities([], {
					exitFee: 0,
					overlapDays: 90,
					exitPaidDays: 0
				}),
				recommended: RECOMMENDED
			}
		}).result;
		expect(capped.assessed.totals.offlineDeviceDays.dataCap).toBeGreaterThan(0);
	});
});

describe('the summary names every country that lost device-days', () => {
	const totals = (
		offlineByCountry: Record<string, number>,
		roaming: number,
		outage: number,
		dataCap: number
	) => ({
		offlineDeviceDays: { roaming, switch: 0, outage, dataCap, total: roaming + outage + dataCap },
		offlineByCountry,
		cost: { fieldVisits: 0, overTheAir: 0, doubleFees: 0, overage: 0, exitFees: 0, total: 0 },
		fieldVisits: 0,
		switch: null,
		exposedDevices: 0,
		availability: 1
	});
	const countries = [
		{ code: 'BR', name: 'Brazil', devices: 100, roamingBlockDay: 90 },
		{ code: 'DE', name: 'Germany', devices: 100, roamingBlockDay: null },
		{ code: 'TR', name: 'Türkiye', devices: 100, roamingBlockDay: 120 },
		{ code: 'FR', name: 'France', devices: 100, roamingBlockDay: null }
	];

	it('lists them most first, with a country blocked only by a scenario (Germany) first when it lost most', () => {
		// 1,000 device-days: 600 roaming, 300 outages, 100 data caps; Germany 500, Türkiye 300, Brazil 200, France 0.
		const result = {
			days: 365,
			devices: 400,
			outageEvents: 0,
			assessed: {
				architecture: { ...SINGLE_CARRIER_BASELINE, subject: 'the assessed offer' },
				series: {},
				totals: totals({ DE: 500, TR: 300, BR: 200, FR: 0 }, 600, 300, 100)
			},
			recommended: { architecture: RECOMMENDED, series: {}, totals: totals({}, 0, 0, 0) }
		} as unknown as SimulationResult;
		expect(summarise(result, countries, 'USD', 'en')).toBe(
			'Over 1 year the assessed offer loses 1,000 device-days, 60% of them to roaming blocks and 30% to carrier outages; the recommended architecture loses 0. ' +
				'By country, the assessed offer loses Germany 500, Türkiye 300 and Brazil 200 device-days. ' +
				'Availability: 100.00% against 100.00%.'
		);
	});

	it('names a single country without "and", and none when nothing is lost', () => {
		expect(byCountryWords({ TR: 12.4 }, countries, 'en')).toBe('Türkiye 12 device-days');
		expect(byCountryWords({ TR: 0.4 }, countries, 'en')).toBe('');
	});
});

describe('intermittent blocks (Russia)', () => {
	const hours = rules.countryRules.get('RU')!.intermittent!.blockHours;
	const russia = (
		assessed: Parameters<typeof withArchitectures>[1],
		outages: { country: string; startDay: number; days: number }[] = []
	) => {
		const base = input({ devices: 100, countries: ['RU'], lifetimeYears: 1 });
		return simulate(
			withArchitectures(
				{
					...base,
					params: {
						...base.params,
						outageRatePerCarrierPerYear: 0,
						coreOutageRatePerYear: 0,
						failoverMinutes: 0
					},
					scenario: { outages, roamingEnforcements: [], switchYear: null }
				},
				{ dataPlan: 'pooled', ...assessed }
			)
		).result;
	};

	it('reads the block length from the country rules', () => {
		expect(hours).toBe(24);
		expect(input({ devices: 10, countries: ['RU'] }).fleet.countries[0]!.intermittentHours).toBe(
			24
		);
	});

	it('takes every foreign SIM offline for the block on arrival, with no site visit', () => {
		// 100 devices x 24 hours = 100 device-days, all on day 0.
		const result = russia({ networksPerMarket: 1 });
		expect(result.assessed.series.offline.roaming[0]).toBe(100);
		expect(result.assessed.series.offline.roaming[1]).toBe(0);
		expect(result.assessed.totals.offlineDeviceDays.roaming).toBe(100);
		expect(result.assessed.totals.fieldVisits).toBe(0);
		expect(result.assessed.totals.offlineByCountry.RU).toBe(100);
		// The recommended architecture's local profile is not a foreign SIM.
		expect(result.recommended.totals.offlineDeviceDays.roaming).toBe(0);
	});

	it('blocks the devices that fail over to the other network again', () => {
		// Carrier 0 fails on day 100 for 2 days; its 50 devices fail over at once (0 minutes) and are
		// blocked for 24 hours: 50 more device-days, on day 100. Total 100 + 50 = 150.
		const result = russia({ networksPerMarket: 2, automaticFailover: true }, [
			{ country: 'RU', startDay: 100, days: 2 }
		]);
		expect(result.assessed.series.offline.roaming[100]).toBe(50);
		expect(result.assessed.totals.offlineDeviceDays.roaming).toBe(150);
		expect(result.assessed.totals.offlineDeviceDays.outage).toBe(0);
	});
});

describe('the assessed offer takes its cure per country from the results', () => {
	const result = (proven: string[]) =>
		({
			currency: 'USD',
			switchingCost: {
				lines: [
					{ id: 'contract_exit', amount: 500 },
					{ id: 'termination_fees', amount: 200 }
				],
				assumptions: [{ key: 'switchOverlapDays', value: 30 }]
			},
			capabilities: { proven },
			roaming: [
				{ country: 'TR', restricted: true, localProfile: 'on_request', mitigated: true },
				{ country: 'BR', restricted: true, localProfile: 'none', mitigated: false }
			]
		}) as unknown as ScoreResult;
	const assessment = {
		fleet: { devices: 100, countries: ['TR', 'BR'], lifetimeYears: 2, monthlyMbPerDevice: 1 },
		costs: {}
	};

	it('cures Türkiye over the air and Brazil by visit when the SIM switches profiles over the air', () => {
		const built = inputFromAssessment(rules, assessment as never, result(['ota_profile_switch']), {
			seed: 1
		});
		expect(built.architectures.assessed.localProfiles).toBe(false);
		expect(built.architectures.assessed.otaCure).toEqual({ TR: 'on_request' });
		// Exit payouts and termination fees, and the notice the results read from the answers.
		expect(built.architectures.assessed.exitFee).toBe(700);
		expect(built.architectures.assessed.overlapDays).toBe(30);
		expect(built.params.localProfileLeadDaysOnRequest).toBe(60);
		expect(built.params.localProfileLeadDaysAvailable).toBe(0);
	});

	it('cures nowhere over the air when the SIM cannot take a profile over the air', () => {
		const built = inputFromAssessment(rules, assessment as never, result([]), { seed: 1 });
		expect(built.architectures.assessed.otaCure).toEqual({});
	});
});
