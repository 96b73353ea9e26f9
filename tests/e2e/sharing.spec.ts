import { expect, test } from '@playwright/test';
import { fetchRules, flexibleAnswers, ready, withoutLocalProfiles } from './helpers';

test('the owner shares a read-only link, a colleague reads it, and it stops working once revoked', async ({
	page,
	browser,
	request
}, info) => {
	const rules = await fetchRules(request);
	const picks = flexibleAnswers(rules, withoutLocalProfiles(rules, ['BR']));
	const firstQuestion = rules.areas[0]!.questions[0]!.id;
	const answers = Object.fromEntries(
		Object.entries(picks).map(([id, option]) => [
			id,
			{ option, ...(id === firstQuestion ? { note: 'Internal budget note' } : {}) }
		])
	);
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Shared fleet',
			fleet: { devices: 2000, countries: ['BR', 'DE'], lifetimeYears: 12 },
			answers
		}
	});
	const { id } = await created.json();

	await page.goto(`/a/${id}/results`);
	await ready(page, info);
	await expect(
		page.getByText('Anyone who has a share link can read this assessment')
	).toBeVisible();
	await page.getByLabel(/^Label/).fill('for management');
	await page.getByRole('button', { name: 'Create read-only link' }).click();
	const urlField = page.getByLabel('New link: copy it now');
	await expect(urlField).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
	const shareUrl = await urlField.inputValue();
	await expect(page.locator('tr', { hasText: 'for management' })).toBeVisible();

	const colleague = await browser.newContext({ javaScriptEnabled: info.project.name === 'js' });
	const reader = await colleague.newPage();
	const response = await reader.goto(shareUrl);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['referrer-policy']).toBe('same-origin');
	expect(response?.headers()['x-robots-tag']).toContain('noindex');
	await expect(reader.getByRole('heading', { level: 1, name: 'Shared fleet' })).toBeVisible();
	await expect(reader.getByTestId('overall')).toContainText('critical');
	await expect(
		reader.getByRole('heading', { name: /Brazil: devices on roaming SIMs will be cut off/ })
	).toBeVisible();
	await expect(reader.getByText('Read-only view (for management)')).toBeVisible();
	// Nothing on the page edits, links to the edit address, or leaks the edit id or notes.
	await expect(reader.locator('form[method="post" i]')).toHaveCount(0);
	for (const action of await reader
		.locator('form')
		.evaluateAll((forms) => forms.map((f) => f.getAttribute('action')))) {
		expect(action).toMatch(/^\/api\/shared\/[A-Za-z0-9_-]{22}\/report\.pdf$/);
	}
	await expect(reader.locator('textarea')).toHaveCount(0);
	await expect(
		reader.getByRole('button', { name: /Create|Revoke|Save|Recalculate|Import/ })
	).toHaveCount(0);
	await expect(reader.locator(`a[href*="/a/"]`)).toHaveCount(0);
	const html = await reader.content();
	expect(html).not.toContain(id);
	expect(html).not.toContain('Internal budget note');
	const og = await reader.locator('meta[property="og:description"]').getAttribute('content');
	expect(og).toMatch(/rated critical/);

	await page
		.locator('tr', { hasText: 'for management' })
		.getByRole('button', { name: /Revoke/ })
		.click();
	await expect(page.getByText('No live links.')).toBeVisible();

	const after = await reader.goto(shareUrl);
	expect(after?.status()).toBe(410);
	await expect(reader.getByRole('heading', { name: 'This link is no longer valid' })).toBeVisible();
	await expect(reader.getByText('Shared fleet')).toHaveCount(0);
	await colleague.close();
});

test('an unknown share link shows the no-longer-valid page with 404', async ({ page }) => {
	const response = await page.goto('/s/AAAAAAAAAAAAAAAAAAAAAA');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'This link is no longer valid' })).toBeVisible();
});
