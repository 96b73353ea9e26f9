import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as exportRoute from '../../../src/routes/api/assessments/[id]/export/+server';
import * as shareList from '../../../src/routes/api/assessments/[id]/shares/+server';
import * as item from '../../../src/routes/api/assessments/[id]/+server';
import * as collection from '../../../src/routes/api/assessments/+server';
import * as importRoute from '../../../src/routes/api/import/+server';
import { getStore } from '../../../src/lib/server/store';
import { call } from './call';
import { useTempDataDir } from './temp-data-dir';

const dataDir = useTempDataDir();

async function created() {
	const { body } = await call(collection.POST, {
		method: 'POST',
		path: '/api/assessments',
		body: {
			title: 'Łódź trackers',
			organisation: 'İstanbul Şişli',
			fleet: { devices: 50, countries: ['PL'], lifetimeYears: 5 }
		}
	});
	await call(shareList.POST, {
		method: 'POST',
		path: `/api/assessments/${body.id}/shares`,
		params: { id: body.id },
		body: {}
	});
	return body as { id: string };
}

async function exported(id: string) {
	const response = await exportRoute.GET({ params: { id } } as never);
	return { response, document: JSON.parse(await response.text()) };
}

const importDoc = (body: unknown) =>
	call(importRoute.POST, { method: 'POST', path: '/api/import', body });

describe('import bounds and races', () => {
	it('answers every one of 8 concurrent imports of one file per record, creating each record once (audit F5)', async () => {
		const ids: string[] = [];
		const assessments = [];
		for (let i = 0; i < 5; i++) {
			const { id } = await created();
			ids.push(id);
			assessments.push(...(await exported(id)).document.assessments);
		}
		const document = { ...(await exported(ids[0]!)).document, assessments };
		process.env.DATA_DIR = `${dataDir()}/race`;
		const replies = await Promise.all(Array.from({ length: 8 }, () => importDoc(document)));
		expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
		for (const id of ids) {
			const statuses = replies.map(
				(r) => r.body.imported.find((o: { id: string }) => o.id === id).status
			);
			expect(statuses.filter((s) => s === 'created')).toHaveLength(1);
			expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(7);
		}
		expect((await getStore().ids()).sort()).toEqual([...ids].sort());
	});

	it('refuses a revision a save could not count up from, and a ruleset version the server does not know (audit F9)', async () => {
		const { id } = await created();
		const { document } = await exported(id);
		process.env.DATA_DIR = `${dataDir()}/bounds`;
		const record = document.assessments[0];
		const attempts = [
			[{ ...record, revision: Number.MAX_SAFE_INTEGER }, 'revision', /at most 1,000,000,000/],
			[
				{ ...record, rulesetVersion: `<script>${'v'.repeat(300_000)}` },
				'rulesetVersion',
				/at most 32 characters/
			],
			[{ ...record, rulesetVersion: '99.0.0' }, 'rulesetVersion', /does not know ruleset 99\.0\.0/]
		] as const;
		for (const [bad, field, message] of attempts) {
			const reply = await importDoc({ ...document, assessments: [bad] });
			expect(reply.status, field).toBe(400);
			const issue = reply.body.issues.find(
				(i: { path: string }) => i.path === `assessments.0.${field}`
			);
			expect(issue?.message, field).toMatch(message);
		}
		expect(await getStore().ids()).toEqual([]);
		const ok = await importDoc({
			...document,
			assessments: [{ ...record, revision: 1_000_000_000 }]
		});
		expect(ok.body.imported[0].status).toBe('created');
		const patched = await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${id}`,
			params: { id },
			body: { title: 'p' }
		});
		expect(patched.status).toBe(200);
	});
});

describe('export and import', () => {
	it('exports an assessment as a JSON download without its share links', async () => {
		const { id } = await created();
		const { response, document } = await exported(id);
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="lock-in-radar-lodz-trackers\.json"/
		);
		expect(document).toMatchObject({ format: 'lock-in-radar/assessments', formatVersion: 1 });
		expect(document.assessments[0]).toMatchObject({ id, title: 'Łódź trackers', shares: [] });
	});

	it('imports an export into an empty server, and a second import adds nothing', async () => {
		const { id } = await created();
		const { document } = await exported(id);
		process.env.DATA_DIR = `${dataDir()}/other-server`;
		const first = await importDoc(document);
		expect(first.status).toBe(200);
		expect(first.body.imported).toEqual([{ id, title: 'Łódź trackers', status: 'created' }]);
		const again = await importDoc(document);
		expect(again.body.imported[0].status).toBe('unchanged');
		expect(await getStore().ids()).toEqual([id]);
		const read = await call(item.GET, { path: `/api/assessments/${id}`, params: { id } });
		expect(read.body.organisation).toBe('İstanbul Şişli');
	});

	it('never overwrites an assessment that changed since the export', async () => {
		const { id } = await created();
		const { document } = await exported(id);
		await call(item.PATCH, {
			method: 'PATCH',
			path: `/api/assessments/${id}`,
			params: { id },
			body: { title: 'Newer' }
		});
		const result = await importDoc(document);
		expect(result.body.imported[0].status).toBe('conflict');
		expect(
			(await call(item.GET, { path: `/api/assessments/${id}`, params: { id } })).body.title
		).toBe('Newer');
	});

	it('rejects the whole file, naming each bad field, and writes nothing', async () => {
		const { id } = await created();
		const { document } = await exported(id);
		process.env.DATA_DIR = `${dataDir()}/other-server`;
		const good = document.assessments[0];
		const bad = { ...good, id: 'BbBbBbBbBbBbBbBbBbBbBb', fleet: { ...good.fleet, devices: -1 } };
		const result = await importDoc({ ...document, assessments: [good, bad] });
		expect(result.status).toBe(400);
		expect(result.body.issues.map((i: { path: string }) => i.path)).toContain(
			'assessments.1.fleet.devices'
		);
		expect(await getStore().ids()).toEqual([]);
	});

	it('imports records written by the first release (schema version 1)', async () => {
		const old = JSON.parse(
			readFileSync(new URL('../../fixtures/records/v1-assessment.json', import.meta.url), 'utf8')
		);
		const result = await importDoc({
			format: 'lock-in-radar/assessments',
			formatVersion: 1,
			exportedAt: 'x',
			assessments: [old]
		});
		expect(result.body.imported[0].status).toBe('created');
		expect((await getStore().read(old.id))?.schemaVersion).toBe(2);
	});

	it('refuses something that is not an export', async () => {
		const result = await importDoc({ hello: 'world' });
		expect(result.status).toBe(400);
		expect(result.body.issues.map((i: { path: string }) => i.path)).toContain('format');
	});
});
