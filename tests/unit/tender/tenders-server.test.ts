import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as tenders from '../../../src/lib/server/tenders';
import { getTenderStore } from '../../../src/lib/server/store';
import { MAX_OFFERS } from '../../../src/lib/tender/schema';
import { useTempDataDir } from '../api/temp-data-dir';

const dataDir = useTempDataDir();
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 3, minute));

const body = (offers = 2) =>
	tenders.tenderSchemasFor().createBody.parse({
		title: 'Meters 2027',
		fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
		offers: Array.from({ length: offers }, (_, i) => ({
			vendor: `Vendor ${i + 1}`,
			answers: i === 0 ? { network_sunset_readiness: { option: 'future_proof' } } : undefined
		}))
	});

describe('the tender store', () => {
	it('keeps each tender in tenders/<xx>/<id>.json, with no temp file left', async () => {
		const records = await Promise.all(Array.from({ length: 5 }, () => tenders.create(body())));
		const files = readdirSync(join(dataDir(), 'tenders'), { recursive: true })
			.map(String)
			.filter((f) => f.endsWith('.json'));
		expect(files.sort()).toEqual(records.map((r) => join(r.id.slice(0, 2), `${r.id}.json`)).sort());
		expect(
			readdirSync(join(dataDir(), 'tenders'), { recursive: true })
				.map(String)
				.filter((f) => f.endsWith('.tmp'))
		).toEqual([]);
		const onDisk = JSON.parse(
			readFileSync(
				join(dataDir(), 'tenders', records[0]!.id.slice(0, 2), `${records[0]!.id}.json`),
				'utf8'
			)
		);
		expect(onDisk).toEqual(records[0]);
		expect((await getTenderStore().ids()).sort()).toEqual(records.map((r) => r.id).sort());
	});

	it('refuses to create an id twice and a record from a newer server', async () => {
		const record = await tenders.create(body());
		await expect(getTenderStore().create(record)).rejects.toThrow(/Tender .* already exists/);
		const path = join(dataDir(), 'tenders', record.id.slice(0, 2), `${record.id}.json`);
		const { writeFileSync } = await import('node:fs');
		writeFileSync(path, JSON.stringify({ ...record, schemaVersion: 2 }));
		await expect(tenders.read(record.id)).rejects.toThrow(/Stored tender .* is unreadable/);
	});
});

describe('answers of an offer', () => {
	it('a vendor claim starts claimed; the buyer verifies it, then answers directly; each field change is in the history', async () => {
		const record = await tenders.create(body(), null, at(0));
		const offerId = record.offers[0]!.id;
		expect(record.offers[0]!.answers.network_sunset_readiness).toEqual({
			option: 'future_proof',
			by: 'vendor',
			state: 'claimed',
			updatedAt: at(0).toISOString()
		});

		const verified = await tenders.patchAnswer(
			record.id,
			offerId,
			'network_sunset_readiness',
			{ state: 'verified', stateNote: 'Roadmap, annex 3' },
			at(1)
		);
		expect(verified).not.toBe('no-offer');
		if (!verified || verified === 'no-offer') return;
		expect(verified.answer).toEqual({
			option: 'future_proof',
			by: 'vendor',
			state: 'verified',
			stateNote: 'Roadmap, annex 3',
			updatedAt: at(1).toISOString()
		});
		expect(verified.history).toEqual([
			{
				at: at(1).toISOString(),
				by: 'buyer',
				questionId: 'network_sunset_readiness',
				field: 'state',
				old: 'claimed',
				new: 'verified'
			},
			{
				at: at(1).toISOString(),
				by: 'buyer',
				questionId: 'network_sunset_readiness',
				field: 'stateNote',
				old: null,
				new: 'Roadmap, annex 3'
			}
		]);

		const answered = await tenders.patchAnswer(
			record.id,
			offerId,
			'network_sunset_readiness',
			{ option: 'mixed', stateNote: null },
			at(2)
		);
		if (!answered || answered === 'no-offer') throw new Error('expected an answer');
		expect(answered.answer).toEqual({
			option: 'mixed',
			by: 'buyer',
			state: 'verified',
			updatedAt: at(2).toISOString()
		});
		expect(answered.history.slice(2).map(({ field, old, new: now }) => [field, old, now])).toEqual([
			['option', 'future_proof', 'mixed'],
			['by', 'vendor', 'buyer'],
			['stateNote', 'Roadmap, annex 3', null]
		]);
		expect(answered.revision).toBe(3);

		// Nothing changes: no history, no new revision.
		const same = await tenders.patchAnswer(
			record.id,
			offerId,
			'network_sunset_readiness',
			{ option: 'mixed' },
			at(3)
		);
		if (!same || same === 'no-offer') throw new Error('expected an answer');
		expect(same.history).toHaveLength(5);
		expect(same.revision).toBe(3);
	});

	it('refuses a state for an unanswered question, and names unknown offers and tenders', async () => {
		const record = await tenders.create(body());
		await expect(
			tenders.patchAnswer(record.id, record.offers[1]!.id, 'network_sunset_readiness', {
				state: 'disputed'
			})
		).rejects.toBeInstanceOf(tenders.NothingToJudgeError);
		expect((await tenders.read(record.id))!.revision).toBe(1);
		expect(
			await tenders.patchAnswer(record.id, 'AAAAAAAAAAAAAAAAAAAAAA', 'network_sunset_readiness', {
				state: 'disputed'
			})
		).toBe('no-offer');
		expect(
			await tenders.patchAnswer('AAAAAAAAAAAAAAAAAAAAAA', 'x', 'y', { state: 'disputed' })
		).toBeNull();
	});

	it('checks the question and option against the ruleset, with the assessment answer rules', async () => {
		const record = await tenders.create(body());
		expect(tenders.answerIssues(record, 'network_sunset_readiness', { option: 'mixed' })).toEqual(
			[]
		);
		expect(
			tenders.answerIssues(record, 'network_sunset_readiness', { option: 'not_sure' })
		).toEqual([]);
		expect(
			tenders
				.answerIssues(record, 'network_sunset_readiness', { option: 'warp' })
				.map((i) => i.path)
		).toEqual(['option']);
		expect(
			tenders.answerIssues(record, 'no_such_question', { state: 'verified' }).map((i) => i.path)
		).toEqual(['questionId']);
	});

	it('keeps every one of 40 concurrent changes to different answers of one offer', async () => {
		const record = await tenders.create(body());
		const offerId = record.offers[1]!.id;
		const { rules } = await import('../../../src/lib/server/rules');
		const questions = [...rules.questionsById.values()].slice(0, 40);
		await Promise.all(
			questions.map((q) =>
				tenders.patchAnswer(record.id, offerId, q.id, { option: q.options[0]!.id })
			)
		);
		const stored = (await tenders.read(record.id))!;
		expect(Object.keys(stored.offers[1]!.answers).sort()).toEqual(
			questions.map((q) => q.id).sort()
		);
		// Each new answer: option, by and state appear (3 entries).
		expect(stored.offers[1]!.history).toHaveLength(120);
		expect(stored.revision).toBe(41);
	});

	it(`adds offers up to ${MAX_OFFERS}, then refuses`, async () => {
		const record = await tenders.create(body(7));
		const added = await tenders.addOffer(record.id, { vendor: 'Eighth' });
		expect(added?.record.offers).toHaveLength(8);
		await expect(tenders.addOffer(record.id, { vendor: 'Ninth' })).rejects.toBeInstanceOf(
			tenders.TooManyOffersError
		);
		expect((await tenders.read(record.id))!.offers).toHaveLength(8);
	});
});
