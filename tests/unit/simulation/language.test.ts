import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/lib/simulation/engine';
import { otaCure } from '../../../src/lib/simulation/inputs';
import { input, rules, withArchitectures } from './fixtures';

/** Issue part 3, item 3: the simulation speaks the same language as the results. */
const quiet = (devices: number, countries: string[], extra: Record<string, number> = {}) => {
	const base = input({ devices, countries, lifetimeYears: 2 });
	return { ...base, params: { ...base.params, outageRatePerCarrierPerYear: 0, fieldVisitsPerDay: 100, ...extra } };
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
			withArchitectures(quiet(1000, ['TR', 'DE']), { localProfiles: false, otaCure: {}, dataPlan: 'pooled' })
		).result;
		expect(visited.assessed.series.offline.roaming[blockDay]).toBe(500);
		expect(visited.assessed.totals.offlineDeviceDays.roaming).toBe(1500);
		expect(visited.assessed.totals.fieldVisits).toBe(500);
	});
});
