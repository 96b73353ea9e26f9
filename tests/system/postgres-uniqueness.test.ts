/**
 * What the database itself enforces, whatever a caller does: one record per id, one target per
 * token hash, one file per evidence id. Called on the stores directly, as two servers would.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RecordExistsError } from '../../src/lib/server/store/file-store';
import { postgresStores, type Stores } from '../../src/lib/server/store/index';
import { TokenHashTakenError } from '../../src/lib/server/store/pg/token-index';
import { createTestDatabase, dropTestDatabase } from '../support/postgres';

const adminUrl = inject('postgresAdminUrl');
let databaseUrl: string;
let one: Stores;
let other: Stores;

const HASH = 'a'.repeat(43);
const ID = 'AAAAAAAAAAAAAAAAAAAAAA';

beforeAll(async () => {
	databaseUrl = await createTestDatabase(adminUrl);
	// Two pools on one database: two servers.
	one = postgresStores(databaseUrl);
	other = postgresStores(databaseUrl);
	await Promise.all([one.database!.ready, other.database!.ready]);
});
afterAll(async () => {
	await Promise.all([one?.database?.close(), other?.database?.close()]);
	await dropTestDatabase(adminUrl, databaseUrl);
});

describe('the PostgreSQL store enforces uniqueness in the database', () => {
	it('lets one share link hash lead to one assessment: the same again is fine, another is refused', async () => {
		await one.shareIndex.put(HASH, ID);
		await other.shareIndex.put(HASH, ID);
		await expect(other.shareIndex.put(HASH, 'BBBBBBBBBBBBBBBBBBBBBB')).rejects.toBeInstanceOf(
			TokenHashTakenError
		);
		expect(await one.shareIndex.get(HASH)).toBe(ID);
		// Kinds of link are apart: a respondent link with the same hash is another row.
		expect(await one.respondentIndex.get(HASH)).toBeNull();
	});

	it('refuses a second evidence file under one id, keeping the first', async () => {
		await one.evidence.put(ID, new Uint8Array([1, 2, 3]));
		await expect(other.evidence.put(ID, new Uint8Array([9]))).rejects.toThrow(/duplicate key/);
		expect([...(await other.evidence.get(ID))!]).toEqual([1, 2, 3]);
		await other.evidence.delete(ID);
		expect(await one.evidence.get(ID)).toBeNull();
	});

	it('creates a record id once when two servers race to create it', async () => {
		const seed = await createRecordLike();
		const results = await Promise.allSettled([
			one.assessments.create(seed),
			other.assessments.create(seed)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toBeInstanceOf(RecordExistsError);
		expect(await one.assessments.ids()).toEqual([seed.id]);
	});
});

/** A stored assessment as the app writes one: made by the real create path's schema. */
async function createRecordLike() {
	const { storedAssessmentSchema } = await import('../../src/lib/assessment/schema');
	const now = '2026-12-02T10:00:00.000Z';
	return storedAssessmentSchema.parse({
		schemaVersion: 2,
		id: 'CCCCCCCCCCCCCCCCCCCCCC',
		revision: 1,
		rulesetVersion: '2.1.0',
		createdAt: now,
		updatedAt: now,
		title: 'Raced',
		organisation: 'Org',
		vendor: 'Vendor',
		fleet: { devices: 100, countries: ['DE'], lifetimeYears: 5 },
		answers: {},
		costs: {},
		shares: []
	});
}
