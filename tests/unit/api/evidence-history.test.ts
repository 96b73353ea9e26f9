/**
 * Evidence writes keep an offer's history within the same bounds as every other write
 * (history.ts): a vendor attaching and removing files in a loop never pushes out the buyer's entries.
 */
import { describe, expect, it } from 'vitest';
import { attachEvidence, removeEvidence } from '../../../src/lib/server/evidence';
import { createRespondent, openRespondent } from '../../../src/lib/server/respondents';
import { getTenderStore } from '../../../src/lib/server/store';
import * as tenders from '../../../src/lib/server/tenders';
import type { HistoryEntry } from '../../../src/lib/tender/schema';
import { useTempDataDir } from './temp-data-dir';

useTempDataDir();
const Q = 'network_sunset_readiness';
const at = '2026-12-01T00:00:00.000Z';

describe('evidence writes', () => {
	it("keep every buyer entry and, of the vendor's file entries, the first and the latest ten", async () => {
		const record = await tenders.create(
			tenders.tenderSchemasFor().createBody.parse({
				title: 'T',
				fleet: { devices: 10, countries: ['DE'], lifetimeYears: 1 },
				offers: [{ vendor: 'A', answers: { [Q]: { option: 'future_proof' } } }, { vendor: 'B' }]
			})
		);
		const offerId = record.offers[0]!.id;
		const created = await createRespondent(record.id, offerId, { label: '' });
		if (!created || created === 'no-offer') throw new Error('no link');
		// Thirty earlier attach entries of the vendor's, with the buyer's dispute note among them.
		const file = (i: number): HistoryEntry => ({
			at,
			by: 'vendor',
			questionId: Q,
			field: 'file',
			old: null,
			new: `old-${i}.txt`
		});
		const history = Array.from({ length: 30 }, (_, i) => file(i));
		history.splice(5, 0, {
			at,
			by: 'buyer',
			questionId: Q,
			field: 'stateNote',
			old: null,
			new: 'No annex attached'
		});
		await getTenderStore().update(record.id, (current) => ({
			...current,
			offers: current.offers.map((o) => (o.id === offerId ? { ...o, history } : o))
		}));

		const open = async () => {
			const opened = await openRespondent(created.token);
			if (opened.status !== 'active') throw new Error(opened.status);
			return opened;
		};
		const attached = await attachEvidence(await open(), Q, {
			bytes: new TextEncoder().encode('Annex 3, section 2\n'),
			name: 'annex.txt'
		});
		const afterAttach = (await tenders.read(record.id))!.offers[0]!.history;
		expect(afterAttach.filter((h) => h.by === 'buyer').map((h) => h.new)).toEqual([
			'No annex attached'
		]);
		expect(afterAttach.filter((h) => h.by === 'vendor').map((h) => [h.old, h.new])).toEqual([
			[null, 'old-0.txt'],
			...Array.from({ length: 9 }, (_, i) => [null, `old-${21 + i}.txt`]),
			[null, 'annex.txt']
		]);

		expect(await removeEvidence(await open(), Q, attached.id)).toBe(true);
		const afterRemove = (await tenders.read(record.id))!.offers[0]!.history;
		expect(afterRemove.filter((h) => h.by === 'buyer')).toHaveLength(1);
		expect(afterRemove.filter((h) => h.by === 'vendor').map((h) => [h.old, h.new])).toEqual([
			[null, 'old-0.txt'],
			...Array.from({ length: 8 }, (_, i) => [null, `old-${22 + i}.txt`]),
			[null, 'annex.txt'],
			['annex.txt', null]
		]);
	});
});
