import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { fetchRules, ready } from './helpers';

/** The 1.1.0 record of the unit tests (roaming SIMs only, 1,000 devices in Brazil), under a fresh id. */
function oldRecord() {
	const record = JSON.parse(
		readFileSync(
			new URL('../fixtures/records/ruleset-1.1.0-assessment.json', import.meta.url),
			'utf8'
		)
	);
	return { ...record, id: randomBytes(16).toString('base64url').slice(0, 22) };
}

test('an assessment scored with ruleset 1.1.0 keeps it until the owner previews and accepts a re-score', async ({
	page,
	request
}, info) => {
	const current = (await fetchRules(request)).version;
	expect(current).toBe('2.1.0');
	const record = oldRecord();
	// The way an owner brings an export back (README "API": POST /api/import).
	const imported = await request.post('/api/import', {
		data: {
			format: 'lock-in-radar/assessments',
			formatVersion: 1,
			exportedAt: '2026-12-01T00:00:00.000Z',
			assessments: [record]
		}
	});
	expect(imported.status()).toBe(200);

	await page.goto(`/a/${record.id}/results`);
	await ready(page, info);
	const panel = page.locator('#rescore');
	await expect(
		panel.getByRole('heading', { name: 'Scored with ruleset 1.1.0 · Ruleset 2.1.0 is current' })
	).toBeVisible();
	await expect(page.getByText('scored with ruleset v1.1.0')).toBeVisible();
	await expect(page.getByTestId('overall')).toContainText('critical');

	await panel.getByRole('button', { name: 'See what re-scoring with 2.1.0 changes' }).click();
	const table = panel.locator('table');
	const cells = (row: string) => table.locator(`tr[data-row="${row}"] td`);
	await expect(cells('rating').nth(0)).toHaveText('critical');
	await expect(cells('rating').nth(1)).toContainText('high');
	await expect(cells('score').nth(0)).toContainText(/^75 provisional/);
	await expect(cells('score').nth(1)).toContainText('50 provisional, range 4.7 to 93.6');
	await expect(table.locator('tr[data-row="floors"]')).toContainText(
		'Permanent-roaming exposure in Brazil without local profiles'
	);
	await expect(panel).toContainText('1 floor no longer applies');
	// Brazil's own question (2.0.0) and eleven more from 2.1.0; tests/unit/api/rescore.test.ts works out the range
	await expect(panel).toContainText('asks 12 new questions');
	// Previewing wrote nothing.
	expect((await (await request.get(`/api/assessments/${record.id}`)).json()).rulesetVersion).toBe(
		'1.1.0'
	);

	await panel.getByRole('button', { name: 'Accept and re-score with 2.1.0' }).click();
	await expect(panel.getByRole('heading', { name: 'Re-scored with ruleset 2.1.0' })).toBeVisible();
	await expect(page.getByText('scored with ruleset v2.1.0')).toBeVisible();
	await expect(page.getByTestId('overall')).toContainText('high');
	const after = await (await request.get(`/api/assessments/${record.id}`)).json();
	expect(after).toMatchObject({ rulesetVersion: '2.1.0', revision: record.revision + 1 });

	// Opened again, the page has nothing left to offer.
	await page.goto(`/a/${record.id}/results`);
	await expect(page.getByText('scored with ruleset v2.1.0')).toBeVisible();
	await expect(page.locator('#rescore')).toHaveCount(0);
});
