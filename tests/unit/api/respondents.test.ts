/**
 * Respondent links in the server module, against a real store: the cap holds under concurrent
 * creation, a write that waited behind a submission is refused, and only hashes are stored.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	createRespondent,
	openRespondent,
	RespondentLimitError,
	saveResponse,
	submitResponse,
	SubmittedError
} from '../../../src/lib/server/respondents';
import * as tenders from '../../../src/lib/server/tenders';
import { useTempDataDir } from './temp-data-dir';

const dir = useTempDataDir();

async function newTender() {
	return tenders.create(
		tenders.tenderSchemasFor().createBody.parse({
			title: 'T',
			fleet: { devices: 10, countries: ['DE'], lifetimeYears: 1 },
			offers: [{ vendor: 'A' }, { vendor: 'B' }]
		})
	);
}

describe('respondent links in the store', () => {
	it('never pass five live links per offer, even when created at once', async () => {
		const tender = await newTender();
		const offerId = tender.offers[0]!.id;
		const outcomes = await Promise.allSettled(
			Array.from({ length: 8 }, () => createRespondent(tender.id, offerId, { label: '' }))
		);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
		for (const o of outcomes.filter((o) => o.status === 'rejected'))
			expect((o as PromiseRejectedResult).reason).toBeInstanceOf(RespondentLimitError);
		expect((await tenders.read(tender.id))!.offers[0]!.respondents).toHaveLength(5);
	});

	it('store only the token hash, in the tender and in the index', async () => {
		const tender = await newTender();
		const created = await createRespondent(tender.id, tender.offers[1]!.id, { label: 'x' });
		if (!created || created === 'no-offer') throw new Error('not created');
		const files = (root: string): string[] =>
			readdirSync(root, { withFileTypes: true }).flatMap((e) =>
				e.isDirectory() ? files(join(root, e.name)) : [join(root, e.name)]
			);
		const all = files(dir()).map((file) => readFileSync(file, 'utf8'));
		expect(all.some((text) => text.includes(tender.id))).toBe(true);
		expect(all.some((text) => text.includes(created.token))).toBe(false);
	});

	it('refuse a save that waited behind the submission', async () => {
		const tender = await newTender();
		const created = await createRespondent(tender.id, tender.offers[0]!.id, { label: '' });
		if (!created || created === 'no-offer') throw new Error('not created');
		const opened = await openRespondent(created.token);
		if (opened.status !== 'active') throw new Error('not open');
		// Both read the link before either writes: the submission wins, the save is refused under the lock.
		const [submitted, saved] = await Promise.allSettled([
			submitResponse(opened),
			saveResponse(opened, { answers: { sim_ota_switching: { option: 'not_sure' } } })
		]);
		expect(submitted.status).toBe('fulfilled');
		expect(saved.status).toBe('rejected');
		expect((saved as PromiseRejectedResult).reason).toBeInstanceOf(SubmittedError);
		expect((await tenders.read(tender.id))!.offers[0]!.answers).toEqual({});
	});
});
