import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/lib/assessment/schema';
import {
	offerAsAssessment,
	selectedOffer,
	sideBySide,
	simulatedView
} from '../../../src/lib/tender/fleet';
import type { Offer, OfferAnswer, StoredTender } from '../../../src/lib/tender/schema';
import { shippedRules } from '../rules/read-rules';

const at = '2026-12-02T03:00:00.000Z';
const answer = (
	option: string | undefined,
	by: OfferAnswer['by'],
	state: OfferAnswer['state']
): OfferAnswer => ({
	...(option !== undefined ? { option } : { note: 'only a note' }),
	by,
	state,
	updatedAt: at
});
const offer = (id: string, vendor: string, answers: Record<string, OfferAnswer> = {}): Offer => ({
	id: id.padEnd(22, 'x'),
	vendor,
	createdAt: at,
	answers,
	history: [],
	respondents: []
});
const rules = shippedRules();
/** Ruleset 2.1.0 asks 44 questions; Germany asks no local-profile question. */
const ASKED = 44;
const alpha = offer('alpha', 'AlphaNet', {
	network_sunset_readiness: answer('legacy', 'vendor', 'claimed'),
	network_core_redundancy: answer('redundant', 'vendor', 'verified'),
	network_multi_imsi: answer('mixed', 'vendor', 'disputed'),
	sim_ota_switching: answer('physical_swap', 'vendor', 'rejected'),
	contract_exit_terms: answer('single_point', 'buyer', 'verified'),
	platform_api: answer(undefined, 'buyer', 'verified')
});
/** What the other questions, which alpha leaves open, read as: "not sure". */
const notSureCount = (answers: Record<string, { option?: string }>) =>
	Object.values(answers).filter((a) => a.option === 'not_sure').length;
const bravo = offer('bravo', 'BravoTel');
const tender = (
	scoring: StoredTender['scoring'],
	currency?: StoredTender['currency']
): StoredTender => ({
	schemaVersion: 1,
	id: 'T'.repeat(22),
	revision: 7,
	rulesetVersion: '2.1.0',
	createdAt: at,
	updatedAt: '2026-12-02T04:00:00.000Z',
	title: 'Meters 2027',
	organisation: 'Utility',
	...(currency ? { currency } : {}),
	fleet: { devices: 100, countries: ['DE'], lifetimeYears: 5 },
	costs: { fieldVisitPerDevice: 90 },
	scoring,
	offers: [alpha, bravo],
	shares: []
});

describe("an offer's simulation reads its answers by the tender's scoring mode", () => {
	it('claims as given: every answer with an option, whoever gave it and whatever its state', () => {
		expect(simulatedView('as_given')).toBe('claimed');
		const record = offerAsAssessment(rules, tender('as_given', 'EUR'), alpha);
		expect(record.answers).toMatchObject({
			network_sunset_readiness: { option: 'legacy' },
			network_core_redundancy: { option: 'redundant' },
			network_multi_imsi: { option: 'mixed' },
			sim_ota_switching: { option: 'not_sure' },
			contract_exit_terms: { option: 'single_point' },
			platform_api: { option: 'not_sure' }
		});
		// Every question is asked; the rejected one, the note-only one and the 38 unanswered are "not sure".
		expect(Object.keys(record.answers)).toHaveLength(ASKED);
		expect(notSureCount(record.answers)).toBe(ASKED - 4);
		expect(record).toMatchObject({
			schemaVersion: SCHEMA_VERSION,
			id: alpha.id,
			revision: 7,
			rulesetVersion: '2.1.0',
			title: 'Meters 2027: AlphaNet',
			vendor: 'AlphaNet',
			organisation: 'Utility',
			currency: 'EUR',
			fleet: { devices: 100, countries: ['DE'], lifetimeYears: 5 },
			costs: { fieldVisitPerDevice: 90 }
		});
		expect('shares' in record).toBe(false);
	});

	it('unverified as not sure: the buyer\'s and verified answers as given, other claims "not sure", rejected and open ones "not sure"', () => {
		expect(simulatedView('unverified_as_not_sure')).toBe('verified');
		const record = offerAsAssessment(rules, tender('unverified_as_not_sure'), alpha);
		expect(record.answers).toMatchObject({
			network_sunset_readiness: { option: 'not_sure' },
			network_core_redundancy: { option: 'redundant' },
			network_multi_imsi: { option: 'not_sure' },
			sim_ota_switching: { option: 'not_sure' },
			contract_exit_terms: { option: 'single_point' },
			platform_api: { option: 'not_sure' }
		});
		expect(Object.keys(record.answers)).toHaveLength(ASKED);
		expect(notSureCount(record.answers)).toBe(ASKED - 2);
		// No currency on the tender: none on the record either (the scorer's default applies).
		expect('currency' in record).toBe(false);
	});
});

describe('the offer a page shows', () => {
	it('is the one ?offer= names, the first without one, and none for an id the tender does not have', () => {
		const record = tender('as_given');
		expect(selectedOffer(record, null)).toBe(alpha);
		expect(selectedOffer(record, '')).toBe(alpha);
		expect(selectedOffer(record, bravo.id)).toBe(bravo);
		expect(selectedOffer(record, 'nope')).toBeNull();
	});
});

describe('the offers side by side', () => {
	it('each beside the recommended architecture, lowest of the offers marked, compared in whole units', () => {
		const rows = sideBySide(
			[
				{
					offerId: 'a',
					vendor: 'A',
					lostMoney: 1200.4,
					offlineDeviceDays: 300.6,
					availability: 0.99,
					costToLeave: 50_000
				},
				{
					offerId: 'b',
					vendor: 'B',
					lostMoney: 800,
					offlineDeviceDays: 301.4,
					availability: 0.98,
					costToLeave: 50_000.2
				},
				{
					offerId: 'c',
					vendor: 'C',
					lostMoney: 799.6,
					offlineDeviceDays: 500,
					availability: 0.97,
					costToLeave: 70_000
				}
			],
			{ lostMoney: 100.2, offlineDeviceDays: 10.5, availability: 0.999 }
		);
		// Whole units: A 1,200 / 301 / 50,000; B 800 / 301 / 50,000; C 800 / 500 / 70,000; recommended 100 / 11.
		expect(
			rows.map((r) => [r.offerId, r.lostMoneyOverRecommended, r.offlineOverRecommended, r.lowest])
		).toEqual([
			['a', 1_100, 290, ['offlineDeviceDays', 'costToLeave']],
			['b', 700, 290, ['lostMoney', 'offlineDeviceDays', 'costToLeave']],
			['c', 700, 489, ['lostMoney']]
		]);
		expect(rows[0]).toMatchObject({ vendor: 'A', lostMoney: 1200.4, availability: 0.99 });
	});

	it('an offer better than the recommended architecture shows a negative difference', () => {
		const [row] = sideBySide(
			[
				{
					offerId: 'a',
					vendor: 'A',
					lostMoney: 50,
					offlineDeviceDays: 0,
					availability: 1,
					costToLeave: 0
				}
			],
			{
				lostMoney: 80,
				offlineDeviceDays: 2,
				availability: 0.99
			}
		);
		expect(row).toMatchObject({
			lostMoneyOverRecommended: -30,
			offlineOverRecommended: -2,
			lowest: ['lostMoney', 'offlineDeviceDays', 'costToLeave']
		});
	});
});
