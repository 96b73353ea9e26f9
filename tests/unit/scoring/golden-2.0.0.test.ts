import { describe, expect, it } from 'vitest';
import type { Answer, Fleet } from '../../../src/lib/assessment/schema';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { score } from '../../../src/lib/scoring/score';
import { fileURLToPath } from 'node:url';
import { registryFromDisk } from '../../../src/lib/server/rules-files';
import { answers, BEST, WORST } from '../../fixtures/scoring/answers-2.0.0';

/*
 * Ruleset 2.0.0, kept in rules/history/ when 2.1.0 became current: an assessment pinned to 2.0.0
 * must keep scoring exactly as below. This is the golden test of 2.0.0 as it stood before 2.1.0,
 * unchanged but for reading the rules from the registry's history (see legacy-2.0.0.test.ts too).
 *
 * Exact results for fixed fixtures. Every expected number below was worked out by hand from
 * rules/ruleset.yaml 2.0.0 and rules/costs.yaml; the comment beside it shows the arithmetic, so a
 * reviewer can check it without running the engine. Nothing here is recomputed with the code under
 * test. When the rules change, these numbers must be worked out again: that is the point.
 *
 * Figures used throughout (ruleset.yaml):
 *   ratingThresholds: moderate 25, high 50, critical 75; findingRisk 0.5; highRisk 0.75
 *   area weights: network 1, sim 1.5, data 0.8, platform 1.2, contract 1, security 0.8 (sum 6.3)
 *   question weight sums: network 10, sim 14, data 7.8, platform 12, contract 11, security 8
 *   area scores and the overall score are rounded to one decimal
 * costs.yaml defaults (min-max): field visit 300 (150-1000), revisits 1.2 (1.1-1.3), SIM 5 (1-20),
 *   platform fixed 40,000 (5,000-250,000), rebuild/device 2 (0-20), fee/month 1.5 (0.2-10),
 *   months left 24 (0-60). Site visit per device = 300 × 1.2 + 5 = 365 (min 166, max 1,320).
 * Cost bands: total 250k moderate, 2.5M high, 25M critical; per device 100 moderate, 500 high.
 * Estimates are rounded to 2 significant figures (ties round up: 3,650,000 → 3,700,000).
 *
 * All-best area scores (see the fixture's comments):
 *   network (0.1×1.5 + 0.1×1)/10 = 2.5; sim 0.1×2/14 = 1.43 → 1.4; security 0.1×2/8 = 2.5; others 0
 *   overall (2.5×1 + 1.4×1.5 + 2.5×0.8)/6.3 = 6.6/6.3 = 1.05 → 1.0
 */

const rules = registryFromDisk(
	fileURLToPath(new URL('../../../rules', import.meta.url))
).versions.get('2.0.0')!;

it('reads ruleset 2.0.0 from rules/history', () => {
	expect(rules.ruleset.version).toBe('2.0.0');
	expect(rules.ruleset.format).toBe(2);
});

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

describe('2.0.0: exact results for fixed answers (10,000 devices in Germany unless said)', () => {
	it('rates the all-best offer low, with no floor and nothing to pay to leave', () => {
		const result = run(answers(BEST));
		expect(areaScores(result)).toEqual({
			network: 2.5,
			sim: 1.4,
			data: 0,
			platform: 0,
			contract: 0,
			security: 2.5
		});
		expect(result.overall).toEqual({
			score: 1, // 6.6 / 6.3
			rating: 'low',
			answersScore: 1,
			answersRating: 'low',
			floors: [],
			raisedBy: null,
			provisional: false,
			range: null
		});
		expect(result.completeness).toEqual({ answered: 34, notSure: 0, total: 34 });
		expect(result.conflicts).toEqual([]);
		expect(result.findings).toEqual([]);
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 0, applies: false, assumed: false }, // OTA switch proven
			{ id: 'platform_exit', amount: 0, applies: false, assumed: false }, // platform area 0
			{ id: 'contract_exit', amount: 0, applies: false, assumed: false } // contract area 0
		]);
		expect(result.switchingCost.total).toBe(0);
		expect(result.switchingCost.estimate).toEqual({
			total: 0,
			low: 0,
			high: 0,
			perDevice: 0,
			perDeviceLow: 0,
			perDeviceHigh: 0
		});
	});

	it('rates a physical SIM swap at 10,000 devices high: the site-visit floor and the cost band', () => {
		const result = run(answers(BEST, { sim_ota_switching: 'physical_swap' }));
		// sim (0.1×2 + 1×3)/14 = 22.86 → 22.9; overall (2.5 + 22.9×1.5 + 2.0)/6.3 = 38.85/6.3 = 6.17 → 6.2
		expect(result.areas.find((a) => a.id === 'sim')!.score).toBe(22.9);
		expect(result.overall.answersScore).toBe(6.2);
		expect(result.overall.answersRating).toBe('low');
		expect(floorRatings(result)).toEqual([
			// 3,650,000 ≥ 2,500,000
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
			'Leaving would cost about USD 3.7 million in all (USD 1.7–13 million).',
			'Changing provider needs a site visit for each of 10,000 devices (“No; changing provider means replacing the SIM on site”).',
			'Leaving would cost about USD 370 per device (USD 170–1,300).',
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
			{ id: 'platform_exit', amount: 0, applies: false, assumed: false },
			{ id: 'contract_exit', amount: 0, applies: false, assumed: false }
		]);
		expect(result.switchingCost.total).toBe(3_650_000);
		expect(result.switchingCost.rated).toEqual({ total: 3_650_000, perDevice: 365 });
		expect(result.switchingCost.estimate).toEqual({
			total: 3_700_000, // 3,650,000
			low: 1_700_000, // 10,000 × (150 × 1.1 + 1) = 1,660,000
			high: 13_000_000, // 10,000 × (1,000 × 1.3 + 20) = 13,200,000
			perDevice: 370, // 365
			perDeviceLow: 170, // 166
			perDeviceHigh: 1_300 // 1,320
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
		expect(result.overall.answersScore).toBe(6.2); // the answers do not change with the fleet
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
		expect(result.switchingCost.total).toBe(365_000_000);
		expect(result.switchingCost.estimate).toMatchObject({
			total: 370_000_000,
			low: 170_000_000, // 1,000,000 × 166
			high: 1_300_000_000 // 1,000,000 × 1,320
		});
		expect(result.overall.floors[1]!.reason).toBe(
			'Changing provider needs a site visit for each of 1,000,000 devices (“No; changing provider means replacing the SIM on site”): at this scale a change of provider is a multi-year field programme.'
		);
	});

	it('rates "return or destroy the SIMs" high, and prices the payout from the contract score', () => {
		const result = run(answers(BEST, { contract_exit_terms: 'return_or_destroy' }));
		// contract 1×3/11 = 27.27 → 27.3; overall (6.6 + 27.3)/6.3 = 5.38 → 5.4
		expect(result.areas.find((a) => a.id === 'contract')!.score).toBe(27.3);
		expect(result.overall).toMatchObject({
			answersScore: 5.4,
			answersRating: 'low',
			rating: 'high',
			score: 50
		});
		// Profiles switch over the air, but the SIMs must go back: a new SIM in every device,
		// 10,000 × (300 × 1.2 + 5) = 3,650,000, plus the payout; 3,748,280 in all.
		expect(floorRatings(result)).toEqual([
			{ id: 'cost_total', rating: 'high', source: 'cost', raises: true }, // 3,748,280 ≥ 2,500,000
			{ id: 'sim_return_or_destroy', rating: 'high', source: 'answers', raises: true },
			{ id: 'cost_per_device', rating: 'moderate', source: 'cost', raises: true } // 374.83 ≥ 100
		]);
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 3_650_000, applies: true, assumed: false },
			{ id: 'platform_exit', amount: 0, applies: false, assumed: false },
			// 27.3% × 10,000 × 1.5 × 24 = 0.273 × 360,000
			{ id: 'contract_exit', amount: 98_280, applies: true, assumed: false }
		]);
		expect(result.switchingCost.rated).toEqual({ total: 3_748_280, perDevice: 374.828 });
		expect(result.switchingCost.estimate).toEqual({
			total: 3_700_000,
			low: 1_700_000, // 10,000 × (150 × 1.1 + 1) = 1,660,000; 0 months left at the minimum
			high: 15_000_000, // 10,000 × (1,000 × 1.3 + 20) + 0.273 × 10,000 × 10 × 60 = 14,838,000
			perDevice: 370,
			perDeviceLow: 170, // 166
			perDeviceHigh: 1_500 // 1,483.8
		});
		expect(result.switchingCost.lines[2]!.formula).toBe(
			'27.3% contract lock-in × 10,000 devices × USD 1.50 a month × 24 months'
		);
	});

	it('rates a platform without an API high, and doubts the automation that would need it', () => {
		const result = run(answers(BEST, { platform_api: 'no_api' }));
		// own_logic automation contradicts no_api: it counts as "not sure", at the risk of the most
		// flexible answer consistent with no_api (exportable 0.3; "not sure" itself would be 0.8)
		// platform (1×3 + 0.3×2)/12 = 30; overall (6.6 + 30×1.2)/6.3 = 42.6/6.3 = 6.76 → 6.8
		expect(result.conflicts.map((c) => c.id)).toEqual(['portable_automation_without_api']);
		expect(result.areas.find((a) => a.id === 'platform')!).toMatchObject({
			score: 30,
			answered: 6,
			notSure: 1
		});
		expect(result.overall).toMatchObject({
			answersScore: 6.8,
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
		// 0.3 × (40,000 + 10,000 × 2) = 18,000
		expect(result.switchingCost.total).toBe(18_000);
		expect(result.switchingCost.rated).toEqual({
			total: 18_000,
			perDevice: expect.closeTo(0.6, 9)
		}); // 0.3 × 2
		expect(result.switchingCost.estimate).toEqual({
			total: 18_000,
			low: 1_500, // 0.3 × 5,000
			high: 140_000, // 0.3 × (250,000 + 10,000 × 20) = 135,000
			perDevice: 1.8,
			perDeviceLow: 0.15,
			perDeviceHigh: 14 // 13.5
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
		// network (2.5 + 2 + 0.15 + 0.1)/10 = 47.5; sim (0.2 + 3 + 2)/14 = 37.1; data 5/7.8 = 64.1
		// platform (3 + 3 + 0.3×2 for the doubted automation, see above)/12 = 55; contract 3.5/11 = 31.8
		// overall (47.5 + 55.65 + 51.28 + 66 + 31.8 + 2)/6.3 = 254.23/6.3 = 40.35 → 40.4
		expect(areaScores(result)).toEqual({
			network: 47.5,
			sim: 37.1,
			data: 64.1,
			platform: 55,
			contract: 31.8,
			security: 2.5
		});
		expect(result.overall).toMatchObject({
			answersScore: 40.4,
			answersRating: 'moderate',
			rating: 'high',
			score: 50
		});
		expect(floorRatings(result)).toEqual([
			// 3,650,000 + 0.55 × 60,000 + 0.318 × 360,000 = 3,650,000 + 33,000 + 114,480 = 3,797,480
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
			// 365 + 0.55 × 2 + 0.318 × 36 = 377.55: moderate, below the answers' own rating, so not raising
			{ id: 'cost_per_device', rating: 'moderate', source: 'cost', raises: false }
		]);
		expect(result.overall.floors[1]!.reason).toBe(
			'Lock-in sign present: Closed management platform. The checklist this tool follows says any one of the five signs means the deployment is locked in.'
		);
		expect(costLines(result).map((l) => l.amount)).toEqual([3_650_000, 33_000, 114_480]);
		expect(result.switchingCost.total).toBe(3_797_480);
		expect(result.switchingCost.rated.perDevice).toBeCloseTo(377.548, 9);
		expect(result.switchingCost.estimate).toEqual({
			total: 3_800_000,
			low: 1_700_000, // 1,660,000 + 0.55 × 5,000 + 0 = 1,662,750
			high: 15_000_000, // 13,200,000 + 0.55 × 450,000 + 0.318 × 6,000,000 = 15,355,500
			perDevice: 380,
			perDeviceLow: 170,
			perDeviceHigh: 1_500
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
			// best: the all-best offer, 1.0. worst: every question at its worst answer:
			// network (2.5 + 2 + 1.35 + 0.9 + 0.9 + 2)/10 = 96.5; sim (2 + 3 + 3 + 2.5 + 2 + 1.35)/14 = 98.9
			// data (2.5 + 2.5 + 0.8 + 0.64 + 0.8)/7.8 = 92.8; platform (3 + 1.5 + 3 + 0.8 + 1.6 + 1.5)/12 = 95
			// contract (2 + 1.5 + 1.5 + 2 + 3 + 0.8)/11 = 98.2; security (1.35 + 1.6 + 1.35 + 2 + 0.8)/8 = 88.8
			// (96.5 + 148.35 + 74.24 + 114 + 98.2 + 71.04)/6.3 = 602.33/6.3 = 95.6
			range: [1, 95.6]
		});
		expect(result.completeness).toEqual({ answered: 0, notSure: 0, total: 34 });
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 3_650_000, applies: true, assumed: true },
			{ id: 'platform_exit', amount: 54_000, applies: true, assumed: true }, // 0.9 × 60,000
			{ id: 'contract_exit', amount: 324_000, applies: true, assumed: true } // 0.9 × 360,000
		]);
		expect(result.switchingCost.total).toBe(4_028_000);
		expect(result.switchingCost.rated).toEqual({ total: 0, perDevice: 0 });
	});

	it('scores the worst answers everywhere at 95.6, critical, with every sign present', () => {
		const result = run(answers(WORST), { devices: 1_000 });
		expect(areaScores(result)).toEqual({
			network: 96.5,
			sim: 98.9,
			data: 92.8,
			platform: 95,
			contract: 98.2,
			security: 88.8
		});
		expect(result.overall).toMatchObject({
			score: 95.6,
			rating: 'critical',
			answersScore: 95.6,
			provisional: false
		});
		expect(result.conflicts).toEqual([]); // the worst options claim nothing
		expect(result.findings).toHaveLength(34);
		expect(costLines(result).map((l) => l.amount)).toEqual([
			365_000, // 1,000 × 365
			39_900, // 0.95 × (40,000 + 1,000 × 2)
			35_352 // 0.982 × 1,000 × 1.5 × 24
		]);
		expect(result.switchingCost.total).toBe(440_252);
	});

	it('caps "not sure" at the worst option when that is below the not-sure risk', () => {
		// platform_rbac: worst option shared_login 0.8 < notSure 0.9
		const notSure = run(answers(BEST, { platform_rbac: NOT_SURE }));
		const worst = run(answers(BEST, { platform_rbac: 'shared_login' }));
		// platform 0.8×1/12 = 6.67 → 6.7 (0.9 would give 7.5); overall (6.6 + 6.7×1.2)/6.3 = 2.32 → 2.3
		expect(notSure.areas.find((a) => a.id === 'platform')!.score).toBe(6.7);
		expect(notSure.overall.score).toBe(2.3);
		expect(worst.overall.score).toBe(2.3);
		expect(notSure.switchingCost.total).toBe(4_020); // 0.067 × 60,000
		expect(notSure.findings.map((f) => [f.id, f.severity, f.notSure, f.impact])).toEqual([
			['answer:platform_rbac', 'high', true, 1.2 * 1 * 0.8]
		]);
		expect(notSure.askVendor.map((a) => a.questionId)).toEqual(['platform_rbac']);
		expect(notSure.completeness).toEqual({ answered: 34, notSure: 1, total: 34 });
	});

	it('scores "not sure" everywhere at 88.5: 0.9 per question, 0.8 where that is the worst option', () => {
		const all = Object.fromEntries([...rules.questionsById.keys()].map((id) => [id, NOT_SURE]));
		const result = run(answers(all));
		// data (2.25 + 2.25 + 0.8 + 0.64 + 0.8)/7.8 = 86.4; platform (2.7 + 1.35 + 2.7 + 0.8 + 1.6 + 1.35)/12 = 87.5
		// contract (1.8 + 1.35 + 1.35 + 1.8 + 2.7 + 0.8)/11 = 89.1; security (1.35 + 1.6 + 1.35 + 1.8 + 0.8)/8 = 86.25 → 86.3
		// overall (90 + 135 + 69.12 + 105 + 89.1 + 69.04)/6.3 = 557.26/6.3 = 88.45 → 88.5
		expect(areaScores(result)).toEqual({
			network: 90,
			sim: 90,
			data: 86.4,
			platform: 87.5,
			contract: 89.1,
			security: 86.3
		});
		expect(result.overall).toMatchObject({ score: 88.5, rating: 'critical' });
		expect(result.lockInSigns.every((s) => s.status === 'unknown')).toBe(true);
		expect(result.askVendor).toHaveLength(34);
		expect(result.completeness).toEqual({ answered: 34, notSure: 34, total: 34 });
		// swap not confirmed: 3,650,000; platform 0.875 × 60,000 = 52,500; contract 0.891 × 360,000 = 320,760
		expect(costLines(result)).toEqual([
			{ id: 'sim_swap', amount: 3_650_000, applies: true, assumed: false },
			{ id: 'platform_exit', amount: 52_500, applies: true, assumed: false },
			{ id: 'contract_exit', amount: 320_760, applies: true, assumed: false }
		]);
		expect(result.switchingCost.total).toBe(4_023_260);
	});

	it('scores an over-the-air switch claimed for a SIM without eUICC as "not sure", and still prices the visits', () => {
		const result = run(answers(BEST, { sim_euicc_standard: 'no_euicc' }));
		// no_euicc contradicts the best answers of four SIM questions, in the rules' order:
		expect(result.conflicts.map((c) => [c.id, c.claim.option])).toEqual([
			['ota_switch_without_euicc', 'any_provider'],
			['euicc_form_without_euicc', 'soldered_euicc'],
			['eim_control_without_euicc', 'customer_controlled'],
			['local_profile_ota_without_euicc', 'local_profile_ota']
		]);
		// each doubted claim counts as "not sure" (0.9), but no more than the most flexible answer
		// that no_euicc leaves possible: OTA physical_swap 1 → 0.9; local profiles local_imsi 0.15;
		// eIM: every managed option is a claim, only no_remote_management 1 is left → 0.9;
		// form factor removable_single_profile 0.6
		// sim (1×2 + 0.9×3 + 0.15×3 + 0.9×2.5 + 0.6×2 + 0)/14 = 8.6/14 = 61.4
		// overall (2.5 + 61.4×1.5 + 2)/6.3 = 96.6/6.3 = 15.3
		expect(result.areas.find((a) => a.id === 'sim')!).toMatchObject({ score: 61.4, notSure: 4 });
		expect(result.overall).toMatchObject({
			answersScore: 15.3,
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
		expect(swap.reason).toBe(
			'Not confirmed that SIMs can switch over the air, so every device is assumed to need a visit.'
		);
		expect(result.switchingCost.total).toBe(3_650_000);
		expect(result.capabilities.unconfirmed).toContain('ota_profile_switch');
		// A contradiction is listed once: where the doubted answer is itself a finding (OTA, eIM, form
		// factor) that finding says so; only the local-profile claim (0.15, below 0.5) gets its own.
		expect(result.findings.filter((f) => f.kind === 'conflict').map((f) => f.id)).toEqual([
			'conflict:local_profile_ota_without_euicc'
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
			'sim_ota_switching',
			'sim_local_profiles',
			'sim_eim_control',
			'sim_form_factor'
		]);
	});
});

describe('2.0.0: rating thresholds reached exactly (100 devices in Germany, one area answered)', () => {
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

describe('2.0.0: exact roaming results with per-country local-profile answers', () => {
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
			answersScore: 1,
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
		expect(result.completeness).toEqual({ answered: 35, notSure: 0, total: 35 });
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
			score: 1,
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
		expect(result.completeness.total).toBe(34); // no local-profile question asked
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
			score: 1,
			rating: 'low',
			floors: [],
			provisional: true,
			range: [1, 75] // available → 1.0; none → the Brazil floor, critical
		});
		expect(result.completeness).toEqual({ answered: 34, notSure: 0, total: 35 });
		expect(result.findings[0]).toMatchObject({
			severity: 'medium',
			title: 'Brazil: not answered yet whether the offer has a local profile there'
		});
	});
});
