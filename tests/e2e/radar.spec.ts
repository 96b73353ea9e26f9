/**
 * The results and share pages draw the radar as server-rendered SVG: there without JavaScript,
 * every label inside the drawing at desktop and phone widths, and no chart.js downloaded. The PDF
 * still builds in the browser, its source fetched when asked for.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { fetchRules, flexibleAnswers, ready, withoutLocalProfiles } from './helpers';

/** A string only chart.js's Chart class carries, minified or not. */
const CHART_JS_MARK = 'Canvas is already in use. Chart with ID';
const AREAS = [
	'Network coverage',
	'SIM portability',
	'Data management',
	'Management platform',
	'Contract terms',
	'Security architecture'
];

async function createAssessment(request: APIRequestContext) {
	const rules = await fetchRules(request);
	const answers = Object.fromEntries(
		Object.entries(flexibleAnswers(rules, withoutLocalProfiles(rules))).map(([id, option]) => [
			id,
			{ option }
		])
	);
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Radar check',
			fleet: { devices: 500, countries: ['DE'], lifetimeYears: 5 },
			answers
		}
	});
	expect(created.status()).toBe(201);
	const id = (await created.json()).id as string;
	const share = await request.post(`/api/assessments/${id}/shares`, { data: {} });
	expect(share.status()).toBe(201);
	return { id, token: (await share.json()).token as string };
}

/** Every label of the radar lies inside the SVG's box on screen (half a pixel for rounding). */
async function expectLabelsInside(page: Page) {
	const radar = page.getByTestId('radar');
	await expect(radar).toBeVisible();
	const outer = (await radar.boundingBox())!;
	const labels = radar.locator('text.label');
	await expect(labels).toHaveCount(6);
	for (const label of await labels.all()) {
		const box = (await label.boundingBox())!;
		const name = await label.textContent();
		expect(box.x, `${name} starts left of the chart`).toBeGreaterThanOrEqual(outer.x - 0.5);
		expect(box.y, `${name} starts above the chart`).toBeGreaterThanOrEqual(outer.y - 0.5);
		expect(box.x + box.width, `${name} ends right of the chart`).toBeLessThanOrEqual(
			outer.x + outer.width + 0.5
		);
		expect(box.y + box.height, `${name} ends below the chart`).toBeLessThanOrEqual(
			outer.y + outer.height + 0.5
		);
	}
	// Readable, not shrunk to nothing on a phone.
	expect(outer.width).toBeGreaterThan(250);
}

for (const width of [1280, 390]) {
	test(`the results and share radars show every label whole without JavaScript at ${width} px @nojs`, async ({
		page,
		request
	}) => {
		const { id, token } = await createAssessment(request);
		await page.setViewportSize({ width, height: 900 });
		for (const path of [`/a/${id}/results`, `/s/${token}`]) {
			await page.goto(path);
			await expectLabelsInside(page);
			const radar = page.getByTestId('radar');
			await expect(radar).toHaveAttribute('role', 'img');
			// The text alternative names each area with its score, and points to the table.
			const label = (await radar.getAttribute('aria-label'))!;
			expect(label).toMatch(/^Lock-in risk by area: /);
			for (const area of AREAS) expect(label).toMatch(new RegExp(`${area} \\d+ of 100`));
			expect(label).toContain('The table of areas lists the same scores.');
			// Every axis carries its title and, under it, its score, as the table of areas says.
			const table = page.locator('section', {
				has: page.getByRole('heading', { name: 'Risk by area' })
			});
			for (const [i, area] of AREAS.entries()) {
				const row = table.getByRole('row', { name: new RegExp(`^${area}`) });
				const score = (await row.getByRole('cell').first().textContent())!.trim();
				const axis = radar.locator(`text.label[data-axis="${i}"]`);
				await expect(axis).toContainText(area.split(' ')[0]!);
				await expect(axis.locator('tspan.score')).toHaveText(score);
			}
		}
	});
}

test('the radar speaks German to a German browser @nojs', async ({ browser, request }) => {
	const { token } = await createAssessment(request);
	const context = await browser.newContext({
		locale: 'de-DE',
		javaScriptEnabled: false,
		viewport: { width: 390, height: 900 }
	});
	const page = await context.newPage();
	await page.goto(`/s/${token}`);
	await expectLabelsInside(page);
	const label = (await page.getByTestId('radar').getAttribute('aria-label'))!;
	expect(label).toMatch(/^Lock-in-Risiko nach Bereich: /);
	expect(label).toMatch(/\d+ von 100/);
	expect(label).toContain('Die Tabelle der Bereiche nennt dieselben Werte.');
	await context.close();
});

test('results and share pages never download chart.js, and still draw the radar @js', async ({
	page,
	request
}, info) => {
	const { id, token } = await createAssessment(request);
	for (const path of [`/a/${id}/results`, `/s/${token}`]) {
		const scripts: string[] = [];
		const listener = (response: { url(): string }) => {
			if (response.url().endsWith('.js')) scripts.push(response.url());
		};
		page.on('response', listener);
		await page.goto(path);
		await ready(page, info);
		await page.waitForLoadState('networkidle');
		page.off('response', listener);
		expect(scripts.length).toBeGreaterThan(0);
		for (const url of scripts) {
			expect(await (await request.get(url)).text(), `${url} is chart.js`).not.toContain(
				CHART_JS_MARK
			);
		}
		await expectLabelsInside(page);
		await expect(page.locator('canvas')).toHaveCount(0);
	}
});

test('the share page builds its PDF in the browser, fetching the report source on demand @js', async ({
	page,
	request
}, info) => {
	const { token } = await createAssessment(request);
	const sources: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/report-source')) sources.push(r.url());
	});
	await page.goto(`/s/${token}`);
	await ready(page, info);
	// The page itself carries no ruleset for the PDF: it is fetched only when asked for.
	expect(sources).toEqual([]);
	const html = await (await request.get(`/s/${token}`)).text();
	expect(html).not.toContain('findingRiskThreshold');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.pdf$/);
	const { readFileSync } = await import('node:fs');
	const bytes = readFileSync(await file.path());
	expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(sources).toEqual([expect.stringContaining(`/api/shared/${token}/report-source`)]);
	await expect(page.getByRole('status')).toContainText('Report downloaded');
});
