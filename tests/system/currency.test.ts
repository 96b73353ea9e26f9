/**
 * The currency a buyer picks, through the JSON API of a real server: every amount in the result is
 * in it, saved overrides move with it, and the simulated fleet speaks it too. Expected figures come
 * from rules/costs.yaml 2.0.0 (a dedicated visit USD 300 × 1.2 + a USD 5 SIM; a routine round USD
 * 15 + SIM; USD 1.50 a month; 0.86 EUR and 0.76 GBP per USD), worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { jsonOf, send } from './http';
import { startServer, type TestServer } from './server';

interface Line {
	id: string;
	amount: number;
	formula: string;
}
interface Assumption {
	key: string;
	value: number;
	unit: string;
}
interface WithResult {
	id: string;
	currency?: string;
	costs: Record<string, number>;
	result: {
		currency: string;
		switchingCost: {
			currency: string;
			lines: Line[];
			assumptions: Assumption[];
			conversion: { from: string; rate: number; asOf: string } | null;
		};
	};
}

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

const fleet = { devices: 1000, countries: ['DE'], lifetimeYears: 10, siteVisits: 'dedicated' };
const physical = { sim_ota_switching: { option: 'physical_swap' } };
const line = (body: WithResult, id: string) =>
	body.result.switchingCost.lines.find((l) => l.id === id)!;

describe('the currency of an assessment', () => {
	it('is USD when none is named, and the result says so', async () => {
		const created = await send(server, 'POST', '/api/assessments', {
			json: { title: 'No currency', fleet, answers: physical }
		});
		expect(created.status).toBe(201);
		const body = jsonOf<WithResult>(created);
		expect(body.currency).toBeUndefined();
		expect(body.result.currency).toBe('USD');
		expect(body.result.switchingCost.conversion).toBeNull();
		// 1,000 × (300 × 1.2 + 5)
		expect(line(body, 'sim_swap').amount).toBe(365_000);
	});

	it('prices every line in EUR when EUR is picked, saying at which dated rate', async () => {
		const created = await send(server, 'POST', '/api/assessments', {
			json: { title: 'In euros', currency: 'EUR', fleet, answers: physical }
		});
		expect(created.status).toBe(201);
		const body = jsonOf<WithResult>(created);
		expect(body.currency).toBe('EUR');
		expect(body.result.currency).toBe('EUR');
		expect(body.result.switchingCost.currency).toBe('EUR');
		expect(body.result.switchingCost.conversion).toMatchObject({
			from: 'USD',
			rate: 0.86,
			asOf: '2025-11-28'
		});
		// 258 × 1.2 + 4.30 = 313.90 a device.
		expect(line(body, 'sim_swap')).toMatchObject({
			amount: 313_900,
			formula: '1,000 devices × (EUR 258 visit × 1.2 visits + EUR 4.30 SIM)'
		});
		expect(
			body.result.switchingCost.assumptions.find((a) => a.key === 'monthlyFeePerDevice')
		).toMatchObject({ value: 1.29, unit: 'EUR per device per month' });
		const read = jsonOf<WithResult>(await send(server, 'GET', `/api/assessments/${body.id}`));
		expect(read.result.currency).toBe('EUR');
	});

	it('converts saved money overrides when the currency changes, and keeps counts as they are', async () => {
		const created = jsonOf<WithResult>(
			await send(server, 'POST', '/api/assessments', {
				json: {
					title: 'Switching currency',
					fleet,
					answers: physical,
					costs: { fieldVisitPerDevice: 400, revisitFactor: 1.5 }
				}
			})
		);
		const patched = await send(server, 'PATCH', `/api/assessments/${created.id}`, {
			json: { currency: 'GBP' }
		});
		expect(patched.status).toBe(200);
		const body = jsonOf<WithResult>(patched);
		// USD 400 is GBP 304 at 0.76; 1.5 visits stay 1.5. 1,000 × (304 × 1.5 + 5 × 0.76) = 459,800.
		expect(body.costs).toEqual({ fieldVisitPerDevice: 304, revisitFactor: 1.5 });
		expect(line(body, 'sim_swap').amount).toBe(459_800);
		// Overrides sent with the change are taken as given, in the new currency.
		const both = jsonOf<WithResult>(
			await send(server, 'PATCH', `/api/assessments/${created.id}`, {
				json: { currency: 'EUR', costs: { fieldVisitPerDevice: 350 } }
			})
		);
		expect(both.costs.fieldVisitPerDevice).toBe(350);
	});

	it('refuses a currency it does not price in, with the field path, and keeps what was saved', async () => {
		const created = jsonOf<WithResult>(
			await send(server, 'POST', '/api/assessments', {
				json: { title: 'Kept', currency: 'EUR', fleet }
			})
		);
		const refused = await send(server, 'PATCH', `/api/assessments/${created.id}`, {
			json: { currency: 'CHF' }
		});
		expect(refused.status).toBe(400);
		expect(jsonOf<{ issues: { path: string; message: string }[] }>(refused).issues).toContainEqual({
			path: 'currency',
			message: 'Use USD, EUR or GBP'
		});
		expect(
			jsonOf<WithResult>(await send(server, 'GET', `/api/assessments/${created.id}`)).currency
		).toBe('EUR');
	});

	it('runs the simulated fleet in the assessment’s currency, with the results’ switch costs', async () => {
		const created = jsonOf<WithResult>(
			await send(server, 'POST', '/api/assessments', {
				json: { title: 'Simulated in euros', currency: 'EUR', fleet, answers: physical }
			})
		);
		const reply = await send(server, 'POST', '/api/simulate', {
			json: {
				seed: 1,
				assessmentId: created.id,
				scenario: { outages: [], roamingEnforcements: [], switchYear: 2 },
				resolution: 'month'
			}
		});
		expect(reply.status).toBe(200);
		const run = jsonOf<{
			currency: string;
			summary: string;
			assessed: { totals: { fieldVisits: number; cost: { fieldVisits: number } } };
		}>(reply);
		expect(run.currency).toBe('EUR');
		expect(run.summary).not.toMatch(/USD/);
		// Switching in year 2: 1,000 visits at EUR 313.90, the same price the results use.
		expect(run.assessed.totals.fieldVisits).toBeGreaterThanOrEqual(1000);
		expect(run.assessed.totals.cost.fieldVisits).toBeCloseTo(
			run.assessed.totals.fieldVisits * 313.9,
			4
		);
	});
});
