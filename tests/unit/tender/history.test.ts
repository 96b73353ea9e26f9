import { describe, expect, it } from 'vitest';
import {
	cappedHistory,
	MAX_VENDOR_HISTORY,
	VENDOR_RECENT_PER_FIELD
} from '../../../src/lib/tender/history';
import type { HistoryEntry } from '../../../src/lib/tender/schema';

const entry = (
	n: number,
	by: HistoryEntry['by'] = 'vendor',
	questionId = `q${n}`,
	field: HistoryEntry['field'] = 'option'
): HistoryEntry => ({
	at: '2026-01-01T00:00:00.000Z',
	by,
	questionId,
	field,
	old: null,
	new: String(n)
});
const limits = (vendorTotal: number, recentPerField = 10) => ({ vendorTotal, recentPerField });

describe("an offer's history", () => {
	it('is kept whole within its bounds (the same object: nothing to copy)', () => {
		const offer = { history: [entry(1), entry(2), entry(3)] };
		expect(cappedHistory(offer, limits(3))).toBe(offer);
	});

	it("keeps, per question and field, the vendor's first entry and its latest ones; other fields and questions keep theirs", () => {
		const statement = (n: number) => entry(n, 'vendor', 'q1', 'statement');
		const offer = {
			history: [
				statement(1),
				entry(100, 'vendor', 'q1', 'option'),
				statement(2),
				statement(3),
				entry(200, 'vendor', 'q2', 'statement'),
				statement(4),
				statement(5)
			]
		};
		const capped = cappedHistory(offer, limits(100, 2)).history;
		// q1's statement: the first (1) and the latest two (4, 5); 2 and 3 go.
		expect(capped.map((h) => h.new)).toEqual(['1', '100', '200', '4', '5']);
		expect(offer.history).toHaveLength(7);
	});

	it("never drops a buyer's entry, however many the vendor makes around it", () => {
		const history = [
			entry(1, 'vendor', 'q1', 'statement'),
			entry(2, 'buyer', 'q1', 'state'),
			entry(3, 'buyer', 'q1', 'stateNote'),
			...Array.from({ length: 50 }, (_, i) => entry(10 + i, 'vendor', 'q1', 'statement')),
			entry(4, 'buyer', 'q1', 'stateNote')
		];
		const capped = cappedHistory({ history }, limits(5, 3)).history;
		expect(capped.filter((h) => h.by === 'buyer').map((h) => h.new)).toEqual(['2', '3', '4']);
		// The vendor's: the total of 5 keeps the first claim and the latest three of the field.
		expect(capped.filter((h) => h.by === 'vendor').map((h) => h.new)).toEqual([
			'1',
			'57',
			'58',
			'59'
		]);
	});

	it("holds the vendor's entries to the total, dropping the oldest, first claims last", () => {
		// Five questions answered once each (five first claims) and one revised thrice.
		const history = [
			entry(1),
			entry(2),
			entry(3),
			entry(4),
			entry(5),
			entry(6, 'vendor', 'q1'),
			entry(7, 'vendor', 'q1'),
			entry(8, 'vendor', 'q1')
		];
		expect(cappedHistory({ history }, limits(6)).history.map((h) => h.new)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'8'
		]);
		// Fewer than the first claims: every later entry goes, then the oldest first claims.
		expect(cappedHistory({ history }, limits(3)).history.map((h) => h.new)).toEqual([
			'3',
			'4',
			'5'
		]);
		expect(
			cappedHistory({ history: [...history, entry(9, 'buyer')] }, limits(3)).history.map(
				(h) => h.new
			)
		).toEqual(['3', '4', '5', '9']);
	});

	it("keeps at most 2,000 of the vendor's entries and 10 latest per field besides the first, by default", () => {
		expect(MAX_VENDOR_HISTORY).toBe(2_000);
		expect(VENDOR_RECENT_PER_FIELD).toBe(10);
		const offer = { history: Array.from({ length: 2_001 }, (_, i) => entry(i)) };
		const capped = cappedHistory(offer).history;
		expect(capped).toHaveLength(2_000);
		expect(capped[0]!.new).toBe('1');
		expect(capped.at(-1)!.new).toBe('2000');
		const one = cappedHistory({
			history: Array.from({ length: 30 }, (_, i) => entry(i, 'vendor', 'q', 'statement'))
		}).history;
		expect(one.map((h) => h.new)).toEqual([
			'0',
			...Array.from({ length: 10 }, (_, i) => String(20 + i))
		]);
	});
});
