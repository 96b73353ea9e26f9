import { describe, expect, it } from 'vitest';
import type { Answer, CostOverrides, Fleet } from '../../../src/lib/assessment/schema';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { significant } from '../../../src/lib/scoring/costs';
import { score } from '../../../src/lib/scoring/score';
import { answers, BEST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();
const run = (
	given: Record<string, Answer>,
	overrides: Partial<Fleet> = {},
	costs: CostOverrides = {}
) =>
	score(rules, {
		fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10, ...overrides },
		answers: given,
		costs
	}).switchingCost;

describe('two significant figures', () => {
	it('rounds as the estimate shows it, ties upwards', () => {
		expect([3_650_000, 48_960, 12.4, 0.125, 1_250, 9.828, 1].map(significant)).toEqual([
			3_700_000, 49_000, 12, 0.13, 1_300, 9.8, 1
		]);
	});

	it('shows nothing rather than a number it cannot round', () => {
		expect([0, Number.POSITIVE_INFINITY, Number.NaN].map(significant)).toEqual([0, 0, 0]);
	});
});

// Defaults from rules/costs.yaml 2.0.0: a dedicated visit USD 300 × 1.2 visits + a USD 5 SIM = USD 365;
// a routine visit USD 15 + SIM 5 = USD 20; profile fee USD 2; eIM move USD 20,000; 3% of devices missed
// by an over-the-air campaign; fee USD 1.50 a month; 24 months of commitment; notice 30/90/180 days;
// termination fee USD 10 a SIM; platform USD 40,000 + USD 2 a device. Rates: 0.86 EUR, 0.76 GBP per USD.
const line = (cost: ReturnType<typeof run>, id: string) => cost.lines.find((l) => l.id === id)!;

describe('why each cost line is what it is', () => {
	it('says when the site visits rest on an answer, on "not sure" or on nothing yet', () => {
		const swap = (option?: string) =>
			line(run(option === undefined ? {} : { sim_ota_switching: { option } }), 'sim_swap');
		const tripNote =
			' The fleet does not say whether swaps can ride on routine rounds, so each is priced as a dedicated trip; the range reaches down to a routine visit.';
		expect(swap('physical_swap')).toMatchObject({
			amount: 3_650_000, // 10,000 × 365
			assumed: false,
			reason: `SIMs cannot switch provider over the air: every device needs a visit.${tripNote}`
		});
		expect(swap(NOT_SURE)).toMatchObject({
			assumed: false,
			reason: `Not confirmed that SIMs can switch over the air, so every device is assumed to need a visit.${tripNote}`
		});
		expect(swap(undefined)).toMatchObject({
			assumed: true,
			reason: `Not answered yet whether SIMs can switch over the air, so every device is assumed to need a visit.${tripNote}`
		});
		// Profiles switch over the air, but whether the SIMs may stay is not answered yet: a duty to
		// return them would mean a new SIM in every device, so the visits are assumed, not rated.
		expect(swap('any_provider')).toMatchObject({
			amount: 3_650_000,
			applies: true,
			assumed: true,
			reason: `Not answered yet whether the SIMs may stay when the contract ends, so every device is assumed to need a new SIM.${tripNote}`
		});
		const kept = run({
			sim_ota_switching: { option: 'any_provider' },
			contract_exit_terms: { option: 'clean_exit' }
		});
		expect(line(kept, 'sim_swap')).toMatchObject({
			amount: 0,
			applies: false,
			assumed: false,
			reason:
				'SIMs can switch provider over the air and stay in the devices: no site visit per device.'
		});
		const returned = run({
			sim_ota_switching: { option: 'any_provider' },
			contract_exit_terms: { option: 'return_or_destroy' }
		});
		expect(line(returned, 'sim_swap')).toMatchObject({
			amount: 3_650_000,
			applies: true,
			assumed: false,
			reason: `The contract makes you return or destroy the SIMs (or this is not confirmed): every device needs a new SIM and a visit to fit it.${tripNote}`
		});
	});

	it('prices an over-the-air switch: profile fees, the eIM move and a visit to each device the campaign misses (audit F10)', () => {
		const kept = run({
			sim_ota_switching: { option: 'any_provider' },
			contract_exit_terms: { option: 'clean_exit' }
		});
		// eIM control not answered: the move is charged. 10,000 × 2 + 20,000 + 300 × 365 = 149,500.
		expect(line(kept, 'ota_switch')).toMatchObject({
			applies: true,
			amount: 149_500,
			formula:
				'10,000 devices × USD 2 profile fee + USD 20,000 eIM or SM-SR move + 300 devices not reached (3%) × (USD 300 visit × 1.2 visits + USD 5 SIM)'
		});
		const owned = run({
			sim_ota_switching: { option: 'any_provider' },
			contract_exit_terms: { option: 'clean_exit' },
			sim_eim_control: { option: 'customer_controlled' }
		});
		// You control the eIM: 10,000 × 2 + 300 × 365 = 129,500.
		expect(line(owned, 'ota_switch').amount).toBe(129_500);
		expect(line(owned, 'ota_switch').reason).toMatch(/^You control the eIM/);
		// On routine rounds the missed devices cost USD 20 each: 20,000 + 300 × 20 = 26,000.
		const routine = score(rules, {
			fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10, siteVisits: 'routine' },
			answers: {
				sim_ota_switching: { option: 'any_provider' },
				contract_exit_terms: { option: 'clean_exit' },
				sim_eim_control: { option: 'customer_controlled' }
			},
			costs: {}
		}).switchingCost;
		expect(line(routine, 'ota_switch').amount).toBe(26_000);
	});

	it('prices a physical swap on a routine round or as a dedicated trip, as the fleet says', () => {
		const swap = (siteVisits?: 'routine' | 'dedicated') =>
			score(rules, {
				fleet: {
					devices: 10_000,
					countries: ['DE'],
					lifetimeYears: 10,
					...(siteVisits ? { siteVisits } : {})
				},
				answers: answers(BEST, { sim_ota_switching: 'physical_swap' }),
				costs: {}
			}).switchingCost;
		// Routine: 10,000 × (15 + 5) = 200,000, the figure the question's text gives; plus 30 days of
		// double fees 10,000 × 1.50 = 15,000. Range: 10,000 × (10 + 1) + 10,000 × 0.20 = 112,000 to
		// 10,000 × (20 + 20) + 10,000 × 10 = 500,000.
		const routine = swap('routine');
		expect(line(routine, 'sim_swap')).toMatchObject({
			amount: 200_000,
			formula: '10,000 devices × (USD 15 on a routine round + USD 5 SIM)'
		});
		expect(routine.estimate).toMatchObject({ total: 220_000, low: 110_000, high: 500_000 });
		// Dedicated: 3,650,000 + 15,000; low 10,000 × (150 × 1.1 + 1) + 2,000 = 1,662,000.
		const dedicated = swap('dedicated');
		expect(line(dedicated, 'sim_swap').amount).toBe(3_650_000);
		expect(dedicated.estimate).toMatchObject({ total: 3_700_000, low: 1_700_000 });
		// Not known: priced as a trip, the range reaching down to a routine round.
		const unknown = swap();
		expect(unknown.total).toBe(dedicated.total);
		expect(unknown.estimate.low).toBe(routine.estimate.low);
		expect(unknown.estimate.high).toBe(dedicated.estimate.high);
	});

	it('assumes unanswered areas at their worst, and rates none of it', () => {
		const cost = run({ sim_ota_switching: { option: 'any_provider' } });
		expect(cost.lines.map((l) => [l.id, l.amount, l.applies, l.assumed])).toEqual([
			['sim_swap', 3_650_000, true, true],
			['ota_switch', 0, false, false],
			// notice not answered: 180 days, 6 months, all inside the 24 months the commitment owes
			['double_fees', 0, true, true],
			['platform_exit', 54_000, true, true], // 0.9 × 60,000
			['contract_exit', 360_000, true, true], // the longest commitment: 10,000 × 1.50 × 24
			['termination_fees', 0, false, false]
		]);
		expect(line(cost, 'platform_exit').formula).toBe(
			'90% platform lock-in × (USD 40,000 + 10,000 devices × USD 2)'
		);
		expect(line(cost, 'contract_exit').reason).toBe(
			'The term or volume questions are not answered, so the longest commitment is assumed.'
		);
		expect(cost.rated).toEqual({ total: 0, perDevice: 0 });
	});

	it('pays out on exit only what the commitment answers owe (audit F10)', () => {
		// Separate contracts per country, all else best: the contract area scores, but nothing is owed.
		const perCountry = run(answers(BEST, { contract_country_contracts: 'per_country' }));
		expect(line(perCountry, 'contract_exit')).toMatchObject({
			amount: 0,
			applies: false,
			reason: 'The answers show no minimum term and no committed volume: nothing is owed on exit.'
		});
		// A committed volume owes the commitment figure: 10,000 × 1.50 × 24 = 360,000.
		const committed = run(answers(BEST, { contract_volume_minimums: 'committed_volume' }));
		expect(line(committed, 'contract_exit')).toMatchObject({
			amount: 360_000,
			applies: true,
			assumed: false,
			formula: '10,000 devices × USD 1.50 a month × 24 months owed'
		});
		// A spend target or a minimum per SIM ends with the contract.
		expect(
			line(run(answers(BEST, { contract_volume_minimums: 'soft_target' })), 'contract_exit').amount
		).toBe(0);
		expect(
			line(run(answers(BEST, { contract_volume_minimums: 'per_device_minimum' })), 'contract_exit')
				.amount
		).toBe(0);
		// The contract's own months replace the commitment figure, but never invent a commitment.
		expect(
			line(
				run(
					answers(BEST, { contract_volume_minimums: 'committed_volume' }),
					{},
					{ remainingCommitmentMonths: 7 }
				),
				'contract_exit'
			).amount
		).toBe(105_000);
		expect(
			line(run(answers(BEST), {}, { remainingCommitmentMonths: 7 }), 'contract_exit').amount
		).toBe(0);
		// The term's length (ruleset 2.1.0): on average half of it is left, 10,000 × 1.50 × months.
		const term = (option: string) =>
			line(run(answers(BEST, { contract_term_length: option })), 'contract_exit').amount;
		expect(['no_term', 'up_to_12_months', '13_to_36_months', 'over_36_months'].map(term)).toEqual([
			0, 90_000, 180_000, 360_000
		]);
		// "Not sure" is an answer: the longest commitment counts, and it is rated, not left open.
		const unsure = line(run(answers(BEST, { contract_term_length: NOT_SURE })), 'contract_exit');
		expect(unsure).toMatchObject({ amount: 360_000, assumed: false });
		expect(unsure.reason).toBe(
			'Not confirmed whether there is a minimum term or a committed volume, so the longest commitment is assumed.'
		);
		// Found by the monotonicity property: with the switch unanswered (a visit per device either
		// way), returning the SIMs must not cost less than a fee per SIM. 10,000 × 365 + 10,000 × 10.
		const fee = run({ contract_exit_terms: { option: 'termination_fees' } });
		const returned = run({ contract_exit_terms: { option: 'return_or_destroy' } });
		expect(line(returned, 'termination_fees')).toMatchObject({ amount: 100_000, applies: true });
		expect(returned.total).toBeGreaterThanOrEqual(fee.total);
		// A termination fee per SIM: 10,000 × 10.
		expect(
			line(run(answers(BEST, { contract_exit_terms: 'termination_fees' })), 'termination_fees')
		).toMatchObject({ amount: 100_000, applies: true });
	});

	it('bills both providers through the notice answered, and rates only what exceeds the shortest', () => {
		const notice = (option: string) => run(answers(BEST, { contract_notice_period: option }));
		// 10,000 × 1.50 × days / 30.
		expect(line(notice('short_notice'), 'double_fees').amount).toBe(15_000);
		expect(line(notice('medium_notice'), 'double_fees').amount).toBe(45_000);
		const long = notice('long_notice');
		expect(line(long, 'double_fees').amount).toBe(90_000);
		// The rating reads the 150 days beyond the shortest notice: 75,000; nothing else of the
		// all-best offer is lock-in (the profile fees and missed devices every switch pays).
		expect(long.rated.total).toBe(75_000);
		expect(notice('short_notice').rated).toEqual({ total: 0, perDevice: 0 });
	});

	it('rates the whole cost of a closed platform, only what grows per device per device', () => {
		const cost = run(
			answers(BEST, {
				platform_export: 'partial_export',
				contract_volume_minimums: 'committed_volume'
			})
		);
		// platform 0.5 × 3 / 12 = 12.5%: 0.125 × 60,000 = 7,500; contract 360,000; ota 129,500; the 30
		// days' notice lies inside the 24 months owed, so nothing is billed twice.
		expect(cost.lines.map((l) => l.amount)).toEqual([0, 129_500, 0, 7_500, 360_000, 0]);
		expect(line(cost, 'platform_exit').reason).toBe(
			'Scaled by the platform area score: the less API and export, the more must be rebuilt by hand.'
		);
		// Rated: 7,500 + 360,000; per device 0.125 × 2 + 1.50 × 24 = 36.25.
		expect(cost.rated.total).toBe(367_500);
		expect(cost.rated.perDevice).toBeCloseTo(36.25, 9);
		expect(cost.estimate).toMatchObject({ total: 500_000, perDevice: 50 }); // 497,000; 49.7
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
			['remainingCommitmentMonths', 24, 24, false],
			['routineVisitPerDevice', 15, 15, false],
			['otaProfileFeePerDevice', 2, 2, false],
			['eimMoveFixed', 20_000, 20_000, false],
			['otaFailureShare', 0.03, 0.03, false],
			['switchOverlapDays', 180, 180, false], // the notice is not answered: its longest
			['terminationFeePerSim', 10, 10, false]
		]);
		expect(cost.assumptions[0]).toMatchObject({
			label: 'Dedicated site visit to a device',
			unit: 'USD per device',
			confidence: 'low'
		});
		// The months were entered, so the payout rests on them: 10,000 × 4 × 24 = 960,000.
		expect(line(cost, 'contract_exit')).toMatchObject({
			amount: 960_000,
			assumed: false,
			formula: '10,000 devices × USD 4 a month × 24 months owed'
		});
	});

	it('keeps overridden figures fixed in the low-high range, and runs the others from min to max', () => {
		const cost = score(rules, {
			fleet: { devices: 100, countries: ['DE'], lifetimeYears: 10, siteVisits: 'dedicated' },
			answers: answers(BEST, { sim_ota_switching: 'physical_swap' }),
			costs: { fieldVisitPerDevice: 1_000 }
		}).switchingCost;
		// swap 100 × (1,000 × 1.2 + 5) = 120,500 plus 30 days of double fees 100 × 1.50 = 150.
		// low 100 × (1,000 × 1.1 + 1) + 100 × 0.20 = 110,120; high 100 × (1,000 × 1.3 + 20) + 100 × 10 = 133,000
		expect(cost.total).toBe(120_650);
		expect(cost.estimate).toEqual({
			total: 120_000,
			low: 110_000,
			high: 130_000,
			perDevice: 1_200, // 1,206.5
			perDeviceLow: 1_100, // 1,101.2
			perDeviceHigh: 1_300 // 1,330
		});
	});
});

describe('the currency the buyer picks', () => {
	const inCurrency = (currency?: 'EUR' | 'GBP' | 'USD') =>
		score(rules, {
			fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10, siteVisits: 'dedicated' },
			answers: answers(BEST, { sim_ota_switching: 'physical_swap' }),
			costs: {},
			...(currency ? { currency } : {})
		});

	it('is USD when the assessment names none, and every amount follows the one named', () => {
		expect(inCurrency().currency).toBe('USD');
		const eur = inCurrency('EUR');
		expect(eur.currency).toBe('EUR');
		expect(eur.switchingCost.currency).toBe('EUR');
		// 300 × 0.86 = 258, 5 × 0.86 = 4.30, 1.50 × 0.86 = 1.29: 10,000 × (258 × 1.2 + 4.30) = 3,139,000.
		expect(line(eur.switchingCost, 'sim_swap')).toMatchObject({
			amount: 3_139_000,
			formula: '10,000 devices × (EUR 258 visit × 1.2 visits + EUR 4.30 SIM)'
		});
		expect(line(eur.switchingCost, 'double_fees').amount).toBe(12_900);
		expect(
			eur.switchingCost.assumptions.find((a) => a.key === 'fieldVisitPerDevice')
		).toMatchObject({ value: 258, unit: 'EUR per device' });
		// Counts and shares are not converted.
		expect(eur.switchingCost.assumptions.find((a) => a.key === 'revisitFactor')!.value).toBe(1.2);
		const gbp = inCurrency('GBP');
		// 300 × 0.76 = 228, 5 × 0.76 = 3.80: 10,000 × (228 × 1.2 + 3.80) = 2,774,000.
		expect(line(gbp.switchingCost, 'sim_swap').amount).toBe(2_774_000);
	});

	it('rates the same offer the same in every currency', () => {
		// USD 3.65 M is above the USD 2.5 M band, USD 365 a device above the USD 100 one; EUR 3.139 M
		// and EUR 313.90 a device are the same amounts.
		const floors = (currency: 'EUR' | 'GBP' | 'USD') =>
			inCurrency(currency)
				.overall.floors.filter((f) => f.source === 'cost')
				.map((f) => `${f.id}:${f.rating}`);
		expect(floors('USD')).toEqual(['cost_total:high', 'cost_per_device:moderate']);
		expect(floors('EUR')).toEqual(floors('USD'));
		expect(floors('GBP')).toEqual(floors('USD'));
	});
});

describe('cost bands', () => {
	// Physical swap, the rest best: the only cost is the site visits, n × (visit × 1 + SIM 0).
	const bands = (devices: number, visit: number) =>
		score(rules, {
			fleet: { devices, countries: ['DE'], lifetimeYears: 10 },
			answers: answers(BEST, { sim_ota_switching: 'physical_swap' }),
			costs: { fieldVisitPerDevice: visit, revisitFactor: 1, replacementSimPerDevice: 0 }
		})
			.overall.floors.filter((f) => f.source === 'cost')
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
