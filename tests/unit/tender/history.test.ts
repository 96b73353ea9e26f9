import { describe, expect, it } from 'vitest';
import { cappedHistory, MAX_OFFER_HISTORY } from '../../../src/lib/tender/history';

const entry = (n: number) => ({ at: '2026-01-01T00:00:00.000Z', by: 'vendor' as const, questionId: `q${n}`, field: 'option' as const, old: null, new: String(n) });

describe("an offer's history", () => {
	it('is kept whole up to the cap (the same object: nothing to copy)', () => {
		const offer = { history: [entry(1), entry(2), entry(3)] };
		expect(cappedHistory(offer, 3)).toBe(offer);
	});

	it('drops the oldest entries beyond the cap and keeps the newest in order', () => {
		const offer = { history: [entry(1), entry(2), entry(3), entry(4), entry(5)] };
		expect(cappedHistory(offer, 3).history.map((h) => h.new)).toEqual(['3', '4', '5']);
		expect(offer.history).toHaveLength(5);
	});

	it('is capped at 2,000 entries by default', () => {
		expect(MAX_OFFER_HISTORY).toBe(2_000);
		const offer = { history: Array.from({ length: 2_001 }, (_, i) => entry(i)) };
		const capped = cappedHistory(offer).history;
		expect(capped).toHaveLength(2_000);
		expect(capped[0]!.new).toBe('1');
		expect(capped.at(-1)!.new).toBe('2000');
	});
});
