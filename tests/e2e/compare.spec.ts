import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { fetchRules, flexibleAnswers, ready } from './helpers';

/**
 * The buyer compares three offers: ranked least locked-in first, one radar of every offer, the
 * answers side by side; moves the area weights (live with JavaScript, "Apply" without), saves
 * them with the tender, and shares the comparison read-only.
 *
 * The offers answer every question at its most flexible, except:
 * - Alpha: network_sunset_readiness legacy and network_core_redundancy single_point (network risk);
 * - Bravo: four data questions at their worst-but-one (data risk);
 * - Charlie: sim_ota_switching physical_swap, which the site-visit floor lifts to high whatever the weights.
 * With the ruleset's weights (network 1, data 0.8) Alpha's one weak area weighs less than Bravo's
 * (unit test: about 3.0 against 5.2), so Alpha ranks first; with network at 10 Alpha's network
 * score dominates (network 15 × 10 against Bravo's near-zero network), so Bravo ranks first.
 * Charlie, floored to high (50), is last either way.
 */
const ALPHA = { network_sunset_readiness: 'legacy', network_core_redundancy: 'single_point' };
const BRAVO = {
	data_overage_rate: 'provider_discretion',
	data_minimum_session_charge: 'large',
	data_fee_basis: 'all_issued',
	data_sim_fee_caps: 'provider_discretion'
};
const CHARLIE = { sim_ota_switching: 'physical_swap' };

async function createTender(request: APIRequestContext) {
	const rules = await fetchRules(request);
	const claims = (override: Record<string, string>) =>
		Object.fromEntries(
			Object.entries(flexibleAnswers(rules, override)).map(([id, option]) => [id, { option }])
		);
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Meters 2027 compared',
			organisation: 'Stadtwerke Süd',
			fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
			offers: [
				{ vendor: 'Charlie Mobile', answers: claims(CHARLIE) },
				{ vendor: 'Bravo IoT', answers: claims(BRAVO) },
				{ vendor: 'Alpha Connect', answers: claims(ALPHA) }
			]
		}
	});
	expect(created.status()).toBe(201);
	return (await created.json()) as { id: string; offers: { id: string; vendor: string }[] };
}

const rankingRows = (page: Page) => page.getByTestId('ranking').locator('tbody tr');
const vendorsInOrder = async (page: Page) =>
	(await rankingRows(page).locator('th').allTextContents()).map((t) => t.trim());
const matrixRows = (page: Page) => page.getByTestId('matrix').locator('tbody tr');

test('@js the ranking follows the weight sliders live; weights saved; only differences; a read-only link', async ({
	page,
	request,
	browser
}, info) => {
	const tender = await createTender(request);
	await page.goto(`/t/${tender.id}/compare`);
	await ready(page, info);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare offers');
	expect(await vendorsInOrder(page)).toEqual(['Alpha Connect', 'Bravo IoT', 'Charlie Mobile']);
	await expect(page.getByTestId('weights-used')).toContainText('the ruleset’s weights');
	// The chart is drawn by chart.js once loaded; every offer has a link to its simulated fleet.
	await expect(page.locator('canvas')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Simulated fleet for Bravo IoT' })).toHaveAttribute(
		'href',
		`/t/${tender.id}/fleet?offer=${tender.offers[1]!.id}`
	);

	const network = page.getByRole('slider', { name: 'Network coverage' });
	await network.fill('10');
	await expect(page.locator('output[for="weight-network"]')).toHaveText('10');
	await expect
		.poll(() => vendorsInOrder(page))
		.toEqual(['Bravo IoT', 'Alpha Connect', 'Charlie Mobile']);
	await expect(page.getByTestId('weights-used')).toContainText('what-if weights, not saved');
	await expect(page.getByTestId('weights-used')).toContainText('Network coverage 10');
	await expect(page).toHaveURL(/weights=network(%3A|:)10/);
	await expect(page.getByTestId('pdf-link')).toHaveAttribute('href', /weights=network%3A10%2C/);

	await page.getByRole('button', { name: 'Save these weights' }).click();
	await expect(page.getByTestId('weights-used')).toContainText('the weights saved with the tender');
	expect(await vendorsInOrder(page)).toEqual(['Bravo IoT', 'Alpha Connect', 'Charlie Mobile']);
	const saved = await (await request.get(`/api/tenders/${tender.id}`)).json();
	expect(saved.weights).toMatchObject({ network: 10 });

	// Only the questions the offers answer differently: the seven overridden above.
	const all = await matrixRows(page).count();
	await page.getByLabel('Only differences').check();
	await expect(matrixRows(page)).toHaveCount(7);
	expect(all).toBeGreaterThan(7);
	await expect(
		page.getByTestId('matrix').locator('tr[data-question="sim_ota_switching"]')
	).toContainText('Differs');
	await page.getByLabel('Only differences').uncheck();
	await expect(matrixRows(page)).toHaveCount(all);

	// A read-only link, opened in a fresh browser context (no cookies, no history).
	await page.getByLabel('Label').fill('Steering group');
	await page.getByRole('button', { name: 'Create read-only link' }).click();
	const url = await page.locator('#new-share-url').inputValue();
	expect(url).toMatch(/\/c\/[A-Za-z0-9_-]{22}$/);
	await expect(page.getByTestId('share-list')).toContainText('Steering group');

	const fresh = await browser.newContext();
	const reader = await fresh.newPage();
	await reader.goto(url);
	await ready(reader, info);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
		'Meters 2027 compared: offers compared'
	);
	await expect(reader.getByRole('note')).toContainText('Read-only view (Steering group)');
	expect(await vendorsInOrder(reader)).toEqual(['Bravo IoT', 'Alpha Connect', 'Charlie Mobile']);
	await expect(reader.getByTestId('weights-used')).toContainText('Network coverage 10');
	await expect(reader.getByRole('slider')).toHaveCount(0);
	await expect(reader.getByRole('button', { name: 'Save these weights' })).toHaveCount(0);
	await expect(reader.getByRole('button', { name: 'Create read-only link' })).toHaveCount(0);
	await expect(reader.getByRole('link', { name: /Simulated fleet/ })).toHaveCount(0);
	expect(await reader.content()).not.toContain(tender.id);
	await fresh.close();

	// Revoked: the link answers 410.
	await page.getByRole('button', { name: 'Revoke Steering group' }).click();
	await expect(page.getByText('No live links.')).toBeVisible();
	const gone = await request.get(url);
	expect(gone.status()).toBe(410);

	await page.getByRole('button', { name: 'Reset to the ruleset’s' }).click();
	await expect(page.getByTestId('weights-used')).toContainText('the ruleset’s weights');
	expect(await vendorsInOrder(page)).toEqual(['Alpha Connect', 'Bravo IoT', 'Charlie Mobile']);
});

test('@nojs weights applied and saved without JavaScript; the data is there without the chart', async ({
	page,
	request
}) => {
	const tender = await createTender(request);
	await page.goto(`/t/${tender.id}/compare`);
	expect(await vendorsInOrder(page)).toEqual(['Alpha Connect', 'Bravo IoT', 'Charlie Mobile']);
	await expect(page.getByTestId('radar-fallback')).toBeVisible();
	await expect(page.getByTestId('area-scores')).toContainText('Network coverage');

	await page.getByRole('slider', { name: 'Network coverage' }).fill('10');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/network=10/);
	expect(await vendorsInOrder(page)).toEqual(['Bravo IoT', 'Alpha Connect', 'Charlie Mobile']);
	await expect(page.getByTestId('weights-used')).toContainText('what-if weights, not saved');
	await expect(page.getByTestId('pdf-link')).toHaveAttribute('href', /weights=network%3A10%2C/);

	await page.getByRole('link', { name: 'Show only differences' }).click();
	await expect(matrixRows(page)).toHaveCount(7);
	expect(await vendorsInOrder(page)).toEqual(['Bravo IoT', 'Alpha Connect', 'Charlie Mobile']);

	await page.getByRole('button', { name: 'Save these weights' }).click();
	await expect(page.getByTestId('weights-used')).toContainText('the weights saved with the tender');
	expect(await vendorsInOrder(page)).toEqual(['Bravo IoT', 'Alpha Connect', 'Charlie Mobile']);

	await page.getByLabel('Label').fill('Board');
	await page.getByRole('button', { name: 'Create read-only link' }).click();
	const url = await page.locator('#new-share-url').inputValue();
	await page.goto(url);
	await expect(page.getByRole('note')).toContainText('Read-only view (Board)');
	expect(await vendorsInOrder(page)).toEqual(['Bravo IoT', 'Alpha Connect', 'Charlie Mobile']);
	await page.getByRole('link', { name: 'Show only differences' }).click();
	await expect(matrixRows(page)).toHaveCount(7);
});
