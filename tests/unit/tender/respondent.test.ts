import { describe, expect, it } from 'vitest';
import {
	liveRespondents,
	respondentStatus,
	respondentSummary,
	vendorOnlyOffer,
	vendorOwnAnswers
} from '../../../src/lib/tender/respondent';
import { offerSchema, type Offer, type Respondent } from '../../../src/lib/tender/schema';

const AT = '2027-01-01T00:00:00.000Z';
const NOW = new Date('2027-06-01T00:00:00.000Z');
const link = (extra: Partial<Respondent> = {}): Respondent => ({
	id: 'respAAAAAAAAAAAAAAAAAA',
	tokenHash: 'h'.repeat(43),
	label: 'bid team',
	createdAt: AT,
	expiresAt: null,
	revokedAt: null,
	submittedAt: null,
	reopenedAt: null,
	...extra
});
const offer = (respondents: Respondent[] = []): Offer => ({
	id: 'offerAAAAAAAAAAAAAAAAA',
	vendor: 'Alpha',
	createdAt: AT,
	answers: {
		q1: {
			option: 'a',
			statement: 'We do',
			evidence: 'Offer 4.2',
			note: 'buyer note',
			by: 'vendor',
			state: 'verified',
			stateNote: 'seen',
			updatedAt: AT
		},
		q2: { option: 'b', note: 'the buyer answered', by: 'buyer', state: 'verified', updatedAt: AT },
		q3: { note: 'only a note', by: 'vendor', state: 'claimed', updatedAt: AT }
	},
	history: [],
	respondents
});

describe('respondent links', () => {
	it('are active until revoked or past their expiry', () => {
		expect(respondentStatus(link(), NOW)).toBe('active');
		expect(respondentStatus(link({ expiresAt: '2027-06-01T00:00:00.001Z' }), NOW)).toBe('active');
		expect(respondentStatus(link({ expiresAt: '2027-06-01T00:00:00.000Z' }), NOW)).toBe('expired');
		expect(
			respondentStatus(link({ revokedAt: AT, expiresAt: '2020-01-01T00:00:00.000Z' }), NOW)
		).toBe('revoked');
		expect(
			liveRespondents(offer([link(), link({ revokedAt: AT }), link({ expiresAt: AT })]), NOW)
		).toBe(1);
	});

	it('are shown to the buyer without the token hash', () => {
		const summary = respondentSummary(link({ submittedAt: AT }), NOW);
		expect(summary).not.toHaveProperty('tokenHash');
		expect(summary).toMatchObject({ status: 'active', submittedAt: AT, label: 'bid team' });
	});

	it("show the vendor only what it gave: no notes, states, or the buyer's own answers", () => {
		expect(vendorOwnAnswers(offer())).toEqual({
			q1: { option: 'a', statement: 'We do', evidence: 'Offer 4.2' }
		});
		expect(Object.keys(vendorOnlyOffer(offer()).answers)).toEqual(['q1', 'q3']);
	});

	it('are none in an offer stored before they existed', () => {
		const { respondents: _none, ...legacy } = offer();
		expect(offerSchema.parse(legacy).respondents).toEqual([]);
	});
});
