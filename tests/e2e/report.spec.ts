import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PNG_8X8 } from '../unit/report/images';
import { pdfImages, pdfInfo, pdfText } from '../unit/report/pdf-tools';
import { fetchRules, flexibleAnswers, ready, withoutLocalProfiles } from './helpers';

const ORGANISATION = 'Müller & Søn GmbH';
const NOTE = 'Coverage survey in İstanbul Şişli still open.';

async function createAssessment(request: APIRequestContext): Promise<string> {
	const rules = await fetchRules(request);
	const picks = flexibleAnswers(rules, withoutLocalProfiles(rules));
	const first = rules.areas[0]!.questions[0]!.id;
	const answers = Object.fromEntries(
		Object.entries(picks).map(([id, option]) => [
			id,
			{ option, ...(id === first ? { note: NOTE } : {}) }
		])
	);
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Smart meters LATAM + DACH',
			organisation: ORGANISATION,
			vendor: 'Example Connect',
			fleet: { devices: 12_000, countries: ['BR', 'DE', 'TR'], lifetimeYears: 15 },
			answers
		}
	});
	expect(created.status()).toBe(201);
	return (await created.json()).id;
}

const reportSection = (page: Page) =>
	page.locator('section', { has: page.getByRole('heading', { name: 'Consultant report' }) });

const bytesOf = async (download: { path(): Promise<string> }) =>
	new Uint8Array(readFileSync(await download.path()));

test('a consultant brands the report, adds a logo and downloads the PDF built in the browser @js', async ({
	page,
	request
}, info) => {
	const id = await createAssessment(request);
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto(`/a/${id}/results`);
	await ready(page, info);
	const report = reportSection(page);

	// jsPDF and the fonts are not part of the page: they load when a report is built.
	const scripts = requested.filter((url) => url.endsWith('.js'));
	expect(scripts.length).toBeGreaterThan(0);
	for (const url of scripts) expect(await (await request.get(url)).text()).not.toContain('jsPDF');
	expect(requested.filter((url) => url.includes('DejaVuSans'))).toEqual([]);

	await report.getByLabel('Report title').fill('Board pack: Łódź rollout');
	await report.getByLabel('Consultant name').fill('Zoë Ørsted');
	await report.getByLabel('Firm').fill('Łódź Consulting');
	await report.getByLabel('Paper size').selectOption('letter');

	// A GIF is refused with a clear message; a PNG is accepted and previewed.
	await report.getByLabel('Logo').setInputFiles({
		name: 'logo.gif',
		mimeType: 'image/gif',
		buffer: Buffer.from('GIF89a\x01\x00\x01\x00')
	});
	await expect(report.getByRole('alert')).toContainText(
		'must be a PNG or JPEG image; this file is a GIF'
	);
	await report
		.getByLabel('Logo')
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(PNG_8X8) });
	await expect(report.getByRole('img', { name: /Your logo/ })).toBeVisible();
	await expect(report.getByRole('alert')).toHaveCount(0);

	const downloading = page.waitForEvent('download');
	await report.getByRole('button', { name: 'Download PDF' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('lock-in-radar-board-pack-łódź-rollout.pdf');
	const pdf = await bytesOf(download);
	expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
	const text = pdfText(pdf);
	expect(text).toContain(ORGANISATION);
	expect(text).toContain('Zoë Ørsted, Łódź Consulting');
	expect(text).toContain(NOTE);
	expect(pdfInfo(pdf)['Page size']).toContain('(letter)');
	expect(pdfImages(pdf)).toEqual([{ width: 8, height: 8 }]);
	await expect(report.getByRole('status')).toContainText('Report downloaded');
	expect(requested.filter((url) => url.includes('DejaVuSans'))).toHaveLength(2);

	// The consultant's details and logo are remembered for the next report.
	await page.reload();
	await ready(page, info);
	await expect(reportSection(page).getByLabel('Consultant name')).toHaveValue('Zoë Ørsted');
	await expect(reportSection(page).getByLabel('Paper size')).toHaveValue('letter');
	await expect(reportSection(page).getByRole('img', { name: /Your logo/ })).toBeVisible();
});

test('without JavaScript the same form has the server build the PDF @nojs', async ({
	page,
	request
}) => {
	const id = await createAssessment(request);
	await page.goto(`/a/${id}/results`);
	const report = reportSection(page);
	await report.getByLabel('Consultant name').fill('Zoë Ørsted');
	const downloading = page.waitForEvent('download');
	await report.getByRole('button', { name: 'Download PDF' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('lock-in-radar-smart-meters-latam-dach.pdf');
	const pdf = await bytesOf(download);
	expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
	expect(pdfInfo(pdf).Author).toBe('Zoë Ørsted');
	expect(pdfText(pdf)).toContain(ORGANISATION);
});

test('the report endpoint answers a PDF for a link with branding in the query', async ({
	request
}) => {
	const id = await createAssessment(request);
	const response = await request.get(
		`/api/assessments/${id}/report.pdf?consultant=${encodeURIComponent('Zoë Ørsted')}&firm=${encodeURIComponent('Łódź Consulting')}`
	);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect(response.headers()['content-disposition']).toContain(
		'filename="lock-in-radar-smart-meters-latam-dach.pdf"'
	);
	const pdf = new Uint8Array(await response.body());
	expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
	expect(pdfText(pdf)).toContain(ORGANISATION);
	expect(pdfInfo(pdf).Author).toBe('Zoë Ørsted, Łódź Consulting');
	const bad = await request.get(`/api/assessments/${id}/report.pdf?paper=tabloid`);
	expect(bad.status()).toBe(400);
	expect((await bad.json()).issues).toEqual([
		{ path: 'paper', message: 'Paper must be "a4" or "letter"' }
	]);
});
