import { expect, test } from '@playwright/test';
import { fetchRules, fillFleet, flexibleAnswers, ready } from './helpers';

/**
 * A German utility prices its cost to leave in euros, with SIM swaps riding on its meter-read
 * rounds. Figures from rules/costs.yaml 2.0.0: a routine round USD 15 and a SIM USD 5, at 0.86 EUR
 * per USD: EUR 12.90 + EUR 4.30 = EUR 17.20 a device.
 */
test('a buyer picks euros and routine rounds on the fleet form, and the cost to leave follows', async ({
	page,
	request
}, info) => {
	const rules = await fetchRules(request);
	await page.goto('/new');
	await ready(page, info);
	await fillFleet(page, info, {
		title: 'Stadtwerke meters',
		devices: '1000',
		countries: ['DE'],
		lifetime: '15'
	});
	await page.getByLabel('Currency for costs').selectOption('EUR');
	await page.getByLabel('On visits we make anyway (meter reads, maintenance rounds)').check();
	await page.getByRole('button', { name: /Save and start/ }).click();
	await page.waitForURL(/\/a\/[A-Za-z0-9_-]{22}\/network$/);
	const id = /\/a\/([A-Za-z0-9_-]{22})\//.exec(page.url())![1]!;

	const stored = await (await request.get(`/api/assessments/${id}`)).json();
	expect(stored.currency).toBe('EUR');
	expect(stored.fleet.siteVisits).toBe('routine');

	const answers = Object.fromEntries(
		Object.entries(flexibleAnswers(rules, { sim_ota_switching: 'physical_swap' })).map(
			([q, option]) => [q, { option }]
		)
	);
	expect((await request.patch(`/api/assessments/${id}`, { data: { answers } })).status()).toBe(200);

	await page.goto(`/a/${id}/results`);
	await ready(page, info);
	await expect(page.getByTestId('switching-total')).toContainText('EUR');
	await expect(page.getByTestId('conversion')).toContainText('0.86 EUR per USD');
	const swap = page.locator('tr[data-line="sim_swap"]');
	// 1,000 devices × EUR 17.20.
	await expect(swap).toContainText('EUR 17,200');
	await expect(swap).toContainText('1,000 devices × (EUR 12.90 on a routine round + EUR 4.30 SIM)');
	await expect(page.locator('tr[data-line="double_fees"]')).toContainText(
		'Both providers billing during the switch'
	);

	// The fleet form shows what was saved.
	await page.goto(`/a/${id}/fleet`);
	await expect(page.getByLabel('Currency for costs')).toHaveValue('EUR');
	await expect(
		page.getByLabel('On visits we make anyway (meter reads, maintenance rounds)')
	).toBeChecked();
});
