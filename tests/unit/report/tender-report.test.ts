import { beforeAll, describe, expect, it } from 'vitest';
import { buildTenderReport } from '../../../src/lib/report/tender/build';
import { ReportInputError } from '../../../src/lib/report/errors';
import type { Offer, OfferAnswer, StoredTender } from '../../../src/lib/tender/schema';
import { BEST } from '../../fixtures/scoring/answers';
import { reportFont } from '../../fixtures/report';
import { shippedRules } from '../rules/read-rules';
import { pdfInfo, pdfPages, squash } from './pdf-tools';

/*
 * Hand-worked from rules/ruleset.yaml 2.1.0 (the per-area scores are those of compare.test.ts):
 * Alpha = best but two network answers at 0.9 → network 15; Bravo = best but four data answers
 * → data 35.7; Charlie = best but sim_ota_switching physical_swap → floored to high (50).
 * With the what-if weight network 3 (others 1.5, 0.8, 1.2, 1, 0.8; sum 8.3):
 *   Alpha (15×3 + 1.1×1.5 + 2.5×0.8)/8.3 = 48.65/8.3 = 5.86 → 5.9
 *   Bravo (0.8×3 + 1.1×1.5 + 35.7×0.8 + 2.5×0.8)/8.3 = 34.61/8.3 = 4.17 → 4.2
 * so the ranking is Bravo, Alpha, Charlie, and Bravo (no floor) is recommended.
 * Bravo's contract_exit_terms is the vendor's claim, disputed by the buyer: the claimed score
 * (the tender scores claims as given) still reads it as given.
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
const answers = (changes: Record<string, string>, extra: Record<string, OfferAnswer> = {}) => ({
	...Object.fromEntries(
		Object.entries({ ...BEST, ...changes }).map(([id, option]) => [id, buyer(option)])
	),
	...extra
});
const offer = (n: number, vendor: string, given: Record<string, OfferAnswer>): Offer => ({
	id: ID(n),
	vendor,
	createdAt: AT,
	answers: given,
	history: [],
	respondents: []
});

const DISPUTE_NOTE = 'Draft clause 14.2 of the master agreement says the SIMs must be returned.';
const tender: StoredTender = {
	shares: [],
	schemaVersion: 1,
	id: 'tenderAAAAAAAAAAAAAAAA',
	revision: 3,
	rulesetVersion: rules.ruleset.version,
	createdAt: AT,
	updatedAt: AT,
	title: 'Smart meters 2027',
	organisation: 'Stadtwerke Musterstadt',
	fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
	costs: {},
	currency: 'EUR',
	scoring: 'as_given',
	offers: [
		offer(1, 'Charlie', answers({ sim_ota_switching: 'physical_swap' })),
		offer(
			2,
			'Alpha',
			answers({ network_sunset_readiness: 'legacy', network_core_redundancy: 'single_point' })
		),
		offer(
			3,
			'Bravo',
			answers(
				{
					data_overage_rate: 'provider_discretion',
					data_minimum_session_charge: 'large',
					data_fee_basis: 'all_issued',
					data_sim_fee_caps: 'provider_discretion'
				},
				{
					contract_exit_terms: {
						option: 'clean_exit',
						by: 'vendor',
						state: 'disputed',
						stateNote: DISPUTE_NOTE,
						statement: 'You keep every SIM.',
						updatedAt: AT
					}
				}
			)
		)
	]
};

describe('the tender report', () => {
	let pdf: Uint8Array;
	let pages: string[];
	let text: string;
	beforeAll(async () => {
		pdf = await buildTenderReport({
			tender,
			rules,
			weights: { network: 3 },
			branding: { consultantName: 'Jana Nowak', firm: 'Connectivity Advisors' },
			generatedAt: new Date('2026-12-02T09:00:00Z'),
			font: reportFont()
		});
		pages = pdfPages(pdf);
		text = squash(pages.join('\n'));
	});

	it('is a PDF with the tender’s title, the consultant and the ruleset on the cover', () => {
		expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
		const info = pdfInfo(pdf);
		expect(info.Title).toBe('Smart meters 2027');
		expect(info.Author).toBe('Jana Nowak, Connectivity Advisors');
		const cover = squash(pages[0]!);
		expect(cover).toContain(squash('Smart meters 2027'));
		expect(cover).toContain(squash('Stadtwerke Musterstadt'));
		expect(cover).toContain(squash('Prepared by Jana Nowak, Connectivity Advisors'));
		expect(cover).toContain(squash('2 December 2026'));
		expect(cover).toContain(squash(`Version ${rules.ruleset.version}`));
		expect(cover).toContain(squash('Recommended offer Bravo'));
	});

	it('ranks the offers with their claimed and verified scores', () => {
		const ranking = text.slice(text.indexOf(squash('RankOfferClaimedVerified')));
		expect(ranking).toContain(squash('1 Bravo 4.2 · Low'));
		expect(ranking).toContain(squash('2 Alpha 5.9 · Low'));
		expect(ranking).toContain(squash('3 Charlie 50 · High'));
		expect(ranking.indexOf('1Bravo')).toBeLessThan(ranking.indexOf('2Alpha'));
		expect(ranking.indexOf('2Alpha')).toBeLessThan(ranking.indexOf('3Charlie'));
	});

	it('recommends the least locked-in offer without a deal-breaker, and lists the deal-breaker of another', () => {
		expect(text).toContain(
			squash(
				'Recommended: the offer from Bravo. It is the least locked-in of the 3 offers, at 4.2/100 (low)'
			)
		);
		// 5.9 − 4.2 = 1.7
		expect(text).toContain(
			squash(
				'It scores 1.7 points below Alpha (5.9/100, low), the next offer without a deal-breaker.'
			)
		);
		const dealBreakers = text.slice(text.lastIndexOf(squash('3Deal-breakers')));
		expect(dealBreakers).toContain(squash('3. Charlie'));
		expect(dealBreakers).toContain(
			squash('Changing provider needs a site visit for each of 10,000 devices')
		);
	});

	it('has a section of clarification questions per vendor, with the disputed answer and the buyer’s note', () => {
		const start = pages.findIndex(
			(p) =>
				squash(p).includes(squash('Clarification questions: Bravo')) &&
				!squash(p).includes('Contents')
		);
		expect(start).toBeGreaterThan(0);
		const bravo = squash(pages.slice(start).join('\n'));
		expect(bravo).toContain(squash('Answers we dispute'));
		expect(bravo).toContain(
			squash(
				'When the contract ends, may you keep the SIMs and use them with another provider, or must you return or destroy them?'
			)
		);
		expect(bravo).toContain(squash(`Why we dispute it ${DISPUTE_NOTE}`));
		expect(bravo).toContain(squash('Your statement You keep every SIM.'));
		expect(text).toContain(squash('Clarification questions: Alpha'));
		expect(text).toContain(squash('Clarification questions: Charlie'));
	});

	it('prints the weights used and where each came from', () => {
		const appendix = text.slice(
			text.lastIndexOf(squash('Appendix A Weights and how the offers are compared'))
		);
		expect(appendix).toContain(squash('Network coverage 1 3 What-if, for this report only'));
		expect(appendix).toContain(squash('SIM portability 1.5 1.5 The ruleset’s'));
		expect(text).toContain(squash('Appendix B Methodology'));
	});

	it('recommends none, and says so on the cover, when every offer has a deal-breaker', async () => {
		// Charlie alone is floored (site visits at 10,000 devices); a second physical-swap offer makes both.
		const both: StoredTender = {
			...tender,
			offers: [
				tender.offers[0]!,
				offer(4, 'Delta', answers({ sim_ota_switching: 'physical_swap' }))
			]
		};
		const cover = squash(
			pdfPages(
				await buildTenderReport({
					tender: both,
					rules,
					branding: {},
					generatedAt: new Date('2026-12-02T09:00:00Z'),
					font: reportFont()
				})
			)[0]!
		);
		expect(cover).toContain(squash('No offer without a deal-breaker'));
		expect(cover).toContain(
			squash(
				'No offer can be recommended as it stands: every one of the 2 offers has a deal-breaker.'
			)
		);
	});

	it('refuses bad branding with the field at fault', async () => {
		await expect(
			buildTenderReport({
				tender,
				rules,
				branding: { paper: 'a3' as 'a4' },
				generatedAt: new Date(),
				font: reportFont()
			})
		).rejects.toBeInstanceOf(ReportInputError);
	});
});
