import { describe, expect, it } from 'vitest';
import * as tenders from '../../../src/lib/server/tenders';
import { getTenderStore } from '../../../src/lib/server/store';
import { MAX_OFFER_HISTORY } from '../../../src/lib/tender/history';
import { useTempDataDir } from '../api/temp-data-dir';

useTempDataDir();
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 3, minute)).toISOString();

describe("an offer's history on the server", () => {
	it('keeps the newest 2,000 entries: a change to an offer at the cap drops its oldest entries', async () => {
		const record = await tenders.create(
			tenders.tenderSchemasFor().createBody.parse({
				title: 'Meters 2027',
				fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
				offers: [{ vendor: 'Alpha', answers: { network_sunset_readiness: { option: 'future_proof' } } }, { vendor: 'Bravo' }]
			})
		);
		const offerId = record.offers[0]!.id;
		// An offer already at the cap (written straight to the store: no save path would take this long).
		const old = Array.from({ length: MAX_OFFER_HISTORY }, (_, i) => ({
			at: at(0),
			by: 'vendor' as const,
			questionId: 'network_sunset_readiness',
			field: 'statement' as const,
			old: null,
			new: `entry ${i}`
		}));
		await getTenderStore().update(record.id, (current) => ({
			...current,
			offers: current.offers.map((o) => (o.id === offerId ? { ...o, history: old } : o))
		}));

		// Verifying with a note changes two fields: two new entries, so entries 0 and 1 go.
		await tenders.patchAnswer(record.id, offerId, 'network_sunset_readiness', { state: 'verified', stateNote: 'Annex 3' }, new Date(at(5)));
		const stored = (await tenders.read(record.id))!.offers[0]!.history;
		expect(stored).toHaveLength(MAX_OFFER_HISTORY);
		expect(stored[0]!.new).toBe('entry 2');
		expect(stored.slice(-2).map((h) => [h.field, h.old, h.new])).toEqual([
			['state', 'claimed', 'verified'],
			['stateNote', null, 'Annex 3']
		]);
		// The other offer's (empty) history is untouched.
		expect((await tenders.read(record.id))!.offers[1]!.history).toEqual([]);
	});
});
