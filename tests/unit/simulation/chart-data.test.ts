import { describe, expect, it } from 'vitest';
import { chartData } from '../../../src/lib/simulation/chart-data';
import {
	describeAvailability,
	describeCost,
	describeOffline
} from '../../../src/lib/simulation/chart-text';
import { simulate } from '../../../src/lib/simulation/engine';
import { CAUSES } from '../../../src/lib/simulation/types';
import { input } from './fixtures';

const scenario = {
	outages: [{ country: 'DE', startDay: 40, days: 3 }],
	roamingEnforcements: [],
	switchYear: 2
};
const result = simulate(
	input({ devices: 3000, countries: ['TR', 'DE'], lifetimeYears: 3.5 }, { scenario })
).result;
const data = chartData(result);
const labels = { assessed: 'Assessed offer', recommended: 'Recommended architecture' };

describe('chartData', () => {
	it('adds the years up to the run’s totals, cause by cause', () => {
		for (const which of ['assessed', 'recommended'] as const) {
			const totals = result[which].totals;
			for (const cause of CAUSES) {
				const sum = data.yearly.reduce((s, row) => s + row.offline[which][cause], 0);
				expect(sum).toBeCloseTo(totals.offlineDeviceDays[cause], 4);
			}
			const weighted =
				data.yearly.reduce((s, row) => s + row.availability[which] * row.days, 0) / result.days;
			expect(weighted).toBeCloseTo(totals.availability, 9);
			expect(data.yearly.at(-1)!.costToDate[which]).toBeCloseTo(totals.cost.total, 6);
			expect(data.cumulativeCost[which].at(-1)).toBeCloseTo(totals.cost.total, 1);
		}
	});

	it('keeps a part year as a short last row', () => {
		expect(data.yearly.map((row) => row.days)).toEqual([365, 365, 365, 183]);
	});

	it('draws at most the points asked for, ending on the last day', () => {
		const coarse = chartData(result, 100);
		expect(coarse.years.length).toBeLessThanOrEqual(100);
		expect(coarse.step).toBe(Math.ceil(result.days / 100));
		expect(coarse.years.at(-1)).toBeCloseTo(result.days / 365, 3);
		expect(coarse.availability.assessed).toHaveLength(coarse.years.length);
		for (const v of coarse.availability.assessed) {
			expect(v).toBeGreaterThanOrEqual(0);
			expect(v).toBeLessThanOrEqual(1);
		}
	});
});

describe('chart text alternatives', () => {
	it('say what each chart shows, with the figures a reader would take from it', () => {
		expect(describeAvailability(data, labels, 'en')).toMatch(
			/^Share of devices online over 3\.5 years\. Assessed offer: \d+\.\d\d% on average, lowest \d+\.\d\d% in year \d\. Recommended architecture: /
		);
		expect(describeOffline(data, 'assessed', 'Assessed offer', 'en')).toMatch(
			/^Assessed offer: [\d,]+ offline device-days over the lifetime \(roaming blocks [\d,]+/
		);
		const total = Math.round(result.assessed.totals.cost.total).toLocaleString('en');
		expect(describeCost(data, labels, 'USD', 'en')).toContain(`Assessed offer USD ${total}`);
	});

	it('say so when an architecture never goes offline', () => {
		const calm = input({ devices: 10, countries: ['DE'], lifetimeYears: 1 });
		const quiet = chartData(
			simulate({
				...calm,
				params: {
					...calm.params,
					outageRatePerCarrierPerYear: 0,
					coreOutageRatePerYear: 0,
					allowanceFactor: 20
				}
			}).result
		);
		expect(describeOffline(quiet, 'recommended', 'Recommended', 'en')).toBe(
			'Recommended: no device-days offline in any year.'
		);
	});
});
