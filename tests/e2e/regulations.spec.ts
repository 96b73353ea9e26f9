import { expect, test } from '@playwright/test';
import { fillFleet, ready } from './helpers';

test('a German fleet sees its rights and duties on the results and share pages', async ({
	page,
	request
}, info) => {
	await page.goto('/new');
	await ready(page, info);
	await fillFleet(page, info, {
		title: 'Payment terminals DE',
		devices: '5000',
		countries: ['DE'],
		lifetime: '8'
	});
	await page.getByLabel(/^Country of your organisation/).selectOption('NL');
	await page.getByRole('button', { name: /Save and start/ }).click();
	await page.waitForURL(/\/a\/[A-Za-z0-9_-]{22}\/network$/);
	const id = /\/a\/([A-Za-z0-9_-]{22})\//.exec(page.url())![1]!;

	const stored = await (await request.get(`/api/assessments/${id}`)).json();
	expect(stored.buyerCountry).toBe('NL');

	await page.goto(`/a/${id}/results`);
	const panel = page.getByTestId('regulation-panel');
	await expect(
		panel.getByRole('heading', { name: 'Your rights and duties when you leave' })
	).toBeVisible();
	const switching = panel.locator('[data-regulation="eu_data_act_switching"]');
	await expect(switching).toContainText('EU Data Act, Chapter VI');
	await expect(switching).toContainText('Applies from 12 September 2025.');
	await expect(switching).toContainText('Confidence: high');
	await expect(switching).toContainText('Deployment in Germany; Your organisation in Netherlands');
	await expect(switching.locator('a[rel~="noreferrer"]').first()).toHaveAttribute(
		'href',
		/^https:\/\//
	);
	await expect(panel.locator('[data-regulation="eu_dora_exit_strategies"]')).toContainText(
		'Your duty'
	);

	// The fleet step shows the saved choice again.
	await page.goto(`/a/${id}/fleet`);
	await expect(page.getByLabel(/^Country of your organisation/)).toHaveValue('NL');

	const share = await request.post(`/api/assessments/${id}/shares`, { data: { label: 'counsel' } });
	expect(share.status()).toBe(201);
	const { token } = await share.json();
	await page.goto(`/s/${token}`);
	await expect(
		page.getByTestId('regulation-panel').locator('[data-regulation="eu_data_act_switching"]')
	).toContainText('Deployment in Germany');
});

test('a fleet where no rule is recorded says so, instead of showing nothing', async ({
	page,
	request
}) => {
	const created = await request.post('/api/assessments', {
		data: { title: 'US trackers', fleet: { devices: 100, countries: ['US'], lifetimeYears: 5 } }
	});
	expect(created.status()).toBe(201);
	const { id } = await created.json();
	await page.goto(`/a/${id}/results`);
	await expect(page.getByTestId('no-regulation')).toContainText(
		'No rule recorded for these countries'
	);
});
