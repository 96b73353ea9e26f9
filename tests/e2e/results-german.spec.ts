import { expect, test } from '@playwright/test';
import { fetchRules, flexibleAnswers, ready } from './helpers';

// A browser that asks for German gets the results and share pages in German.
test.use({ locale: 'de-DE' });

test('results and share pages speak German to a German browser', async ({
	page,
	request
}, info) => {
	const rules = await fetchRules(request);
	const answers = Object.fromEntries(
		Object.entries(flexibleAnswers(rules, { data_pooling: 'per_sim' })).map(([id, option]) => [
			id,
			{ option }
		])
	);
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Angebot Nord',
			fleet: { devices: 20_000, countries: ['DE'], lifetimeYears: 12 },
			answers
		}
	});
	expect(created.status()).toBe(201);
	const { id } = await created.json();

	await page.goto(`/a/${id}/results`);
	await ready(page, info);
	const nav = page.getByRole('navigation', { name: 'Auf dieser Seite' });
	await expect(nav.getByRole('link', { name: 'Wechselkosten' })).toHaveAttribute(
		'href',
		'#cost-title'
	);
	await expect(page.getByRole('heading', { name: 'Befunde und Empfehlungen' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Risiko nach Bereich' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Schreibgeschützt teilen' })).toBeVisible();
	// Per-SIM data plans (risk 1 in rules/ruleset.yaml) are a high finding: "Hoch (1)".
	await expect(
		page.locator('section[aria-labelledby="findings-title"]').getByRole('heading', { level: 3 })
	).toHaveText(['Hoch (1)']);
	// 20,000 devices in German digits, and the cost to leave in German words.
	await expect(page.getByText('20.000 Geräte in 1 Land')).toBeVisible();
	await expect(page.getByTestId('cost-headline')).toContainText(/Rund .+ USD für den Wechsel/);

	const share = await request.post(`/api/assessments/${id}/shares`, { data: { label: 'Einkauf' } });
	const { token } = await share.json();
	await page.goto(`/s/${token}`);
	await expect(page.getByRole('note')).toContainText('Nur-Lese-Ansicht (Einkauf).');
	await expect(page.getByRole('heading', { name: 'Befunde und Empfehlungen' })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Geschätzte Kosten eines Anbieterwechsels' })
	).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Auf dieser Seite' }).getByRole('link').last()
	).toHaveText('Beraterbericht');
});
