import { describe, expect, it } from 'vitest';
import * as tenders from '../../../src/lib/server/tenders';
import { getTenderStore } from '../../../src/lib/server/store';
import { MAX_VENDOR_HISTORY } from '../../../src/lib/tender/history';
import type { HistoryEntry } from '../../../src/lib/tender/schema';
import { useTempDataDir } from '../api/temp-data-dir';

useTempDataDir();
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 3, minute)).toISOString();
const Q = 'network_sunset_readiness';

async function tenderWithHistory(history: HistoryEntry[]) {
	const record = await tenders.create(
		tenders.tenderSchemasFor().createBody.parse({
			title: 'Meters 2027',
			fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
			offers: [
				{ vendor: 'Alpha', answers: { [Q]: { option: 'future_proof' } } },
				{ vendor: 'Bravo' }
			]
		})
	);
	const offerId = record.offers[0]!.id;
	// Written straight to the store: an offer already past the bounds (as one made before them was).
	await getTenderStore().update(record.id, (current) => ({
		...current,
		offers: current.offers.map((o) => (o.id === offerId ? { ...o, history } : o))
	}));
	return { id: record.id, offerId };
}

const vendorStatement = (i: number): HistoryEntry => ({
	at: at(0),
	by: 'vendor',
	questionId: Q,
	field: 'statement',
	old: null,
	new: `entry ${i}`
});
const buyerNote = (i: number): HistoryEntry => ({
	at: at(0),
	by: 'buyer',
	questionId: Q,
	field: 'stateNote',
	old: null,
	new: `dispute ${i}`
});

describe("an offer's history on the server", () => {
	it("keeps every buyer entry on a change, and of the vendor's entries per field the first and the latest ten", async () => {
		// 2,000 vendor drafts of one statement with three buyer dispute notes among them.
		const history = Array.from({ length: MAX_VENDOR_HISTORY }, (_, i) => vendorStatement(i));
		history.splice(1_500, 0, buyerNote(3));
		history.splice(500, 0, buyerNote(2));
		history.splice(1, 0, buyerNote(1));
		const { id, offerId } = await tenderWithHistory(history);

		// Verifying with a note changes two fields: two new buyer entries.
		await tenders.patchAnswer(
			id,
			offerId,
			Q,
			{ state: 'verified', stateNote: 'Annex 3' },
			new Date(at(5))
		);
		const stored = (await tenders.read(id))!.offers[0]!.history;
		expect(stored.filter((h) => h.by === 'buyer').map((h) => [h.field, h.old, h.new])).toEqual([
			['stateNote', null, 'dispute 1'],
			['stateNote', null, 'dispute 2'],
			['stateNote', null, 'dispute 3'],
			['state', 'claimed', 'verified'],
			['stateNote', null, 'Annex 3']
		]);
		expect(stored.filter((h) => h.by === 'vendor').map((h) => h.new)).toEqual([
			'entry 0',
			...Array.from({ length: 10 }, (_, i) => `entry ${1_990 + i}`)
		]);
		// The other offer's (empty) history is untouched.
		expect((await tenders.read(id))!.offers[1]!.history).toEqual([]);
	});
});
