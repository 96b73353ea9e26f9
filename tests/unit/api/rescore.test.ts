import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as rescoreRoute from '../../../src/routes/api/assessments/[id]/rescore/+server';
import * as shareList from '../../../src/routes/api/assessments/[id]/shares/+server';
import * as item from '../../../src/routes/api/assessments/[id]/+server';
import * as importRoute from '../../../src/routes/api/import/+server';
import * as shared from '../../../src/routes/api/shared/[token]/+server';
import * as simulateRoute from '../../../src/routes/api/simulate/+server';
import { registry } from '../../../src/lib/server/rules';
import { registryFromDisk } from '../../../src/lib/server/rules-files';
import { reportSource } from '../../../src/lib/server/report';
import { getStore } from '../../../src/lib/server/store';
import { call } from './call';
import { useTempDataDir } from './temp-data-dir';

useTempDataDir();

const fixture = (name: string) =>
	JSON.parse(readFileSync(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8'));
/** 1,000 devices in Brazil, roaming SIMs only, scored with ruleset 1.1.0 (see tests/unit/scoring/rescore.test.ts). */
const old = fixture('ruleset-1.1.0-assessment.json');
const id: string = old.id;
const current = registry.current.ruleset.version;

const exportOf = (...assessments: unknown[]) => ({
	format: 'lock-in-radar/assessments',
	formatVersion: 1,
	exportedAt: '2026-12-01T00:00:00.000Z',
	assessments
});
const importDoc = (body: unknown) =>
	call(importRoute.POST, { method: 'POST', path: '/api/import', body });
const importOld = async () =>
	expect((await importDoc(exportOf(old))).body.imported[0].status).toBe('created');
const read = (at = id) => call(item.GET, { path: `/api/assessments/${at}`, params: { id: at } });
const preview = (at = id) =>
	call(rescoreRoute.GET, { path: `/api/assessments/${at}/rescore`, params: { id: at } });
const apply = (body?: unknown, at = id) =>
	call(rescoreRoute.POST, {
		method: 'POST',
		path: `/api/assessments/${at}/rescore`,
		params: { id: at },
		body
	});

describe('assessments keep the ruleset they were scored with', () => {
	it('imports a 1.1.0 record pinned to 1.1.0, scored as 1.1.0 scored it', async () => {
		await importOld();
		expect((await getStore().read(id))?.rulesetVersion).toBe('1.1.0');
		const { status, body } = await read();
		expect(status).toBe(200);
		expect(body.rulesetVersion).toBe('1.1.0');
		expect(body.result.rulesetVersion).toBe('1.1.0');
		expect(body.result.overall).toMatchObject({ score: 75, rating: 'critical' });
		expect(body.result.overall.floors.map((f: { id: string }) => f.id)).toEqual(['roaming:BR']);
	});

	it('imports a first-release record (schema 1, ruleset 1.0.0) pinned to 1.0.0', async () => {
		const first = fixture('v1-assessment.json');
		expect((await importDoc(exportOf(first))).status).toBe(200);
		const { body } = await read(first.id);
		expect(body.rulesetVersion).toBe('1.0.0');
		expect(body.result.rulesetVersion).toBe('1.0.0');
	});

	it('refuses a record at a ruleset version this server does not know, naming the path, and writes nothing', async () => {
		const { status, body } = await importDoc(
			exportOf(old, { ...old, id: 'UnknownVers10nRecord_x', rulesetVersion: '0.9.0' })
		);
		expect(status).toBe(400);
		expect(body.error).toEqual(expect.any(String));
		expect(body.issues).toEqual([
			{ path: 'assessments.1.rulesetVersion', message: expect.stringContaining('0.9.0') }
		]);
		expect(await getStore().ids()).toEqual([]);
	});

	it('checks an imported record against its own ruleset: a 2.0.0-only answer is refused at 1.1.0', async () => {
		const withLocal = { ...old, answers: { ...old.answers, local_profile_br: { option: 'none' } } };
		const refused = await importDoc(exportOf(withLocal));
		expect(refused.status).toBe(400);
		expect(refused.body.issues.map((i: { path: string }) => i.path)).toEqual([
			'assessments.0.answers.local_profile_br'
		]);
		const accepted = await importDoc(exportOf({ ...withLocal, rulesetVersion: current }));
		expect(accepted.status).toBe(200);
	});

	it('keeps the pinned version when the assessment is saved', async () => {
		await importOld();
		const saved = await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${id}`,
			params: { id },
			body: {
				title: 'Renamed',
				answers: { network_carriers_per_market: { option: 'single_carrier' } }
			}
		});
		expect(saved.status).toBe(200);
		expect(saved.body).toMatchObject({
			title: 'Renamed',
			revision: old.revision + 1,
			rulesetVersion: '1.1.0'
		});
		expect(saved.body.result.rulesetVersion).toBe('1.1.0');
		expect((await getStore().read(id))?.rulesetVersion).toBe('1.1.0');
		// Validated against 1.1.0 too: the per-country question only exists from 2.0.0.
		const refused = await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${id}`,
			params: { id },
			body: { answers: { local_profile_br: { option: 'available' } } }
		});
		expect(refused.status).toBe(400);
		expect(refused.body.issues.map((i: { path: string }) => i.path)).toEqual([
			'answers.local_profile_br'
		]);
	});

	it('shares, reports and simulates with the pinned ruleset', async () => {
		await importOld();
		const share = await call(shareList.POST, {
			method: 'POST',
			path: `/api/assessments/${id}/shares`,
			params: { id },
			body: {}
		});
		const token = share.body.token as string;
		const view = await call(shared.GET, { path: `/api/shared/${token}`, params: { token } });
		expect(view.body.result.rulesetVersion).toBe('1.1.0');
		expect(view.body.result.overall.rating).toBe('critical');
		expect(reportSource(old).ruleset.version).toBe('1.1.0');
		const simulated = await call(simulateRoute.POST, {
			method: 'POST',
			path: '/api/simulate',
			body: { seed: 1, assessmentId: id, resolution: 'month' }
		});
		expect(simulated.status).toBe(200);
	});
});

describe('GET /api/assessments/{id}/rescore', () => {
	it('previews rating, score and floors before and after, and writes nothing', async () => {
		await importOld();
		const { status, body, headers } = await preview();
		expect(status).toBe(200);
		expect(headers.get('cache-control')).toBe('private, no-store');
		expect(body).toMatchObject({
			needed: true,
			revision: old.revision,
			from: {
				version: '1.1.0',
				known: true,
				score: 75,
				rating: 'critical',
				provisional: true,
				range: [75, 90.5]
			},
			// 2.1.0 range, worked out as in tests/unit/scoring/rescore.test.ts for 2.0.0, with 2.1.0's
			// weights (see golden.test.ts). Best: network 0.8, SIM (0.1×2 + 1×3)/18 = 17.8, security 2.5
			// -> (0.8 + 26.7 + 2)/6.3 = 4.7. Worst: the over-the-air claim is doubted (0.9), SIM
			// (2 + 2.7 + 3 + 2.5 + 2 + 1.35 + 1.35 + 0.8 + 1.35)/18 = 94.7; network 95.4, data 92.5,
			// platform 95, contract 93.2, security 88.8 -> (95.4 + 142.05 + 74 + 114 + 93.2 + 71.04)/6.3
			// = 589.69/6.3 = 93.6.
			to: {
				version: current,
				known: true,
				score: 50,
				rating: 'high',
				floors: [],
				provisional: true,
				range: [4.7, 93.6]
			},
			changed: { any: true, rating: true, score: true, floors: { added: [] } },
			// Brazil's own local-profile question (2.0.0) and the eleven questions new in 2.1.0
			// (contract_minimum_term became contract_term_length and contract_auto_renewal)
			newQuestions: 12
		});
		expect(
			body.changed.floors.removed.map((f: { id: string; rating: string }) => [f.id, f.rating])
		).toEqual([['roaming:BR', 'critical']]);
		expect(await getStore().read(id)).toEqual(old);
	});

	it('says nothing is needed for an assessment already on the current ruleset', async () => {
		await importDoc(exportOf({ ...old, rulesetVersion: current }));
		const { body } = await preview();
		expect(body.needed).toBe(false);
		expect(body.changed.any).toBe(false);
		expect(body.from.version).toBe(current);
	});

	it('answers 404 in the API error shape for an unknown id', async () => {
		const { status, body } = await preview('NoSuchAssessmentHere_x');
		expect(status).toBe(404);
		expect(body).toEqual({ error: expect.any(String), issues: [] });
	});
});

describe('POST /api/assessments/{id}/rescore', () => {
	it('moves the assessment to the current ruleset, bumps its revision and returns it with its result', async () => {
		await importOld();
		const { status, body } = await apply({ expectedVersion: current });
		expect(status).toBe(200);
		expect(body).toMatchObject({
			id,
			rulesetVersion: current,
			revision: old.revision + 1,
			rescoredFrom: '1.1.0'
		});
		expect(body.shares).toBeUndefined();
		expect(body.result.rulesetVersion).toBe(current);
		expect(body.result.overall).toMatchObject({
			score: 50,
			rating: 'high',
			provisional: true,
			range: [4.7, 93.6]
		});
		const stored = await getStore().read(id);
		expect(stored).toMatchObject({
			rulesetVersion: current,
			revision: old.revision + 1,
			answers: old.answers
		});
		// Now the per-country question may be answered, and saving keeps the new version.
		const saved = await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${id}`,
			params: { id },
			body: { answers: { local_profile_br: { option: 'available' } } }
		});
		expect(saved.status).toBe(200);
		expect(saved.body.rulesetVersion).toBe(current);
	});

	it('works without a body, and a second call changes nothing', async () => {
		await importOld();
		expect((await apply()).body.rescoredFrom).toBe('1.1.0');
		const again = await apply();
		expect(again.status).toBe(200);
		expect(again.body).toMatchObject({
			rulesetVersion: current,
			revision: old.revision + 1,
			rescoredFrom: null
		});
		expect((await preview()).body.needed).toBe(false);
	});

	it('answers 409 when the previewed version is no longer the current one, and changes nothing', async () => {
		await importOld();
		const { status, body } = await apply({ expectedVersion: '1.9.0' });
		expect(status).toBe(409);
		expect(body).toEqual({
			error: expect.any(String),
			issues: [{ path: 'expectedVersion', message: expect.stringContaining(current) }]
		});
		expect(await getStore().read(id)).toEqual(old);
	});

	it.each([
		[{ expectedVersion: 2 }, 'expectedVersion'],
		[{ version: '2.0.0' }, 'version']
	])('answers 400 naming the field for %j', async (sent, path) => {
		await importOld();
		const { status, body } = await apply(sent);
		expect(status).toBe(400);
		expect(body.issues.map((i: { path: string }) => i.path)).toEqual([path]);
	});

	it('answers 400 for a body that is not JSON and 404 for an unknown id', async () => {
		await importOld();
		const broken = await call(rescoreRoute.POST, {
			method: 'POST',
			path: `/api/assessments/${id}/rescore`,
			params: { id },
			rawBody: '{',
			contentType: 'application/json'
		});
		expect(broken.status).toBe(400);
		expect((await apply({}, 'NoSuchAssessmentHere_x')).status).toBe(404);
	});
});

describe('a stored record at a version this server does not know (from a newer server)', () => {
	it('is scored with the current rules, says so in the preview, and can be re-scored', async () => {
		const unknown = { ...old, rulesetVersion: '9.0.0' };
		await getStore().create(unknown);
		const shown = await read();
		expect(shown.body.rulesetVersion).toBe('9.0.0');
		expect(shown.body.result.rulesetVersion).toBe(current);
		const { body } = await preview();
		expect(body).toMatchObject({
			needed: true,
			from: { version: '9.0.0', known: false },
			to: { version: current }
		});
		expect(body.from.score).toBe(body.to.score);
		const applied = await apply();
		expect(applied.body).toMatchObject({ rulesetVersion: current, rescoredFrom: '9.0.0' });
	});
});

describe('rules on disk (the data CLI) and in the bundle', () => {
	it('know the same ruleset versions', () => {
		const fromDisk = registryFromDisk(fileURLToPath(new URL('../../../rules', import.meta.url)));
		expect([...fromDisk.versions.keys()].sort()).toEqual([...registry.versions.keys()].sort());
		expect([...registry.versions.keys()].sort()).toEqual(['1.0.0', '1.1.0', '2.0.0', '2.1.0']);
		expect(fromDisk.current.ruleset.version).toBe(current);
	});
});
