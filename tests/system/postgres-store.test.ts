/**
 * The PostgreSQL store end to end, through the real built server (`npm run build` first) with
 * DATABASE_URL on a fresh database of the run's PostgreSQL (tests/system/postgres-setup.ts): what
 * one server writes (assessment, answers, share link, tender, respondent link, comparison link,
 * evidence) lands in the database's tables, not the data directory, and a second server started
 * on the same database reads all of it back.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../support/postgres';
import { createBody, jsonOf, send } from './http';
import { ok } from './replies';
import { startServer, type TestServer } from './server';

interface Assessment {
	id: string;
	revision: number;
	title: string;
	answers: Record<string, { option: string; note?: string }>;
}
interface Tender {
	id: string;
	offers: {
		id: string;
		vendor: string;
		answers: Record<string, { option?: string; statement?: string; files?: { id: string }[] }>;
	}[];
}
interface EvidenceFile {
	id: string;
	name: string;
	mediaType: string;
	size: number;
	sha256: string;
}

const Q1 = 'sim_ota_switching';
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
/** What the app stores for a capability link: the SHA-256 of its token, base64url (never the token). */
const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64url');

const adminUrl = inject('postgresAdminUrl');
let databaseUrl: string;
let first: TestServer;
let second: TestServer | undefined;
let sql: pg.Client;

/** What a server left in its data directory, but for the lock that says which process owns it. */
const filesIn = (dir: string) => readdirSync(dir).filter((name) => name !== '.lock');

const onDatabase = () => startServer({ env: { DATABASE_URL: databaseUrl } });

beforeAll(async () => {
	databaseUrl = await createTestDatabase(adminUrl);
	first = await onDatabase();
	sql = new pg.Client({ connectionString: databaseUrl });
	await sql.connect();
});
afterAll(async () => {
	await sql?.end();
	for (const server of [first, second]) {
		if (!server) continue;
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
	}
	if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl);
});

describe('with DATABASE_URL, everything a server stores lives in PostgreSQL', () => {
	let option: string;
	let assessment: Assessment;
	let shareToken: string;
	let tender: Tender;
	let respondentToken: string;
	let comparisonToken: string;
	let file: EvidenceFile;

	it('creates and answers an assessment, and shares it by a link that reads it', async () => {
		const rules = jsonOf<{ areas: { questions: { id: string; options: { id: string }[] }[] }[] }>(
			await send(first, 'GET', '/api/rules')
		);
		option = rules.areas.flatMap((a) => a.questions).find((q) => q.id === Q1)!.options[0]!.id;

		const created = ok<Assessment>(
			await send(first, 'POST', '/api/assessments', { json: createBody('Fleet in PostgreSQL') }),
			201
		);
		assessment = ok<Assessment>(
			await send(first, 'PATCH', `/api/assessments/${created.id}`, {
				json: { answers: { [Q1]: { option, note: 'Kept in the database' } } }
			})
		);
		expect(assessment.revision).toBe(created.revision + 1);
		expect(assessment.answers[Q1]).toEqual({ option, note: 'Kept in the database' });

		shareToken = ok<{ token: string }>(
			await send(first, 'POST', `/api/assessments/${assessment.id}/shares`, {
				json: { label: 'Board', includeNotes: true }
			}),
			201
		).token;
		const shared = ok<{ assessment: { title: string; answers: Assessment['answers'] } }>(
			await send(first, 'GET', `/api/shared/${shareToken}`)
		);
		expect(shared.assessment.title).toBe('Fleet in PostgreSQL');
		expect(shared.assessment.answers[Q1]).toEqual({ option, note: 'Kept in the database' });
	});

	it('creates a tender with an offer, a respondent link the vendor answers through with evidence, and a comparison link', async () => {
		tender = ok<Tender>(
			await send(first, 'POST', '/api/tenders', {
				json: {
					title: 'Meters 2027',
					fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 8 },
					offers: [{ vendor: 'AlphaNet' }, { vendor: 'BravoTel' }]
				}
			}),
			201
		);
		const offerId = tender.offers[0]!.id;
		respondentToken = ok<{ token: string }>(
			await send(first, 'POST', `/api/tenders/${tender.id}/offers/${offerId}/respondents`, {
				json: { label: 'Alpha bid team' }
			}),
			201
		).token;
		ok(
			await send(first, 'PATCH', `/api/respond/${respondentToken}`, {
				json: { answers: { [Q1]: { option, statement: 'Over the air, any time' } } }
			})
		);
		file = ok<{ file: EvidenceFile }>(
			await send(first, 'POST', `/api/respond/${respondentToken}/evidence/${Q1}`, {
				body: PDF,
				headers: {
					'content-type': 'application/octet-stream',
					'x-filename': encodeURIComponent('Annex B.pdf')
				}
			}),
			201
		).file;
		expect(file).toMatchObject({
			name: 'Annex B.pdf',
			mediaType: 'application/pdf',
			size: PDF.byteLength,
			sha256: createHash('sha256').update(PDF).digest('hex')
		});
		const download = await first.fetch(
			`/api/tenders/${tender.id}/offers/${offerId}/evidence/${file.id}`
		);
		expect(download.status).toBe(200);
		expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);

		comparisonToken = ok<{ token: string }>(
			await send(first, 'POST', `/api/tenders/${tender.id}/shares`, { json: {} }),
			201
		).token;
		expect((await send(first, 'GET', `/api/shared-comparisons/${comparisonToken}`)).status).toBe(
			200
		);
	});

	it('wrote no record, link or file into the data directory', () => {
		expect(filesIn(first.dataDir)).toEqual([]);
	});

	it('holds the records, the token hashes (never the tokens) and the bytes in their tables', async () => {
		const { rows: assessments } = await sql.query(
			'SELECT id, revision, body::text AS body FROM assessments'
		);
		expect(assessments).toHaveLength(1);
		expect(assessments[0]).toMatchObject({ id: assessment.id, revision: assessment.revision });
		expect(JSON.parse(assessments[0].body)).toMatchObject({
			title: 'Fleet in PostgreSQL',
			revision: assessment.revision,
			answers: { [Q1]: { option, note: 'Kept in the database' } }
		});

		const { rows: tenders } = await sql.query('SELECT id, body::text AS body FROM tenders');
		expect(tenders.map((row) => row.id)).toEqual([tender.id]);
		expect(JSON.parse(tenders[0].body).offers[0].answers[Q1]).toMatchObject({
			option,
			statement: 'Over the air, any time',
			files: [expect.objectContaining({ id: file.id, name: 'Annex B.pdf' })]
		});

		const { rows: links } = await sql.query(
			'SELECT kind, token_hash FROM link_tokens ORDER BY kind'
		);
		expect(links).toEqual([
			{ kind: 'comparison', token_hash: tokenHash(comparisonToken) },
			{ kind: 'respondent', token_hash: tokenHash(respondentToken) },
			{ kind: 'share', token_hash: tokenHash(shareToken) }
		]);
		const everything = await sql.query(
			`SELECT string_agg(t::text, ' ') AS text FROM (
				SELECT body::text AS t FROM assessments UNION ALL SELECT body::text FROM tenders
				UNION ALL SELECT target::text FROM link_tokens) AS stored`
		);
		for (const token of [shareToken, respondentToken, comparisonToken])
			expect(everything.rows[0].text).not.toContain(token);

		const { rows: evidence } = await sql.query<{ id: string; bytes: Buffer }>(
			'SELECT id, bytes FROM evidence_files'
		);
		expect(evidence.map((row) => row.id)).toEqual([file.id]);
		expect(new Uint8Array(evidence[0]!.bytes)).toEqual(PDF);

		const { rows: migrations } = await sql.query('SELECT name FROM schema_migrations');
		expect(migrations.map((row) => row.name)).toContain('001-records');
	});

	it('a second server on the same database, after the first has stopped, reads all of it back', async () => {
		// At once: idle database connections do not keep a stopping server alive.
		const stopping = Date.now();
		expect(await first.stop()).toEqual({ code: 0, signal: null });
		expect(Date.now() - stopping).toBeLessThan(10_000);
		second = await onDatabase();

		expect(ok<Assessment>(await send(second, 'GET', `/api/assessments/${assessment.id}`))).toEqual(
			expect.objectContaining({
				id: assessment.id,
				revision: assessment.revision,
				title: 'Fleet in PostgreSQL',
				answers: { [Q1]: { option, note: 'Kept in the database' } }
			})
		);
		const shared = ok<{ assessment: { title: string } }>(
			await send(second, 'GET', `/api/shared/${shareToken}`)
		);
		expect(shared.assessment.title).toBe('Fleet in PostgreSQL');

		const view = ok<{ vendor: string; answers: Record<string, { statement?: string }> }>(
			await send(second, 'GET', `/api/respond/${respondentToken}`)
		);
		expect(view.vendor).toBe('AlphaNet');
		expect(view.answers[Q1]!.statement).toBe('Over the air, any time');

		const download = await second.fetch(
			`/api/tenders/${tender.id}/offers/${tender.offers[0]!.id}/evidence/${file.id}`
		);
		expect(download.status).toBe(200);
		expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
		expect((await send(second, 'GET', `/api/shared-comparisons/${comparisonToken}`)).status).toBe(
			200
		);

		// And it keeps writing there: a save on the second server is the next revision of the same row.
		const saved = ok<Assessment>(
			await send(second, 'PATCH', `/api/assessments/${assessment.id}`, {
				json: { title: 'Fleet, second server' }
			})
		);
		expect(saved.revision).toBe(assessment.revision + 1);
		const { rows } = await sql.query('SELECT revision FROM assessments WHERE id = $1', [
			assessment.id
		]);
		expect(rows).toEqual([{ revision: assessment.revision + 1 }]);
		expect(filesIn(second.dataDir)).toEqual([]);
	});
});
