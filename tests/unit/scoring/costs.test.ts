import { describe, expect, it } from 'vitest';
import type { Answer, CostOverrides, Fleet } from '../../../src/lib/assessment/schema';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { significant } from '../../../src/lib/scoring/costs';
import { score } from '../../../src/lib/scoring/score';
import { answers, BEST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();
const run = (given: Record<string, Answer>, overrides: Partial<Fleet> = {}, costs: CostOverrides = {}) =>
	score(rules, { fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10, ...overrides }, answers: given, costs }).switchingCost;

describe('two significant figures', () => {
	it('rounds as the estimate shows it, ties upwards', () => {
		expect([3_650_000, 48_960, 12.4, 0.125, 1_250, 9.828, 1].map(significant)).toEqual([3_700_000, 49_000, 12, 0.13, 1_300, 9.8, 1]);
	});

	it('shows nothing rather than a number it cannot round', () => {
		expect([0, Number.POSITIVE_INFINITY, Number.NaN].map(significant)).toEqual([0, 0, 0]);
	});
});

describe('why each cost line is what it is', () => {
	it('says when the site visits rest on an answer, on "not sure" or on nothing yet', () => {
		const swap = (option?: string) =>
			run(option === undefined ? {} : { sim_ota_switching: { option } }).lines.find((l) => l.id === 'sim_swap')!;
		expect(swap('physical_swap')).toMatchObject({
			assumed: false,
			reason: 'SIMs cannot switch provider over the air: every device needs a visit.'
		});
		expect(swap(NOT_SURE)).toMatchObject({
			assumed: false,
			reason: 'Not confirmed that SIMs can switch over the air, so every device is assumed to need a visit.'
		});
		expect(swap(undefined)).toMatchObject({
			assumed: true,
			reason: 'Not answered yet whether SIMs can switch over the air, so every device is assumed to need a visit.'
		});
		// Profiles switch over the air, but whether the SIMs may stay is not answered yet: a duty to
		// return them would mean a new SIM in every device, so the visits are assumed, not rated.
		expect(swap('any_provider')).toMatchObject({
			amount: 3_650_000, // 10,000 × (300 × 1.2 + 5)
			applies: true,
			assumed: true,
			reason: 'Not answered yet whether the SIMs may stay when the contract ends, so every device is assumed to need a new SIM.'
		});
		const kept = run({ sim_ota_switching: { option: 'any_provider' }, contract_exit_terms: { option: 'clean_exit' } });
		expect(kept.lines.find((l) => l.id === 'sim_swap')).toMatchObject({
			amount: 0,
			applies: false,
			assumed: false,
			reason: 'SIMs can switch provider over the air and stay in the devices: no site visits needed.'
		});
		const returned = run({ sim_ota_switching: { option: 'any_provider' }, contract_exit_terms: { option: 'return_or_destroy' } });
		expect(returned.lines.find((l) => l.id === 'sim_swap')).toMatchObject({
			amount: 3_650_000,
			applies: true,
			assumed: false,
			reason: 'The contract makes you return or destroy the SIMs (or this is not confirmed): every device needs a new SIM and a visit to fit it.'
		});
	});

	it('assumes unanswered platform and contract areas closed, at the not-sure risk 0.9', () => {
		const cost = run({ sim_ota_switching: { option: 'any_provider' } });
		expect(cost.lines.slice(1).map((l) => [l.amount, l.assumed, l.reason])).toEqual([
			[54_000, true, 'Platform questions are unanswered, so the platform is assumed closed.'], // 0.9 × 60,000
			[324_000, true, 'Contract questions are unanswered, so the terms are assumed binding.'] // 0.9 × 360,000
		]);
		expect(cost.lines[1]!.formula).toBe('90% platform lock-in × (USD 40,000 + 10,000 devices × USD 2)');
		// Assumed lines are not rated: only the answered swap line (0) counts.
		expect(cost.rated).toEqual({ total: 0, perDevice: 0 });
	});

	it('scales the exit lines by their own area: the contract by the contract score, the platform by the platform score', () => {
		const cost = run(answers(BEST, { platform_export: 'partial_export', contract_term_length: '13_to_36_months' }));
		// platform 0.5×3/12 = 12.5%: 0.125 × 60,000 = 7,500; contract 0.5×2/15.5 = 6.45 → 6.5%: 0.065 × 360,000 = 23,400
		expect(cost.lines.map((l) => l.amount)).toEqual([0, 7_500, 23_400]);
		expect(cost.lines.map((l) => l.applies)).toEqual([false, true, true]);
		expect(cost.lines[1]!.reason).toBe('Scaled by the platform area score: the less API and export, the more must be rebuilt by hand.');
		expect(cost.lines[2]!.reason).toBe('Scaled by the contract area score: minimums, lock-in periods and exit clauses.');
		expect(cost.lines[2]!.formula).toBe('6.5% contract lock-in × 10,000 devices × USD 1.50 a month × 24 months');
		// per device only what grows with each device: 0.125 × 2 + 0.065 × 36 = 0.25 + 2.34 = 2.59
		expect(cost.rated.total).toBe(30_900);
		expect(cost.rated.perDevice).toBeCloseTo(2.59, 9);
		expect(cost.estimate).toMatchObject({ total: 31_000, perDevice: 3.1 }); // 30,900; 3.09 per device
	});

	it('lists every assumption with its default, unit and confidence, marking only real overrides', () => {
		const cost = run({}, {}, { monthlyFeePerDevice: 4, remainingCommitmentMonths: 24 });
		expect(cost.currency).toBe('USD');
		expect(cost.assumptions.map((a) => [a.key, a.value, a.defaultValue, a.overridden])).toEqual([
			['fieldVisitPerDevice', 300, 300, false],
			['revisitFactor', 1.2, 1.2, false],
			['replacementSimPerDevice', 5, 5, false],
			['platformMigrationFixed', 40_000, 40_000, false],
			['integrationRebuildPerDevice', 2, 2, false],
			['monthlyFeePerDevice', 4, 1.5, true],
			['remainingCommitmentMonths', 24, 24, false]
		]);
		expect(cost.assumptions[0]).toMatchObject({ label: 'Field visit to a device', unit: 'USD per device', confidence: 'low' });
		// contract 0.9 × 10,000 × 4 × 24 = 864,000
		expect(cost.lines[2]!.amount).toBe(864_000);
		expect(cost.lines[2]!.formula).toBe('90% contract lock-in × 10,000 devices × USD 4 a month × 24 months');
	});

	it('keeps overridden figures fixed in the low-high range, and runs the others from min to max', () => {
		const cost = run(answers(BEST, { sim_ota_switching: 'physical_swap' }), { devices: 100 }, { fieldVisitPerDevice: 1_000 });
		// 100 × (1,000 × 1.2 + 5) = 120,500; low 100 × (1,000 × 1.1 + 1) = 110,100; high 100 × (1,000 × 1.3 + 20) = 132,000
		expect(cost.total).toBe(120_500);
		expect(cost.estimate).toEqual({
			total: 120_000,
			low: 110_000,
			high: 130_000,
			perDevice: 1_200, // 1,205
			perDeviceLow: 1_100, // 1,101
			perDeviceHigh: 1_300 // 1,320
		});
	});
});

describe('cost bands', () => {
	// Physical swap, the rest best: the only cost is the site visits, n × (visit × 1 + SIM 0).
	const bands = (devices: number, visit: number) =>
		score(rules, {
			fleet: { devices, countries: ['DE'], lifetimeYears: 10 },
			answers: answers(BEST, { sim_ota_switching: 'physical_swap' }),
			costs: { fieldVisitPerDevice: visit, revisitFactor: 1, replacementSimPerDevice: 0 }
		}).overall.floors
			.filter((f) => f.source === 'cost')
			.map((f) => `${f.id}:${f.rating}`);

	it('starts each band at its threshold, in total and per device', () => {
		expect(bands(1_000, 99)).toEqual([]); // 99,000 and 99 per device
		expect(bands(2_500, 100)).toEqual(['cost_per_device:moderate', 'cost_total:moderate']); // 250,000; 100
		expect(bands(2_499, 100)).toEqual(['cost_per_device:moderate']); // 249,900
		expect(bands(1_000, 500)).toEqual(['cost_per_device:high', 'cost_total:moderate']); // 500,000; 500
		expect(bands(1_000, 499)).toEqual(['cost_per_device:moderate', 'cost_total:moderate']);
		expect(bands(5_000, 500)).toEqual(['cost_per_device:high', 'cost_total:high']); // 2,500,000
		expect(bands(4_999, 500)).toEqual(['cost_per_device:high', 'cost_total:moderate']);
		expect(bands(9_999, 2_501)).toEqual(['cost_total:critical', 'cost_per_device:high']); // 25,007,499
		expect(bands(9_999, 2_500)).toEqual(['cost_per_device:high', 'cost_total:high']); // 24,997,500
	});
});
