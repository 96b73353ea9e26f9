import { readFileSync } from 'node:fs';
import {
	expect,
	test,
	type APIRequestContext,
	type Locator,
	type Page,
	type TestInfo
} from '@playwright/test';
import { asDisplayed, asPrinted, HOSTILE, longText, packed } from '../fixtures/hostile-text';
import { pdfText } from '../unit/report/pdf-tools';
import { fetchRules, fillFleet, jsEnabled, ready, type RulesApi } from './helpers';

/**
 * Every free-text field filled with the hostile corpus shows it as text on every page, with
 * JavaScript on and off: no dialog, no script run (`window.__pwned`), no element made from it,
 * no request it would make, no CSP violation (which would mean markup got through and was blocked).
 */

// 120 characters: the share label's limit, the tightest of the free-text fields.
const GROUPS = packed(120);
const group = (n: number) => GROUPS[n % GROUPS.length]!;
const SMALL_FLEET = { devices: 10, countries: ['DE'], lifetimeYears: 1 };
const INJECTED =
	'img[src="x"], [onerror], [onload], [onfocus], [onmouseover], iframe, math, mglyph, main script';

function watch(page: Page): string[] {
	const problems: string[] = [];
	page.on('dialog', (dialog) => {
		problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
		void dialog.dismiss();
	});
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(message.text()))
			problems.push(`CSP: ${message.text()}`);
	});
	page.on('pageerror', (error) => {
		if (/pwned|alert/.test(error.message)) problems.push(`page error: ${error.message}`);
	});
	// An <img src=x> that became an element would fetch ".../x".
	page.on('request', (request) => {
		if (/\/x$/.test(new URL(request.url()).pathname))
			problems.push(`request made by injected markup: ${request.url()}`);
	});
	return problems;
}

async function expectInert(page: Page, problems: string[], where: string) {
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
		`${where}: window.__pwned`
	).toBeUndefined();
	expect(await page.locator(INJECTED).count(), `${where}: elements made from text`).toBe(0);
	expect(problems, where).toEqual([]);
}

async function expectShown(scope: Locator, text: string, where: string) {
	await expect
		.poll(async () => asDisplayed((await scope.textContent()) ?? ''), {
			message: `${where} shows ${JSON.stringify(text)}`
		})
		.toContain(asDisplayed(text));
}

async function expectValue(field: Locator, text: string, where: string) {
	expect(asDisplayed(await field.inputValue()), where).toBe(asDisplayed(text));
}

async function open(page: Page, info: TestInfo, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	await ready(page, info);
}

interface Planted {
	id: string;
	token: string;
	title: string;
	organisation: string;
	vendor: string;
	label: string;
}

/** An assessment with hostile text in every field the API takes, and a share link with a hostile label. */
async function plant(
	request: APIRequestContext,
	fields: Omit<Planted, 'id' | 'token'>,
	answers: Record<string, { note: string }> = {}
): Promise<Planted> {
	const created = await request.post('/api/assessments', {
		data: {
			title: fields.title,
			organisation: fields.organisation,
			vendor: fields.vendor,
			fleet: SMALL_FLEET,
			answers
		}
	});
	expect(created.status(), await created.text()).toBe(201);
	const { id, ...stored } = await created.json();
	// Stored exactly as sent: nothing escaped, stripped or rewritten on the way in.
	expect({ title: stored.title, organisation: stored.organisation, vendor: stored.vendor }).toEqual(
		{ title: fields.title, organisation: fields.organisation, vendor: fields.vendor }
	);
	const shared = await request.post(`/api/assessments/${id}/shares`, {
		data: { label: fields.label, includeNotes: true }
	});
	expect(shared.status()).toBe(201);
	const { token, label } = await shared.json();
	expect(label).toBe(fields.label);
	return { id, token, ...fields };
}

/** Notes on every question: the whole corpus, one very long note, and each entry on its own. */
function hostileNotes(rules: RulesApi): Record<string, string> {
	const questions = rules.areas.flatMap((area) => area.questions.map((q) => q.id));
	const notes: Record<string, string> = {};
	questions.forEach((id, i) => {
		if (i === 0) notes[id] = HOSTILE.map((h) => h.text).join('\n');
		else if (i === 1) notes[id] = longText(10_000);
		else notes[id] = HOSTILE[(i - 2) % HOSTILE.length]!.text;
	});
	return notes;
}

for (let n = 0; n < GROUPS.length; n++) {
	test(`titles, names and share labels stay text on every page (${n + 1} of ${GROUPS.length})`, async ({
		page,
		request
	}, info) => {
		// Each group of the corpus lands in every field across the assessments: title, organisation, vendor, label.
		const planted = await plant(request, {
			title: group(n),
			organisation: group(n + 1),
			vendor: group(n + 2),
			label: group(n + 3)
		});
		const problems = watch(page);
		const main = page.locator('main');
		const rules = await fetchRules(request);

		await open(page, info, `/a/${planted.id}/fleet`);
		await expectValue(page.getByLabel('Assessment title'), planted.title, 'fleet step title');
		await expectValue(
			page.getByLabel(/^Organisation/),
			planted.organisation,
			'fleet step organisation'
		);
		await expectValue(page.getByLabel(/^Offer or vendor/), planted.vendor, 'fleet step vendor');
		expect(asDisplayed(await page.title())).toContain(asDisplayed(planted.title));
		await expectInert(page, problems, 'fleet step');

		await open(page, info, `/a/${planted.id}/${rules.areas[0]!.id}`);
		expect(asDisplayed(await page.title())).toContain(asDisplayed(planted.title));
		await expectInert(page, problems, 'area step');

		await open(page, info, `/a/${planted.id}/results`);
		for (const text of [planted.title, planted.organisation, planted.vendor, planted.label])
			await expectShown(main, text, 'results');
		await expectInert(page, problems, 'results');

		await open(page, info, `/s/${planted.token}`);
		for (const text of [planted.title, planted.organisation, planted.vendor, planted.label])
			await expectShown(main, text, 'share page');
		expect(
			asDisplayed((await page.locator('meta[property="og:title"]').getAttribute('content')) ?? '')
		).toContain(asDisplayed(planted.title));
		await expectInert(page, problems, 'share page');

		await open(page, info, `/assessments/${planted.id}/fleet`);
		await expectShown(main, planted.title, 'simulated fleet');
		await expectInert(page, problems, 'simulated fleet');

		await open(page, info, `/s/${planted.token}/fleet`);
		await expectShown(main, planted.title, 'shared simulated fleet');
		await expectInert(page, problems, 'shared simulated fleet');

		if (jsEnabled(info)) {
			// The list lives in this browser: the assessment pages above put it there.
			await open(page, info, '/assessments');
			await expectShown(main, planted.title, 'my assessments');
			await expectInert(page, problems, 'my assessments');
		}
	});
}

test('answer notes stay text on every area step, the results and the share page', async ({
	page,
	request
}, info) => {
	const rules = await fetchRules(request);
	const notes = hostileNotes(rules);
	const planted = await plant(
		request,
		{
			title: longText(200),
			organisation: longText(200),
			vendor: longText(200),
			label: longText(120)
		},
		Object.fromEntries(Object.entries(notes).map(([id, note]) => [id, { note }]))
	);
	const problems = watch(page);
	const main = page.locator('main');

	for (const area of rules.areas) {
		await open(page, info, `/a/${planted.id}/${area.id}`);
		for (const q of area.questions)
			await expectValue(
				page.locator(`textarea[name="note.${q.id}"]`),
				notes[q.id]!,
				`${area.id} note of ${q.id}`
			);
		await expectInert(page, problems, `${area.id} step`);
	}
	for (const path of [`/a/${planted.id}/results`, `/s/${planted.token}`]) {
		await open(page, info, path);
		for (const note of new Set(Object.values(notes))) await expectShown(main, note, path);
		await expectShown(main, planted.title, path);
		await expectInert(page, problems, path);
	}
});

test('hostile text typed into the new-assessment form comes back as text, then is stored and shown', async ({
	page
}, info) => {
	const problems = watch(page);
	const [title, organisation, vendor, devices] = [group(0), group(1), group(2), HOSTILE[1]!.text];
	await open(page, info, '/new');
	await fillFleet(page, info, { title, organisation, devices, countries: ['DE'], lifetime: '1' });
	await page.getByLabel(/^Offer or vendor/).fill(vendor);
	await page.getByRole('button', { name: /Save and start/ }).click();

	// Refused (the device count is not a number) and echoed back into the form, as text.
	await expect(page.locator('#fleet-devices-error')).toBeVisible();
	await expectValue(page.getByLabel('Number of devices'), devices, 'echoed device count');
	await expectValue(page.getByLabel('Assessment title'), title, 'echoed title');
	await expectValue(page.getByLabel(/^Organisation/), organisation, 'echoed organisation');
	await expectInert(page, problems, 'refused new assessment');

	await page.getByLabel('Number of devices').fill('10');
	await page.getByRole('button', { name: /Save and start/ }).click();
	await page.waitForURL(/\/a\/[A-Za-z0-9_-]{22}\/[a-z]+$/);
	expect(asDisplayed(await page.title())).toContain(asDisplayed(title));
	await expectInert(page, problems, 'first step after create');
});

test('hostile text in a cost assumption and a share label typed on the results page stays text', async ({
	page,
	request
}, info) => {
	const planted = await plant(request, {
		title: group(3),
		organisation: '',
		vendor: '',
		label: 'seed'
	});
	const problems = watch(page);
	await open(page, info, `/a/${planted.id}/results`);

	const cost = page.locator('input[name^="cost."]').first();
	if (!(await cost.isVisible())) await page.getByText(/Assumptions behind the estimate/).click();
	await cost.fill(HOSTILE[0]!.text);
	await page.getByRole('button', { name: 'Recalculate' }).click();
	await expect(page.locator('.assumptions .field-error').first()).toBeVisible();
	await expectInert(page, problems, 'refused cost');

	const label = group(4);
	await page.getByLabel(/^Label/).fill(label);
	await page.getByRole('button', { name: 'Create read-only link' }).click();
	await expect(page.getByLabel('New link: copy it now')).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
	await expectShown(page.locator('main'), label, 'share list');
	await expectInert(page, problems, 'share created');
});

test('branding typed into the report form stays text and prints literally in the downloaded PDF', async ({
	page,
	request
}, info) => {
	const planted = await plant(request, {
		title: group(5),
		organisation: group(6),
		vendor: group(7),
		label: 'report'
	});
	const branding = { consultant: group(0), firm: group(1), title: group(2) };
	const problems = watch(page);
	await open(page, info, `/a/${planted.id}/results`);
	const report = page.locator('section', {
		has: page.getByRole('heading', { name: 'Consultant report' })
	});
	await report.getByLabel('Consultant name').fill(branding.consultant);
	await report.getByLabel('Firm').fill(branding.firm);
	await report.getByLabel('Report title').fill(branding.title);
	// With JavaScript the browser builds the PDF; without, the form asks the server for it.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		report.getByRole('button', { name: 'Download PDF' }).click()
	]);
	const text = asPrinted(pdfText(new Uint8Array(readFileSync((await download.path())!))));
	for (const value of [...Object.values(branding), planted.organisation, planted.vendor])
		expect(text, value).toContain(asPrinted(printableOnly(value)));
	await expectInert(page, problems, 'report form');
});

test('the typed-fleet simulation page echoes hostile query values as text', async ({
	page
}, info) => {
	const problems = watch(page);
	const query = new URLSearchParams({
		devices: HOSTILE[1]!.text,
		lifetimeYears: HOSTILE[8]!.text,
		monthlyMbPerDevice: HOSTILE[0]!.text
	});
	query.append('countries', 'DE');
	query.append('devices_DE', HOSTILE[2]!.text);
	await open(page, info, `/fleet?${query}`);
	for (const name of ['devices', 'lifetimeYears', 'monthlyMbPerDevice']) {
		await expectValue(
			page.locator(`input[name="${name}"]`),
			query.get(name)!,
			`typed fleet ${name}`
		);
	}
	await expectInert(page, problems, 'typed fleet');
});

test('the PDF reports print hostile content and branding as literal text @js', async ({
	request
}) => {
	const rules = await fetchRules(request);
	const questions = rules.areas.flatMap((area) => area.questions.map((q) => q.id));
	// One entry per note, so no check depends on where a long note wraps or breaks a page.
	const answers = Object.fromEntries(HOSTILE.map((h, i) => [questions[i]!, { note: h.text }]));
	const planted = await plant(
		request,
		{ title: group(0), organisation: group(1), vendor: group(2), label: 'pdf' },
		answers
	);
	const branding = { title: group(3), consultant: group(4), firm: group(5) };

	const owner = await request.get(
		`/api/assessments/${planted.id}/report.pdf?${new URLSearchParams(branding)}`
	);
	expect(owner.status(), await owner.text().catch(() => '')).toBe(200);
	const shared = await request.get(
		`/api/shared/${planted.token}/report.pdf?${new URLSearchParams(branding)}`
	);
	expect(shared.status()).toBe(200);

	for (const [which, response] of [
		['owner report', owner],
		['share-link report', shared]
	] as const) {
		const bytes = new Uint8Array(await response.body());
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
		const text = asPrinted(pdfText(bytes));
		for (const value of [
			planted.title,
			planted.organisation,
			planted.vendor,
			...Object.values(branding)
		]) {
			expect(text, `${which}: ${value}`).toContain(asPrinted(printableOnly(value)));
		}
		for (const h of HOSTILE.filter((h) => h.printable !== false))
			expect(text, `${which}: note "${h.name}"`).toContain(asPrinted(h.text));
	}
});

/** Drops the corpus entries the report font cannot draw from a packed group. */
function printableOnly(packedText: string): string {
	return HOSTILE.filter((h) => h.printable === false).reduce(
		(text, h) => text.replace(h.text, ''),
		packedText
	);
}
