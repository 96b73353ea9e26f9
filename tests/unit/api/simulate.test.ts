import { describe, expect, it } from 'vitest';
import * as collection from '../../../src/routes/api/assessments/+server';
import * as simulateRoute from '../../../src/routes/api/simulate/+server';
import { API_MAX_DEVICES } from '../../../src/lib/simulation/request';
import { call } from './call';
import { useTempDataDir } from './temp-data-dir';

useTempDataDir();

const simulate = (body: unknown) =>
	call(simulateRoute.POST, { method: 'POST', path: '/api/simulate', body });
const fleet = { devices: 2000, countries: ['TR', 'DE'], lifetimeYears: 3 };

describe('POST /api/simulate', () => {
	it('simulates a typed-in fleet: the recommended architecture against a single-carrier baseline', async () => {
		const { status, body } = await simulate({ seed: 1, fleet });
		expect(status).toBe(200);
		expect(body.days).toBe(3 * 365);
		expect(body.assessed.architecture.label).toBe('Single carrier, per-SIM caps');
		expect(body.recommended.architecture.label).toBe('Recommended architecture');
		expect(body.assessed.series.online).toHaveLength(body.days);
		expect(body.assessed.totals.offlineDeviceDays.roaming).toBeGreaterThan(0);
		expect(body.recommended.totals.offlineDeviceDays.roaming).toBe(0);
		expect(body.summary).toMatch(
			/^Over 3 years a single carrier with per-SIM caps loses [\d,]+ device-days.*; the recommended architecture loses/
		);
	});

	it('answers identically for identical input', async () => {
		const body = {
			seed: 99,
			fleet,
			scenario: { outages: [{ country: 'DE', startDay: 30, days: 4 }] }
		};
		expect((await simulate(body)).body).toEqual((await simulate(body)).body);
	});

	it('takes the fleet and architecture from an assessment', async () => {
		const created = await call(collection.POST, {
			method: 'POST',
			path: '/api/assessments',
			body: { title: 'Sim me', fleet }
		});
		const { status, body } = await simulate({
			seed: 3,
			assessmentId: created.body.id,
			resolution: 'month'
		});
		expect(status).toBe(200);
		expect(body.assessed.architecture.label).toBe('Assessed offer');
		expect(body.resolution).toBe('month');
		expect(body.assessed.series.online).toHaveLength(Math.ceil(body.days / 30));
	});

	it.each([
		[
			'a fleet above the limit',
			{ seed: 1, fleet: { ...fleet, devices: API_MAX_DEVICES + 1 } },
			'fleet.devices'
		],
		['both an assessment and a fleet', { seed: 1, fleet, assessmentId: 'x' }, 'fleet'],
		['neither', { seed: 1 }, 'fleet'],
		['a negative seed', { seed: -1, fleet }, 'seed'],
		[
			'an unknown scenario country',
			{ seed: 1, fleet, scenario: { outages: [{ country: 'ZZ', startDay: 1, days: 1 }] } },
			'scenario.outages.0.country'
		],
		[
			'a switch after the lifetime',
			{ seed: 1, fleet, scenario: { switchYear: 9 } },
			'scenario.switchYear'
		],
		['an unknown parameter', { seed: 1, fleet, params: { warpDrive: 1 } }, 'params.warpDrive']
	])('refuses %s with 400 and the field path', async (_, body, path) => {
		const response = await simulate(body);
		expect(response.status).toBe(400);
		expect(response.body.issues.map((i: { path: string }) => i.path)).toContain(path);
	});

	it('answers 404 for an unknown assessment', async () => {
		expect((await simulate({ seed: 1, assessmentId: 'AAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(404);
	});
});

describe('POST /api/simulate limits', () => {
	it.each([
		[
			'an outage rate beyond the documented range',
			{ params: { outageRatePerCarrierPerYear: 60000 } },
			'params.outageRatePerCarrierPerYear'
		],
		['outages shorter than an hour', { params: { outageMeanHours: 0 } }, 'params.outageMeanHours'],
		[
			'too many device-years',
			{ fleet: { ...fleet, devices: 150_000, lifetimeYears: 30 } },
			'fleet.lifetimeYears'
		]
	])('refuses %s with 400 and the field path', async (_, extra, path) => {
		const response = await simulate({ seed: 1, fleet, ...extra });
		expect(response.status).toBe(400);
		expect(response.body.issues.map((i: { path: string }) => i.path)).toContain(path);
	});
});
