import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/lib/simulation/engine';
import { inventoryPage } from '../../../src/lib/simulation/inventory';
import { dailyCsv, inventoryCsv } from '../../../src/lib/simulation/csv';
import { summarise } from '../../../src/lib/simulation/summary';
import { CAUSES } from '../../../src/lib/simulation/types';
import { input, rules, withArchitectures } from './fixtures';

const run = (i: ReturnType<typeof input>) => simulate(i).result;

describe('simulate', () => {
	it('gives the same output for the same seed, and different outages for another seed', () => {
		const base = input({ devices: 3000, countries: ['DE', 'BR', 'TR'], lifetimeYears: 10 });
		expect(run(base)).toEqual(run(base));
		const other = run({ ...base, seed: 7 });
		expect(other.assessed.totals.offlineDeviceDays.outage).not.toBe(
			run(base).assessed.totals.offlineDeviceDays.outage
		);
	});

	it('keeps every device accounted for: online plus offline equals the fleet, every day', () => {
		const result = run(
			input(
				{ devices: 2500, countries: ['DE', 'TR', 'IN'], lifetimeYears: 5 },
				{
					scenario: {
						outages: [{ country: 'DE', startDay: 10, days: 3 }],
						roamingEnforcements: [],
						switchYear: 2
					}
				}
			)
		);
		for (const arch of [result.assessed, result.recommended]) {
			for (let day = 0; day < result.days; day++) {
				let offline = 0;
				for (const cause of CAUSES) {
					const value = arch.series.offline[cause][day]!;
					expect(value).toBeGreaterThanOrEqual(0);
					offline += value;
				}
				expect(arch.series.online[day]! + offline).toBeCloseTo(2500, 6);
				expect(arch.series.online[day]!).toBeGreaterThanOrEqual(-1e-9);
			}
		}
	});

	it('loses nothing to outages when there are none', () => {
		const base = input({ devices: 1000, countries: ['DE', 'FR'], lifetimeYears: 10 });
		const calm = run({
			...base,
			params: { ...base.params, outageRatePerCarrierPerYear: 0, coreOutageRatePerYear: 0 }
		});
		expect(calm.outageEvents).toBe(0);
		expect(calm.assessed.totals.offlineDeviceDays.outage).toBe(0);
		expect(calm.recommended.totals.offlineDeviceDays.outage).toBe(0);
	});

	it('never loses more to outages with failover than on a single network', () => {
		for (const seed of [1, 2, 3, 4, 5]) {
			const base = {
				...input({ devices: 2000, countries: ['DE', 'US', 'FR'], lifetimeYears: 10 }),
				seed
			};
			const noisy = { ...base, params: { ...base.params, outageRatePerCarrierPerYear: 3 } };
			const result = run(
				withArchitectures(
					noisy,
					{ networksPerMarket: 1 },
					{ networksPerMarket: 2, automaticFailover: true }
				)
			);
			expect(result.outageEvents).toBeGreaterThan(0);
			expect(result.recommended.totals.offlineDeviceDays.outage).toBeLessThanOrEqual(
				result.assessed.totals.offlineDeviceDays.outage
			);
		}
	});

	it('blocks a Turkey-only fleet without local profiles after the dataset’s days, then visits restore it', () => {
		const blockDay = rules.countryRules.get('TR')!.afterDays!;
		const base = input({ devices: 500, countries: ['TR'], lifetimeYears: 2 });
		const result = run(
			withArchitectures(
				{
					...base,
					params: { ...base.params, outageRatePerCarrierPerYear: 0, fieldVisitsPerDay: 100 }
				},
				{ localProfiles: false, dataPlan: 'pooled' }
			)
		);
		const roaming = result.assessed.series.offline.roaming;
		expect(roaming[blockDay - 1]).toBe(0);
		expect(roaming[blockDay]).toBe(500);
		expect(roaming[blockDay + 1]).toBe(400);
		expect(roaming[blockDay + 5]).toBe(0);
		expect(result.assessed.totals.fieldVisits).toBe(500);
		expect(result.recommended.totals.offlineDeviceDays.roaming).toBe(0);
	});

	it('enforces a roaming restriction at the day a scenario sets', () => {
		const base = input(
			{ devices: 100, countries: ['DE'], lifetimeYears: 1 },
			{
				scenario: {
					outages: [],
					roamingEnforcements: [{ country: 'DE', day: 200 }],
					switchYear: null
				}
			}
		);
		const result = run(withArchitectures(base, { localProfiles: false }));
		expect(result.assessed.series.offline.roaming[199]).toBe(0);
		expect(result.assessed.series.offline.roaming[200]).toBe(100);
	});

	it('never has a pooled plan cut off a device that a per-SIM plan keeps online', () => {
		const base = input({
			devices: 3000,
			countries: ['DE'],
			lifetimeYears: 3,
			monthlyMbPerDevice: 10
		});
		const calm = { ...base, params: { ...base.params, outageRatePerCarrierPerYear: 0 } };
		const perSim = simulate(
			withArchitectures(calm, { dataPlan: 'per_sim_block' }, { dataPlan: 'pooled' })
		);
		expect(perSim.result.assessed.totals.offlineDeviceDays.dataCap).toBeGreaterThan(0);
		expect(perSim.result.recommended.totals.offlineDeviceDays.dataCap).toBe(0);
		for (const day of [15, 200, 700]) {
			const pooled = inventoryPage(perSim.state, 'recommended', day, 0, 3000).rows;
			const capped = inventoryPage(perSim.state, 'assessed', day, 0, 3000).rows;
			pooled.forEach((row, i) => {
				if (capped[i]!.status === 'online') expect(row.status).toBe('online');
			});
			expect(pooled.some((r) => r.status === 'data cap')).toBe(false);
		}
	});

	it('makes a field-visit switch slow and costly, an over-the-air one quick', () => {
		const base = input(
			{ devices: 4000, countries: ['DE'], lifetimeYears: 5 },
			{
				scenario: { outages: [], roamingEnforcements: [], switchYear: 3 }
			}
		);
		const result = run(
			withArchitectures(base, { otaSwitch: false, exitFee: 10_000 }, { otaSwitch: true })
		);
		expect(result.assessed.totals.switch!.days).toBeGreaterThan(
			result.recommended.totals.switch!.days
		);
		expect(result.assessed.totals.cost.exitFees).toBe(10_000);
		// Every device visited by hand, against only the devices the campaign misses (3% in rules/costs.yaml).
		expect(result.assessed.totals.fieldVisits).toBe(4000);
		expect(result.recommended.totals.fieldVisits).toBe(120);
	});

	it('counts devices on the public internet', () => {
		const result = run(
			withArchitectures(
				input({ devices: 123 }),
				{ privateNetwork: false },
				{ privateNetwork: true }
			)
		);
		expect(result.assessed.totals.exposedDevices).toBe(123);
		expect(result.recommended.totals.exposedDevices).toBe(0);
	});
});

describe('inventory, exports and summary', () => {
	const fleet = input({ devices: 1200, countries: ['BR', 'DE'], lifetimeYears: 2 });
	// No provider core outages, so roaming blocks stay among the two causes the summary names.
	const state = simulate({ ...fleet, params: { ...fleet.params, coreOutageRatePerYear: 0 } }).state;

	it('pages through every SIM with a stable id, country and status', () => {
		const first = inventoryPage(state, 'assessed', 100, 0, 50);
		expect(first.total).toBe(1200);
		expect(first.rows).toHaveLength(50);
		expect(first.rows[0]).toMatchObject({ sim: '890000000000', country: 'BR' });
		const last = inventoryPage(state, 'assessed', 100, 1150, 50);
		expect(last.rows.at(-1)).toMatchObject({ sim: '890000001199', country: 'DE' });
		const blocked = inventoryPage(state, 'assessed', 90, 0, 600).rows.filter(
			(r) => r.status === 'roaming block'
		);
		expect(blocked.length).toBeGreaterThan(0);
		expect(
			inventoryPage(state, 'recommended', 95, 0, 600).rows.every((r) =>
				r.network.startsWith('Local profile')
			)
		).toBe(true);
	});

	it('exports the inventory and the daily series as CSV', () => {
		const rows = inventoryPage(state, 'assessed', 10, 0, 3).rows;
		const csv = inventoryCsv(rows).trim().split('\n');
		expect(csv[0]).toBe('sim,country,network,status,data_used_mb_this_month');
		expect(csv).toHaveLength(4);
		const daily = dailyCsv(simulate(state.input).result).trim().split('\n');
		expect(daily).toHaveLength(state.world.days + 1);
		expect(daily[0]).toMatch(/^day,assessed_online,.*recommended_cumulative_cost$/);
	});

	it('sums the run up in words', () => {
		const result = simulate(state.input).result;
		const text = summarise(result, state.input.fleet.countries, 'USD', 'en');
		expect(text).toMatch(
			/^Over 2 years a single carrier with per-SIM caps loses [\d,]+ device-days, \d+% of them to /
		);
		expect(text).toMatch(/to roaming blocks/);
		expect(text).toMatch(
			/By country, a single carrier with per-SIM caps loses (Brazil [\d,]+ and Germany|Germany [\d,]+ and Brazil) [\d,]+ device-days\./
		);
		expect(text).toMatch(/the recommended architecture loses [\d,]+\./);
	});
});

describe('inventory and totals agree', () => {
	it('shows every SIM cut off on a day a pool that blocks runs dry', () => {
		const base = input({
			devices: 400,
			countries: ['DE'],
			lifetimeYears: 2,
			monthlyMbPerDevice: 10
		});
		const tight = {
			...base,
			params: { ...base.params, outageRatePerCarrierPerYear: 0, allowanceFactor: 1 }
		};
		const { result, state } = simulate(withArchitectures(tight, { dataPlan: 'pooled_block' }));
		const cutDay = result.assessed.series.offline.dataCap.findIndex((v) => v >= 399);
		expect(cutDay).toBeGreaterThan(0);
		const rows = inventoryPage(state, 'assessed', cutDay, 0, 400).rows;
		expect(rows.every((r) => r.status === 'data cap')).toBe(true);
	});
});
