import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/lib/assessment/schema';
import { offerAsAssessment, selectedOffer, sideBySide, simulatedView } from '../../../src/lib/tender/fleet';
import type { Offer, OfferAnswer, StoredTender } from '../../../src/lib/tender/schema';

const at = '2026-12-02T03:00:00.000Z';
const answer = (option: string | undefined, by: OfferAnswer['by'], state: OfferAnswer['state']): OfferAnswer => ({
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
const alpha = offer('alpha', 'AlphaNet', {
	claimed: answer('legacy', 'vendor', 'claimed'),
	verified: answer('future_proof', 'vendor', 'verified'),
	disputed: answer('mixed', 'vendor', 'disputed'),
	rejected: answer('physical_swap', 'vendor', 'rejected'),
	buyers: answer('single_point', 'buyer', 'verified'),
	noteOnly: answer(undefined, 'buyer', 'verified')
});
const bravo = offer('bravo', 'BravoTel');
const tender = (scoring: StoredTender['scoring'], currency?: StoredTender['currency']): StoredTender => ({
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
		const record = offerAsAssessment(tender('as_given', 'EUR'), alpha);
		expect(record.answers).toEqual({
			claimed: { option: 'legacy' },
			verified: { option: 'future_proof' },
			disputed: { option: 'mixed' },
			rejected: { option: 'physical_swap' },
			buyers: { option: 'single_point' }
		});
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

	it('unverified as not sure: the buyer\'s and verified answers as given, other claims "not sure", rejected ones open', () => {
		expect(simulatedView('unverified_as_not_sure')).toBe('verified');
		const record = offerAsAssessment(tender('unverified_as_not_sure'), alpha);
		expect(record.answers).toEqual({
			claimed: { option: 'not_sure' },
			verified: { option: 'future_proof' },
			disputed: { option: 'not_sure' },
			buyers: { option: 'single_point' }
		});
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
				{ offerId: 'a', vendor: 'A', lostMoney: 1200.4, offlineDeviceDays: 300.6, availability: 0.99, costToLeave: 50_000 },
				{ offerId: 'b', vendor: 'B', lostMoney: 800, offlineDeviceDays: 301.4, availability: 0.98, costToLeave: 50_000.2 },
				{ offerId: 'c', vendor: 'C', lostMoney: 799.6, offlineDeviceDays: 500, availability: 0.97, costToLeave: 70_000 }
			],
			{ lostMoney: 100.2, offlineDeviceDays: 10.5, availability: 0.999 }
		);
		// Whole units: A 1,200 / 301 / 50,000; B 800 / 301 / 50,000; C 800 / 500 / 70,000; recommended 100 / 11.
		expect(rows.map((r) => [r.offerId, r.lostMoneyOverRecommended, r.offlineOverRecommended, r.lowest])).toEqual([
			['a', 1_100, 290, ['offlineDeviceDays', 'costToLeave']],
			['b', 700, 290, ['lostMoney', 'offlineDeviceDays', 'costToLeave']],
			['c', 700, 489, ['lostMoney']]
		]);
		expect(rows[0]).toMatchObject({ vendor: 'A', lostMoney: 1200.4, availability: 0.99 });
	});

	it('an offer better than the recommended architecture shows a negative difference', () => {
		const [row] = sideBySide([{ offerId: 'a', vendor: 'A', lostMoney: 50, offlineDeviceDays: 0, availability: 1, costToLeave: 0 }], {
			lostMoney: 80,
			offlineDeviceDays: 2,
			availability: 0.99
		});
		expect(row).toMatchObject({ lostMoneyOverRecommended: -30, offlineOverRecommended: -2, lowest: ['lostMoney', 'offlineDeviceDays', 'costToLeave'] });
	});
});
