import { expect, test } from '@playwright/test';
import { jsEnabled, ready } from './helpers';

/**
 * A vendor attaches a PDF to an answer in the browser, JavaScript on and off: the file is listed
 * under the question, a refused file is named next to it with what was typed kept, the buyer alone
 * downloads the file (as an attachment), and the vendor can remove it.
 */
test('a vendor attaches a PDF as evidence; a disguised web page is refused next to the question', async ({
	page,
	request
}, info) => {
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Evidence 2027',
			fleet: { devices: 500, countries: ['DE'], lifetimeYears: 6 },
			offers: [{ vendor: 'Echo Wireless' }, { vendor: 'Foxtrot' }]
		}
	});
	expect(created.status()).toBe(201);
	const tender = await created.json();
	const offerId = tender.offers[0].id as string;
	const { url } = await (
		await request.post(`/api/tenders/${tender.id}/offers/${offerId}/respondents`, { data: {} })
	).json();

	await page.goto(url);
	await ready(page, info);
	const question = page.locator('#q-sim_ota_switching');
	// The server runs with no BODY_SIZE_LIMIT, as the README starts it: evidence files still take their full 5 MB.
	await expect(page.locator('main')).toContainText(
		'PDF, PNG image, JPEG image, plain text, Word document (.docx) or Excel workbook (.xlsx), each at most 5 MB, and at most 5 MB at once'
	);

	if (jsEnabled(info)) {
		// Too large: said before anything is sent.
		await question.getByLabel('Attach a file as evidence').setInputFiles({
			name: 'scan.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.alloc(6 * 1024 * 1024, 0x25)
		});
		await question.getByRole('button', { name: 'Attach file' }).click();
		await expect(page.locator('#sim_ota_switching-file-error')).toHaveText(
			'"scan.pdf" is 6 MB: an evidence file may be at most 5 MB.'
		);
		// Two files that each fit, but not together in one post: said before anything is sent too.
		const other = page
			.locator('#q-network_core_redundancy')
			.getByLabel('Attach a file as evidence');
		await question.getByLabel('Attach a file as evidence').setInputFiles({
			name: 'a.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.alloc(3 * 1024 * 1024, 0x25)
		});
		await other.setInputFiles({
			name: 'b.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.alloc(3 * 1024 * 1024, 0x25)
		});
		await page.getByRole('button', { name: 'Save and come back later' }).click();
		await expect(page.locator('p.alert')).toHaveText(
			'The files chosen come to 6 MB, more than the 5 MB the page sends at once: attach them one at a time.'
		);
		await other.setInputFiles([]);
	}

	// A web page named .pdf: refused by its content, the answer typed meanwhile kept on the page.
	await question.getByLabel('Yes, to a profile from any operator or provider we choose').check();
	await question.getByLabel('Statement').fill('Any eUICC profile, see the annex.');
	await question.getByLabel('Attach a file as evidence').setInputFiles({
		name: 'annex.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('<!doctype html><script>alert(1)</script>')
	});
	await question.getByRole('button', { name: 'Attach file' }).click();
	await expect(page.locator('#sim_ota_switching-file-error')).toContainText(
		'This kind of file is not accepted'
	);
	await expect(question.getByLabel('Statement')).toHaveValue('Any eUICC profile, see the annex.');
	await expect(
		question.getByLabel('Yes, to a profile from any operator or provider we choose')
	).toBeChecked();

	// The real PDF, of exactly 5 MB: the most a file may be, sent by the browser in the page's form.
	const pdf = Buffer.alloc(5 * 1024 * 1024);
	pdf.write('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
	await question
		.getByLabel('Attach a file as evidence')
		.setInputFiles({ name: 'Technical annex.pdf', mimeType: 'application/pdf', buffer: pdf });
	await question.getByRole('button', { name: 'Attach file' }).click();
	await expect(page.getByTestId('respond-status')).toContainText('Saved with 1 file attached');
	await expect(question.getByRole('list', { name: 'Attached files' })).toContainText(
		'Technical annex.pdf (PDF, 5 MB)'
	);
	await expect(page.locator('#sim_ota_switching-file-error')).toHaveCount(0);

	// Saving again attaches nothing twice.
	await page.getByRole('button', { name: 'Save and come back later' }).click();
	await expect(page.getByTestId('respond-status')).toContainText('Saved.');
	const buyer = await (await request.get(`/api/tenders/${tender.id}`)).json();
	const answer = buyer.offers[0].answers.sim_ota_switching;
	expect(answer).toMatchObject({
		option: 'any_provider',
		statement: 'Any eUICC profile, see the annex.',
		by: 'vendor'
	});
	expect(answer.files).toHaveLength(1);
	expect(answer.files[0]).toMatchObject({
		name: 'Technical annex.pdf',
		mediaType: 'application/pdf',
		size: pdf.length
	});

	const download = await request.get(
		`/api/tenders/${tender.id}/offers/${offerId}/evidence/${answer.files[0].id}`
	);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toContain('attachment;');
	expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);

	await question.getByRole('button', { name: 'Remove Technical annex.pdf' }).click();
	await expect(page.getByTestId('respond-status')).toContainText('File removed');
	await expect(question.getByRole('list', { name: 'Attached files' })).toHaveCount(0);
	const after = await (await request.get(`/api/tenders/${tender.id}`)).json();
	expect(after.offers[0].answers.sim_ota_switching.files).toBeUndefined();
	expect(
		(
			await request.get(
				`/api/tenders/${tender.id}/offers/${offerId}/evidence/${answer.files[0].id}`
			)
		).status()
	).toBe(404);
});
