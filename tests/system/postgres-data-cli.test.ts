/**
 * Moving in and out of PostgreSQL with the built data CLI, as an operator would: `copy` a lowdb
 * data directory into a database (counts checked, safe to run again), and `export` / `import`
 * with DATABASE_URL set. What a server on the files held, a server on the database must serve:
 * the records, the share, respondent and comparison links, and the evidence bytes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../support/postgres';
import { createBody, send } from './http';
import { ok } from './replies';
import { ROOT, startServer, tempDataDir, type TestServer } from './server';

const BUILD = process.env.LOCK_IN_RADAR_SYSTEM_BUILD ?? join(ROOT, 'build');
const Q1 = 'sim_ota_switching';
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** The CLI with only what an operator's shell would give it. */
function cli(env: Record<string, string>, ...args: string[]) {
	const run = spawnSync(process.execPath, [join(BUILD, 'cli.js'), ...args], {
		cwd: ROOT,
		env: { PATH: process.env.PATH, ...env },
		encoding: 'utf8',
		timeout: 120_000
	});
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Seeded {
	assessmentId: string;
	shareToken: string;
	tenderId: string;
	offerId: string;
	respondentToken: string;
	comparisonToken: string;
	fileId: string;
}

/** One of everything a server stores, through the API. */
async function seed(server: TestServer): Promise<Seeded> {
	const assessmentId = ok<{ id: string }>(
		await send(server, 'POST', '/api/assessments', { json: createBody('Moving house') }),
		201
	).id;
	ok(
		await send(server, 'PATCH', `/api/assessments/${assessmentId}`, {
			json: { answers: { [Q1]: { note: 'Written on the files' } } }
		})
	);
	const shareToken = ok<{ token: string }>(
		await send(server, 'POST', `/api/assessments/${assessmentId}/shares`, {
			json: { label: 'Board' }
		}),
		201
	).token;
	const tender = ok<{ id: string; offers: { id: string }[] }>(
		await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Trackers 2027',
				fleet: { devices: 800, countries: ['DE', 'BR'], lifetimeYears: 7 },
				offers: [{ vendor: 'AlphaNet' }, { vendor: 'BravoTel' }]
			}
		}),
		201
	);
	const offerId = tender.offers[0]!.id;
	const respondentToken = ok<{ token: string }>(
		await send(server, 'POST', `/api/tenders/${tender.id}/offers/${offerId}/respondents`, {
			json: { label: 'Alpha bid team' }
		}),
		201
	).token;
	const rules = ok<{ areas: { questions: { id: string; options: { id: string }[] }[] }[] }>(
		await send(server, 'GET', '/api/rules')
	);
	const option = rules.areas.flatMap((a) => a.questions).find((q) => q.id === Q1)!.options[0]!.id;
	ok(
		await send(server, 'PATCH', `/api/respond/${respondentToken}`, {
			json: { answers: { [Q1]: { option, statement: 'Over the air' } } }
		})
	);
	const fileId = ok<{ file: { id: string } }>(
		await send(server, 'POST', `/api/respond/${respondentToken}/evidence/${Q1}`, {
			body: PDF,
			headers: { 'content-type': 'application/octet-stream', 'x-filename': 'Annex.pdf' }
		}),
		201
	).file.id;
	const comparisonToken = ok<{ token: string }>(
		await send(server, 'POST', `/api/tenders/${tender.id}/shares`, { json: {} }),
		201
	).token;
	return {
		assessmentId,
		shareToken,
		tenderId: tender.id,
		offerId,
		respondentToken,
		comparisonToken,
		fileId
	};
}

/** Everything seed() made, served by this server exactly as it was written. */
async function expectServed(server: TestServer, seeded: Seeded) {
	const assessment = ok<{ title: string; answers: Record<string, { note?: string }> }>(
		await send(server, 'GET', `/api/assessments/${seeded.assessmentId}`)
	);
	expect(assessment.title).toBe('Moving house');
	expect(assessment.answers[Q1]?.note).toBe('Written on the files');
	expect(
		ok<{ assessment: { title: string } }>(
			await send(server, 'GET', `/api/shared/${seeded.shareToken}`)
		).assessment.title
	).toBe('Moving house');
	expect(
		ok<{ vendor: string }>(await send(server, 'GET', `/api/respond/${seeded.respondentToken}`))
			.vendor
	).toBe('AlphaNet');
	expect(
		(await send(server, 'GET', `/api/shared-comparisons/${seeded.comparisonToken}`)).status
	).toBe(200);
	const download = await server.fetch(
		`/api/tenders/${seeded.tenderId}/offers/${seeded.offerId}/evidence/${seeded.fileId}`
	);
	expect(download.status).toBe(200);
	const bytes = new Uint8Array(await download.arrayBuffer());
	expect(createHash('sha256').update(bytes).digest('hex')).toBe(
		createHash('sha256').update(PDF).digest('hex')
	);
}

const adminUrl = inject('postgresAdminUrl');
const databases: string[] = [];
const dirs: string[] = [];
let filesDir: string;
let seeded: Seeded;

beforeAll(async () => {
	const server = await startServer();
	filesDir = server.dataDir;
	dirs.push(filesDir);
	try {
		seeded = await seed(server);
	} finally {
		await server.stop();
	}
});

afterAll(async () => {
	for (const url of databases) await dropTestDatabase(adminUrl, url);
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function freshDatabase() {
	const url = await createTestDatabase(adminUrl);
	databases.push(url);
	return url;
}

describe('npm run data with PostgreSQL', () => {
	it('copies a data directory into PostgreSQL, checks every count, and a server there serves it all', async () => {
		const url = await freshDatabase();
		const copied = cli({}, 'copy', filesDir, url);
		expect(copied.stderr).toContain('assessments: 1 created, 0 already present, 0 conflicts');
		expect(copied.stderr).toContain('tenders: 1 created, 0 already present, 0 conflicts');
		expect(copied.stderr).toContain(
			'assessments: 1 in the source, 1 of them in the target as they are in the source'
		);
		expect(copied.stderr).toContain('share links: 1 in the source, 1 of them');
		expect(copied.stderr).toContain('evidence files: 1 in the source, 1 of them');
		expect(copied.stderr).toContain('respondent links: 1 in the source, 1 of them');
		expect(copied.stderr).toContain('comparison links: 1 in the source, 1 of them');
		expect(copied.stderr).toContain('Every count matches.');
		// The password never reaches the terminal.
		const password = decodeURIComponent(new URL(url).password);
		if (password) expect(copied.stderr).not.toContain(password);
		expect(copied.code).toBe(0);

		// Again: nothing is added twice, and the counts still match.
		const again = cli({}, 'copy', filesDir, url);
		expect(again.stderr).toContain('assessments: 0 created, 1 already present, 0 conflicts');
		expect(again.stderr).toContain('Every count matches.');
		expect(again.code).toBe(0);

		const server = await startServer({ env: { DATABASE_URL: url } });
		dirs.push(server.dataDir);
		try {
			await expectServed(server, seeded);
		} finally {
			await server.stop();
		}
	});

	it('copies with DATABASE_URL as the default target, and says what differs when the target has moved on', async () => {
		const url = await freshDatabase();
		expect(cli({ DATABASE_URL: url }, 'copy', filesDir).code).toBe(0);
		// A save on the database side: the source's record is no longer what the target holds.
		const server = await startServer({ env: { DATABASE_URL: url } });
		dirs.push(server.dataDir);
		try {
			ok(
				await send(server, 'PATCH', `/api/assessments/${seeded.assessmentId}`, {
					json: { title: 'Changed after the copy' }
				})
			);
		} finally {
			await server.stop();
		}
		const again = cli({ DATABASE_URL: url }, 'copy', filesDir);
		expect(again.stderr).toContain('assessments: 0 created, 0 already present, 1 conflicts');
		expect(again.stderr).toContain(
			'assessments: 1 of 1 are not in the target as they are in the source'
		);
		expect(again.stderr).toContain('The copy is not complete');
		expect(again.code).toBe(1);
	});

	it('exports from PostgreSQL what the files export, and imports it into another database', async () => {
		const url = await freshDatabase();
		expect(cli({}, 'copy', filesDir, url).code).toBe(0);
		const fromFiles = cli({ DATA_DIR: filesDir }, 'export');
		const fromDatabase = cli({ DATABASE_URL: url }, 'export');
		expect(fromDatabase.code).toBe(0);
		expect(fromDatabase.stderr).toContain('Exported 1 of 1 assessments and 1 of 1 tenders');
		const records = (text: string) => {
			const { assessments, tenders } = JSON.parse(text) as {
				assessments: unknown[];
				tenders: unknown[];
			};
			return { assessments, tenders };
		};
		expect(records(fromDatabase.stdout)).toEqual(records(fromFiles.stdout));

		const backup = join(tmpdir(), `lock-in-radar-pg-export-${process.pid}.json`);
		writeFileSync(backup, fromDatabase.stdout);
		try {
			const other = await freshDatabase();
			const imported = cli({ DATABASE_URL: other }, 'import', backup);
			expect(imported.stderr).toContain('assessments: 1 created');
			expect(imported.stderr).toContain('tenders: 1 created');
			expect(imported.code).toBe(0);
			expect(records(cli({ DATABASE_URL: other }, 'export').stdout)).toEqual(
				records(fromFiles.stdout)
			);
		} finally {
			rmSync(backup, { force: true });
		}
	});

	it('refuses to copy into a data directory a live server holds', async () => {
		const server = await startServer({ dataDir: tempDataDir() });
		dirs.push(server.dataDir);
		try {
			const refused = cli({}, 'copy', filesDir, server.dataDir);
			expect(refused.stderr).toMatch(/Another Lock-in Radar process \(pid \d+\) is using/);
			expect(refused.code).toBe(1);
		} finally {
			await server.stop();
		}
	});

	it('exports only from a database at its own schema, and never migrates one to read it', async () => {
		const url = await freshDatabase();
		const refused = cli({ DATABASE_URL: url }, 'export');
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain("The database is not at this release's schema");
		expect(refused.stderr).toContain('not yet applied: 001-records');
		// Still empty: reading changed nothing.
		const copiedOut = cli({}, 'copy', url, tempDataDir());
		expect(copiedOut.code).toBe(1);
		expect(copiedOut.stderr).toContain("The database is not at this release's schema");
		expect(cli({}, 'copy', filesDir, url).code).toBe(0);
		expect(cli({ DATABASE_URL: url }, 'export').code).toBe(0);
	});
});
