import { expect, test, type Page } from '@playwright/test';
import { ready } from './helpers';

/** The countries ticked in the picker, by ISO code. */
const tickedCodes = (page: Page) =>
	page
		.locator('input[name="countries"]:checked')
		.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));

test.describe('country search (UX audit H3) @js', () => {
	test.beforeEach(async ({ page }, info) => {
		await page.goto('/new');
		await ready(page, info);
	});

	test('"UK" then Enter ticks the United Kingdom, not Ukraine, and says so', async ({ page }) => {
		const search = page.getByPlaceholder(/Find a country/);
		const status = page.getByRole('status').filter({ hasText: /match|ticked/ });
		await search.fill('UK');
		await expect(page.locator('#country-search-status')).toHaveText(
			'United Kingdom matches “UK”: press Enter to tick it.'
		);
		await search.press('Enter');
		expect(await tickedCodes(page)).toEqual(['GB']);
		await expect(page.locator('input[name="countries"][value="UA"]')).not.toBeChecked();
		await expect(search).toHaveValue('');
		await expect(status).toHaveText('United Kingdom ticked.');
		// The form was not submitted by that Enter.
		await expect(page).toHaveURL(/\/new$/);
	});

	test('"India" then Enter ticks India, not British Indian Ocean Territory', async ({ page }) => {
		const search = page.getByPlaceholder(/Find a country/);
		await search.fill('India');
		await search.press('Enter');
		expect(await tickedCodes(page)).toEqual(['IN']);
	});

	test('codes and aliases tick their country: BR, de, USA, Turkey, Holland, Czech Republic', async ({
		page
	}) => {
		const search = page.getByPlaceholder(/Find a country/);
		for (const query of ['BR', 'de', 'USA', 'Turkey', 'Holland', 'Czech Republic']) {
			await search.fill(query);
			await search.press('Enter');
			await expect(search).toHaveValue('');
		}
		expect((await tickedCodes(page)).sort()).toEqual(['BR', 'CZ', 'DE', 'NL', 'TR', 'US']);
	});

	test('"Tur" shows several, says so, and Enter ticks nothing', async ({ page }) => {
		const search = page.getByPlaceholder(/Find a country/);
		await search.fill('Tur');
		await expect(page.locator('#country-search-status')).toHaveText('3 countries match: pick one.');
		for (const code of ['TR', 'TM', 'TC']) {
			await expect(page.locator(`input[name="countries"][value="${code}"]`)).toBeVisible();
		}
		await expect(page.locator('input[name="countries"][value="DE"]')).toBeHidden();
		await search.press('Enter');
		expect(await tickedCodes(page)).toEqual([]);
		await expect(page).toHaveURL(/\/new$/);
		// The text stays, selected, so the next country typed replaces it instead of joining it.
		await search.pressSequentially('Spain');
		await expect(search).toHaveValue('Spain');
		await search.press('Enter');
		expect(await tickedCodes(page)).toEqual(['ES']);
	});

	test('"zzz" says that nothing matches', async ({ page }) => {
		const search = page.getByPlaceholder(/Find a country/);
		await search.fill('zzz');
		await expect(page.locator('#country-search-status')).toHaveText('No country matches “zzz”.');
		await expect(page.locator('#country-search-status')).toHaveAttribute('aria-live', 'polite');
		await search.press('Enter');
		expect(await tickedCodes(page)).toEqual([]);
	});
});
