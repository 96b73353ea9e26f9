import { describe, expect, it } from 'vitest';
import type { AppliedFloor, AreaScore } from '../../../src/lib/scoring/types';
import {
	compareOffers,
	weightsUsed,
	type Comparison,
	type OfferComparison
} from '../../../src/lib/tender/compare';
import { recommend } from '../../../src/lib/tender/recommendation';
import type { Offer, OfferAnswer, StoredTender } from '../../../src/lib/tender/schema';
import { BEST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';

/*
 * Scores of the real comparison (Alpha 3.0, Bravo 5.2, Charlie 50 with four floors) are worked out
 * by hand in compare.test.ts from rules/ruleset.yaml 2.1.0. The contract demands are the
 * recommendations of the offer's risky answers (risk 0.5 or more), copied from the ruleset:
 * Alpha's two network answers are both high (risk 0.9) with the same impact (1 × 1 × 0.9), so they
 * come by id: network_core_redundancy, then network_sunset_readiness; neither option has its own
 * recommendation, so the question's applies. The other comparisons are built by hand.
 */

const rules = shippedRules();
const AT = '2026-12-02T03:00:00.000Z';
const ID = (n: number) => `offer${String(n).padStart(17, '0')}`;
const buyer = (option: string): OfferAnswer => ({
	option,
	by: 'buyer',
	state: 'verified',
	updatedAt: AT
});
const claim = (option: string): OfferAnswer => ({
	option,
	by: 'vendor',
	state: 'claimed',
	updatedAt: AT
});
const answersOf = (changes: Record<string, string> = {}, claims: Record<string, string> = {}) => ({
	...Object.fromEntries(
		Object.entries({ ...BEST, ...changes }).map(([id, option]) => [id, buyer(option)])
	),
	...Object.fromEntries(Object.entries(claims).map(([id, option]) => [id, claim(option)]))
});
const offer = (
	n: number,
	vendor: string,
	answers: Record<string, OfferAnswer> = answersOf()
): Offer => ({
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
	organisation: 'Stadtwerke',
	fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
	costs: {},
	scoring: 'as_given',
	offers,
	shares: [],
	...extra
});

const SITE_VISIT: AppliedFloor = {
	id: 'site_visit_per_device',
	rating: 'high',
	reason: 'Changing provider needs a site visit for each device.',
	confidence: 'high',
	source: 'answers',
	raises: true
};
const COST: AppliedFloor = {
	id: 'cost_total',
	rating: 'high',
	reason: 'Leaving would cost more than USD 1 million.',
	confidence: 'medium',
	source: 'cost',
	raises: true
};

const area = (
	id: AreaScore['id'],
	title: string,
	score: number | null,
	rating: AreaScore['rating']
): AreaScore => ({
	id,
	title,
	score,
	rating,
	answered: 1,
	notSure: 0,
	total: 1
});

/** An offer as the comparison shows it; the cost to leave is not read by the recommendation. */
function compared(
	n: number,
	vendor: string,
	claimed: [number, OfferComparison['claimed']['rating']],
	verified = claimed,
	floors: AppliedFloor[] = [],
	areas: AreaScore[] = []
): OfferComparison {
	return {
		id: ID(n),
		vendor,
		// Every offer below answers all 44 questions of ruleset 2.1.0 (Germany asks no local profile).
		open: 0,
		questions: 44,
		claimed: { score: claimed[0], rating: claimed[1] },
		verified: { score: verified[0], rating: verified[1] },
		areas,
		floors,
		switchingCost: {} as OfferComparison['switchingCost'],
		roaming: []
	};
}

const comparison = (
	offers: OfferComparison[],
	ranking: number[],
	scoredAs: Comparison['scoredAs'] = 'claimed'
): Comparison => ({
	scoring: scoredAs === 'claimed' ? 'as_given' : 'unverified_as_not_sure',
	scoredAs,
	offers,
	ranking: ranking.map(ID),
	weights: weightsUsed(rules)
});

const NONE_RISKY =
	'None of its answers is risky: keep its terms as offered in the signed contract, and assess it again at renewal.';

describe('recommending an offer', () => {
	it('takes the least locked-in offer of a real comparison, with its margin, weakest areas and contract terms', () => {
		const t = tender([
			offer(1, 'Charlie', answersOf({ sim_ota_switching: 'physical_swap' })),
			offer(
				2,
				'Bravo',
				answersOf({
					data_overage_rate: 'provider_discretion',
					data_minimum_session_charge: 'large',
					data_fee_basis: 'all_issued',
					data_sim_fee_caps: 'provider_discretion'
				})
			),
			offer(
				3,
				'Alpha',
				answersOf({ network_sunset_readiness: 'legacy', network_core_redundancy: 'single_point' })
			)
		]);
		const result = recommend(rules, t, compareOffers(rules, t), 'en');
		expect(result).toEqual({
			outcome: 'recommended',
			offerId: ID(3),
			vendor: 'Alpha',
			headline:
				'Recommended: the offer from Alpha. It is the least locked-in of the 3 offers, at 3/100 (low) with the vendors’ claims taken as given, and no deal-breaker applies to it.',
			// 5.2 − 3.0 = 2.2, under 5: narrow
			reasons: [
				'It scores 2.2 points below Bravo (5.2/100, low), the next offer without a deal-breaker. A narrow lead: one or two answers could reverse it.'
			],
			cautions: [
				'Every answer behind Alpha’s score is verified or your own: the choice does not rest on unverified claims.'
			],
			restsOnUnverified: false,
			// network 15, security 2.5, sim 1.1, the rest 0
			weakest: ['Network coverage: 15/100 (low)', 'Security architecture: 2.5/100 (low)'],
			demands: [
				"Ask for the provider's outage history, core-network redundancy and an availability commitment with service credits, and check it against your own uptime needs.",
				'Check every device model and country against published 2G/3G switch-off dates, and ask the vendor to commit to notice of network closures affecting your SIMs.'
			]
		});
	});

	it('says the same recommendation in German, with German figures and rating words', () => {
		const t = tender([
			offer(1, 'Charlie', answersOf({ sim_ota_switching: 'physical_swap' })),
			offer(
				2,
				'Bravo',
				answersOf({
					data_overage_rate: 'provider_discretion',
					data_minimum_session_charge: 'large',
					data_fee_basis: 'all_issued',
					data_sim_fee_caps: 'provider_discretion'
				})
			),
			offer(
				3,
				'Alpha',
				answersOf({ network_sunset_readiness: 'legacy', network_core_redundancy: 'single_point' })
			)
		]);
		const result = recommend(rules, t, compareOffers(rules, t), 'de');
		expect(result).toMatchObject({
			outcome: 'recommended',
			offerId: ID(3),
			vendor: 'Alpha',
			headline:
				'Empfohlen: das Angebot von Alpha. Es ist das am wenigsten gebundene der 3 Angebote, mit 3/100 (niedrig) bei Angaben der Anbieter wie gemacht, und kein K.-o.-Kriterium trifft darauf zu.',
			// 5.2 − 3.0 = 2.2, under 5: narrow
			reasons: [
				'Es liegt 2,2 Punkte unter Bravo (5,2/100, niedrig), dem nächsten Angebot ohne K.-o.-Kriterium. Ein knapper Vorsprung: Eine oder zwei Antworten könnten ihn umkehren.'
			],
			cautions: [
				'Jede Antwort hinter dem Wert von Alpha ist verifiziert oder Ihre eigene: Die Wahl beruht nicht auf nicht verifizierten Angaben.'
			],
			// The area titles are the rules' own; the figures and rating words German.
			weakest: ['Network coverage: 15/100 (niedrig)', 'Security architecture: 2,5/100 (niedrig)']
		});
	});

	it('ranks an offer that has answered nothing last and never recommends it: its score says nothing yet', () => {
		// Delta leaves all 44 questions open ("not sure", risk up to 0.9 each); Alpha 3.0 as in the comparison above.
		const t = tender([
			offer(1, 'Delta', {}),
			offer(
				3,
				'Alpha',
				answersOf({ network_sunset_readiness: 'legacy', network_core_redundancy: 'single_point' })
			)
		]);
		const comparison = compareOffers(rules, t);
		expect(comparison.offers.find((o) => o.id === ID(1))!).toMatchObject({
			open: 44,
			questions: 44
		});
		expect(comparison.ranking).toEqual([ID(3), ID(1)]);
		const result = recommend(rules, t, comparison, 'en');
		expect(result.outcome).toBe('recommended');
		expect(result.vendor).toBe('Alpha');
		expect(result.headline).toBe(
			'Recommended: the offer from Alpha. It is the only offer that has answered, at 3/100 (low) with the vendors’ claims taken as given, and no deal-breaker applies to it.'
		);
		expect(result.reasons).toEqual([
			'It is the only offer without a deal-breaker.',
			'Delta has not answered any question yet, so its score says nothing and it is not recommended.'
		]);
	});

	it('recommends none while no offer has answered', () => {
		const t = tender([offer(1, 'Delta', {}), offer(2, 'Echo', {})]);
		const result = recommend(rules, t, compareOffers(rules, t), 'en');
		expect(result).toMatchObject({
			outcome: 'nothing_answered',
			offerId: null,
			vendor: null,
			headline: 'No offer can be recommended yet: none of the 2 offers has answered a question.'
		});
	});

	it('passes over a lower-scoring offer with a deal-breaker, and says why', () => {
		const t = tender([offer(1, 'Xenon'), offer(2, 'Ypsilon'), offer(3, 'Zeta')]);
		const areas = [
			area('network', 'Network coverage', 40, 'moderate'),
			area('sim', 'SIM portability', 55, 'high'),
			area('data', 'Data management', 0, 'low'),
			area('platform', 'Management platform', null, null)
		];
		const result = recommend(
			rules,
			t,
			comparison(
				[
					compared(1, 'Xenon', [30, 'moderate'], undefined, [SITE_VISIT]),
					compared(2, 'Ypsilon', [40, 'moderate'], undefined, [], areas),
					compared(3, 'Zeta', [60, 'high'])
				],
				[1, 2, 3]
			),
			'en'
		);
		expect(result.outcome).toBe('recommended');
		expect(result.vendor).toBe('Ypsilon');
		expect(result.headline).toBe(
			'Recommended: the offer from Ypsilon. It is the least locked-in offer without a deal-breaker, at 40/100 (moderate) with the vendors’ claims taken as given.'
		);
		expect(result.reasons).toEqual([
			'It scores 20 points below Zeta (60/100, high), the next offer without a deal-breaker.',
			'Xenon scores lower, 30/100 (moderate), but has a deal-breaker: Changing provider needs a site visit for each device (at least high, high confidence).'
		]);
		expect(result.weakest).toEqual([
			'SIM portability: 55/100 (high)',
			'Network coverage: 40/100 (moderate)'
		]);
		expect(result.demands).toEqual([NONE_RISKY]);
	});

	it('says when the only offer without a deal-breaker is taken', () => {
		const t = tender([offer(1, 'Alpha'), offer(2, 'Bravo')]);
		const result = recommend(
			rules,
			t,
			comparison(
				[
					compared(1, 'Alpha', [50, 'high'], undefined, [SITE_VISIT]),
					compared(2, 'Bravo', [60, 'high'])
				],
				[1, 2]
			),
			'en'
		);
		expect(result.vendor).toBe('Bravo');
		expect(result.reasons[0]).toBe('It is the only offer without a deal-breaker.');
		expect(result.weakest).toEqual([
			'No area scores above 0: every answer keeps you free to leave.'
		]);
	});

	it('warns when the ranking rests on unverified claims, and names the offer the verified scores put first', () => {
		const t = tender([
			offer(
				1,
				'Alpha',
				answersOf(
					{},
					{
						sim_ota_switching: 'any_provider',
						platform_api: 'full_api',
						contract_exit_terms: 'clean_exit'
					}
				)
			),
			offer(2, 'Bravo')
		]);
		const result = recommend(
			rules,
			t,
			comparison(
				[
					compared(1, 'Alpha', [10, 'low'], [40, 'moderate']),
					compared(2, 'Bravo', [20, 'low'], [15, 'low'])
				],
				[1, 2]
			),
			'en'
		);
		expect(result.vendor).toBe('Alpha');
		expect(result.reasons).toEqual([
			'It scores 10 points below Bravo (20/100, low), the next offer without a deal-breaker.'
		]);
		expect(result.cautions).toEqual([
			'This ranking takes the vendors’ claims as given: 3 of Alpha’s answers are claims you have not verified, and with them read as “not sure” it scores 40/100 (moderate) instead of 10.',
			'Counting only what you verified, Bravo would come first (15 against 40): the choice rests on claims not verified yet. Verify the claims listed under “Clarification questions” before you sign.'
		]);
		expect(result.restsOnUnverified).toBe(true);
	});

	it('in the verified mode, says what the claims would have given', () => {
		const t = tender([offer(1, 'Alpha'), offer(2, 'Bravo')], { scoring: 'unverified_as_not_sure' });
		const result = recommend(
			rules,
			t,
			comparison(
				[
					compared(1, 'Alpha', [30, 'moderate'], [12, 'low']),
					compared(2, 'Bravo', [5, 'low'], [20, 'low'])
				],
				[1, 2],
				'verified'
			),
			'en'
		);
		expect(result.headline).toBe(
			'Recommended: the offer from Alpha. It is the least locked-in of the 2 offers, at 12/100 (low) with every unverified claim read as “not sure”, and no deal-breaker applies to it.'
		);
		expect(result.cautions).toEqual([
			'As Alpha claims its answers, it would score 30/100 (moderate); the ranking counts only what you verified (12).',
			'Taken as the vendors claim them, Bravo would come first (5 against 30); its lead rests on claims you have not verified.'
		]);
		// The verified view counts no claim it has not verified.
		expect(result.restsOnUnverified).toBe(false);
	});

	it('picks none when the best offers without a deal-breaker tie', () => {
		const t = tender([offer(1, 'Alpha'), offer(2, 'Bravo'), offer(3, 'Charlie')]);
		const result = recommend(
			rules,
			t,
			comparison(
				[
					compared(1, 'Alpha', [12.5, 'low']),
					compared(2, 'Bravo', [12.5, 'low']),
					compared(3, 'Charlie', [30, 'moderate'])
				],
				[1, 2, 3]
			),
			'en'
		);
		expect(result).toMatchObject({
			outcome: 'tie',
			offerId: null,
			vendor: null,
			headline:
				'No single offer comes first: Alpha and Bravo tie at 12.5/100 (low) with the vendors’ claims taken as given, and no deal-breaker applies to either.',
			weakest: ['Alpha: no area scores above 0', 'Bravo: no area scores above 0'],
			demands: []
		});
	});

	it('picks none when every offer has a deal-breaker, and says what the least locked-in must change', () => {
		const t = tender([
			offer(1, 'Alpha', answersOf({ sim_ota_switching: 'physical_swap' })),
			offer(2, 'Bravo')
		]);
		const result = recommend(
			rules,
			t,
			comparison(
				[
					compared(1, 'Alpha', [50, 'high'], undefined, [SITE_VISIT]),
					compared(2, 'Bravo', [75, 'critical'], undefined, [COST, SITE_VISIT])
				],
				[1, 2]
			),
			'en'
		);
		expect(result).toEqual({
			outcome: 'all_deal_breakers',
			offerId: null,
			vendor: null,
			headline:
				'No offer can be recommended as it stands: every one of the 2 offers has a deal-breaker.',
			reasons: [
				'Alpha (50/100, high) has a deal-breaker: Changing provider needs a site visit for each device (at least high, high confidence).',
				'Bravo (75/100, critical) has 2 deal-breakers (all listed under “Deal-breakers”), the first: Leaving would cost more than USD 1 million (at least high, medium confidence).',
				'The least locked-in, Alpha, could become acceptable only if its deal-breakers are removed in negotiation: score it again with the vendor’s written commitments before you choose.'
			],
			cautions: [],
			restsOnUnverified: false,
			weakest: [],
			// sim_ota_switching physical_swap (risk 1) has its own recommendation in the ruleset
			demands: [
				"Ask for eUICCs that download other operators' profiles over the air; if the offer stays as it is, budget a site visit per device for any change of provider."
			]
		});
	});
});

describe('claims that do not move the chosen offer', () => {
	it('says so, and does not call the choice one that rests on them', () => {
		// Built by hand: Alpha has two unverified claims, and the same score claimed and verified.
		const t = tender([
			offer(1, 'Alpha', answersOf({}, { platform_api: 'full_api', data_pooling: 'fleet_pool' })),
			offer(2, 'Bravo')
		]);
		const result = recommend(
			rules,
			t,
			comparison(
				[
					compared(1, 'Alpha', [10, 'low'], [10, 'low']),
					compared(2, 'Bravo', [20, 'low'], [20, 'low'])
				],
				[1, 2]
			),
			'en'
		);
		expect(result.cautions).toEqual([
			'2 of Alpha’s answers are claims you have not verified, but reading them as “not sure” leaves its score at 10/100.'
		]);
		expect(result.restsOnUnverified).toBe(false);
	});
});

describe('open, rejected and disputed answers', () => {
	it('never recommends an offer for answering less: an empty offer and one with every answer rejected rank last', () => {
		// Alpha: every question at its best (0.7). Empty: no answer. Rejco: the best answers, every one rejected.
		// Open and rejected count as "not sure" (risk 0.9, never above the question's worst), far above 0.7.
		const rejected = Object.fromEntries(
			Object.entries(BEST).map(([id, option]) => [
				id,
				{ ...claim(option), state: 'rejected' as const }
			])
		);
		const t = tender([offer(1, 'Empty', {}), offer(2, 'Rejco', rejected), offer(3, 'Alpha')]);
		const compared = compareOffers(rules, t);
		expect(compared.offers.map((o) => [o.vendor, o.open])).toEqual([
			['Empty', 44],
			['Rejco', 44],
			['Alpha', 0]
		]);
		expect(compared.ranking[0]).toBe(ID(3));
		const result = recommend(rules, t, compared, 'en');
		expect(result.vendor).toBe('Alpha');
	});

	it('names the questions still open and the disputed answers of the chosen offer, and never calls it fully verified then', () => {
		// Built by hand: Alpha's comparison says 3 questions are open; one of its answers is disputed.
		const answers = answersOf();
		answers.platform_api = {
			...claim('full_api'),
			state: 'disputed',
			stateNote: 'No API reference in the bid'
		};
		const t = tender([offer(1, 'Alpha', answers), offer(2, 'Bravo')]);
		const alpha = { ...compared(1, 'Alpha', [10, 'low'], [10, 'low']), open: 3 };
		const result = recommend(
			rules,
			t,
			comparison([alpha, compared(2, 'Bravo', [20, 'low'], [20, 'low'])], [1, 2]),
			'en'
		);
		expect(result.cautions).toEqual([
			'One of Alpha’s answers is a claim you have not verified, but reading it as “not sure” leaves its score at 10/100.',
			'You dispute one of Alpha’s answers: settle it in writing before you sign.',
			'3 of the 44 questions are still open for Alpha (no answer, or an answer you rejected) and count as “not sure” in both scores: they are among the clarification questions.'
		]);
		expect(result.cautions.join(' ')).not.toContain('verified or your own');
	});
});
