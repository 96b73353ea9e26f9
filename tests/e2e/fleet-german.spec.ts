import { expect, test, type APIRequestContext } from '@playwright/test';
import { fetchRules, ready } from './helpers';

// A browser that asks for German gets the simulated fleet and the form errors in German.
test.use({ locale: 'de-DE' });

/** Every answer the riskiest option, on meters in Türkiye and Germany over ten years. */
async function riskyAssessment(request: APIRequestContext) {
	const rules = await fetchRules(request);
	const answers: Record<string, { option: string }> = {};
	for (const area of rules.areas) {
		for (const q of area.questions) {
			answers[q.id] = { option: [...q.options].sort((a, b) => b.risk - a.risk)[0]!.id };
		}
	}
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Zähler Türkei',
			fleet: { devices: 5000, countries: ['TR', 'DE'], lifetimeYears: 10 },
			answers
		}
	});
	expect(created.status()).toBe(201);
	return (await created.json()) as { id: string };
}

test('the fleet page describes its assumptions in German, with or without JavaScript', async ({
	page,
	request
}, info) => {
	const { id } = await riskyAssessment(request);
	await page.goto(`/assessments/${id}/fleet`);
	await ready(page, info);
	await expect(
		page.getByRole('heading', { name: 'Wie diese Zahlen mit den Ergebnissen zusammenhängen' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Annahmen' })).toBeVisible();
	await page.getByText('Die Werte hinter der Simulation mit ihren Quellen').click();
	const firstTable = page.locator('section[aria-labelledby="assumptions-title"] table').first();
	await expect(firstTable.getByRole('columnheader')).toHaveText(['Annahme', 'Wert', 'Grundlage']);
	await expect(page.getByRole('heading', { level: 3, name: 'Kosten' })).toBeVisible();
	// The visit cost's usual range is 150 to 1,000 USD (rules/costs.yaml), in German digits.
	await expect(page.locator('#costs-fieldVisitPerDevice-unit')).toHaveText(
		/USD pro Gerät · üblicher Bereich\s+150–1\.000/
	);
});

test('a simulation run shows its inventory and field errors in German @js', async ({
	page,
	request
}, info) => {
	const { id } = await riskyAssessment(request);
	await page.goto(`/assessments/${id}/fleet`);
	await ready(page, info);
	await expect(page.getByTestId('simulation-summary')).toHaveText(
		/^In 10 Jahren verliert das bewertete Angebot/
	);

	const inventory = page.locator('section[aria-labelledby="inventory-title"]');
	await expect(inventory.getByRole('heading', { name: 'SIM-Bestand der Flotte' })).toBeVisible();
	await expect(inventory.getByRole('columnheader')).toHaveText([
		'SIM',
		'Land',
		'Netz oder Profil',
		'Status',
		'Datenverbrauch in diesem Monat (MB)'
	]);
	// The assessed offer has one network per market and no local profile: Türkiye's SIMs roam.
	const firstRow = page.getByTestId('inventory').locator('tbody tr').first();
	await expect(firstRow.locator('td').nth(1)).toHaveText('Türkei');
	await expect(firstRow.locator('td').nth(2)).toHaveText('Netzbetreiber A (Roaming)');
	await expect(firstRow.locator('td').nth(3)).toHaveText('online');
	await expect(page.getByTestId('inventory').locator('caption')).toHaveText(
		'SIMs 1–25 von 5.000 an Tag 1, Bewertetes Angebot'
	);
	await expect(inventory.getByRole('button', { name: 'Weiter' })).toBeEnabled();

	// Ten years are 3,650 simulated days.
	await page.locator('#inventory-day').fill('4000');
	await expect(page.locator('#inventory-day-error')).toHaveText(
		'Wählen Sie einen Tag von 1 bis 3.650.'
	);

	// The spread of data use runs from 0 to 2 (rules/simulation.yaml).
	await page.getByText('Die Werte hinter der Simulation mit ihren Quellen').click();
	await page.locator('#params-usageSpread').fill('3');
	await expect(page.locator('#params-usageSpread-error')).toHaveText(
		'Geben Sie einen Wert von 0 bis 2 ein'
	);
});

test('a bad value on the new assessment form is explained in German', async ({ page }, info) => {
	await page.goto('/new');
	await ready(page, info);
	await page.getByLabel('Titel der Bewertung').fill('Zähler');
	await page.getByLabel('Anzahl der Geräte').fill('viele');
	await page.getByLabel('Lebensdauer der Geräte (Jahre)').fill('0');
	await page.getByRole('button', { name: 'Speichern und Fragebogen beginnen' }).click();

	await expect(page.locator('#fleet-devices-error')).toHaveText(
		'Geben Sie eine Zahl in Ziffern ein, z. B. 8000 oder 1,5.'
	);
	await expect(page.locator('#fleet-lifetimeYears-error')).toHaveText(
		'Geben Sie einen Wert über null ein.'
	);
	await expect(page.locator('#countries-error')).toHaveText(
		'Wählen Sie mindestens ein Einsatzland.'
	);
	const summary = page.getByRole('alert').first();
	await expect(summary).toContainText('Bitte korrigieren Sie diese Angaben');
	await expect(summary).toContainText(
		'Anzahl der Geräte: Geben Sie eine Zahl in Ziffern ein, z. B. 8000 oder 1,5.'
	);
	await expect(summary).not.toContainText('must');
	expect(page.url()).toMatch(/\/new$/);
});

test('a tender comparison rates its offers in German words', async ({ page, request }, info) => {
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Ausschreibung Zähler',
			fleet: { devices: 500, countries: ['DE', 'BR'], lifetimeYears: 3 },
			offers: [{ vendor: 'Alpha' }, { vendor: 'Beta' }]
		}
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	await page.goto(`/t/${id}/compare`);
	await ready(page, info);
	const badges = page.locator('.badge[class*="rating-"]');
	// No answers yet: Brazil bans permanent roaming (rules/countries.yaml), a critical floor.
	await expect(badges.first()).toBeVisible();
	const words = new Set(await badges.allTextContents());
	expect(words.has('kritisch')).toBe(true);
	for (const english of ['low', 'moderate', 'high', 'critical', 'Low', 'Moderate', 'High'])
		expect(words.has(english)).toBe(false);
});
