import { describe, expect, it } from 'vitest';
import * as item from '../../../src/routes/api/assessments/[id]/+server';
import * as collection from '../../../src/routes/api/assessments/+server';
import { call } from './call';
import { useTempDataDir } from './temp-data-dir';

useTempDataDir();

const body = (extra: Record<string, unknown> = {}) => ({
	title: 'Payment terminals',
	fleet: { devices: 5_000, countries: ['US'], lifetimeYears: 8 },
	...extra
});
const create = (payload: unknown) =>
	call(collection.POST, { method: 'POST', path: '/api/assessments', body: payload });
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('result.regulations and buyerCountry in the API', () => {
	it('a German fleet gets the EU rules, with why they apply', async () => {
		const { status, body: created } = await create(
			body({ fleet: { devices: 5_000, countries: ['DE'], lifetimeYears: 8 } })
		);
		expect(status).toBe(201);
		expect(created.buyerCountry).toBeUndefined();
		const switching = created.result.regulations.find(
			(r: { id: string }) => r.id === 'eu_data_act_switching'
		);
		expect(switching).toMatchObject({
			kind: 'right',
			appliesFrom: '2025-09-12',
			confidence: 'high',
			reasons: ['Deployment in Germany']
		});
		expect(switching.sources.length).toBeGreaterThan(0);
	});

	it('buyerCountry round-trips: stored, read back, changed through PATCH and cleared with null', async () => {
		const { status, body: created } = await create(body({ buyerCountry: 'DE' }));
		expect(status).toBe(201);
		expect(created.buyerCountry).toBe('DE');
		expect(ids(created.result.regulations)).toContain('eu_dora_exit_strategies');
		for (const regulation of created.result.regulations)
			expect(regulation.reasons).toEqual(['Your organisation in Germany']);

		const read = await call(item.GET, {
			path: `/api/assessments/${created.id}`,
			params: { id: created.id }
		});
		expect(read.body.buyerCountry).toBe('DE');
		expect(read.body.result.regulations).toEqual(created.result.regulations);

		const patch = (payload: unknown) =>
			call(item.PATCH, {
				method: 'PATCH',
				path: `/api/assessments/${created.id}`,
				params: { id: created.id },
				body: payload
			});
		const india = await patch({ buyerCountry: 'IN' });
		expect(india.status).toBe(200);
		expect(india.body.buyerCountry).toBe('IN');
		expect(ids(india.body.result.regulations)).toContain('in_dot_m2m_sim_ownership_transfer');

		const renamed = await patch({ title: 'Renamed' });
		expect(renamed.body.buyerCountry).toBe('IN');

		const cleared = await patch({ buyerCountry: null });
		expect(cleared.status).toBe(200);
		expect(cleared.body.buyerCountry).toBeUndefined();
		expect(cleared.body.result.regulations).toEqual([]);
	});

	it('refuses a buyer country that is not in the country list', async () => {
		for (const code of ['XX', 'de', 'Germany']) {
			const response = await create(body({ buyerCountry: code }));
			expect(response.status).toBe(400);
			expect(response.body.issues.map((i: { path: string }) => i.path)).toContain('buyerCountry');
		}
	});
});
