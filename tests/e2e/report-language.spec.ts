import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { pdfText } from '../unit/report/pdf-tools';
import { fetchRules, flexibleAnswers, ready, withoutLocalProfiles } from './helpers';

/** 12,000 devices in Brazil, Germany and Türkiye for 15 years, every answer the flexible one. */
async function createAssessment(request: APIRequestContext): Promise<string> {
	const rules = await fetchRules(request);
	const answers = Object.fromEntries(
		Object.entries(flexibleAnswers(rules, withoutLocalProfiles(rules))).map(([id, option]) => [
			id,
			{ option }
		])
	);
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Zähler Süd 2027',
			organisation: 'Stadtwerke Nord',
			vendor: 'Example Connect',
			fleet: { devices: 12_000, countries: ['BR', 'DE', 'TR'], lifetimeYears: 15 },
			answers
		}
	});
	expect(created.status()).toBe(201);
	return (await created.json()).id;
}

// Found by structure, not by its words: in a German browser the page may be German too.
const reportSection = (page: Page) => page.locator('section[aria-labelledby="report-heading"]');

async function downloadText(page: Page): Promise<string> {
	const downloading = page.waitForEvent('download');
	await reportSection(page).locator('button[type="submit"]').click();
	const pdf = new Uint8Array(readFileSync(await (await downloading).path()));
	expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
	return pdfText(pdf).replace(/\s+/g, ' ');
}

/** What a German report says that an English one never does, with German figures. */
function expectGerman(text: string) {
	expect(text).toContain('Beraterbericht');
	expect(text).toContain('Flotte 12.000 Geräte in 3 Ländern, Lebensdauer 15 Jahre');
	expect(text).toContain('Nächste Schritte');
	expect(text).toMatch(/Seite 1 von \d+/);
	expect(text).not.toContain('Consultant report');
}

test.describe('a page in English', () => {
	test('a consultant chooses German for the report and the PDF built in the browser is German @js', async ({
		page,
		request
	}, info) => {
		const id = await createAssessment(request);
		await page.goto(`/a/${id}/results`);
		await ready(page, info);
		const language = reportSection(page).getByLabel('Report language');
		await expect(language).toHaveValue('en');
		await language.selectOption({ label: 'Deutsch' });
		expectGerman(await downloadText(page));
		await expect(reportSection(page).getByRole('status')).toContainText('Report downloaded');

		// The choice is remembered with the consultant's other settings.
		await page.reload();
		await ready(page, info);
		await expect(reportSection(page).getByLabel('Report language')).toHaveValue('de');
	});

	test('without JavaScript the server builds the report in the language chosen @nojs', async ({
		page,
		request
	}) => {
		const id = await createAssessment(request);
		await page.goto(`/a/${id}/results`);
		await reportSection(page).getByLabel('Report language').selectOption({ label: 'Deutsch' });
		expectGerman(await downloadText(page));
	});

	test('the report is English unless the consultant asks otherwise', async ({
		page,
		request
	}, info) => {
		const id = await createAssessment(request);
		await page.goto(`/a/${id}/results`);
		await ready(page, info);
		const text = await downloadText(page);
		expect(text).toContain('Consultant report');
		expect(text).toContain('Fleet 12,000 devices in 3 countries, 15-year lifetime');
		expect(text).not.toContain('Beraterbericht');
	});
});

test.describe('a browser that prefers German', () => {
	test.use({ locale: 'de-DE' });

	test('offers the report in German first', async ({ page, request }, info) => {
		const id = await createAssessment(request);
		await page.goto(`/a/${id}/results`);
		await ready(page, info);
		await expect(
			reportSection(page).getByLabel(/Report language|Sprache des Berichts/)
		).toHaveValue('de');
		expectGerman(await downloadText(page));
	});
});
