import { expect, test, type APIRequestContext } from '@playwright/test';
import { pdfText, squash } from '../unit/report/pdf-tools';
import { fetchRules, flexibleAnswers, ready } from './helpers';

/**
 * A German buyer (browser language de-DE) runs a tender in German: the new-tender form, the
 * tender page, the comparison, the read-only comparison and the vendor's questionnaire speak
 * German, with German number formats; the tender report comes in whichever language is asked
 * for, German headings and "2,5" in German, English ones and "2.5" in English.
 */
async function createTender(request: APIRequestContext) {
	const rules = await fetchRules(request);
	const claims = Object.fromEntries(
		Object.entries(flexibleAnswers(rules)).map(([id, option]) => [id, { option }])
	);
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Zähler 2027',
			organisation: 'Stadtwerke Süd',
			fleet: { devices: 12_500, countries: ['DE', 'AT'], lifetimeYears: 10 },
			offers: [{ vendor: 'Alpha Connect', answers: claims }, { vendor: 'Bravo IoT' }]
		}
	});
	expect(created.status()).toBe(201);
	return (await created.json()) as { id: string; offers: { id: string; vendor: string }[] };
}

test.describe('with the browser in German', () => {
	test.use({ locale: 'de-DE' });

	test('the tender pages, the comparison and the vendor page speak German', async ({
		page,
		request
	}, info) => {
		const tender = await createTender(request);

		await page.goto('/tenders/new');
		await ready(page, info);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neue Ausschreibung');
		await expect(page.getByLabel('Titel der Ausschreibung')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Ausschreibung anlegen' })).toBeVisible();

		await page.goto(`/t/${tender.id}`);
		await ready(page, info);
		await expect(page.getByRole('heading', { level: 2, name: 'Die Flotte' })).toBeVisible();
		// 12,500 devices as a German reader writes the figure.
		await expect(page.locator('.facts')).toContainText('12.500');
		await expect(page.locator('.facts')).toContainText('10 Jahre');
		await expect(page.getByRole('heading', { name: 'Wie Angaben bewertet werden' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Antwortlink erstellen' }).first()).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Ausschreibung' })).toContainText(
			'Vergleich'
		);

		// The buyer's review of one offer's answers.
		await page.goto(`/t/${tender.id}/offers/${tender.offers[0]!.id}`);
		await ready(page, info);
		await expect(
			page.getByRole('navigation', { name: 'Welche Antworten gezeigt werden' })
		).toContainText('Angaben, die auf Verifizierung warten');
		await expect(page.getByRole('button', { name: 'Verifizieren' }).first()).toBeVisible();

		await page.goto(`/t/${tender.id}/compare`);
		await ready(page, info);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Angebote vergleichen');
		await expect(page.locator('header.page-head')).toContainText(
			'12.500 Geräte in 2 Ländern für 10 Jahre'
		);
		await expect(page.getByRole('heading', { name: 'Rangfolge' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Wechselkosten' })).toBeVisible();
		await expect(page.getByTestId('pdf-link')).toHaveAttribute('href', /lang=de/);
		// The branded report form offers the language, set to the page's.
		await expect(page.getByLabel('Berichtssprache')).toHaveValue('de');

		// The read-only comparison a German recipient opens.
		const share = await request.post(`/api/tenders/${tender.id}/shares`, {
			data: { label: 'Lenkungskreis' }
		});
		expect(share.status()).toBe(201);
		const { url: shareUrl } = (await share.json()) as { url: string };
		await page.goto(shareUrl);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Zähler 2027: Angebote im Vergleich'
		);
		await expect(page.getByRole('note')).toContainText('Nur-Lese-Ansicht (Lenkungskreis)');

		// The vendor's page.
		const link = await request.post(
			`/api/tenders/${tender.id}/offers/${tender.offers[1]!.id}/respondents`,
			{ data: { label: 'Bravo Angebotsteam' } }
		);
		expect(link.status()).toBe(201);
		const { url } = (await link.json()) as { url: string };
		await page.goto(url);
		await ready(page, info);
		await expect(page.getByRole('heading', { name: 'Lieber eine Tabelle?' })).toBeVisible();
		await expect(page.getByTestId('respond-status')).toContainText(/^\s*0 von \d+ beantwortet\./);
		await expect(
			page.getByRole('button', { name: 'Speichern und an den Käufer senden' })
		).toBeVisible();
		await expect(page.getByText('Nicht sicher').first()).toBeVisible();
	});
});

test('@js the tender report comes in the language asked for, German headings and numbers or English', async ({
	request
}) => {
	const tender = await createTender(request);
	const report = async (lang: string) => {
		const response = await request.get(
			`/api/tenders/${tender.id}/report.pdf?weights=network:2.5&lang=${lang}`
		);
		expect(response.status()).toBe(200);
		const bytes = new Uint8Array(await response.body());
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		return pdfText(bytes);
	};

	const german = await report('de');
	for (const heading of [
		'Vergleich und Empfehlung',
		'Rangfolge und Werte',
		'K.-o.-Kriterien',
		'Wechselkosten',
		'Roaming-Risiko',
		'Rückfragen: Bravo IoT',
		'Anhang A Gewichte und wie die Angebote verglichen werden'
	])
		expect(squash(german)).toContain(squash(heading));
	// The fleet in German figures, and the what-if weight with a decimal comma.
	expect(german).toContain('12.500 Geräte in 2 Ländern, 10 Jahre Lebensdauer');
	expect(squash(german)).toContain(squash('2,5 (Was-wäre-wenn, Regelwerk 1)'));
	expect(german).not.toContain('Ranking and scores');

	const english = await report('en');
	expect(english).toContain('Ranking and scores');
	expect(english).toContain('Comparison and recommendation');
	expect(english).toContain('12,500 devices in 2 countries, 10-year lifetime');
	expect(squash(english)).toContain(squash('2.5 (what-if, ruleset 1)'));
	expect(english).not.toContain('Rangfolge und Werte');

	// Any other language is named as the mistake.
	const bad = await request.get(`/api/tenders/${tender.id}/report.pdf?lang=fr`);
	expect(bad.status()).toBe(400);
	expect(JSON.stringify(await bad.json())).toContain('lang');
});
