import { describe, expect, it } from 'vitest';
import { tenderBodyFromForm, tenderFieldErrors } from '../../../src/routes/tenders/new/tender-form';
import { answerFilter, shows } from '../../../src/routes/t/[id]/offers/[offerId]/filters';
import type { OfferAnswer } from '../../../src/lib/tender/schema';

const formOf = (pairs: [string, string][]) => {
	const form = new FormData();
	for (const [name, value] of pairs) form.append(name, value);
	return form;
};

describe('the new-tender form', () => {
	it('skips blank vendor rows and remembers which row each offer came from', () => {
		const { body, rows } = tenderBodyFromForm(
			formOf([
				['title', 'Meters'],
				['devices', '1 000'],
				['countries', 'de'],
				['lifetimeYears', '10'],
				['vendor.0', 'Alpha'],
				['vendor.1', '  '],
				['vendor.3', 'Bravo'],
				['vendor.8', 'Ninth row is not read']
			])
		);
		expect(body.offers).toEqual([{ vendor: 'Alpha' }, { vendor: 'Bravo' }]);
		expect(rows).toEqual([0, 3]);
		expect(body.fleet).toMatchObject({ devices: 1000, countries: ['DE'], lifetimeYears: 10 });
		expect(body).not.toHaveProperty('fromAssessment');
	});

	it('names an offer error by the row it was typed in', () => {
		const errors = tenderFieldErrors(
			[
				{ path: ['offers', 1, 'vendor'], message: 'Too long' },
				{ path: ['offers'], message: 'Too few' },
				{ path: ['fleet', 'devices'], message: 'Not a number' }
			],
			[0, 3]
		);
		expect(errors).toEqual({
			'offers.3.vendor': 'Too long',
			offers: 'Too few',
			'fleet.devices': 'Not a number'
		});
	});
});

describe('the offer review filter', () => {
	const answer = (state: OfferAnswer['state']): OfferAnswer => ({
		option: 'x',
		by: 'vendor',
		state,
		updatedAt: '2026-12-01T00:00:00.000Z'
	});

	it('reads an unknown filter as all', () => {
		expect(answerFilter('disputed')).toBe('disputed');
		expect(answerFilter('everything')).toBe('all');
		expect(answerFilter(null)).toBe('all');
	});

	it('shows claims awaiting verification, disputes and open questions apart', () => {
		const claimed = answer('claimed');
		const disputed = answer('disputed');
		// A note alone is not an answer.
		const noteOnly: OfferAnswer = {
			note: 'ask',
			by: 'buyer',
			state: 'verified',
			updatedAt: '2026-12-01T00:00:00.000Z'
		};
		expect([claimed, disputed, noteOnly, null].map((a) => shows('awaiting', a))).toEqual([
			true,
			false,
			false,
			false
		]);
		expect([claimed, disputed, noteOnly, null].map((a) => shows('disputed', a))).toEqual([
			false,
			true,
			false,
			false
		]);
		expect([claimed, disputed, noteOnly, null].map((a) => shows('unanswered', a))).toEqual([
			false,
			false,
			true,
			true
		]);
		expect([claimed, disputed, noteOnly, null].map((a) => shows('all', a))).toEqual([
			true,
			true,
			true,
			true
		]);
	});
});
