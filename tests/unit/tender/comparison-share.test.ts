import { describe, expect, it } from 'vitest';
import { compareOffers, weightsFromSearch } from '../../../src/lib/tender/compare';
import {
	comparisonShareStatus,
	comparisonShareSummary,
	liveComparisonShares,
	sharedComparisonView
} from '../../../src/lib/tender/comparison-share';
import { answerMatrix } from '../../../src/lib/tender/matrix';
import {
	storedTenderSchema,
	type ComparisonShare,
	type StoredTender
} from '../../../src/lib/tender/schema';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();
const AT = '2026-12-02T03:00:00.000Z';
const NOW = new Date('2026-12-02T04:00:00.000Z');
const TENDER_ID = 'tenderAAAAAAAAAAAAAAAAA'.slice(0, 22);
const HASH = 'h'.repeat(43);

const share = (extra: Partial<ComparisonShare> = {}): ComparisonShare => ({
	id: 'shareAAAAAAAAAAAAAAAAA',
	tokenHash: HASH,
	label: 'Board',
	createdAt: AT,
	expiresAt: null,
	revokedAt: null,
	lastOpenedAt: null,
	...extra
});

const tender: StoredTender = {
	schemaVersion: 1,
	id: TENDER_ID,
	revision: 3,
	rulesetVersion: rules.ruleset.version,
	createdAt: AT,
	updatedAt: AT,
	title: 'Meters 2027',
	organisation: 'Stadtwerke',
	fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 10 },
	costs: {},
	scoring: 'as_given',
	weights: { network: 2 },
	offers: [
		{
			id: 'offerAAAAAAAAAAAAAAAAA',
			vendor: 'Alpha',
			createdAt: AT,
			answers: {
				sim_ota_switching: {
					option: 'physical_swap',
					note: 'SECRET-NOTE',
					statement: 'SECRET-STATEMENT',
					evidence: 'SECRET-EVIDENCE',
					by: 'vendor',
					state: 'disputed',
					stateNote: 'SECRET-STATE-NOTE',
					updatedAt: AT
				}
			},
			history: [
				{
					at: AT,
					by: 'buyer',
					questionId: 'sim_ota_switching',
					field: 'state',
					old: 'claimed',
					new: 'disputed'
				}
			],
			respondents: [
				{
					id: 'respAAAAAAAAAAAAAAAAAA',
					tokenHash: 'r'.repeat(43),
					label: 'SECRET-RESPONDENT',
					createdAt: AT,
					expiresAt: null,
					revokedAt: null,
					submittedAt: null,
					reopenedAt: null
				}
			]
		},
		{
			id: 'offerBBBBBBBBBBBBBBBBB',
			vendor: 'Bravo',
			createdAt: AT,
			answers: {},
			history: [],
			respondents: []
		}
	],
	shares: [share()]
};

describe('comparison links', () => {
	it('are active until revoked or past their expiry', () => {
		expect(comparisonShareStatus(share(), NOW)).toBe('active');
		expect(comparisonShareStatus(share({ expiresAt: '2026-12-02T04:00:00.000Z' }), NOW)).toBe(
			'expired'
		);
		expect(comparisonShareStatus(share({ expiresAt: '2026-12-02T04:00:00.001Z' }), NOW)).toBe(
			'active'
		);
		expect(
			comparisonShareStatus(share({ revokedAt: AT, expiresAt: '2020-01-01T00:00:00.000Z' }), NOW)
		).toBe('revoked');
		expect(
			liveComparisonShares(
				{ shares: [share(), share({ revokedAt: AT }), share({ expiresAt: AT })] },
				NOW
			)
		).toBe(1);
	});

	it('are listed to the owner without their token hash', () => {
		const summary = comparisonShareSummary(share(), NOW);
		expect(summary).not.toHaveProperty('tokenHash');
		expect(summary).toMatchObject({
			id: 'shareAAAAAAAAAAAAAAAAA',
			label: 'Board',
			status: 'active'
		});
	});

	it('default to none in a record stored before they existed', () => {
		const { shares: _shares, ...old } = tender;
		expect(storedTenderSchema.parse(old).shares).toEqual([]);
	});

	it('show the comparison and the answers, and nothing of the tender behind them', () => {
		const view = sharedComparisonView(
			tender,
			share(),
			compareOffers(rules, tender),
			answerMatrix(rules, tender)
		);
		expect(view.tender).toEqual({
			title: 'Meters 2027',
			organisation: 'Stadtwerke',
			currency: 'USD',
			fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 10 },
			updatedAt: AT,
			weightsSaved: true
		});
		expect(view.share).toEqual({ label: 'Board', expiresAt: null });
		expect(view.comparison.weights.network).toBe(2);
		const cell = view.matrix.rows.find((r) => r.questionId === 'sim_ota_switching')!.cells[0]!;
		expect(cell).toEqual({
			offerId: 'offerAAAAAAAAAAAAAAAAA',
			answer: 'No; changing provider means replacing the SIM on site',
			state: 'disputed',
			by: 'vendor'
		});
		const text = JSON.stringify(view);
		for (const secret of [
			TENDER_ID,
			HASH,
			'SECRET-NOTE',
			'SECRET-STATEMENT',
			'SECRET-EVIDENCE',
			'SECRET-STATE-NOTE',
			'SECRET-RESPONDENT',
			'r'.repeat(43),
			'"history"',
			'"respondents"',
			'"revision"'
		]) {
			expect(text, secret).not.toContain(secret);
		}
	});
});

describe('what-if weights from a page address', () => {
	it('reads ?weights= or one field per area, checked as the API checks them', () => {
		expect(weightsFromSearch(new URLSearchParams(''))).toEqual({});
		expect(weightsFromSearch(new URLSearchParams('only=differences'))).toEqual({});
		expect(weightsFromSearch(new URLSearchParams('weights=network:2,sim:1.5'))).toEqual({
			weights: { network: 2, sim: 1.5 }
		});
		expect(weightsFromSearch(new URLSearchParams('network=2&sim=1.5&only=differences'))).toEqual({
			weights: { network: 2, sim: 1.5 }
		});
		expect(weightsFromSearch(new URLSearchParams('network=0')).error).toMatch(/more than zero/);
		expect(weightsFromSearch(new URLSearchParams('network=abc')).error).toBeDefined();
		expect(weightsFromSearch(new URLSearchParams('weights=radio:2')).error).toMatch(
			/Unknown area "radio"/
		);
	});
});
