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
		body: { title: 'Łódź trackers', organisation: 'İstanbul Şişli', fleet: { devices: 50, countries: ['PL'], lifetimeYears: 5 } }
	});
	await call(shareList.POST, { method: 'POST', path: `/api/assessments/${body.id}/shares`, params: { id: body.id }, body: {} });
	return body as { id: string };
}

async function exported(id: string) {
	const response = await exportRoute.GET({ params: { id } } as never);
	return { response, document: JSON.parse(await response.text()) };
}

const importDoc = (body: unknown) => call(importRoute.POST, { method: 'POST', path: '/api/import', body });

describe('export and import', () => {
	it('exports an assessment as a JSON download without its share links', async () => {
		const { id } = await created();
		const { response, document } = await exported(id);
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="lock-in-radar-lodz-trackers\.json"/);
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
		await call(item.PATCH, { method: 'PATCH', path: `/api/assessments/${id}`, params: { id }, body: { title: 'Newer' } });
		const result = await importDoc(document);
		expect(result.body.imported[0].status).toBe('conflict');
		expect((await call(item.GET, { path: `/api/assessments/${id}`, params: { id } })).body.title).toBe('Newer');
	});

	it('rejects the whole file, naming each bad field, and writes nothing', async () => {
		const { id } = await created();
		const { document } = await exported(id);
		process.env.DATA_DIR = `${dataDir()}/other-server`;
		const good = document.assessments[0];
		const bad = { ...good, id: 'BbBbBbBbBbBbBbBbBbBbBb', fleet: { ...good.fleet, devices: -1 } };
		const result = await importDoc({ ...document, assessments: [good, bad] });
		expect(result.status).toBe(400);
		expect(result.body.issues.map((i: { path: string }) => i.path)).toContain('assessments.1.fleet.devices');
		expect(await getStore().ids()).toEqual([]);
	});

	it('imports records written by the first release (schema version 1)', async () => {
		const old = JSON.parse(readFileSync(new URL('../../fixtures/records/v1-assessment.json', import.meta.url), 'utf8'));
		const result = await importDoc({ format: 'lock-in-radar/assessments', formatVersion: 1, exportedAt: 'x', assessments: [old] });
		expect(result.body.imported[0].status).toBe('created');
		expect((await getStore().read(old.id))?.schemaVersion).toBe(2);
	});

	it('refuses something that is not an export', async () => {
		const result = await importDoc({ hello: 'world' });
		expect(result.status).toBe(400);
		expect(result.body.issues.map((i: { path: string }) => i.path)).toContain('format');
	});
});
