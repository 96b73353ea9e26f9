import { expect, test, type Page, type TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import { jsEnabled, ready } from './helpers';

/**
 * The buyer's side of a tender in the browser (JavaScript on and off): create it with three offers,
 * send a respondent link, verify one claim and dispute another with its history, read a filled
 * questionnaire in preview before saving it, and start a tender from an assessment.
 */

async function tickCountry(page: Page, info: TestInfo, code: string) {
	const box = page.locator(`input[name="countries"][value="${code}"]`);
	if (jsEnabled(info)) {
		const name = await box.evaluate((el) => el.parentElement!.querySelector('span')!.textContent!);
		await page.getByPlaceholder(/Find a country/).fill(name.slice(0, 4));
		await expect(box).toBeVisible();
		await box.check();
		await page.getByPlaceholder(/Find a country/).fill('');
	} else {
		await box.check();
	}
}

const offerCard = (page: Page, vendor: string) =>
	page.getByRole('region', { name: vendor, exact: true });

test('a buyer creates a tender with three offers, sends a link, verifies and disputes claims, and imports a spreadsheet', async ({
	page,
	request
}, info) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Run a tender' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New tender');
	await ready(page, info);

	// A first try with no title and one vendor: every problem is named, nothing typed is lost.
	await page.getByLabel('Number of devices').fill('5000');
	await page.getByLabel('Device lifetime (years)').fill('12');
	await tickCountry(page, info, 'DE');
	await page.getByLabel(/^Offer 1: vendor/).fill('Alpha Connect');
	await page.getByRole('button', { name: 'Create the tender' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'Please fix' });
	await expect(summary).toContainText('Tender title: Give the tender a title');
	await expect(summary).toContainText('Offers: A tender compares at least 2 offers');
	await expect(page.getByLabel(/^Offer 1: vendor/)).toHaveValue('Alpha Connect');
	await expect(page.getByLabel('Number of devices')).toHaveValue('5000');

	await page.getByLabel('Tender title').fill('Meters 2027');
	await page.getByLabel(/^Organisation/).fill('Stadtwerke Nord');
	if (jsEnabled(info)) {
		// Rows come as needed: three are shown, a fourth is added and removed again.
		await expect(page.getByLabel(/^Offer 4: vendor/)).toHaveCount(0);
		await page.getByRole('button', { name: 'Add an offer' }).click();
		await expect(page.getByLabel(/^Offer 4: vendor/)).toBeFocused();
		await page.getByRole('button', { name: 'Remove offer 4' }).click();
	}
	await page.getByLabel(/^Offer 2: vendor/).fill('Bravo IoT');
	await page.getByLabel(/^Offer 3: vendor/).fill('Charlie Mobile');
	await page.getByRole('button', { name: 'Create the tender' }).click();
	await page.waitForURL(/\/t\/[A-Za-z0-9_-]{22}$/);
	const tenderId = page.url().split('/').pop()!;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meters 2027');
	const nav = page.getByRole('navigation', { name: 'Tender' });
	for (const name of [
		'Overview',
		'Alpha Connect',
		'Bravo IoT',
		'Charlie Mobile',
		'Compare',
		'Fleet'
	]) {
		await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
	}
	const stored = await (await request.get(`/api/tenders/${tenderId}`)).json();
	expect(stored.offers.map((o: { vendor: string }) => o.vendor)).toEqual([
		'Alpha Connect',
		'Bravo IoT',
		'Charlie Mobile'
	]);
	expect(stored.fleet).toMatchObject({ devices: 5000, countries: ['DE'], lifetimeYears: 12 });
	const [alpha, bravo] = stored.offers as { id: string }[];
	await ready(page, info);

	// A respondent link for Alpha: shown once, in full, listed as active.
	const alphaCard = offerCard(page, 'Alpha Connect');
	await alphaCard.getByLabel(/^Label/).fill('Alpha bid team');
	await alphaCard.getByRole('button', { name: 'Create a respondent link' }).click();
	const linkField = alphaCard.getByLabel(/New link for Alpha Connect/);
	await expect(linkField).toHaveValue(/^http:\/\/localhost:\d+\/respond\/[A-Za-z0-9_-]{22}$/);
	const url = await linkField.inputValue();
	await expect(alphaCard.getByRole('row', { name: /Alpha bid team/ })).toContainText('Active');
	// Without JavaScript a reload would post the form again: open the page afresh instead.
	await page.goto(`/t/${tenderId}`);
	await expect(offerCard(page, 'Alpha Connect').getByLabel(/New link for/)).toHaveCount(0);

	// The vendor's bid team answers two questions through its link (its own page is tested in respond.spec).
	const token = url.split('/').pop()!;
	const answered = await request.patch(`/api/respond/${token}`, {
		data: {
			answers: {
				sim_ota_switching: { option: 'any_provider', evidence: 'Technical annex, section 4.2' },
				contract_notice_period: { option: 'short_notice', statement: 'Any time, 30 days.' }
			}
		}
	});
	expect(answered.status()).toBe(200);
	await page.goto(`/t/${tenderId}`);
	await expect(offerCard(page, 'Alpha Connect')).toContainText('2 claims await verification');

	// Verify one claim with the evidence seen.
	await page.getByRole('link', { name: "Review Alpha Connect's answers" }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha Connect');
	await ready(page, info);
	const ota = page.locator('#q-sim_ota_switching');
	await expect(ota).toContainText('Claimed');
	await expect(ota).toContainText('given by the vendor');
	await expect(ota).toContainText('Evidence: Technical annex, section 4.2');
	await ota.getByLabel('Evidence seen, or what you dispute').fill('Annex 4.2 read: any provider');
	await ota.getByRole('button', { name: 'Verify' }).click();
	await expect(ota.locator('.state')).toHaveText(/Verified/);
	await expect(ota).toContainText('Your reason for "verified": Annex 4.2 read: any provider');

	// A dispute needs a reason; with one, it is kept and shown in the history.
	const notice = page.locator('#q-contract_notice_period');
	await notice.getByRole('button', { name: 'Dispute' }).click();
	await expect(notice.locator('.field-error')).toHaveText(
		'Say what you dispute, so the vendor can answer it.'
	);
	await expect(notice.locator('.state')).toHaveText(/Claimed/);
	await notice.getByLabel('Evidence seen, or what you dispute').fill('Contract draft says 90 days');
	await notice.getByRole('button', { name: 'Dispute' }).click();
	await expect(notice.locator('.state')).toHaveText(/Disputed/);
	await notice.getByText(/^History/).click();
	const history = notice.getByRole('table');
	await expect(
		history.getByRole('row', { name: /Vendor Answer \(none\) 30 days or less, at any time/ })
	).toBeVisible();
	await expect(history.getByRole('row', { name: /Buyer State claimed disputed/ })).toBeVisible();
	await expect(
		history.getByRole('row', { name: /Buyer's reason \(none\) Contract draft says 90 days/ })
	).toBeVisible();

	// The filter shows the disputed answer alone.
	await page.getByRole('link', { name: 'Disputed', exact: true }).click();
	await expect(page.locator('article.question')).toHaveCount(1);
	await expect(page.locator('article.question')).toHaveAttribute('id', 'q-contract_notice_period');

	const judged = (await (await request.get(`/api/tenders/${tenderId}`)).json()).offers[0].answers;
	expect(judged.sim_ota_switching).toMatchObject({
		state: 'verified',
		stateNote: 'Annex 4.2 read: any provider',
		by: 'vendor'
	});
	expect(judged.contract_notice_period).toMatchObject({
		state: 'disputed',
		stateNote: 'Contract draft says 90 days'
	});

	// Bravo answers by spreadsheet: a bad row is shown and blocks saving; the fixed file is saved on confirm.
	const download = await request.get(`/api/tenders/${tenderId}/offers/${bravo!.id}/questionnaire`);
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
	await page.goto(`/t/${tenderId}`);
	await ready(page, info);
	const bravoCard = offerCard(page, 'Bravo IoT');
	const read = async () => {
		await bravoCard.getByLabel('Filled questionnaire (.xlsx)').setInputFiles({
			name: 'bravo.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: Buffer.from(await book.xlsx.writeBuffer())
		});
		await bravoCard.getByRole('button', { name: 'Read the file (nothing is saved yet)' }).click();
	};
	await read();
	await expect(bravoCard).toContainText('Preview of bravo.xlsx');
	await expect(bravoCard).toContainText(`"Banana" is not one of this question's answers`);
	await expect(bravoCard).toContainText('Nothing can be saved while a row has a problem');
	await expect(bravoCard.getByRole('button', { name: /^Save th/ })).toHaveCount(0);

	rowOf('data_pooling').getCell(5).value = null;
	await read();
	await expect(bravoCard).toContainText('1 answer, 0 problems');
	await expect(
		bravoCard.getByRole('row', { name: /We must return or destroy the SIMs/ })
	).toContainText('Evidence: Master agreement, clause 14');
	// Reading saved nothing.
	expect((await (await request.get(`/api/tenders/${tenderId}`)).json()).offers[1].answers).toEqual(
		{}
	);
	await bravoCard.getByRole('button', { name: 'Save this answer' }).click();
	await expect(offerCard(page, 'Bravo IoT')).toContainText('Saved 1 answer from the spreadsheet');
	await expect(offerCard(page, 'Bravo IoT')).toContainText('1 claim awaits verification');
	const imported = (await (await request.get(`/api/tenders/${tenderId}`)).json()).offers[1].answers;
	expect(imported.contract_exit_terms).toMatchObject({
		option: 'return_or_destroy',
		evidence: 'Master agreement, clause 14',
		by: 'vendor',
		state: 'claimed'
	});
	expect(alpha!.id).not.toBe(bravo!.id);
});

test('owner pages of a tender are private and not indexed', async ({ request }) => {
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Headers',
			fleet: { devices: 10, countries: ['FR'], lifetimeYears: 5 },
			offers: [{ vendor: 'A' }, { vendor: 'B' }]
		}
	});
	const tender = await created.json();
	for (const path of [`/t/${tender.id}`, `/t/${tender.id}/offers/${tender.offers[0].id}`]) {
		const reply = await request.get(path);
		expect(reply.status(), path).toBe(200);
		expect(reply.headers()['cache-control'], path).toBe('private, no-store');
		expect(reply.headers()['x-robots-tag'], path).toBe('noindex, nofollow');
	}
});

test('a tender starts from an assessment: its fleet, and its answers as the first offer', async ({
	page,
	request
}, info) => {
	const assessment = await request.post('/api/assessments', {
		data: {
			title: 'Incumbent review',
			vendor: 'Incumbent Telco',
			fleet: { devices: 2000, countries: ['FR', 'DE'], lifetimeYears: 8 },
			answers: {
				sim_ota_switching: { option: 'physical_swap' },
				contract_notice_period: { option: 'short_notice' }
			}
		}
	});
	expect(assessment.status()).toBe(201);
	const { id } = await assessment.json();
	await page.goto(`/a/${id}/results`);
	await page.getByRole('link', { name: 'Run a tender from this assessment' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New tender');
	await expect(page.locator('main')).toContainText('Starting from the assessment Incumbent review');
	await expect(page.getByLabel('Tender title')).toHaveValue('Tender: Incumbent review');
	await expect(page.getByLabel('Number of devices')).toHaveValue('2000');
	await expect(page.getByLabel(/^Offer 1: vendor/)).toHaveValue('Incumbent Telco');
	await ready(page, info);
	await page.getByLabel(/^Offer 2: vendor/).fill('Challenger');
	await page.getByRole('button', { name: 'Create the tender' }).click();
	await page.waitForURL(/\/t\/[A-Za-z0-9_-]{22}$/);
	const tender = await (await request.get(`/api/tenders/${page.url().split('/').pop()}`)).json();
	expect(tender.fleet).toMatchObject({ devices: 2000, countries: ['FR', 'DE'], lifetimeYears: 8 });
	expect(tender.offers.map((o: { vendor: string }) => o.vendor)).toEqual([
		'Incumbent Telco',
		'Challenger'
	]);
	expect(tender.offers[0].answers.sim_ota_switching).toMatchObject({
		option: 'physical_swap',
		by: 'buyer',
		state: 'verified'
	});
	expect(tender.offers[1].answers).toEqual({});
	// Both of the incumbent's answers are the buyer's own, so none awaits verification.
	await expect(offerCard(page, 'Incumbent Telco')).toContainText('0 claims await verification');
});

test('a submitted respondent link is reopened, then revoked; the fleet and the scoring mode change', async ({
	page,
	request
}, info) => {
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Links',
			fleet: { devices: 100, countries: ['FR'], lifetimeYears: 5 },
			offers: [{ vendor: 'Delta' }, { vendor: 'Echo' }]
		}
	});
	const tender = await created.json();
	await page.goto(`/t/${tender.id}`);
	await ready(page, info);
	const card = offerCard(page, 'Delta');
	await card.getByLabel(/^Label/).fill('Delta team');
	await card.getByRole('button', { name: 'Create a respondent link' }).click();
	const url = await card.getByLabel(/New link for Delta/).inputValue();
	const token = url.split('/').pop()!;
	expect((await request.post(`/api/respond/${token}/submit`)).status()).toBe(200);

	await page.goto(`/t/${tender.id}`);
	await ready(page, info);
	const row = offerCard(page, 'Delta').getByRole('row', { name: /Delta team/ });
	await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
	await row.getByRole('button', { name: 'Reopen Delta team' }).click();
	await expect(offerCard(page, 'Delta').getByRole('row', { name: /Delta team/ })).toContainText(
		'Reopened'
	);
	expect(
		(
			await request.patch(`/api/respond/${token}`, {
				data: { answers: { contract_notice_period: { option: 'short_notice' } } }
			})
		).status()
	).toBe(200);

	await offerCard(page, 'Delta').getByRole('button', { name: 'Revoke Delta team' }).click();
	await expect(offerCard(page, 'Delta').getByRole('row', { name: /Delta team/ })).toContainText(
		'Revoked'
	);
	expect((await request.get(`/api/respond/${token}`)).status()).toBe(410);
	// The fleet and the scoring mode change from the same page.
	await page.getByText('Change the title, organisation or fleet').click();
	await page.getByLabel('Number of devices').fill('40000');
	await page.getByRole('button', { name: 'Save and re-score' }).click();
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'Every offer is scored with the fleet as it is now' })
	).toBeVisible();
	await expect(page.locator('main')).toContainText('40,000');
	await page.getByLabel(/Unverified claims as "not sure"/).check();
	await page.getByRole('button', { name: 'Use this scoring' }).click();
	await expect(page.getByLabel(/Unverified claims as "not sure"/)).toBeChecked();
	await expect
		.poll(async () => (await (await request.get(`/api/tenders/${tender.id}`)).json()).scoring)
		.toBe('unverified_as_not_sure');
	expect((await (await request.get(`/api/tenders/${tender.id}`)).json()).fleet.devices).toBe(40000);
});
