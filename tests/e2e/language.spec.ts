import { expect, test, type Page } from '@playwright/test';
import { fetchRules } from './helpers';

/**
 * English and German (issue 13 item 3): the browser's language picks the first page's language,
 * the header's switch changes it, with or without JavaScript, and the choice stays.
 */
const languages = (page: Page) => page.getByRole('navigation', { name: /^(Language|Sprache)$/ });
const html = (page: Page) => page.locator('html');

test.describe('a German browser', () => {
	test.use({ locale: 'de-DE' });

	test('gets German on home, a new assessment, a questionnaire step and the fleet page', async ({
		page,
		request
	}) => {
		await page.goto('/');
		await expect(html(page)).toHaveAttribute('lang', 'de');
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'IoT-Konnektivität einkaufen, ohne sich zu binden'
			})
		).toBeVisible();
		await expect(languages(page).getByRole('link', { name: 'Deutsch' })).toHaveAttribute(
			'aria-current',
			'true'
		);

		await page.getByRole('link', { name: 'Bewertung beginnen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Neue Bewertung' })).toBeVisible();
		await expect(page.getByLabel('Titel der Bewertung')).toBeVisible();
		await expect(
			page.getByRole('button', { name: 'Speichern und Fragebogen beginnen' })
		).toBeVisible();

		const rules = await fetchRules(request);
		const created = await request.post('/api/assessments', {
			data: {
				title: 'Zähler DACH',
				fleet: { devices: 500, countries: ['DE'], lifetimeYears: 12 }
			}
		});
		expect(created.status()).toBe(201);
		const { id } = await created.json();
		const firstArea = rules.areas[0]!;
		await page.goto(`/a/${id}/${firstArea.id}`);
		await expect(html(page)).toHaveAttribute('lang', 'de');
		await expect(
			page.getByText(`Schritt 2 von ${rules.areas.length + 2}`, { exact: true })
		).toBeVisible();
		await expect(page.getByText('Warum das wichtig ist').first()).toBeVisible();
		await expect(page.getByRole('button', { name: /^Speichern und weiter/ })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Schritte des Fragebogens' })).toContainText(
			// Germany restricts no roaming, so no per-country questions join the areas' own.
			`0 von ${rules.areas.reduce((n, area) => n + area.questions.length, 0)} Fragen beantwortet`
		);

		await page.goto(`/a/${id}/fleet`);
		await expect(page.getByRole('heading', { level: 1, name: 'Die Flotte' })).toBeVisible();
		await expect(page.getByLabel('Anzahl der Geräte')).toHaveValue('500');

		await page.goto('/fleet');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Eine Flotte simulieren' })
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Diese Flotte simulieren' })).toBeVisible();
	});

	test('switches to English, and English stays across pages and a reload', async ({ page }) => {
		await page.goto('/new');
		await expect(html(page)).toHaveAttribute('lang', 'de');
		await languages(page).getByRole('link', { name: 'English' }).click();

		// Back on the same page, without the switch's parameter in the address.
		await expect(page).toHaveURL(/\/new$/);
		await expect(html(page)).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1, name: 'New assessment' })).toBeVisible();
		await expect(languages(page).getByRole('link', { name: 'English' })).toHaveAttribute(
			'aria-current',
			'true'
		);

		await page.getByRole('link', { name: 'Lock-in Radar' }).first().click();
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'Buy IoT connectivity without getting locked in'
			})
		).toBeVisible();
		await page.reload();
		await expect(html(page)).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('link', { name: 'Start an assessment' })).toBeVisible();

		const cookie = (await page.context().cookies()).find((c) => c.name === 'PARAGLIDE_LOCALE');
		expect(cookie?.value).toBe('en');
		expect(cookie?.path).toBe('/');
		expect(cookie?.sameSite).toBe('Lax');
		// A year, give or take the seconds this test took.
		const year = 365 * 24 * 60 * 60;
		expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(year - 600);
	});
});

test('an English browser can switch to German, and German stays', async ({ page }) => {
	await page.goto('/fleet');
	await expect(html(page)).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'Simulate a fleet' })).toBeVisible();

	await languages(page).getByRole('link', { name: 'Deutsch' }).click();
	await expect(page).toHaveURL(/\/fleet$/);
	await expect(html(page)).toHaveAttribute('lang', 'de');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Eine Flotte simulieren' })
	).toBeVisible();

	await page.goto('/new');
	await expect(page.getByRole('heading', { level: 1, name: 'Neue Bewertung' })).toBeVisible();
});
