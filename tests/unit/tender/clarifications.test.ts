import { describe, expect, it } from 'vitest';
import { clarifications, countByKind } from '../../../src/lib/tender/clarifications';
import type { Offer, OfferAnswer, StoredTender } from '../../../src/lib/tender/schema';
import { BEST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';

/*
 * Expected texts are copied from rules/ruleset.yaml 2.1.0 (questions, askVendor, why); the stakes
 * are worked out by hand from its weights: areas network 1, sim 1.5, data 0.8, platform 1.2,
 * contract 1, security 0.8 (sum 6.3); question weight sums network 12, sim 18.
 * A stake is 100 × area share × question share × ("not sure" risk − the claimed option's risk),
 * "not sure" being 0.9 capped at the question's worst option:
 * - sim_ota_switching (weight 3), claimed any_provider (risk 0), worst physical_swap 1:
 *   100 × 1.5/6.3 × 3/18 × 0.9 = 3.571 → 3.6
 * - network_core_redundancy (weight 1), claimed redundant (0.1), worst single_point 0.9:
 *   100 × 1/6.3 × 1/12 × 0.8 = 1.058 → 1.1
 */

const rules = shippedRules();
const AT = '2026-12-02T03:00:00.000Z';
const buyer = (option: string): OfferAnswer => ({
	option,
	by: 'buyer',
	state: 'verified',
	updatedAt: AT
});
const vendor = (option: string, extra: Partial<OfferAnswer> = {}): OfferAnswer => ({
	option,
	by: 'vendor',
	state: 'claimed',
	updatedAt: AT,
	...extra
});

function offerWith(changes: Record<string, OfferAnswer | null>): Offer {
	const answers: Record<string, OfferAnswer> = Object.fromEntries(
		Object.entries(BEST).map(([id, option]) => [id, buyer(option)])
	);
	for (const [id, answer] of Object.entries(changes)) {
		if (answer === null) delete answers[id];
		else answers[id] = answer;
	}
	return {
		id: 'offerAAAAAAAAAAAAAAAAA',
		vendor: 'Acme IoT',
		createdAt: AT,
		answers,
		history: [],
		respondents: []
	};
}

const tenderOf = (offers: Offer[]): Pick<StoredTender, 'offers' | 'fleet' | 'weights'> => ({
	offers,
	fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 }
});

describe('clarification questions per vendor', () => {
	const offer = offerWith({
		contract_exit_terms: vendor('clean_exit', {
			state: 'disputed',
			stateNote: 'Draft clause 14.2 says the SIMs must be returned.'
		}),
		platform_api: vendor('full_api', {
			state: 'rejected',
			stateNote: 'No API documentation came with the bid.'
		}),
		data_pooling: vendor('not_sure'),
		security_device_client: null,
		sim_ota_switching: vendor('any_provider', {
			statement: 'Our eUICCs take any profile.',
			evidence: 'Bid §4.2'
		}),
		network_core_redundancy: vendor('redundant'),
		// a claim the buyer verified is settled: not asked again
		network_multi_imsi: vendor('multi_operator_profiles', { state: 'verified' })
	});
	const [result] = clarifications(rules, tenderOf([offer]), 'en');

	it('lists disputed, rejected, not sure, unanswered, then unverified claims by what they move', () => {
		expect(result!.vendor).toBe('Acme IoT');
		expect(result!.items.map((i) => [i.kind, i.questionId, i.stake])).toEqual([
			['disputed', 'contract_exit_terms', null],
			['rejected', 'platform_api', null],
			['not_sure', 'data_pooling', null],
			['unanswered', 'security_device_client', null],
			['unverified', 'sim_ota_switching', 3.6],
			['unverified', 'network_core_redundancy', 1.1]
		]);
		expect(countByKind(result!.items)).toEqual({
			disputed: 1,
			rejected: 1,
			not_sure: 1,
			unanswered: 1,
			unverified: 2
		});
	});

	it('names the question, what to ask, why, and the buyer’s note on a disputed answer', () => {
		const disputed = result!.items[0]!;
		expect(disputed).toMatchObject({
			area: 'Contract terms',
			question:
				'When the contract ends, may you keep the SIMs and use them with another provider, or must you return or destroy them?',
			ask: 'On termination, do we have any obligation to return or destroy SIMs? What termination fees apply per SIM, and what assistance will you give to transfer profiles, eIM and data to another provider?',
			buyerNote: 'Draft clause 14.2 says the SIMs must be returned.',
			reason:
				'You dispute this answer: until the vendor backs it up, the verified score reads it as “not sure”.'
		});
		expect(disputed.why.length).toBeGreaterThan(20);
		expect(result!.items[1]).toMatchObject({
			buyerNote: 'No API documentation came with the bid.',
			ask: 'Please send your API documentation (an OpenAPI specification if available) and rate limits. Which SIM lifecycle, usage and SMS functions are available through the API, and which only in the dashboard?'
		});
		expect(result!.items[2]).toMatchObject({
			answer: 'Not sure',
			reason: 'Answered “not sure”: it counts as a risk until it is answered.'
		});
		expect(result!.items[3]).toMatchObject({
			answer: null,
			question: 'Does the solution need VPN or other client software installed on the devices?'
		});
	});

	it('keeps the vendor’s statement and evidence with an unverified claim, and says what it moves', () => {
		expect(result!.items[4]).toMatchObject({
			answer: 'Yes, to a profile from any operator or provider we choose',
			statement: 'Our eUICCs take any profile.',
			evidence: 'Bid §4.2',
			reason:
				'Claimed by the vendor, not verified yet: if it proved as uncertain as “not sure”, the overall score would rise by up to 3.6 points.'
		});
		expect(result!.items[4]!.buyerNote).toBeUndefined();
	});

	it('gives its reasons in German when asked, with the stake in German figures', () => {
		const [german] = clarifications(rules, tenderOf([offer]), 'de');
		// The same items in the same order: only the words change.
		expect(german!.items.map((i) => [i.kind, i.questionId, i.stake])).toEqual(
			result!.items.map((i) => [i.kind, i.questionId, i.stake])
		);
		expect(german!.items[0]!.reason).toBe(
			'Sie bestreiten diese Antwort: Bis der Anbieter sie belegt, liest der verifizierte Wert sie als „nicht sicher“.'
		);
		expect(german!.items[3]!.reason).toBe(
			'Nicht beantwortet: Die Bewertung bleibt vorläufig, bis sie beantwortet ist.'
		);
		expect(german!.items[4]!.reason).toBe(
			'Vom Anbieter angegeben, noch nicht verifiziert: Erwiese sie sich als so unsicher wie „nicht sicher“, stiege der Gesamtwert um bis zu 3,6 Punkte.'
		);
	});

	it('weighs stakes with the weights used: a heavier network area raises the network claim', () => {
		// network 4: sum 4 + 1.5 + 0.8 + 1.2 + 1 + 0.8 = 9.3
		// core redundancy 100 × 4/9.3 × 1/12 × 0.8 = 2.867 → 2.9; OTA 100 × 1.5/9.3 × 3/18 × 0.9 = 2.419 → 2.4
		const [weighted] = clarifications(
			rules,
			{ ...tenderOf([offer]), weights: { network: 4 } },
			'en'
		);
		expect(
			weighted!.items.filter((i) => i.kind === 'unverified').map((i) => [i.questionId, i.stake])
		).toEqual([
			['network_core_redundancy', 2.9],
			['sim_ota_switching', 2.4]
		]);
	});

	it('asks nothing of an offer whose every answer is the buyer’s own', () => {
		const [clean] = clarifications(rules, tenderOf([offerWith({})]), 'en');
		expect(clean!.items).toEqual([]);
	});

	it('asks the per-country local-profile question where the fleet goes somewhere that restricts roaming', () => {
		// Brazil restricts permanent roaming: its local-profile question is asked, and open here.
		const tender = {
			...tenderOf([offerWith({})]),
			fleet: { devices: 10_000, countries: ['DE', 'BR'], lifetimeYears: 10 }
		};
		const [withBrazil] = clarifications(rules, tender, 'en');
		expect(withBrazil!.items.map((i) => [i.kind, i.questionId, i.area])).toEqual([
			['unanswered', 'local_profile_br', 'SIM portability']
		]);
		expect(withBrazil!.items[0]!.question).toContain('Brazil');
	});
});
