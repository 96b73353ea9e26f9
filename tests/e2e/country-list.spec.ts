import { expect, test, type Page } from '@playwright/test';
import { ready } from './helpers';

/** The ISO code of the focused checkbox in the country list, or null when focus is elsewhere. */
const focusedCountry = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLInputElement | null;
		return el?.name === 'countries' ? el.value : null;
	});

test.describe('the country list is one Tab stop (UX audit M3) @js', () => {
	test('Tab enters the list once, arrows move, Space ticks, and the ticked countries are saved', async ({
		page
	}, info) => {
		await page.goto('/new');
		await ready(page, info);
		await page.getByLabel('Assessment title').fill('Keyboard fleet');
		await page.getByLabel('Number of devices').fill('1000');
		await page.getByLabel('Device lifetime (years)').fill('10');

		const search = page.getByPlaceholder(/Find a country/);
		await search.focus();
		await page.keyboard.press('Tab');
		// The first country in the list (choices run alphabetically: Afghanistan first).
		const first = await focusedCountry(page);
		expect(first).toBe('AF');
		await page.keyboard.press('Tab');
		// One more Tab and focus has left the list: no 250 stops.
		expect(await focusedCountry(page)).toBeNull();

		await page.keyboard.press('Shift+Tab');
		expect(await focusedCountry(page)).toBe('AF');
		await page.keyboard.press('ArrowDown');
		expect(await focusedCountry(page)).toBe('AX');
		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowUp');
		expect(await focusedCountry(page)).toBe('AF');
		await page.keyboard.press('End');
		const last = await focusedCountry(page);
		expect(last).toBe('ZW');
		await page.keyboard.press('Space');
		await page.keyboard.press('Home');
		expect(await focusedCountry(page)).toBe('AF');

		// The list remembers where the user was: Tab out and back lands on the same country.
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		expect(await focusedCountry(page)).toBe('AX');

		// A search narrows the list, and the stop moves to the first country shown.
		await search.fill('Brazil');
		await search.focus();
		await page.keyboard.press('Tab');
		expect(await focusedCountry(page)).toBe('BR');
		await page.keyboard.press('Space');
		await search.fill('');

		// Each box still has its country's name and its state for assistive technology.
		await expect(page.getByRole('checkbox', { name: 'Brazil' })).toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'Åland Islands' })).toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'Zimbabwe' })).toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'Afghanistan' })).not.toBeChecked();

		await page.getByRole('button', { name: /Save and start/ }).click();
		await page.waitForURL(/\/a\/[^/]+\/[a-z]+$/);
		const id = new URL(page.url()).pathname.split('/')[2];
		const saved = await page.request.get(`/api/assessments/${id}`);
		expect(saved.ok()).toBe(true);
		expect(((await saved.json()).fleet.countries as string[]).sort()).toEqual(['AX', 'BR', 'ZW']);
	});
});

test('without JavaScript the list is the plain checkboxes, each its own Tab stop @nojs', async ({
	page
}) => {
	await page.goto('/new');
	// No search box and no roving: the plain list of checkboxes, each reachable with Tab.
	await expect(page.getByPlaceholder(/Find a country/)).toHaveCount(0);
	const boxes = page.locator('input[name="countries"]');
	expect(
		await boxes.evaluateAll((all) => all.filter((b) => b.hasAttribute('tabindex')).length)
	).toBe(0);
});
