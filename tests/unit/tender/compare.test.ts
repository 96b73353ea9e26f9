import { describe, expect, it } from 'vitest';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import {
	answersFor,
	compareOffers,
	openQuestions,
	tenderQuestionIds,
	offerSummaries,
	rankedOffers,
	roamingByCountry,
	weightsQuery,
	weightsUsed,
	withAreaWeights
} from '../../../src/lib/tender/compare';
import {
	parseWeightsQuery,
	type Offer,
	type OfferAnswer,
	type StoredTender
} from '../../../src/lib/tender/schema';
import { BEST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';

/*
 * Every expected number below was worked out by hand from rules/ruleset.yaml 2.1.0 (the figures
 * tests/unit/scoring/golden.test.ts lists): thresholds moderate 25, high 50; "not sure" risk 0.9,
 * capped at the question's worst answer; area weights network 1, sim 1.5, data 0.8, platform 1.2,
 * contract 1, security 0.8 (sum 6.3); question weight sums network 12, data 8.8.
 * Fleet: 10,000 devices in Germany for 10 years, as in the golden tests.
 *
 * All-best (golden): network 0.8, sim 1.1, data 0, platform 0, contract 0, security 2.5; overall
 *   (0.8×1 + 1.1×1.5 + 2.5×0.8)/6.3 = 4.45/6.3 = 0.7, low, no floor.
 * Alpha = best, but network_sunset_readiness legacy (0.9, weight 1) and network_core_redundancy
 *   single_point (0.9, weight 1; best was 0.1): network (0.9 + 0.9)/12 = 15.0;
 *   overall (15×1 + 1.65 + 2)/6.3 = 18.65/6.3 = 2.96 → 3.0, low. Neither question is in a floor,
 *   a lock-in sign, a conflict or the cost model.
 * Bravo = best, but data_overage_rate provider_discretion (0.8 × 1), data_minimum_session_charge
 *   large (0.8 × 0.8 = 0.64), data_fee_basis all_issued (0.8 × 1), data_sim_fee_caps
 *   provider_discretion (0.9 × 1): data 3.14/8.8 = 35.68 → 35.7;
 *   overall (0.8 + 1.65 + 35.7×0.8 + 2)/6.3 = (0.8 + 1.65 + 28.56 + 2)/6.3 = 33.01/6.3 = 5.24 → 5.2, low.
 * Charlie = best, but sim_ota_switching physical_swap: high, score 50 (golden: the site-visit floor
 *   and the cost band raise it).
 */

const rules = shippedRules();
const AT = '2026-12-02T03:00:00.000Z';
const ID = (n: number) => `offer${String(n).padStart(17, '0')}`;

const ALPHA = { network_sunset_readiness: 'legacy', network_core_redundancy: 'single_point' };
const BRAVO = {
	data_overage_rate: 'provider_discretion',
	data_minimum_session_charge: 'large',
	data_fee_basis: 'all_issued',
	data_sim_fee_caps: 'provider_discretion'
};
const CHARLIE = { sim_ota_switching: 'physical_swap' };

const given = (option: string, extra: Partial<OfferAnswer> = {}): OfferAnswer => ({
	option,
	by: 'buyer',
	state: 'verified',
	updatedAt: AT,
	...extra
});
const byBuyer = (changes: Record<string, string>) =>
	Object.fromEntries(
		Object.entries({ ...BEST, ...changes }).map(([id, option]) => [id, given(option)])
	);

const offer = (n: number, vendor: string, answers: Record<string, OfferAnswer>): Offer => ({
	id: ID(n),
	vendor,
	createdAt: AT,
	answers,
	history: [],
	respondents: []
});

const tender = (offers: Offer[], extra: Partial<StoredTender> = {}): StoredTender => ({
	schemaVersion: 1,
	id: 'tenderAAAAAAAAAAAAAAAA',
	revision: 1,
	rulesetVersion: rules.ruleset.version,
	createdAt: AT,
	updatedAt: AT,
	title: 'Meters 2027',
	organisation: '',
	fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
	costs: {},
	scoring: 'as_given',
	offers,
	shares: [],
	...extra
});

describe('the answers each view scores', () => {
	it('takes claims as given, reads only verified or buyer answers as given in the verified view, and counts open and rejected as "not sure" in both', () => {
		const answers = {
			a: given('x', { by: 'vendor', state: 'claimed' }),
			b: given('x', { by: 'vendor', state: 'verified' }),
			c: given('x', { by: 'vendor', state: 'disputed' }),
			d: given('x', { by: 'vendor', state: 'rejected' }),
			e: given('x', { by: 'buyer', state: 'disputed' }),
			f: given('x', { by: 'buyer', state: 'rejected' }),
			g: { by: 'vendor', state: 'claimed', note: 'only a note', updatedAt: AT } as OfferAnswer,
			notAsked: given('x')
		};
		const asked = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
		expect(answersFor({ answers }, 'claimed', asked)).toEqual({
			a: { option: 'x' },
			b: { option: 'x' },
			c: { option: 'x' },
			d: { option: NOT_SURE },
			e: { option: 'x' },
			f: { option: NOT_SURE },
			g: { option: NOT_SURE },
			h: { option: NOT_SURE }
		});
		expect(answersFor({ answers }, 'verified', asked)).toEqual({
			a: { option: NOT_SURE },
			b: { option: 'x' },
			c: { option: NOT_SURE },
			d: { option: NOT_SURE },
			e: { option: 'x' },
			f: { option: NOT_SURE },
			g: { option: NOT_SURE },
			h: { option: NOT_SURE }
		});
		// d, f (rejected), g (a note only) and h (nothing) are open
		expect(openQuestions({ answers }, asked)).toBe(4);
	});

	it('asks every question of the ruleset, and the local profile only where a fleet country restricts roaming', () => {
		const ids = tenderQuestionIds(rules, ['DE', 'BR']);
		expect(ids).toHaveLength(44 + 1);
		expect(ids).toContain('local_profile_br');
		expect(ids).not.toContain('local_profile_de');
	});
});

describe('comparing offers', () => {
	it('ranks the offers from the least locked-in, with the ruleset weights', () => {
		const result = compareOffers(
			rules,
			tender([
				offer(1, 'Charlie', byBuyer(CHARLIE)),
				offer(2, 'Bravo', byBuyer(BRAVO)),
				offer(3, 'Alpha', byBuyer(ALPHA))
			])
		);
		expect(result.offers.map((o) => [o.vendor, o.claimed, o.verified])).toEqual([
			['Charlie', { score: 50, rating: 'high' }, { score: 50, rating: 'high' }],
			['Bravo', { score: 5.2, rating: 'low' }, { score: 5.2, rating: 'low' }],
			['Alpha', { score: 3, rating: 'low' }, { score: 3, rating: 'low' }]
		]);
		// Alpha 3.0 < Bravo 5.2 < Charlie 50
		expect(result.ranking).toEqual([ID(3), ID(2), ID(1)]);
		expect(result.weights).toEqual({
			network: 1,
			sim: 1.5,
			data: 0.8,
			platform: 1.2,
			contract: 1,
			security: 0.8
		});
		expect(result.scoredAs).toBe('claimed');
		const alpha = result.offers[2]!;
		expect(Object.fromEntries(alpha.areas.map((a) => [a.id, a.score]))).toEqual({
			network: 15,
			sim: 1.1,
			data: 0,
			platform: 0,
			contract: 0,
			security: 2.5
		});
		expect(alpha.floors).toEqual([]);
		// Charlie: the four floors of the golden physical-swap case, in its order
		expect(result.offers[0]!.floors.map((f) => f.id)).toEqual([
			'cost_total',
			'site_visit_per_device',
			'cost_per_device',
			'lock_in_sign_partly:sign_physical_sim_swap'
		]);
		// 10,000 × (300 × 1.2 + 5) = 3,650,000 for the visits, + 15,000 for 30 days' notice (golden)
		expect(result.offers[0]!.switchingCost.rated).toEqual({ total: 3_650_000, perDevice: 365 });
	});

	it('what-if weights change the ranking, and the floors still apply', () => {
		const offers = [
			offer(1, 'Charlie', byBuyer(CHARLIE)),
			offer(2, 'Bravo', byBuyer(BRAVO)),
			offer(3, 'Alpha', byBuyer(ALPHA))
		];
		const result = compareOffers(rules, tender(offers), { network: 4 });
		// weights 4 + 1.5 + 0.8 + 1.2 + 1 + 0.8 = 9.3
		// Alpha (15×4 + 1.1×1.5 + 2.5×0.8)/9.3 = (60 + 1.65 + 2)/9.3 = 63.65/9.3 = 6.84 → 6.8
		// Bravo (0.8×4 + 1.65 + 35.7×0.8 + 2)/9.3 = (3.2 + 1.65 + 28.56 + 2)/9.3 = 35.41/9.3 = 3.81 → 3.8
		// Charlie: answers (0.8×4 + 17.8×1.5 + 2)/9.3 = 31.9/9.3 = 3.4, still floored to high, 50
		expect(result.offers.map((o) => o.claimed)).toEqual([
			{ score: 50, rating: 'high' },
			{ score: 3.8, rating: 'low' },
			{ score: 6.8, rating: 'low' }
		]);
		expect(result.ranking).toEqual([ID(2), ID(3), ID(1)]);
		expect(result.weights.network).toBe(4);
		expect(result.offers[0]!.floors.map((f) => f.id)).toContain('site_visit_per_device');
	});

	it('saved weights apply, and the request overrides them area by area', () => {
		const offers = [offer(2, 'Bravo', byBuyer(BRAVO)), offer(3, 'Alpha', byBuyer(ALPHA))];
		const saved = tender(offers, { weights: { network: 4, sim: 2 } });
		// weights 4 + 2 + 0.8 + 1.2 + 1 + 0.8 = 9.8
		// Alpha (60 + 1.1×2 + 2)/9.8 = 64.2/9.8 = 6.55 → 6.6; Bravo (3.2 + 2.2 + 28.56 + 2)/9.8 = 35.96/9.8 = 3.67 → 3.7
		const savedResult = compareOffers(rules, saved);
		expect(savedResult.offers.map((o) => o.claimed.score)).toEqual([3.7, 6.6]);
		expect(savedResult.ranking).toEqual([ID(2), ID(3)]);
		expect(offerSummaries(rules, saved).get(ID(3))).toEqual({
			claimed: { score: 6.6, rating: 'low' },
			verified: { score: 6.6, rating: 'low' }
		});
		// network 1 again (sim 2 stays): 1 + 2 + 0.8 + 1.2 + 1 + 0.8 = 6.8
		// Alpha (15 + 2.2 + 2)/6.8 = 19.2/6.8 = 2.82 → 2.8; Bravo (0.8 + 2.2 + 28.56 + 2)/6.8 = 33.56/6.8 = 4.94 → 4.9
		const overridden = compareOffers(rules, saved, { network: 1 });
		expect(overridden.weights).toEqual({
			network: 1,
			sim: 2,
			data: 0.8,
			platform: 1.2,
			contract: 1,
			security: 0.8
		});
		expect(overridden.offers.map((o) => o.claimed.score)).toEqual([4.9, 2.8]);
		expect(overridden.ranking).toEqual([ID(3), ID(2)]);
	});

	it('scores unverified claims as "not sure" in the verified view, and a rejected answer as "not sure" in both', () => {
		// Delta: Alpha's two questions claimed at their best by the vendor, the rest the buyer's.
		const delta = byBuyer({});
		delta.network_sunset_readiness = given('future_proof', { by: 'vendor', state: 'claimed' });
		delta.network_core_redundancy = given('redundant', { by: 'vendor', state: 'disputed' });
		// Echo: as Delta, but the sunset answer rejected: "not sure" in both views.
		const echo = {
			...delta,
			network_sunset_readiness: given('future_proof', { by: 'vendor', state: 'rejected' })
		};
		// Foxtrot: both claims verified: as given in both views.
		const foxtrot = {
			...delta,
			network_sunset_readiness: given('future_proof', { by: 'vendor', state: 'verified' }),
			network_core_redundancy: given('redundant', { by: 'vendor', state: 'verified' })
		};
		const offers = [
			offer(4, 'Delta', delta),
			offer(5, 'Echo', echo),
			offer(6, 'Foxtrot', foxtrot),
			offer(3, 'Alpha', byBuyer(ALPHA)),
			offer(2, 'Bravo', byBuyer(BRAVO))
		];
		const result = compareOffers(rules, tender(offers));
		// Claimed: Delta and Foxtrot are the all-best offer, 0.7.
		// Claimed, Echo: sunset "not sure" min(0.9, worst 0.9) = 0.9 (best future_proof 0), core redundant
		//   0.1: network (0.9 + 0.1)/12 = 8.33 → 8.3; overall (8.3 + 1.65 + 2)/6.3 = 11.95/6.3 = 1.90 → 1.9.
		// Verified, Delta and Echo: both network answers "not sure", 0.9 each, as Alpha: 3.0.
		expect(result.offers.map((o) => [o.vendor, o.claimed.score, o.verified.score, o.open])).toEqual(
			[
				['Delta', 0.7, 3, 0],
				['Echo', 1.9, 3, 1],
				['Foxtrot', 0.7, 0.7, 0],
				['Alpha', 3, 3, 0],
				['Bravo', 5.2, 5.2, 0]
			]
		);
		// Rejecting a claim never makes an offer look better: Echo is below Delta in both views.
		// as given: Delta and Foxtrot 0.7 by vendor name, then Echo 1.9, Alpha 3.0, Bravo 5.2
		expect(result.ranking).toEqual([ID(4), ID(6), ID(5), ID(3), ID(2)]);

		const strict = compareOffers(rules, tender(offers, { scoring: 'unverified_as_not_sure' }));
		expect(strict.scoredAs).toBe('verified');
		// Foxtrot 0.7, then Alpha, Delta and Echo tied at 3.0 (by name), Bravo 5.2
		expect(strict.ranking).toEqual([ID(6), ID(3), ID(4), ID(5), ID(2)]);
		// The areas shown are the verified view's: Echo's network 15.0
		expect(strict.offers[1]!.areas.find((a) => a.id === 'network')!.score).toBe(15);
		// ... and the claimed view's when claims rank: Echo's network 8.3
		expect(result.offers[1]!.areas.find((a) => a.id === 'network')!.score).toBe(8.3);
	});

	it('counts a question an offer leaves open as "not sure", so answering less never ranks higher', () => {
		// Golf answers nothing. All 44 questions "not sure": every risk min(0.9, the question's worst),
		// so far above the all-best offer (0.7); it can never win by silence.
		const golf = offer(7, 'Golf', {});
		const result = compareOffers(rules, tender([golf, offer(6, 'Foxtrot', byBuyer({}))]));
		expect(result.offers[0]!.open).toBe(44);
		expect(result.offers[0]!.questions).toBe(44);
		expect(result.offers[0]!.claimed.score).toBeGreaterThan(50);
		expect(result.ranking).toEqual([ID(6), ID(7)]);
	});

	it('breaks ties by vendor name whatever the order of the offers', () => {
		const result = compareOffers(
			rules,
			tender([offer(1, 'Zulu', byBuyer({})), offer(2, 'alpha', byBuyer({}))])
		);
		expect(result.ranking).toEqual([ID(2), ID(1)]);
	});
});

describe('roaming exposure per country per offer', () => {
	/*
	 * 10,000 devices over Germany and Brazil: 5,000 each (spread evenly). Brazil bans permanent
	 * roaming (high confidence, country data 2.0.0). Golf answers Brazil's local-profile question
	 * "none": nothing cures the ban, so Brazil forces critical (golden: roaming:BR, score 75).
	 * Hotel has a local profile available now, loaded over the air (and the all-best SIM is managed
	 * remotely): the ban is cured, so Brazil is only noted (info) and forces nothing. Germany
	 * restricts nothing: severity none for both, nothing needed.
	 */
	const fleet = { devices: 10_000, countries: ['DE', 'BR'], lifetimeYears: 10 };
	const golf = offer(7, 'Golf', byBuyer({ local_profile_br: 'none' }));
	const hotel = offer(8, 'Hotel', byBuyer({ local_profile_br: 'available' }));
	const result = compareOffers(rules, tender([golf, hotel], { fleet }));

	it('lists every fleet country for every offer, with what cures the rule and what it forces', () => {
		const [g, h] = result.offers;
		expect(g!.roaming.map((r) => r.country)).toEqual(['DE', 'BR']);
		expect(g!.roaming[1]).toEqual({
			country: 'BR',
			name: 'Brazil',
			devices: 5_000,
			kind: 'banned',
			restricted: true,
			severity: 'critical',
			mitigated: false,
			mitigation: 'none',
			localProfile: 'none',
			forces: 'critical'
		});
		expect(h!.roaming[1]).toMatchObject({
			country: 'BR',
			devices: 5_000,
			restricted: true,
			severity: 'info',
			mitigated: true,
			mitigation: 'local_profiles',
			localProfile: 'available',
			forces: null
		});
		expect(g!.roaming[0]).toMatchObject({
			country: 'DE',
			devices: 5_000,
			severity: 'none',
			forces: null,
			localProfile: null
		});
		expect(g!.claimed).toEqual({ score: 75, rating: 'critical' });
		// Hotel, cured, ranks first; Golf is floored to critical by Brazil.
		expect(result.ranking).toEqual([ID(8), ID(7)]);
	});

	it('makes a country × offer table that marks the countries where the offers differ', () => {
		const rows = roamingByCountry(result);
		expect(rows.map((r) => [r.country, r.name, r.devices, r.differs])).toEqual([
			['DE', 'Germany', 5_000, false],
			['BR', 'Brazil', 5_000, true]
		]);
		expect(rows[1]!.cells.map((c) => [c.offerId, c.exposure?.severity])).toEqual([
			[ID(7), 'critical'],
			[ID(8), 'info']
		]);
	});

	it('reads a country an offer has no entry for as null, and differing', () => {
		const [g, h] = result.offers;
		const rows = roamingByCountry({
			offers: [g!, { ...h!, roaming: h!.roaming.filter((r) => r.country !== 'DE') }]
		});
		expect(rows[0]!.cells[1]!.exposure).toBeNull();
		expect(rows[0]!.differs).toBe(true);
	});

	it('lists the offers in ranking order with their places', () => {
		expect(rankedOffers(result).map((o) => [o.place, o.vendor])).toEqual([
			[1, 'Hotel'],
			[2, 'Golf']
		]);
	});
});

describe('weights', () => {
	it("are written back as the comparison query, in the areas' order", () => {
		expect(weightsQuery({ sim: 1.5, network: 2 })).toBe('network:2,sim:1.5');
		expect(weightsQuery({})).toBe('');
		expect(
			parseWeightsQuery(
				weightsQuery({ network: 1, sim: 1.5, data: 0.8, platform: 1.2, contract: 1, security: 0.8 })
			)
		).toEqual({
			ok: true,
			weights: { network: 1, sim: 1.5, data: 0.8, platform: 1.2, contract: 1, security: 0.8 }
		});
	});

	it('fill in the ruleset weights and leave the rules themselves alone', () => {
		const used = weightsUsed(rules, { data: 2 }, undefined, { security: 0.5 });
		expect(used).toEqual({
			network: 1,
			sim: 1.5,
			data: 2,
			platform: 1.2,
			contract: 1,
			security: 0.5
		});
		const copy = withAreaWeights(rules, used);
		expect(copy.ruleset.areas.map((a) => a.weight)).toEqual([1, 1.5, 2, 1.2, 1, 0.5]);
		expect(rules.ruleset.areas.map((a) => a.weight)).toEqual([1, 1.5, 0.8, 1.2, 1, 0.8]);
		expect(copy.ruleset.floors).toBe(rules.ruleset.floors);
	});

	it('are read from the query, every problem named on the path weights', () => {
		expect(parseWeightsQuery('network:2,sim:1')).toEqual({
			ok: true,
			weights: { network: 2, sim: 1 }
		});
		expect(parseWeightsQuery(' data : 0.5 ')).toEqual({ ok: true, weights: { data: 0.5 } });
		for (const bad of [
			'network',
			'network:0',
			'network:-1',
			'network:11',
			'radio:2',
			'network:x',
			'network:1,network:2',
			'',
			'network:1e3'
		]) {
			const parsed = parseWeightsQuery(bad);
			expect(parsed.ok, bad).toBe(false);
			if (!parsed.ok)
				expect(
					parsed.issues.every((i) => i.path === 'weights' && i.message.length > 0),
					bad
				).toBe(true);
		}
	});
});
