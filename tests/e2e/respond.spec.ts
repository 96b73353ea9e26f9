import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { fetchRules, ready } from './helpers';

/**
 * A vendor's bid team answers the buyer's questionnaire through its respondent link, in the
 * browser (JavaScript on and off): its own offer only, answers with evidence, save, submit; the
 * buyer then sees them as claims; a revoked link stops working.
 */
test('a vendor answers through its link, submits, and the buyer sees the claims', async ({
	page,
	request
}, info) => {
	const rules = await fetchRules(request);
	expect(rules.areas.some((a) => a.questions.some((q) => q.id === 'sim_ota_switching'))).toBe(true);
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Meters 2027',
			organisation: 'Stadtwerke Nord',
			fleet: { devices: 5000, countries: ['DE'], lifetimeYears: 12 },
			offers: [{ vendor: 'Alpha Connect' }, { vendor: 'Bravo IoT' }]
		}
	});
	expect(created.status()).toBe(201);
	const tender = await created.json();
	const [alpha] = tender.offers as { id: string; vendor: string }[];
	const link = await request.post(`/api/tenders/${tender.id}/offers/${alpha!.id}/respondents`, {
		data: { label: 'Alpha bid team' }
	});
	expect(link.status()).toBe(201);
	const { url, id: respondentId } = await link.json();

	await page.goto(url);
	await ready(page, info);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meters 2027');
	await expect(page.locator('main')).toContainText('Alpha Connect');
	// Nothing of the other bidder.
	await expect(page.locator('body')).not.toContainText('Bravo IoT');

	// A statement without an answer is refused next to its question, and nothing else is lost.
	const notice = page.locator('#q-contract_notice_period');
	await notice.getByLabel('Statement').fill('We will confirm in the contract.');
	await page
		.locator('#q-sim_ota_switching')
		.getByLabel('Yes, to a profile from any operator or provider we choose')
		.check();
	await page
		.locator('#q-sim_ota_switching')
		.getByLabel('Evidence: document and section')
		.fill('Technical annex, section 4.2');
	await page.getByRole('button', { name: 'Save and come back later' }).click();
	await expect(page.locator('#contract_notice_period-option-error')).toHaveText('Choose an answer');
	await expect(
		page.locator('#q-sim_ota_switching').getByLabel('Evidence: document and section')
	).toHaveValue('Technical annex, section 4.2');

	await notice.getByLabel('30 days or less, at any time').check();
	await page.getByRole('button', { name: 'Save and come back later' }).click();
	await expect(page.getByTestId('respond-status')).toContainText('Saved. 2 of');

	await page.getByRole('button', { name: 'Save and submit to the buyer' }).click();
	await expect(page.getByTestId('respond-status')).toContainText('Submitted');
	await page.reload();
	await expect(page.getByTestId('respond-status')).toContainText('Submitted');
	await expect(page.getByRole('button', { name: 'Save and come back later' })).toHaveCount(0);

	const buyer = await (await request.get(`/api/tenders/${tender.id}`)).json();
	expect(buyer.offers[0].answers.sim_ota_switching).toMatchObject({
		option: 'any_provider',
		by: 'vendor',
		state: 'claimed',
		evidence: 'Technical annex, section 4.2'
	});
	expect(buyer.offers[0].answers.contract_notice_period).toMatchObject({
		option: 'short_notice',
		statement: 'We will confirm in the contract.'
	});
	expect(buyer.offers[1].answers).toEqual({});

	expect(
		(
			await request.delete(
				`/api/tenders/${tender.id}/offers/${alpha!.id}/respondents/${respondentId}`
			)
		).status()
	).toBe(204);
	const gone = await page.goto(url);
	expect(gone!.status()).toBe(410);
	await expect(page.locator('body')).toContainText('This link is no longer valid');
});

test('a vendor uploads the filled questionnaire spreadsheet; a bad row is named and nothing is saved', async ({
	page,
	request
}, info) => {
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Trackers 2027',
			fleet: { devices: 800, countries: ['FR'], lifetimeYears: 6 },
			offers: [{ vendor: 'Charlie Mobile' }, { vendor: 'Delta' }]
		}
	});
	const tender = await created.json();
	const offerId = tender.offers[0].id as string;
	const { url } = await (
		await request.post(`/api/tenders/${tender.id}/offers/${offerId}/respondents`, { data: {} })
	).json();
	const token = String(url).split('/').pop();

	const download = await request.get(`/api/respond/${token}/questionnaire`);
	expect(download.status()).toBe(200);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await download.body()) as unknown as ArrayBuffer);
	const sheet = book.getWorksheet('Questionnaire')!;
	const rowOf = (id: string) => {
		let found: ExcelJS.Row | undefined;
		sheet.eachRow((row) => {
			if (row.getCell(1).value === id) found = row;
		});
		return found!;
	};
	rowOf('data_pooling').getCell(5).value = 'Banana';
	rowOf('contract_exit_terms').getCell(5).value = 'We must return or destroy the SIMs';
	rowOf('contract_exit_terms').getCell(7).value = 'Master agreement, clause 14';
	const upload = async () => {
		await page.setInputFiles('#file', {
			name: 'answers.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: Buffer.from(await book.xlsx.writeBuffer())
		});
		await page.getByRole('button', { name: 'Upload and save' }).click();
	};

	await page.goto(url);
	await ready(page, info);
	await upload();
	await expect(page.getByTestId('row-issues')).toContainText(
		`Row ${rowOf('data_pooling').number}, Your answer: "Banana" is not one of this question's answers`
	);
	expect((await (await request.get(`/api/tenders/${tender.id}`)).json()).offers[0].answers).toEqual(
		{}
	);

	rowOf('data_pooling').getCell(5).value = null;
	await upload();
	await expect(page.getByTestId('respond-status')).toContainText(
		'1 answer taken from the spreadsheet and saved'
	);
	const stored = (await (await request.get(`/api/tenders/${tender.id}`)).json()).offers[0].answers;
	expect(stored.contract_exit_terms).toMatchObject({
		option: 'return_or_destroy',
		evidence: 'Master agreement, clause 14',
		by: 'vendor',
		state: 'claimed'
	});
});
