import { describe, expect, it } from 'vitest';
import type { Answer, Fleet } from '../../../src/lib/assessment/schema';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { score } from '../../../src/lib/scoring/score';
import { answers, BEST, WORST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';

/*
 * Exact results for fixed fixtures. Every expected number below was worked out by hand from
 * rules/ruleset.yaml 2.1.0 and rules/costs.yaml (2.0.0's are in golden-2.0.0.test.ts); the comment beside it shows the arithmetic, so a
 * reviewer can check it without running the engine. Nothing here is recomputed with the code under
 * test. When the rules change, these numbers must be worked out again: that is the point.
 *
 * Figures used throughout (ruleset.yaml):
 *   ratingThresholds: moderate 25, high 50, critical 75; findingRisk 0.5; highRisk 0.75
 *   area weights: network 1, sim 1.5, data 0.8, platform 1.2, contract 1, security 0.8 (sum 6.3)
 *   question weight sums: network 12 (2.5 + 2 + 1.5 + 1 + 1 + 2 + 1 + 1), sim 18 (2 + 3 + 3 + 2.5 + 2
 *   + 1.5 + 1.5 + 1 + 1.5), data 8.8 (2.5 + 2.5 + 1 + 0.8 + 1 + 1), platform 12, contract 15.5
 *   (2 + 1.5 + 1.5 + 2 + 1 + 3 + 1 + 1.5 + 1 + 1), security 8; 44 questions in all
 *   area scores and the overall score are rounded to one decimal
 * costs.yaml 2.0.0 defaults (min-max): dedicated visit 300 (150-1000), revisits 1.2 (1.1-1.3), SIM 5
 *   (1-20), routine visit 15 (10-20), platform fixed 40,000 (5,000-250,000), rebuild/device 2 (0-20),
 *   fee/month 1.5 (0.2-10), commitment 24 months (12-60), profile fee 2 (0.5-10), eIM move 20,000
 *   (5,000-100,000), devices an over-the-air campaign misses 3% (1-10%), notice 30 / 90 / 180 days.
 *   The fleets here do not say how visits are made: a visit is priced as a dedicated trip,
 *   300 × 1.2 + 5 = 365, the range running from a routine round at its minimum (10 + 1 = 11) to a
 *   trip at its maximum (1,000 × 1.3 + 20 = 1,320).
 *   Any over-the-air switch of 10,000 devices with the eIM in the buyer's hands: 10,000 × 2 + 300 ×
 *   365 = 129,500 (low 10,000 × 0.5 + 100 × 11 = 6,100; high 10,000 × 10 + 1,000 × 1,320 = 1,420,000).
 *   30 days' notice: both providers bill 10,000 × 1.5 = 15,000 (low 2,000, high 100,000).
 * Cost bands: total 250k moderate, 2.5M high, 25M critical; per device 100 moderate, 500 high. They
 *   read only what the offer adds: not the profile fees, the missed devices or the shortest notice.
 * Estimates are rounded to 2 significant figures (ties round up: 3,650,000 → 3,700,000).
 *
 * All-best area scores (see the fixture's comments):
 *   network 0.1×1 (core redundancy)/12 = 0.83 → 0.8; sim 0.1×2 (SGP.32)/18 = 1.11 → 1.1;
 *   security 0.1×2 (little rework)/8 = 2.5; others 0
 *   overall (0.8×1 + 1.1×1.5 + 2.5×0.8)/6.3 = (0.8 + 1.65 + 2)/6.3 = 4.45/6.3 = 0.706 → 0.7
 */

const rules = shippedRules();

const fleet = (overrides: Partial<Fleet> = {}): Fleet => ({
	devices: 10_000,
	countries: ['DE'],
	lifetimeYears: 10,
	...overrides
});
const run = (given: Record<string, Answer>, overrides: Partial<Fleet> = {}) =>
	score(rules, { fleet: fleet(overrides), answers: given, costs: {} });

const areaScores = (result: ReturnType<typeof run>) =>
	Object.fromEntries(result.areas.map((a) => [a.id, a.score]));
const costLines = (result: ReturnType<typeof run>) =>
	result.switchingCost.lines.map(({ id, amount, applies, assumed }) => ({
		id,
		amount,
		applies,
		assumed
	}));
const floorRatings = (result: ReturnType<typeof run>) =>
	result.overall.floors.map(({ id, rating, source, raises }) => ({ id, rating, source, raises }));

describe('exact results for fixed answers (10,000 devices in Germany unless said)', () => {
	it('rates the all-best offer low, with no floor and nothing the offer adds to the cost of leaving', () => {
		const result = run(answers(BEST));
		expect(areaScores(result)).toEqual({
			network: 0.8,
			sim: 1.1,
			data: 0,
			platform: 0,
			contract: 0,
			security: 2.5
		});
		expect(result.overall).toEqual({
			score: 0.7, // 4.45 / 6.3
			rating: 'low',
			answersScore: 0.7,
			answersRating: 'low',
			floors: [],
			raisedBy: null,
			provisional: false,
			range: null
		});
		expect(result.completeness).toEqual({ answered: 44, notSure: 0, total: 44 });
		expect(result.conflicts).toEqual([]);
		expect(result.findings).toEqual([]);
		// Every element of the recommended architecture: element 1 through the multi-operator eUICC
		// (no multi-IMSI needed), element 3 through Zero Trust with a setup that survives a switch.
		expect(result.architecture.map((a) => [a.id, a.status])).toEqual([
			['arch_multi_imsi_euicc', 'met'],
			['arch_pooled_data', 'met'],
			['arch_private_network', 'met'],
			['arch_open_platform', 'met'],
			['arch_flexible_contract', 'met']
		]);
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 0, applies: false, assumed: false }, // OTA switch proven, SIMs kept
			{ id: 'ota_switch', amount: 129_500, applies: true, assumed: false }, // eIM customer-controlled: no move
			{ id: 'double_fees', amount: 15_000, applies: true, assumed: false }, // 30 days' notice
			{ id: 'platform_exit', amount: 0, applies: false, assumed: false }, // platform area 0
			{ id: 'contract_exit', amount: 0, applies: false, assumed: false }, // no term, no committed volume
			{ id: 'termination_fees', amount: 0, applies: false, assumed: false } // clean exit
		]);
		expect(result.switchingCost.total).toBe(144_500);
		// Every switch pays these, so none of it is lock-in.
		expect(result.switchingCost.rated).toEqual({ total: 0, perDevice: 0 });
		expect(result.switchingCost.estimate).toEqual({
			total: 140_000, // 144,500
			low: 8_100, // 6,100 + 2,000
			high: 1_500_000, // 1,420,000 + 100,000 = 1,520,000
			perDevice: 14, // 14.45
			perDeviceLow: 0.81,
			perDeviceHigh: 150 // 152
		});
	});

	it('rates a physical SIM swap at 10,000 devices high: the site-visit floor and the cost band', () => {
		const result = run(answers(BEST, { sim_ota_switching: 'physical_swap' }));
		// sim (0.1×2 + 1×3)/18 = 17.78 → 17.8; overall (0.8 + 17.8×1.5 + 2.0)/6.3 = 29.5/6.3 = 4.68 → 4.7
		expect(result.areas.find((a) => a.id === 'sim')!.score).toBe(17.8);
		expect(result.overall.answersScore).toBe(4.7);
		expect(result.overall.answersRating).toBe('low');
		expect(floorRatings(result)).toEqual([
			// rated 3,650,000 (the visits; the 30 days' notice is not lock-in) ≥ 2,500,000
			{ id: 'cost_total', rating: 'high', source: 'cost', raises: true },
			// physical_swap and 10,000 ≥ devicesAtLeast 10,000
			{ id: 'site_visit_per_device', rating: 'high', source: 'answers', raises: true },
			// 365 per device ≥ 100, < 500
			{ id: 'cost_per_device', rating: 'moderate', source: 'cost', raises: true },
			// sign_physical_sim_swap: OTA risky (1), form factor not (0)
			{
				id: 'lock_in_sign_partly:sign_physical_sim_swap',
				rating: 'moderate',
				source: 'answers',
				raises: true
			}
		]);
		expect(result.overall.rating).toBe('high');
		expect(result.overall.score).toBe(50); // raised to the high threshold
		expect(result.overall.floors.map((f) => f.reason)).toEqual([
			'Leaving would cost about USD 3.7 million in all (USD 110,000–13 million).',
			'Changing provider needs a site visit for each of 10,000 devices (“No; changing provider means replacing the SIM on site”).',
			'Leaving would cost about USD 370 per device (USD 11–1,300).',
			'Lock-in sign partly present: Physical SIM swap to change provider.'
		]);
		expect(result.overall.raisedBy).toBe(result.overall.floors[0]!.reason);
		expect(result.overall.floors.map((f) => f.confidence)).toEqual([
			'low',
			'medium',
			'low',
			'medium'
		]);
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 3_650_000, applies: true, assumed: false }, // 10,000 × 365
			{ id: 'ota_switch', amount: 0, applies: false, assumed: false },
			{ id: 'double_fees', amount: 15_000, applies: true, assumed: false },
			{ id: 'platform_exit', amount: 0, applies: false, assumed: false },
			{ id: 'contract_exit', amount: 0, applies: false, assumed: false },
			{ id: 'termination_fees', amount: 0, applies: false, assumed: false }
		]);
		expect(result.switchingCost.total).toBe(3_665_000);
		expect(result.switchingCost.rated).toEqual({ total: 3_650_000, perDevice: 365 });
		expect(result.switchingCost.estimate).toEqual({
			total: 3_700_000, // 3,665,000
			low: 110_000, // 10,000 × 11 + 2,000 = 112,000: a routine round at its cheapest
			high: 13_000_000, // 10,000 × 1,320 + 100,000 = 13,300,000
			perDevice: 370, // 366.5
			perDeviceLow: 11, // 11.2
			perDeviceHigh: 1_300 // 1,330
		});
		expect(result.findings.map((f) => [f.id, f.severity, f.impact])).toEqual([
			['answer:sim_ota_switching', 'high', 4.5] // sim weight 1.5 × question weight 3 × risk 1
		]);
		expect(result.findings[0]!.title).toBe(
			'Changing provider needs a site visit for each of 10,000 devices.'
		);
	});

	it('rates the same physical swap at 1,000,000 devices critical', () => {
		const result = run(answers(BEST, { sim_ota_switching: 'physical_swap' }), {
			devices: 1_000_000
		});
		expect(result.overall.answersScore).toBe(4.7); // the answers do not change with the fleet
		expect(floorRatings(result)).toEqual([
			// 1,000,000 × 365 = 365,000,000 ≥ 25,000,000
			{ id: 'cost_total', rating: 'critical', source: 'cost', raises: true },
			// 1,000,000 ≥ devicesAtLeast 1,000,000
			{ id: 'site_visit_per_device_at_scale', rating: 'critical', source: 'answers', raises: true },
			{ id: 'site_visit_per_device', rating: 'high', source: 'answers', raises: true },
			{ id: 'cost_per_device', rating: 'moderate', source: 'cost', raises: true }, // still 365
			{
				id: 'lock_in_sign_partly:sign_physical_sim_swap',
				rating: 'moderate',
				source: 'answers',
				raises: true
			}
		]);
		expect(result.overall.rating).toBe('critical');
		expect(result.overall.score).toBe(75);
		// 1,000,000 × 365 + 1,000,000 × 1.5 for the 30 days' notice
		expect(result.switchingCost.total).toBe(366_500_000);
		expect(result.switchingCost.estimate).toMatchObject({
			total: 370_000_000,
			low: 11_000_000, // 1,000,000 × 11 + 1,000,000 × 0.2 = 11,200,000
			high: 1_300_000_000 // 1,000,000 × 1,320 + 1,000,000 × 10 = 1,330,000,000
		});
		expect(result.overall.floors[1]!.reason).toBe(
			'Changing provider needs a site visit for each of 1,000,000 devices (“No; changing provider means replacing the SIM on site”): at this scale a change of provider is a multi-year field programme.'
		);
	});

	it('rates "return or destroy the SIMs" high, and owes no payout without a commitment', () => {
		const result = run(answers(BEST, { contract_exit_terms: 'return_or_destroy' }));
		// contract 1×3/15.5 = 19.35 → 19.4; overall (4.45 + 19.4×1)/6.3 = 23.85/6.3 = 3.79 → 3.8
		expect(result.areas.find((a) => a.id === 'contract')!.score).toBe(19.4);
		expect(result.overall).toMatchObject({
			answersScore: 3.8,
			answersRating: 'low',
			rating: 'high',
			score: 50
		});
		// Profiles switch over the air, but the SIMs must go back: a new SIM in every device,
		// 10,000 × 365 = 3,650,000, plus 15,000 for the 30 days' notice, plus at least what a fee per
		// SIM would cost (a return duty binds harder): 10,000 × 10 = 100,000. No term and no committed
		// volume, so nothing is paid out, however the contract area scores (audit F10).
		expect(floorRatings(result)).toEqual([
			{ id: 'cost_total', rating: 'high', source: 'cost', raises: true }, // rated 3,750,000 ≥ 2,500,000
			{ id: 'sim_return_or_destroy', rating: 'high', source: 'answers', raises: true },
			{ id: 'cost_per_device', rating: 'moderate', source: 'cost', raises: true } // 375 ≥ 100
		]);
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 3_650_000, applies: true, assumed: false },
			{ id: 'ota_switch', amount: 0, applies: false, assumed: false },
			{ id: 'double_fees', amount: 15_000, applies: true, assumed: false },
			{ id: 'platform_exit', amount: 0, applies: false, assumed: false },
			{ id: 'contract_exit', amount: 0, applies: false, assumed: false },
			{ id: 'termination_fees', amount: 100_000, applies: true, assumed: false }
		]);
		expect(result.switchingCost.rated).toEqual({ total: 3_750_000, perDevice: 375 });
		expect(result.switchingCost.estimate).toEqual({
			total: 3_800_000, // 3,765,000
			low: 120_000, // 112,000 + 10,000 × 1 = 122,000
			high: 14_000_000, // 13,300,000 + 10,000 × 50 = 13,800,000
			perDevice: 380, // 376.5
			perDeviceLow: 12, // 12.2
			perDeviceHigh: 1_400 // 1,380
		});
		expect(result.switchingCost.lines[4]!.reason).toBe(
			'The answers show no minimum term and no committed volume: nothing is owed on exit.'
		);
	});

	it('rates a platform without an API high, and doubts the automation that would need it', () => {
		const result = run(answers(BEST, { platform_api: 'no_api' }));
		// own_logic automation contradicts no_api: it counts as "not sure", at the risk of the most
		// flexible answer consistent with no_api (exportable 0.3; "not sure" itself would be 0.8)
		// platform (1×3 + 0.3×2)/12 = 30; overall (4.45 + 30×1.2)/6.3 = 40.45/6.3 = 6.42 → 6.4
		expect(result.conflicts.map((c) => c.id)).toEqual(['portable_automation_without_api']);
		expect(result.areas.find((a) => a.id === 'platform')!).toMatchObject({
			score: 30,
			answered: 6,
			notSure: 1
		});
		expect(result.overall).toMatchObject({
			answersScore: 6.4,
			answersRating: 'low',
			rating: 'high',
			score: 50
		});
		expect(floorRatings(result)).toEqual([
			{ id: 'no_api', rating: 'high', source: 'answers', raises: true },
			{
				id: 'lock_in_sign_partly:sign_closed_platform',
				rating: 'moderate',
				source: 'answers',
				raises: true
			}
		]);
		expect(result.overall.floors[0]!.reason).toBe(
			'The management platform has no API: inventory, usage and automation can leave only by hand.'
		);
		// platform 0.3 × (40,000 + 10,000 × 2) = 18,000, plus the switch every offer pays:
		// 129,500 over the air and 15,000 of notice; 162,500 in all
		expect(costLines(result).map((l) => l.amount)).toEqual([0, 129_500, 15_000, 18_000, 0, 0]);
		expect(result.switchingCost.total).toBe(162_500);
		expect(result.switchingCost.rated).toEqual({
			total: 18_000,
			perDevice: expect.closeTo(0.6, 9)
		}); // 0.3 × 2
		expect(result.switchingCost.estimate).toEqual({
			total: 160_000, // 162,500
			low: 9_600, // 6,100 + 2,000 + 0.3 × 5,000
			high: 1_700_000, // 1,420,000 + 100,000 + 0.3 × (250,000 + 10,000 × 20) = 1,655,000
			perDevice: 16, // 16.25
			perDeviceLow: 0.96,
			perDeviceHigh: 170 // 165.5
		});
		// The doubted automation (0.3) is below the finding threshold 0.5, but stays on the ask list.
		expect(result.findings.map((f) => [f.id, f.severity, f.impact])).toEqual([
			['answer:platform_api', 'high', expect.closeTo(3.6, 9)], // 1.2 × 3 × 1
			['conflict:portable_automation_without_api', 'medium', 0]
		]);
		expect(result.askVendor.map((a) => a.questionId)).toEqual(['platform_automation_portability']);
	});

	it('rates an offer with all five lock-in signs present high, one floor per sign', () => {
		const result = run(
			answers(BEST, {
				network_carriers_per_market: 'single_carrier',
				network_automatic_failover: 'no_fallback',
				sim_ota_switching: 'physical_swap',
				sim_form_factor: 'soldered_single_profile',
				platform_api: 'no_api',
				platform_export: 'no_export',
				data_pooling: 'per_sim',
				data_cap_behaviour: 'pool_blocked',
				contract_volume_minimums: 'committed_volume',
				contract_country_contracts: 'per_country'
			})
		);
		expect(result.lockInSigns.map((s) => s.status)).toEqual([
			'present',
			'present',
			'present',
			'present',
			'present'
		]);
		// network (2.5 + 2 + 0 + 0.1)/12 = 4.6/12 = 38.33 → 38.3; sim (0.2 + 3 + 2)/18 = 28.89 → 28.9
		// data 5/8.8 = 56.82 → 56.8; platform (3 + 3 + 0.3×2 for the doubted automation, see above)/12 = 55
		// contract (2 + 1.5)/15.5 = 22.58 → 22.6
		// overall (38.3 + 28.9×1.5 + 56.8×0.8 + 55×1.2 + 22.6 + 2.5×0.8)/6.3
		//   = (38.3 + 43.35 + 45.44 + 66 + 22.6 + 2)/6.3 = 217.69/6.3 = 34.55 → 34.6
		expect(areaScores(result)).toEqual({
			network: 38.3,
			sim: 28.9,
			data: 56.8,
			platform: 55,
			contract: 22.6,
			security: 2.5
		});
		expect(result.overall).toMatchObject({
			answersScore: 34.6,
			answersRating: 'moderate',
			rating: 'high',
			score: 50
		});
		expect(floorRatings(result)).toEqual([
			// rated 3,650,000 + 0.55 × 60,000 + 10,000 × 1.5 × 24 (a committed volume owes the
			// 24-month commitment) = 3,650,000 + 33,000 + 360,000 = 4,043,000
			{ id: 'cost_total', rating: 'high', source: 'cost', raises: true },
			{
				id: 'lock_in_sign_present:sign_closed_platform',
				rating: 'high',
				source: 'answers',
				raises: true
			},
			{
				id: 'lock_in_sign_present:sign_commercial_lock',
				rating: 'high',
				source: 'answers',
				raises: true
			},
			{
				id: 'lock_in_sign_present:sign_per_sim_data',
				rating: 'high',
				source: 'answers',
				raises: true
			},
			{
				id: 'lock_in_sign_present:sign_physical_sim_swap',
				rating: 'high',
				source: 'answers',
				raises: true
			},
			{
				id: 'lock_in_sign_present:sign_single_carrier',
				rating: 'high',
				source: 'answers',
				raises: true
			},
			{ id: 'no_api', rating: 'high', source: 'answers', raises: true },
			{ id: 'no_data_export', rating: 'high', source: 'answers', raises: true },
			{ id: 'site_visit_per_device', rating: 'high', source: 'answers', raises: true },
			// 365 + 0.55 × 2 + 1.5 × 24 = 402.1: moderate, the answers' own rating, so not raising
			{ id: 'cost_per_device', rating: 'moderate', source: 'cost', raises: false }
		]);
		expect(result.overall.floors[1]!.reason).toBe(
			'Lock-in sign present: Closed management platform. The checklist this tool follows says any one of the five signs means the deployment is locked in.'
		);
		// The 30 days' notice lies inside the 24 months owed: nothing is billed twice.
		expect(costLines(result).map((l) => l.amount)).toEqual([3_650_000, 0, 0, 33_000, 360_000, 0]);
		expect(result.switchingCost.total).toBe(4_043_000);
		expect(result.switchingCost.rated).toEqual({
			total: 4_043_000,
			perDevice: expect.closeTo(402.1, 9)
		}); // 365 + 1.1 + 36
		expect(result.switchingCost.estimate).toEqual({
			total: 4_000_000, // 4,043,000
			// 110,000 + 0.55 × 5,000 + 10,000 × 0.2 × 12 = 110,000 + 2,750 + 24,000 = 136,750
			low: 140_000,
			// 13,200,000 + 0.55 × 450,000 + 10,000 × 10 × 60 = 13,200,000 + 247,500 + 6,000,000 = 19,447,500
			high: 19_000_000,
			perDevice: 400, // the whole estimate per device: 4,043,000 / 10,000 = 404.3
			perDeviceLow: 14, // 13.675
			perDeviceHigh: 1_900 // 1,944.75
		});
	});

	it('rates an unanswered questionnaire on the answers given, provisional, with the range of every completion', () => {
		const result = run({});
		expect(result.areas.every((a) => a.score === null && a.rating === null)).toBe(true);
		expect(result.overall).toEqual({
			score: 0,
			rating: 'low',
			answersScore: 0,
			answersRating: 'low',
			floors: [], // open questions and assumed costs are the range's business, not a floor's
			raisedBy: null,
			provisional: true,
			// best: the all-best offer, 0.7. worst: every question at its worst answer, 94.0 (worked
			// out in the all-worst case below; its floors do not lift a critical rating further)
			range: [0.7, 94]
		});
		expect(result.completeness).toEqual({ answered: 0, notSure: 0, total: 44 });
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 3_650_000, applies: true, assumed: true },
			{ id: 'ota_switch', amount: 0, applies: false, assumed: false },
			// the longest notice, 180 days, lies inside the longest commitment, 24 months: nothing twice
			{ id: 'double_fees', amount: 0, applies: true, assumed: true },
			{ id: 'platform_exit', amount: 54_000, applies: true, assumed: true }, // 0.9 × 60,000
			{ id: 'contract_exit', amount: 360_000, applies: true, assumed: true }, // the longest commitment: 10,000 × 1.5 × 24
			{ id: 'termination_fees', amount: 0, applies: false, assumed: false }
		]);
		expect(result.switchingCost.total).toBe(4_064_000);
		expect(result.switchingCost.rated).toEqual({ total: 0, perDevice: 0 });
	});

	it('scores the worst answers everywhere at 94, critical, with every sign present', () => {
		const result = run(answers(WORST), { devices: 1_000 });
		// network (2.5 + 2 + 1.35 + 0.9 + 0.9 + 2 + 1 + 0.8)/12 = 11.45/12 = 95.42 → 95.4
		// sim (2 + 3 + 3 + 2.5 + 2 + 1.35 + 1.35 + 0.8 + 1.35)/18 = 17.35/18 = 96.39 → 96.4
		// data (2.5 + 2.5 + 0.8 + 0.64 + 0.8 + 0.9)/8.8 = 8.14/8.8 = 92.5
		// platform (3 + 1.5 + 3 + 0.8 + 1.6 + 1.5)/12 = 11.4/12 = 95
		// contract (2 + 1.5 + 1.5 + 0.9×2 + 0.6×1 + 3 + 0.8 + 0.9×1.5 + 0.9 + 1)/15.5 = 14.45/15.5 = 93.23 → 93.2
		// security (1.35 + 1.6 + 1.35 + 2 + 0.8)/8 = 7.1/8 = 88.75 → 88.8
		// overall (95.4 + 96.4×1.5 + 92.5×0.8 + 95×1.2 + 93.2 + 88.8×0.8)/6.3
		//   = (95.4 + 144.6 + 74 + 114 + 93.2 + 71.04)/6.3 = 592.24/6.3 = 94.006 → 94.0
		expect(areaScores(result)).toEqual({
			network: 95.4,
			sim: 96.4,
			data: 92.5,
			platform: 95,
			contract: 93.2,
			security: 88.8
		});
		expect(result.overall).toMatchObject({
			score: 94,
			rating: 'critical',
			answersScore: 94,
			provisional: false
		});
		expect(result.conflicts).toEqual([]); // the worst options claim nothing
		expect(result.findings).toHaveLength(44); // every worst option has risk ≥ 0.5
		expect(costLines(result).map((l) => l.amount)).toEqual([
			365_000, // 1,000 × 365
			0, // no over-the-air switch
			0, // 180 days' notice, inside the 24 months owed: nothing billed twice
			39_900, // 0.95 × (40,000 + 1,000 × 2)
			36_000, // a term over 36 months and a committed volume: 1,000 × 1.5 × 24
			10_000 // SIMs returned: at least what a fee per SIM costs, 1,000 × 10
		]);
		expect(result.switchingCost.total).toBe(450_900);
		// No element of the recommended architecture is there at all.
		expect(result.architecture.every((a) => a.status === 'missing')).toBe(true);
	});

	it('caps "not sure" at the worst option when that is below the not-sure risk', () => {
		// platform_rbac: worst option shared_login 0.8 < notSure 0.9
		const notSure = run(answers(BEST, { platform_rbac: NOT_SURE }));
		const worst = run(answers(BEST, { platform_rbac: 'shared_login' }));
		// platform 0.8×1/12 = 6.67 → 6.7 (0.9 would give 7.5); overall (4.45 + 6.7×1.2)/6.3 = 12.49/6.3 = 1.98 → 2.0
		expect(notSure.areas.find((a) => a.id === 'platform')!.score).toBe(6.7);
		expect(notSure.overall.score).toBe(2);
		expect(worst.overall.score).toBe(2);
		expect(notSure.switchingCost.lines.find((l) => l.id === 'platform_exit')!.amount).toBe(4_020); // 0.067 × 60,000
		expect(notSure.switchingCost.total).toBe(148_520); // + 129,500 over the air + 15,000 of notice
		expect(notSure.findings.map((f) => [f.id, f.severity, f.notSure, f.impact])).toEqual([
			['answer:platform_rbac', 'high', true, 1.2 * 1 * 0.8]
		]);
		expect(notSure.askVendor.map((a) => a.questionId)).toEqual(['platform_rbac']);
		expect(notSure.completeness).toEqual({ answered: 44, notSure: 1, total: 44 });
	});

	it('scores "not sure" everywhere at 88: 0.9 per question, less where the worst option is below that', () => {
		const all = Object.fromEntries([...rules.questionsById.keys()].map((id) => [id, NOT_SURE]));
		const result = run(answers(all));
		// Capped at the worst option: LTE-M roaming 0.8, certification 0.8, overage 0.8, session 0.8,
		// fee basis 0.8, rbac 0.8, automation 0.8, notice 0.8, renewal 0.6, device identity 0.8,
		// coverage of all networks 0.8; else 0.9.
		// network (2.25 + 1.8 + 1.35 + 0.9 + 0.9 + 1.8 + 0.9 + 0.8)/12 = 10.7/12 = 89.17 → 89.2
		// sim (1.8 + 2.7 + 2.7 + 2.25 + 1.8 + 1.35 + 1.35 + 0.8 + 1.35)/18 = 16.1/18 = 89.44 → 89.4
		// data (2.25 + 2.25 + 0.8 + 0.64 + 0.8 + 0.9)/8.8 = 7.64/8.8 = 86.82 → 86.8
		// platform (2.7 + 1.35 + 2.7 + 0.8 + 1.6 + 1.35)/12 = 87.5
		// contract (1.8 + 1.35 + 1.35 + 1.8 + 0.6 + 2.7 + 0.8 + 1.35 + 0.9 + 0.9)/15.5 = 13.55/15.5 = 87.42 → 87.4
		// security (1.35 + 1.6 + 1.35 + 1.8 + 0.8)/8 = 86.25 → 86.3
		// overall (89.2 + 89.4×1.5 + 86.8×0.8 + 87.5×1.2 + 87.4 + 86.3×0.8)/6.3
		//   = (89.2 + 134.1 + 69.44 + 105 + 87.4 + 69.04)/6.3 = 554.18/6.3 = 87.97 → 88.0
		expect(areaScores(result)).toEqual({
			network: 89.2,
			sim: 89.4,
			data: 86.8,
			platform: 87.5,
			contract: 87.4,
			security: 86.3
		});
		expect(result.overall).toMatchObject({ score: 88, rating: 'critical' });
		expect(result.lockInSigns.every((s) => s.status === 'unknown')).toBe(true);
		expect(result.askVendor).toHaveLength(44);
		expect(result.completeness).toEqual({ answered: 44, notSure: 44, total: 44 });
		// "Not sure" is an answer: every line rests on it and is rated. Swap not confirmed: 3,650,000;
		// notice not confirmed, the longest (180 days), but inside the longest commitment: 0; platform
		// 0.875 × 60,000 = 52,500; term and volume not confirmed, the longest commitment: 360,000
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 3_650_000, applies: true, assumed: false },
			{ id: 'ota_switch', amount: 0, applies: false, assumed: false },
			{ id: 'double_fees', amount: 0, applies: true, assumed: false },
			{ id: 'platform_exit', amount: 52_500, applies: true, assumed: false },
			{ id: 'contract_exit', amount: 360_000, applies: true, assumed: false },
			// exit terms not confirmed, at their worst: at least a fee per SIM, 10,000 × 10
			{ id: 'termination_fees', amount: 100_000, applies: true, assumed: false }
		]);
		expect(result.switchingCost.total).toBe(4_162_500);
	});

	it('scores an over-the-air switch claimed for a SIM without eUICC as "not sure", and still prices the visits', () => {
		const result = run(answers(BEST, { sim_euicc_standard: 'no_euicc' }));
		// no_euicc contradicts the best answers of four SIM questions and the multi-operator answer of
		// the network question, in the rules' order:
		expect(result.conflicts.map((c) => [c.id, c.claim.option])).toEqual([
			['ota_switch_without_euicc', 'any_provider'],
			['euicc_form_without_euicc', 'soldered_euicc'],
			['eim_control_without_euicc', 'customer_controlled'],
			['local_profile_ota_without_euicc', 'local_profile_ota'],
			['multi_operator_profiles_without_euicc', 'multi_operator_profiles']
		]);
		// each doubted claim counts as "not sure" (0.9), but no more than the most flexible answer
		// that no_euicc leaves possible: OTA physical_swap 1 → 0.9; local profiles local_imsi 0.15;
		// eIM: every managed option is a claim, only no_remote_management 1 is left → 0.9;
		// form factor removable_single_profile 0.6; multi-network multi_imsi_automatic 0.3
		// sim (1×2 + 0.9×3 + 0.15×3 + 0.9×2.5 + 0.6×2 + 0 + 0 + 0 + 0)/18 = 8.6/18 = 47.78 → 47.8
		// network (0.3×1.5 + 0.1×1)/12 = 0.55/12 = 4.58 → 4.6
		// overall (4.6 + 47.8×1.5 + 2.5×0.8)/6.3 = (4.6 + 71.7 + 2)/6.3 = 78.3/6.3 = 12.43 → 12.4
		expect(result.areas.find((a) => a.id === 'sim')!).toMatchObject({ score: 47.8, notSure: 4 });
		expect(result.areas.find((a) => a.id === 'network')!).toMatchObject({ score: 4.6, notSure: 1 });
		expect(result.overall).toMatchObject({
			answersScore: 12.4,
			answersRating: 'low',
			rating: 'high',
			score: 50
		});
		expect(floorRatings(result)).toEqual([
			{ id: 'cost_total', rating: 'high', source: 'cost', raises: true },
			// OTA and form factor both count as "not sure" (0.9, 0.6 capped ≥ 0.5): the sign is present
			{
				id: 'lock_in_sign_present:sign_physical_sim_swap',
				rating: 'high',
				source: 'answers',
				raises: true
			},
			{ id: 'site_visit_per_device', rating: 'high', source: 'answers', raises: true }, // no_euicc
			{ id: 'cost_per_device', rating: 'moderate', source: 'cost', raises: true }
		]);
		expect(result.overall.floors[2]!.reason).toBe(
			'Changing provider needs a site visit for each of 10,000 devices (“No eUICC; a conventional single-profile SIM”).'
		);
		const swap = result.switchingCost.lines[0]!;
		expect(swap).toMatchObject({ amount: 3_650_000, applies: true, assumed: false });
		expect(swap.reason).toMatch(
			/^Not confirmed that SIMs can switch over the air, so every device is assumed to need a visit\. /
		);
		expect(result.switchingCost.total).toBe(3_665_000); // + 15,000 for the 30 days' notice
		expect(result.capabilities.unconfirmed).toContain('ota_profile_switch');
		// A contradiction is listed once: where the doubted answer is itself a finding (OTA, eIM, form
		// factor) that finding says so; the local-profile claim (0.15) and the multi-network claim
		// (0.3), both below 0.5, get their own.
		expect(result.findings.filter((f) => f.kind === 'conflict').map((f) => f.id)).toEqual([
			'conflict:local_profile_ota_without_euicc',
			'conflict:multi_operator_profiles_without_euicc'
		]);
		// Findings at or above risk 0.5: euicc 1, OTA and eIM 0.9 high, form factor 0.6 medium
		expect(
			result.findings.filter((f) => f.kind === 'answer').map((f) => [f.id, f.severity])
		).toEqual([
			['answer:sim_ota_switching', 'high'], // 1.5 × 3 × 0.9 = 4.05
			['answer:sim_eim_control', 'high'], // 1.5 × 2.5 × 0.9 = 3.375
			['answer:sim_euicc_standard', 'high'], // 1.5 × 2 × 1 = 3
			['answer:sim_form_factor', 'medium'] // 1.5 × 2 × 0.6 = 1.8
		]);
		const ota = result.findings.find((f) => f.id === 'answer:sim_ota_switching')!;
		// Scored as "not sure", but it is a contradiction, not the buyer's own "not sure".
		expect(ota).toMatchObject({
			severity: 'high',
			notSure: false,
			answer: 'Yes, to a profile from any operator or provider we choose'
		});
		expect(ota.title).toBe(
			"Not confirmed whether the SIM can switch to another provider's profile over the air."
		);
		expect(result.askVendor.map((a) => a.questionId)).toEqual([
			'network_multi_imsi',
			'sim_ota_switching',
			'sim_local_profiles',
			'sim_eim_control',
			'sim_form_factor'
		]);
	});
});

describe('exact results for the answers new in ruleset 2.1.0 (10,000 devices in Germany)', () => {
	it('doubts SGP.32 and the over-the-air switch when the devices cannot download a profile', () => {
		const result = run(answers(BEST, { sim_device_esim_readiness: 'not_ready' }));
		// not_ready contradicts the SGP.32 claim (no IPA) and the over-the-air switch, in the rules' order
		expect(result.conflicts.map((c) => [c.id, c.claim.option])).toEqual([
			['sgp32_without_ipa', 'sgp32'],
			['ota_switch_device_not_ready', 'any_provider']
		]);
		// SGP.32 doubted: "not sure" 0.9, but no more than the most flexible other answer,
		// SGP.02 with an SM-SR change commitment 0.3; the switch: physical_swap 1 → 0.9
		// sim (0.3×2 + 0.9×3 + 0.9×1.5)/18 = (0.6 + 2.7 + 1.35)/18 = 4.65/18 = 25.83 → 25.8
		// overall (0.8 + 25.8×1.5 + 2.5×0.8)/6.3 = (0.8 + 38.7 + 2)/6.3 = 41.5/6.3 = 6.59 → 6.6
		expect(result.areas.find((a) => a.id === 'sim')!).toMatchObject({ score: 25.8, notSure: 2 });
		expect(result.overall).toMatchObject({
			answersScore: 6.6,
			answersRating: 'low',
			rating: 'high',
			score: 50
		});
		// The switch is unproven, so every device is assumed to need a visit: 10,000 × 365, + 15,000 of notice
		expect(result.switchingCost.total).toBe(3_665_000);
		expect(floorRatings(result)).toEqual([
			{ id: 'cost_total', rating: 'high', source: 'cost', raises: true }, // 3,650,000 ≥ 2,500,000
			{ id: 'cost_per_device', rating: 'moderate', source: 'cost', raises: true }, // 365 ≥ 100
			// the doubted switch (0.9) is risky, the eUICC form factor (0) is not
			{
				id: 'lock_in_sign_partly:sign_physical_sim_swap',
				rating: 'moderate',
				source: 'answers',
				raises: true
			}
		]);
		expect(result.findings.map((f) => [f.id, f.severity, f.impact])).toEqual([
			['answer:sim_ota_switching', 'high', expect.closeTo(4.05, 9)], // 1.5 × 3 × 0.9
			['answer:sim_device_esim_readiness', 'high', expect.closeTo(2.025, 9)], // 1.5 × 1.5 × 0.9
			['conflict:sgp32_without_ipa', 'medium', 0] // the doubted SGP.32 (0.3) is below 0.5
		]);
		expect(result.askVendor.map((a) => a.questionId)).toEqual([
			'sim_euicc_standard',
			'sim_ota_switching'
		]);
		expect(result.architecture.find((a) => a.id === 'arch_multi_imsi_euicc')).toMatchObject({
			status: 'partial',
			missing: ['euicc', 'ota_profile_switch'],
			unconfirmed: ['euicc', 'ota_profile_switch']
		});
	});

	it('binds a fixed term over 36 months harder than a 12-month term that renews with a fair window (audit F13)', () => {
		const long = run(answers(BEST, { contract_term_length: 'over_36_months' }));
		const renewing = run(
			answers(BEST, {
				contract_term_length: 'up_to_12_months',
				contract_auto_renewal: 'renews_wide_window'
			})
		);
		// contract 0.9×2/15.5 = 1.8/15.5 = 11.61 → 11.6 against (0.2×2 + 0.2×1)/15.5 = 0.6/15.5 = 3.87 → 3.9
		expect(long.areas.find((a) => a.id === 'contract')!.score).toBe(11.6);
		expect(renewing.areas.find((a) => a.id === 'contract')!.score).toBe(3.9);
		// overall (4.45 + 11.6)/6.3 = 16.05/6.3 = 2.55 → 2.5 (2.547…) and (4.45 + 3.9)/6.3 = 8.35/6.3 = 1.33 → 1.3
		expect(long.overall.answersScore).toBe(2.5);
		expect(renewing.overall.score).toBe(1.3);
		// Paid out on exit: the commitment figure, 10,000 × 1.5 × 24 = 360,000, against half of a
		// 12-month term, 10,000 × 1.5 × 6 = 90,000 (the renewal owes nothing until it renews)
		const payout = (r: typeof long) =>
			r.switchingCost.lines.find((l) => l.id === 'contract_exit')!.amount;
		expect(payout(long)).toBe(360_000);
		expect(payout(renewing)).toBe(90_000);
		// 360,000 rated ≥ the 250,000 band: the long term rates moderate; 90,000 does not
		expect(floorRatings(long)).toEqual([
			{ id: 'cost_total', rating: 'moderate', source: 'cost', raises: true }
		]);
		expect(long.overall).toMatchObject({ rating: 'moderate', score: 25 });
		expect(renewing.overall).toMatchObject({ rating: 'low', floors: [] });
		// Only "no minimum term" proves there is no lock-in period.
		expect(long.architecture.find((a) => a.id === 'arch_flexible_contract')).toMatchObject({
			status: 'partial',
			missing: ['no_lockin_period']
		});
		expect(renewing.architecture.find((a) => a.id === 'arch_flexible_contract')!.status).toBe(
			'partial'
		);
		expect(long.findings.map((f) => [f.id, f.severity])).toEqual([
			['answer:contract_term_length', 'high']
		]); // 0.9
	});

	it('doubts protection said to be independent of the provider when the setup must be re-engineered on a switch', () => {
		const result = run(answers(BEST, { security_switch_rework: 'major_rework' }));
		expect(result.conflicts.map((c) => [c.id, c.claim.option])).toEqual([
			['provider_independent_protection_with_provider_specific_setup', 'public_with_tls']
		]);
		// public_with_tls doubted: "not sure" 0.9 (the worst option is 0.9), but no more than the most
		// flexible answer left, the provider's private APN 0.5 (own IP ranges is a claim too)
		// security (0.5×1.5 + 1×2)/8 = 2.75/8 = 34.375 → 34.4
		// overall (0.8 + 1.65 + 34.4×0.8)/6.3 = (2.45 + 27.52)/6.3 = 29.97/6.3 = 4.76 → 4.8
		expect(result.areas.find((a) => a.id === 'security')!).toMatchObject({
			score: 34.4,
			notSure: 1
		});
		expect(result.overall).toMatchObject({
			answersScore: 4.8,
			rating: 'low',
			score: 4.8,
			floors: []
		});
		expect(result.findings.map((f) => [f.id, f.severity, f.impact])).toEqual([
			['answer:security_switch_rework', 'high', expect.closeTo(1.6, 9)], // 0.8 × 2 × 1
			['answer:security_private_network', 'medium', expect.closeTo(0.6, 9)] // 0.8 × 1.5 × 0.5
		]);
		expect(result.findings[1]!.detail).toMatch(
			/^Device traffic is said to be protected independently of the provider/
		);
		expect(result.askVendor.map((a) => a.questionId)).toEqual(['security_private_network']);
		expect(result.architecture.find((a) => a.id === 'arch_private_network')).toMatchObject({
			status: 'partial',
			missing: ['portable_network_setup']
		});
	});

	it("scores a private APN on the provider's addresses at 0.5, with a finding (audit F9)", () => {
		const result = run(answers(BEST, { security_private_network: 'provider_private_apn' }));
		// security (0.5×1.5 + 0.1×2)/8 = 0.95/8 = 11.875 → 11.9; overall (0.8 + 1.65 + 11.9×0.8)/6.3
		//   = (0.8 + 1.65 + 9.52)/6.3 = 11.97/6.3 = 1.9
		expect(result.areas.find((a) => a.id === 'security')!.score).toBe(11.9);
		expect(result.overall.score).toBe(1.9);
		expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
			['answer:security_private_network', 'medium']
		]);
	});
});

describe('rating thresholds reached exactly (100 devices in Germany, one area answered)', () => {
	it.each([
		// network_core_redundancy 0.5×1 + sunset 0×1 = 0.5/2 = 25
		[
			{ network_core_redundancy: 'partly_redundant', network_sunset_readiness: 'future_proof' },
			25,
			'moderate'
		],
		// roaming plan 0.5×2 / 2 = 50
		[{ network_permanent_roaming_plan: 'confirmed_some' }, 50, 'high'],
		// failover 0.5×2 + roaming plan 1×2 = 3/4 = 75
		[
			{
				network_automatic_failover: 'manual_remote',
				network_permanent_roaming_plan: 'not_addressed'
			},
			75,
			'critical'
		]
	] as const)('scores %o at %d and rates it %s', (given, expected, rating) => {
		const result = run(answers(given), { devices: 100 });
		expect(result.overall).toMatchObject({
			answersScore: expected,
			answersRating: rating,
			score: expected,
			rating
		});
	});
});

describe('exact roaming results with per-country local-profile answers', () => {
	it('flags Brazil answered "none" as critical with the floor roaming:BR, whatever the other answers', () => {
		const result = run(answers(BEST, { local_profile_br: 'none' }), { countries: ['DE', 'BR'] });
		const brazil = result.roaming.find((r) => r.country === 'BR')!;
		expect(brazil).toMatchObject({
			devices: 5_000, // 10,000 spread over two countries
			kind: 'banned',
			restricted: true,
			severity: 'critical',
			mitigated: false,
			mitigation: 'none',
			localProfile: 'none',
			forces: 'critical', // banned, high confidence (country data 2.0.0, audit F7): not capped
			confidence: 'high'
		});
		expect(result.roaming.find((r) => r.country === 'DE')).toMatchObject({
			severity: 'none',
			forces: null,
			localProfile: null
		});
		expect(result.overall).toMatchObject({
			answersScore: 0.7,
			answersRating: 'low',
			rating: 'critical',
			score: 75
		});
		expect(result.overall.floors).toEqual([
			{
				id: 'roaming:BR',
				rating: 'critical',
				reason:
					'Brazil has a ban on permanent roaming (high confidence), and 5,000 devices there have no confirmed local profile.',
				confidence: 'high',
				source: 'roaming',
				raises: true
			}
		]);
		expect(result.findings[0]).toMatchObject({
			id: 'roaming:BR',
			kind: 'roaming',
			severity: 'critical',
			title: 'Brazil: devices on roaming SIMs will be cut off',
			country: 'BR'
		});
		expect(result.completeness).toEqual({ answered: 45, notSure: 0, total: 45 });
		expect(result.overall.provisional).toBe(false);
	});

	it('limits a low-confidence blocking rule (Pakistan) to high, and names the confidence', () => {
		const result = run(answers(BEST, { local_profile_pk: 'none' }), { countries: ['PK'] });
		expect(result.roaming[0]).toMatchObject({
			kind: 'time_limited',
			confidence: 'low',
			severity: 'critical',
			forces: 'high'
		});
		expect(result.overall).toMatchObject({ rating: 'high', score: 50 });
		expect(result.overall.floors).toEqual([
			{
				id: 'roaming:PK',
				rating: 'high', // blocking says critical; maxRatingByConfidence.low = high
				reason:
					'Pakistan has a time limit on roaming (low confidence), and 10,000 devices there have no confirmed local profile.',
				confidence: 'low',
				source: 'roaming',
				raises: true
			}
		]);
		expect(result.findings[0]).toMatchObject({
			severity: 'high',
			title: 'Pakistan: devices on roaming SIMs may be cut off'
		});
		expect(result.findings[0]!.detail).toMatch(/graded low confidence\.$/);
	});

	it('lets a medium-confidence blocking rule (India) force critical, and holds a low one (China) at high', () => {
		const india = run(answers(BEST, { local_profile_in: 'none' }), { countries: ['IN'] });
		expect(india.overall.floors.map((f) => [f.id, f.rating, f.confidence])).toEqual([
			['roaming:IN', 'critical', 'medium']
		]);
		expect(india.overall).toMatchObject({ rating: 'critical', score: 75 });
		// China rests on one vendor's terms: low confidence since country data 2.0.0 (audit F14).
		const china = run(answers(BEST, { local_profile_cn: 'none' }), { countries: ['CN'] });
		expect(china.overall.floors.map((f) => [f.id, f.rating, f.confidence])).toEqual([
			['roaming:CN', 'high', 'low']
		]);
		expect(china.overall).toMatchObject({ rating: 'high', score: 50 });
	});

	it('raises the rating by one band for a conditional rule (US carriers) relied on by roaming', () => {
		const low = run(answers(BEST, { local_profile_us: 'none' }), { countries: ['US'] });
		expect(low.roaming[0]).toMatchObject({
			kind: 'carrier_specific',
			severity: 'warning',
			forces: 'moderate'
		});
		expect(low.overall.floors).toEqual([
			{
				id: 'roaming:US',
				rating: 'moderate', // answers low + raiseBands 1
				reason:
					'United States: permanent roaming depends on the local carriers’ policy (medium confidence), and the offer relies on roaming for 10,000 devices there.',
				confidence: 'medium',
				source: 'roaming',
				raises: true
			}
		]);
		expect(low.overall).toMatchObject({ rating: 'moderate', score: 25 });
		expect(low.findings[0]).toMatchObject({
			severity: 'high',
			title: 'United States: permanent roaming depends on approval or carrier terms'
		});

		// From moderate answers (25, see the threshold cases) one band up is high.
		const moderate = run(
			answers({
				network_core_redundancy: 'partly_redundant',
				network_sunset_readiness: 'future_proof',
				local_profile_us: 'none'
			}),
			{ devices: 100, countries: ['US'] }
		);
		expect(moderate.overall).toMatchObject({
			answersRating: 'moderate',
			rating: 'high',
			score: 50
		});
	});

	it('keeps the open offer low where no deployment country restricts roaming', () => {
		const result = run(answers(BEST), { countries: ['DE', 'FR', 'JP', 'MX'] });
		expect(result.overall).toMatchObject({
			score: 0.7,
			rating: 'low',
			floors: [],
			provisional: false
		});
		expect(result.roaming.map((r) => [r.country, r.severity, r.localProfile])).toEqual([
			['DE', 'none', null],
			['FR', 'none', null],
			['JP', 'none', null],
			['MX', 'info', null] // registration rules only
		]);
		expect(result.completeness.total).toBe(44); // no local-profile question asked
	});

	it('leaves an unanswered local-profile question open: no floor, a range up to critical', () => {
		const result = run(answers(BEST), { countries: ['BR'] });
		expect(result.roaming[0]).toMatchObject({
			severity: 'critical',
			localProfile: 'open',
			forces: null,
			mitigation: 'not_proven'
		});
		expect(result.overall).toMatchObject({
			score: 0.7,
			rating: 'low',
			floors: [],
			provisional: true,
			range: [0.7, 75] // available → 0.7; none → the Brazil floor, critical
		});
		expect(result.completeness).toEqual({ answered: 44, notSure: 0, total: 45 });
		expect(result.findings[0]).toMatchObject({
			severity: 'medium',
			title: 'Brazil: not answered yet whether the offer has a local profile there'
		});
	});
});
