/**
 * Tenders in `npm run data -- export/import` (the built CLI, build/cli.js, under plain Node): a
 * whole instance with assessments and tenders moves to an empty data directory, a vendor's
 * respondent link still opens its questionnaire there, importing twice adds nothing, a changed
 * tender is never overwritten, and a tampered or damaged tender is refused or skipped by position.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, send } from './http';
import { ok } from './replies';
import { ROOT, startServer, tempDataDir, type TestServer } from './server';

const BUILD = process.env.LOCK_IN_RADAR_SYSTEM_BUILD ?? join(ROOT, 'build');

function cli(dataDir: string, ...args: string[]) {
	const run = spawnSync(process.execPath, [join(BUILD, 'cli.js'), ...args], {
		cwd: ROOT,
		env: { PATH: process.env.PATH, DATA_DIR: dataDir },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Tender {
	id: string;
	title: string;
	revision: number;
	offers: {
		id: string;
		vendor: string;
		answers: Record<string, { option?: string; statement?: string; by: string; state: string }>;
		history: unknown[];
		respondents: { id: string; status: string }[];
	}[];
}
interface Document {
	format: string;
	formatVersion: number;
	assessments: { id: string }[];
	tenders: (Tender & {
		offers: (Tender['offers'][number] & { respondents: { tokenHash: string }[] })[];
	})[];
}

const fleet = { devices: 10_000, countries: ['DE'], lifetimeYears: 10 };
const Q = 'network_sunset_readiness';
const tenderFile = (dir: string, id: string) => join(dir, 'tenders', id.slice(0, 2), `${id}.json`);
const temps: string[] = [];
const tempDir = () => {
	const dir = tempDataDir();
	temps.push(dir);
	return dir;
};
const writeTemp = (name: string, text: string) => {
	const path = join(tempDir(), name);
	writeFileSync(path, text);
	return path;
};

let source: string;
let tender: Tender;
let liveToken: string;
let comparisonToken: string;
let revokedToken: string;
let assessmentIds: string[];
let exported: ReturnType<typeof cli>;
let document: Document;

beforeAll(async () => {
	const server = await startServer();
	source = server.dataDir;
	temps.push(source);
	try {
		assessmentIds = [];
		for (const title of ['Fleet A', 'Fleet B']) {
			assessmentIds.push(
				ok<{ id: string }>(
					await send(server, 'POST', '/api/assessments', { json: createBody(title) }),
					201
				).id
			);
		}
		const created = ok<{ id: string; offers: { id: string }[] }>(
			await send(server, 'POST', '/api/tenders', {
				json: {
					title: 'Meters 2027',
					fleet,
					offers: [
						{ vendor: 'AlphaNet', answers: { [Q]: { option: 'legacy' } } },
						{ vendor: 'BravoTel' },
						{ vendor: 'CharlieCom', answers: { sim_ota_switching: { option: 'physical_swap' } } }
					]
				}
			}),
			201
		);
		const [alpha, bravo] = created.offers as [{ id: string }, { id: string }];
		const link = ok<{ id: string; token: string }>(
			await send(server, 'POST', `/api/tenders/${created.id}/offers/${alpha.id}/respondents`, {
				json: { label: 'Alpha bid team' }
			}),
			201
		);
		liveToken = link.token;
		// The vendor answers through its link: the answer and its history travel with the tender.
		ok(
			await send(server, 'PATCH', `/api/respond/${liveToken}`, {
				json: {
					answers: {
						[Q]: { option: 'future_proof', statement: 'Roadmap to 2035', evidence: 'Bid, annex 3' }
					}
				}
			})
		);
		const revoked = ok<{ id: string; token: string }>(
			await send(server, 'POST', `/api/tenders/${created.id}/offers/${bravo.id}/respondents`, {
				json: {}
			}),
			201
		);
		revokedToken = revoked.token;
		expect(
			(
				await send(
					server,
					'DELETE',
					`/api/tenders/${created.id}/offers/${bravo.id}/respondents/${revoked.id}`
				)
			).status
		).toBeLessThan(300);
		comparisonToken = ok<{ token: string }>(
			await send(server, 'POST', `/api/tenders/${created.id}/shares`, { json: { label: 'Board' } }),
			201
		).token;
		tender = ok<Tender>(await send(server, 'GET', `/api/tenders/${created.id}`));
	} finally {
		await server.stop();
	}
	exported = cli(source, 'export');
	document = JSON.parse(exported.stdout) as Document;
});

afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function withServer<T>(dataDir: string, run: (server: TestServer) => Promise<T>): Promise<T> {
	const server = await startServer({ dataDir });
	try {
		return await run(server);
	} finally {
		await server.stop();
	}
}

describe('npm run data -- export', () => {
	it('writes format version 2 with every assessment and every tender, links as hashes only', () => {
		expect(exported.code, exported.stderr).toBe(0);
		expect(document.format).toBe('lock-in-radar/assessments');
		expect(document.formatVersion).toBe(2);
		expect(document.assessments.map((a) => a.id).sort()).toEqual([...assessmentIds].sort());
		expect(document.tenders.map((t) => t.id)).toEqual([tender.id]);
		const exportedTender = document.tenders[0]!;
		expect(exportedTender.offers.map((o) => o.vendor)).toEqual([
			'AlphaNet',
			'BravoTel',
			'CharlieCom'
		]);
		expect(exportedTender.offers[0]!.answers[Q]).toMatchObject({
			option: 'future_proof',
			statement: 'Roadmap to 2035',
			by: 'vendor',
			state: 'claimed'
		});
		expect(exportedTender.offers[0]!.history.length).toBeGreaterThan(0);
		expect(exportedTender.offers[0]!.respondents[0]!.tokenHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
		// The tokens themselves are never stored, so never exported.
		expect(exported.stdout).not.toContain(liveToken);
		expect(exported.stdout).not.toContain(revokedToken);
		expect(exported.stderr).toMatch(/Exported 2 of 2 assessments and 1 of 1 tenders/);
	});
});

describe('npm run data -- import', () => {
	let target: string;

	beforeAll(() => {
		target = tempDir();
	});

	it('restores assessments and tenders into an empty data directory, ids kept', () => {
		const file = writeTemp('backup.json', exported.stdout);
		const run = cli(target, 'import', file);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/assessments: 2 created, 0 already present, 0 conflicts/);
		expect(run.stderr).toMatch(/tenders: 1 created, 0 already present, 0 conflicts/);
		expect(JSON.parse(readFileSync(tenderFile(target, tender.id), 'utf8'))).toEqual(
			document.tenders[0]
		);
	});

	it('a respondent link opens its questionnaire on a server started on the imported directory; a revoked one stays gone', async () => {
		await withServer(target, async (server) => {
			const view = ok<{
				vendor: string;
				tender: { title: string };
				answers: Record<string, { option?: string; statement?: string }>;
			}>(await send(server, 'GET', `/api/respond/${liveToken}`));
			expect(view.vendor).toBe('AlphaNet');
			expect(view.tender.title).toBe('Meters 2027');
			expect(view.answers[Q]).toMatchObject({
				option: 'future_proof',
				statement: 'Roadmap to 2035'
			});
			expect((await send(server, 'GET', `/api/respond/${revokedToken}`)).status).toBe(410);
			// The owner reads the tender as it was, scores and all.
			expect(ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`))).toEqual(tender);
			for (const id of assessmentIds)
				expect((await send(server, 'GET', `/api/assessments/${id}`)).status).toBe(200);
		});
	});

	it('a read-only comparison link opens on a server started on another imported directory', async () => {
		// Another directory: opening the link records the open on the tender, which the next test must not see.
		const elsewhere = tempDir();
		expect(cli(elsewhere, 'import', writeTemp('copy.json', exported.stdout)).code).toBe(0);
		await withServer(elsewhere, async (server) => {
			const shared = ok<{
				tender: { title: string };
				comparison: { offers: { vendor: string }[] };
			}>(await send(server, 'GET', `/api/shared-comparisons/${comparisonToken}`));
			expect(shared.tender.title).toBe('Meters 2027');
			expect(shared.comparison.offers.map((o) => o.vendor).sort()).toEqual([
				'AlphaNet',
				'BravoTel',
				'CharlieCom'
			]);
		});
	});

	it('a second import adds nothing: every record unchanged', () => {
		const before = readFileSync(tenderFile(target, tender.id), 'utf8');
		const run = cli(target, 'import', writeTemp('again.json', exported.stdout));
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/assessments: 0 created, 2 already present, 0 conflicts/);
		expect(run.stderr).toMatch(/tenders: 0 created, 1 already present, 0 conflicts/);
		expect(readFileSync(tenderFile(target, tender.id), 'utf8')).toBe(before);
	});

	it('a changed tender under an id that exists is a conflict, left untouched and named by a redacted id', () => {
		const changed = structuredClone(document);
		changed.tenders[0]!.title = 'Meters 2027 (renamed elsewhere)';
		const run = cli(target, 'import', writeTemp('changed.json', JSON.stringify(changed)));
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/tenders: 0 created, 0 already present, 1 conflicts left untouched/);
		expect(run.stderr).toContain(
			`conflict: ${tender.id.slice(0, 4)}… (Meters 2027 (renamed elsewhere))`
		);
		expect(run.stderr).not.toContain(tender.id);
		expect(JSON.parse(readFileSync(tenderFile(target, tender.id), 'utf8')).title).toBe(
			'Meters 2027'
		);
	});

	it('still reads a version 1 export (assessments only), and refuses tenders in one', () => {
		const v1 = {
			format: 'lock-in-radar/assessments',
			formatVersion: 1,
			exportedAt: new Date().toISOString(),
			assessments: document.assessments
		};
		const fresh = tempDir();
		const run = cli(fresh, 'import', writeTemp('v1.json', JSON.stringify(v1)));
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/assessments: 2 created/);
		expect(run.stderr).toMatch(/tenders: 0 created/);
		const mixed = cli(
			tempDir(),
			'import',
			writeTemp('v1-tenders.json', JSON.stringify({ ...v1, tenders: document.tenders }))
		);
		expect(mixed.code).toBe(1);
		expect(mixed.stderr).toContain('tenders: Format version 1 carries no tenders');
	});
});

describe('a tampered tender', () => {
	/** Imports a changed copy of the export into an empty directory: refused, nothing written. */
	function refused(change: (doc: Document & { tenders: Record<string, unknown>[] }) => void) {
		const copy = structuredClone(document) as Document & { tenders: Record<string, unknown>[] };
		change(copy);
		const dir = tempDir();
		const run = cli(dir, 'import', writeTemp('tampered.json', JSON.stringify(copy)));
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/was not imported/);
		// Nothing at all is written, not even the valid assessments.
		expect(existsSync(join(dir, 'assessments'))).toBe(false);
		expect(existsSync(join(dir, 'tenders'))).toBe(false);
		expect(existsSync(join(dir, 'respondent-index'))).toBe(false);
		return run.stderr;
	}

	it('an answer no form offers is refused with its path', () => {
		const stderr = refused((d) => {
			d.tenders[0]!.offers[2]!.answers.sim_ota_switching!.option = 'teleport';
		});
		expect(stderr).toContain(
			'tenders.0.offers.2.answers.sim_ota_switching.option: "teleport" is not an answer to this question'
		);
	});

	it('a revision past what saves reach, an unknown ruleset, an unknown field and a fleet no form takes are refused', () => {
		expect(refused((d) => (d.tenders[0]!.revision = 2 ** 53 - 1))).toContain('tenders.0.revision');
		expect(refused((d) => (d.tenders[0]!.rulesetVersion = '9.9.9'))).toContain(
			'tenders.0.rulesetVersion: This server does not know ruleset 9.9.9'
		);
		expect(refused((d) => (d.tenders[0]!.isAdmin = true))).toContain(
			'tenders.0.isAdmin: Unknown field'
		);
		expect(refused((d) => ((d.tenders[0]!.fleet as { devices: number }).devices = -5))).toContain(
			'tenders.0.fleet.devices'
		);
	});

	it('an offer history past the cap, and one link in two places, are refused', () => {
		const history = refused((d) => {
			const offer = d.tenders[0]!.offers[0]!;
			offer.history = Array.from({ length: 2_001 }, () => offer.history[0]);
		});
		expect(history).toContain(
			'tenders.0.offers.0.history: An offer keeps at most 2000 history entries'
		);
		const twice = refused((d) => {
			const [alpha, bravo] = d.tenders[0]!.offers as [
				Document['tenders'][number]['offers'][number],
				Document['tenders'][number]['offers'][number]
			];
			bravo.respondents[0]!.tokenHash = alpha.respondents[0]!.tokenHash;
		});
		expect(twice).toContain(
			'tenders.0.offers.1.respondents.0.tokenHash: This link appears twice in the file'
		);
	});

	it('more links than an offer or a tender keeps, revoked ones included, are refused', () => {
		const at = new Date().toISOString();
		// Distinct, revoked links: only their number is wrong.
		const link = (i: number) => ({
			id: `L${String(i).padStart(21, '0')}`,
			tokenHash: `h${String(i).padStart(42, '0')}`,
			label: '',
			createdAt: at,
			expiresAt: null,
			revokedAt: at
		});
		const respondents = refused((d) => {
			d.tenders[0]!.offers[1]!.respondents = Array.from({ length: 51 }, (_, i) => ({
				...link(i),
				submittedAt: null,
				reopenedAt: null
			})) as never;
		});
		expect(respondents).toContain(
			'tenders.0.offers.1.respondents: An offer keeps at most 50 respondent links, revoked and expired ones included'
		);
		const shares = refused((d) => {
			d.tenders[0]!.shares = Array.from({ length: 101 }, (_, i) => ({
				...link(i),
				lastOpenedAt: null
			}));
		});
		expect(shares).toContain(
			'tenders.0.shares: A tender keeps at most 100 comparison links, revoked and expired ones included'
		);
	});

	/** An evidence file on offer `o`'s answer to `questionId`, as an attachment records it. */
	const withFile = (d: Document, o: number, questionId: string, id: string) => {
		const answer = (d.tenders[0]!.offers[o]!.answers as Record<string, Record<string, unknown>>)[
			questionId
		]!;
		answer.files = [
			{
				id,
				name: 'annex.txt',
				mediaType: 'text/plain',
				size: 19,
				sha256: 'a'.repeat(64),
				uploadedAt: new Date().toISOString()
			}
		];
	};

	it("one evidence file named by two answers is refused: deleting it from one would delete the other's", () => {
		const stderr = refused((d) => {
			withFile(d, 0, Q, 'E'.repeat(22));
			withFile(d, 2, 'sim_ota_switching', 'E'.repeat(22));
		});
		expect(stderr).toContain(
			'tenders.0.offers.2.answers.sim_ota_switching.files.0.id: This evidence file appears twice in the file'
		);
	});

	it('an evidence file another tender on this server refers to is refused before anything is written; the same tender again is not', () => {
		const dir = tempDir();
		const base = structuredClone(document);
		withFile(base, 0, Q, 'F'.repeat(22));
		expect(cli(dir, 'import', writeTemp('with-file.json', JSON.stringify(base))).code).toBe(0);
		// Importing the same tender again names its own file: nothing to refuse.
		const again = cli(dir, 'import', writeTemp('with-file-again.json', JSON.stringify(base)));
		expect(again.code, again.stderr).toBe(0);
		expect(again.stderr).toMatch(/tenders: 0 created, 1 already present/);
		// Another tender (no links, so only the file clashes) naming the same file id.
		const other = structuredClone(base);
		other.assessments = [];
		other.tenders[0]!.id = 'C'.repeat(22);
		for (const offer of other.tenders[0]!.offers) offer.respondents = [];
		(other.tenders[0] as unknown as { shares: unknown[] }).shares = [];
		const run = cli(dir, 'import', writeTemp('file-takeover.json', JSON.stringify(other)));
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(
			`tenders.0.offers.0.answers.${Q}.files.0.id: This evidence file already belongs to another tender on this server`
		);
		expect(existsSync(tenderFile(dir, 'C'.repeat(22)))).toBe(false);
	});

	it('a link that already leads to another tender on this server is refused before anything is written', () => {
		const dir = tempDir();
		expect(cli(dir, 'import', writeTemp('first.json', exported.stdout)).code).toBe(0);
		// The same links under another tender id: importing it would take over the vendor's link.
		const copy = structuredClone(document);
		copy.tenders[0]!.id = 'A'.repeat(22);
		copy.assessments = [];
		const run = cli(dir, 'import', writeTemp('takeover.json', JSON.stringify(copy)));
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(
			'tenders.0.offers.0.respondents.0.tokenHash: This link already leads to another tender on this server'
		);
		expect(existsSync(tenderFile(dir, 'A'.repeat(22)))).toBe(false);
	});
});

describe('export with a damaged tender', () => {
	it('skips it by position and a redacted id, exports the rest, and exits 1', () => {
		const dir = tempDir();
		expect(cli(dir, 'import', writeTemp('base.json', exported.stdout)).code).toBe(0);
		const second = structuredClone(document);
		second.assessments = [];
		second.tenders[0]!.id = 'B'.repeat(22);
		for (const offer of second.tenders[0]!.offers) offer.respondents = [];
		(second.tenders[0] as unknown as { shares: unknown[] }).shares = [];
		expect(cli(dir, 'import', writeTemp('second.json', JSON.stringify(second))).code).toBe(0);
		// Tenders are exported in id order: the damaged one's position depends on how its id sorts.
		const ids = [tender.id, 'B'.repeat(22)].sort();
		const damaged = 'B'.repeat(22);
		writeFileSync(tenderFile(dir, damaged), '{"schemaVersion": 1, "id": "garbage"');
		const run = cli(dir, 'export');
		expect(run.code).toBe(1);
		const out = JSON.parse(run.stdout) as Document;
		expect(out.tenders.map((t) => t.id)).toEqual([tender.id]);
		expect(out.assessments).toHaveLength(2);
		expect(run.stderr).toContain(`Skipped tender record ${ids.indexOf(damaged) + 1} of 2 (BBBB…)`);
		expect(run.stderr).not.toContain(damaged);
		expect(run.stderr).toMatch(/Exported 2 of 2 assessments and 1 of 2 tenders/);
		expect(readdirSync(join(dir, 'tenders'))).toContain('BB');
	});
});
