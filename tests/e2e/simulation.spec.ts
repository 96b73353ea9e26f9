import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { fetchRules, ready } from './helpers';

/** A scored assessment whose every answer is the riskiest option: the offer locks in all it can. */
async function riskyAssessment(
	request: APIRequestContext,
	title = 'Meters in Türkiye and Germany'
) {
	const rules = await fetchRules(request);
	const answers: Record<string, { option: string }> = {};
	for (const area of rules.areas) {
		for (const q of area.questions) {
			answers[q.id] = { option: [...q.options].sort((a, b) => b.risk - a.risk)[0]!.id };
		}
	}
	const created = await request.post('/api/assessments', {
		data: { title, fleet: { devices: 5000, countries: ['TR', 'DE'], lifetimeYears: 10 }, answers }
	});
	expect(created.status()).toBe(201);
	return (await created.json()) as { id: string };
}

async function share(request: APIRequestContext, id: string) {
	const created = await request.post(`/api/assessments/${id}/shares`, { data: {} });
	expect(created.status()).toBe(201);
	return (await created.json()) as { token: string; id: string };
}

/** Fails the test on script errors and on anything the Content Security Policy blocks. */
function watchForErrors(page: Page) {
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()}`);
	});
	return problems;
}

const summary = (page: Page) => page.getByTestId('simulation-summary');
const runStatus = (page: Page) => page.getByTestId('run-status');

async function download(page: Page, button: string) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const path = await file.path();
	expect(path).toBeTruthy();
	return { name: file.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

test('an assessed fleet runs beside the recommended architecture, reacts to an outage and exports its figures @js', async ({
	page,
	request
}, info) => {
	const problems = watchForErrors(page);
	const { id } = await riskyAssessment(request);

	await page.goto(`/assessments/${id}/fleet`);
	await ready(page, info);
	await expect(
		page.getByRole('heading', { level: 1, name: 'See your fleet run the recommended architecture' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Back to the results' })).toHaveAttribute(
		'href',
		`/a/${id}/results`
	);
	await expect(page.getByTestId('fleet-description')).toContainText(
		'5,000 devices in Türkiye (2,500'
	);

	await expect(summary(page)).toHaveText(
		/^Over 10 years the assessed offer loses [\d,]+ device-days/
	);
	await expect(runStatus(page)).toContainText('Done: simulated 5,000 devices over 3,650 days');
	// Three charts, each with its text alternative.
	await expect(
		page.getByRole('img', { name: /^Share of devices online over 10 years\. Assessed offer: / })
	).toBeVisible();
	await expect(
		page.getByRole('img', { name: /^Assessed offer: [\d,]+ offline device-days over the lifetime/ })
	).toBeVisible();
	await expect(page.getByRole('img', { name: /^Recommended architecture: / })).toBeVisible();
	await expect(
		page.getByRole('img', {
			name: /^Money spent on field visits, overage and exit fees over 10 years/
		})
	).toBeVisible();
	await expect(page.locator('figure canvas')).toHaveCount(4);
	const totals = page.getByRole('region', { name: 'Totals over the lifetime' });
	await expect(
		totals.getByRole('row', { name: /Devices exposed to the public internet/ })
	).toContainText('5,000');

	// A five-day outage of the main carrier in Germany from day 100.
	const before = await summary(page).textContent();
	const outageRow = totals.getByRole('row', { name: /of which carrier outages/ });
	const outagesBefore = await outageRow.textContent();
	const outage = page.getByRole('group', { name: 'Outage of the main carrier' });
	await outage.getByLabel('Country').selectOption({ label: 'Germany' });
	await outage.getByLabel('First day').fill('100');
	await outage.getByLabel('Length (days)').fill('5');
	await outage.getByRole('button', { name: 'Add outage' }).click();
	await expect(outage.getByRole('list', { name: 'Outages in this scenario' })).toContainText(
		'Germany: day 100, 5 days'
	);
	await expect(summary(page)).not.toHaveText(before!);
	await expect(outageRow).not.toHaveText(outagesBefore!);
	await expect(runStatus(page)).toContainText('Done');

	// The daily figures: a header and one row per day.
	const daily = await download(page, 'Download the daily figures (CSV)');
	expect(daily.name).toBe('meters-in-turkiye-and-germany-simulation-daily-seed-1.csv');
	const dailyLines = daily.text.trimEnd().split('\n');
	expect(dailyLines[0]).toMatch(
		/^day,assessed_online,assessed_offline_roaming,.*,recommended_cumulative_cost$/
	);
	expect(dailyLines).toHaveLength(3650 + 1);

	// The inventory, page by page, then the whole fleet for that day.
	const inventory = page.getByTestId('inventory');
	await expect(inventory.locator('caption')).toHaveText(
		/SIMs 1–25 of 5,000 on day 1, Assessed offer/
	);
	await expect(inventory.locator('tbody tr')).toHaveCount(25);
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(inventory.locator('caption')).toHaveText(/SIMs 26–50 of 5,000/);
	await expect(inventory.locator('tbody tr').first()).toContainText('89' + '25'.padStart(10, '0'));
	await page.getByRole('button', { name: 'Previous' }).click();
	await expect(inventory.locator('caption')).toHaveText(/SIMs 1–25 of 5,000/);
	await page.getByLabel('Day', { exact: true }).fill('200');
	await page.getByRole('radio', { name: 'Recommended architecture' }).check();
	await expect(inventory.locator('caption')).toHaveText(/on day 200, Recommended architecture/);
	await expect(inventory.locator('tbody tr').first()).toContainText('Local profile');

	const sims = await download(page, 'Download the inventory for day 200 (CSV)');
	expect(sims.name).toBe('meters-in-turkiye-and-germany-inventory-recommended-day-200.csv');
	const simLines = sims.text.trimEnd().split('\n');
	expect(simLines[0]).toBe('sim,country,network,status,data_used_mb_this_month');
	expect(simLines).toHaveLength(5000 + 1);
	expect(simLines[1]).toMatch(/^890000000000,TR,"Local profile, Carrier A",online,[\d.]+$/);

	expect(problems).toEqual([]);
});

test('a long run can be cancelled, and the results on show stay @js', async ({ page }, info) => {
	const problems = watchForErrors(page);
	await page.goto('/fleet?devices=200000&countries=DE&countries=BR&lifetimeYears=40');
	await ready(page, info);
	await expect(summary(page)).toHaveText(/^Over 40 years/, { timeout: 30_000 });
	const shown = await summary(page).textContent();
	await page.getByLabel('Seed').fill('2');
	await expect(runStatus(page)).toContainText('Simulating 200,000 devices');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(runStatus(page)).toHaveText(
		'Cancelled. The results below are from the previous run.'
	);
	await expect(page.getByRole('button', { name: 'Run again' })).toBeFocused();
	await expect(summary(page)).toHaveText(shown!);
	// The run on show still answers the inventory.
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByTestId('inventory').locator('caption')).toHaveText(
		/SIMs 26–50 of 200,000/
	);
	expect(problems).toEqual([]);
});

test('a share link opens the simulation read-only, without the edit id @js', async ({
	page,
	request
}, info) => {
	const { id } = await riskyAssessment(request, 'Shared meters');
	const { token } = await share(request, id);
	const response = await page.goto(`/s/${token}/fleet`);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	await ready(page, info);
	await expect(summary(page)).toHaveText(/^Over 10 years the assessed offer loses/);
	await expect(page.getByRole('link', { name: 'Back to the shared assessment' })).toHaveAttribute(
		'href',
		`/s/${token}`
	);
	expect(await page.content()).not.toContain(id);
	expect(await response!.text()).not.toContain(id);
});

test('a typed-in fleet runs on its own page and can be bookmarked @js', async ({ page }, info) => {
	const problems = watchForErrors(page);
	await page.goto('/fleet');
	await ready(page, info);
	await page.getByLabel('Number of devices').fill('20000');
	await page.getByLabel('Device lifetime (years)').fill('10');
	for (const [query, code] of [
		['Braz', 'BR'],
		['Germ', 'DE']
	] as const) {
		await page.getByPlaceholder(/Find a country/).fill(query);
		await page.locator(`input[name="countries"][value="${code}"]`).check();
	}
	await page.getByPlaceholder(/Find a country/).fill('');
	await page.getByRole('button', { name: 'Simulate this fleet' }).click();
	await expect(summary(page)).toHaveText(
		/^Over 10 years a single carrier with per-SIM caps loses [\d,]+ device-days/
	);
	await expect(page.getByTestId('fleet-description')).toContainText(
		'20,000 devices in Brazil (10,000'
	);
	await expect(
		page.getByRole('columnheader', { name: 'Single carrier, per-SIM caps' }).first()
	).toBeVisible();
	await expect(page).toHaveURL(
		/\/fleet\?devices=20000&countries=BR&countries=DE&lifetimeYears=10$/
	);
	expect(problems).toEqual([]);
});

test('the typed-in fleet names what to fix, next to the field @js', async ({ page }, info) => {
	await page.goto('/fleet');
	await ready(page, info);
	await page.getByLabel('Number of devices').fill('2000000');
	await page.getByRole('button', { name: 'Simulate this fleet' }).click();
	await expect(page.locator('#fleet-devices-error')).toHaveText(
		'The browser simulates at most 1,000,000 devices'
	);
	await expect(page.getByLabel('Number of devices')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#countries-error')).toHaveText('Pick at least one deployment country');
	await expect(summary(page)).toHaveCount(0);
});

test('without JavaScript the fleet pages explain that the simulation needs it, and still describe the fleet @nojs', async ({
	page,
	request
}) => {
	const problems = watchForErrors(page);
	const { id } = await riskyAssessment(request);
	const { token } = await share(request, id);
	const noscript = /The simulation runs in your browser and needs JavaScript/;

	for (const [path, back, href] of [
		[`/assessments/${id}/fleet`, 'Back to the results', `/a/${id}/results`],
		[`/s/${token}/fleet`, 'Back to the shared assessment', `/s/${token}`]
	] as const) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.getByText(noscript)).toBeVisible();
		await expect(page.getByTestId('fleet-description')).toContainText(
			'5,000 devices in Türkiye (2,500'
		);
		await expect(page.getByRole('link', { name: back })).toHaveAttribute('href', href);
		await expect(
			page.getByRole('columnheader', { name: 'Recommended architecture' }).first()
		).toBeVisible();
		await expect(page.getByText('Nationwide outages per carrier per year')).toBeAttached();
	}
	expect(await page.content()).not.toContain(id);

	// The standalone form still submits (as a GET) and describes the fleet it was given.
	await page.goto('/fleet');
	await page.getByLabel('Number of devices').fill('20000');
	await page.locator('input[name="countries"][value="BR"]').check();
	await page.locator('input[name="countries"][value="DE"]').check();
	await page.getByRole('button', { name: 'Simulate this fleet' }).click();
	await expect(page).toHaveURL(/\/fleet\?devices=20000/);
	await expect(page.getByText(noscript)).toBeVisible();
	await expect(page.getByTestId('fleet-description')).toContainText(
		'20,000 devices in Brazil (10,000'
	);
	expect(problems).toEqual([]);
});

test('unknown assessments and dead share links answer 404 and 410 on the fleet page', async ({
	page,
	request
}) => {
	expect((await page.goto('/assessments/AAAAAAAAAAAAAAAAAAAAAA/fleet'))?.status()).toBe(404);
	await expect(page.getByText('There is no assessment at this address.')).toBeVisible();
	expect((await page.goto('/s/AAAAAAAAAAAAAAAAAAAAAA/fleet'))?.status()).toBe(404);

	const { id } = await riskyAssessment(request, 'Soon revoked');
	const link = await share(request, id);
	const token = link.token;
	expect((await request.delete(`/api/assessments/${id}/shares/${link.id}`)).ok()).toBe(true);
	expect((await page.goto(`/s/${token}/fleet`))?.status()).toBe(410);
	await expect(page.getByRole('heading', { name: 'This link is no longer valid' })).toBeVisible();
	// "My assessments" is still its own page.
	expect((await page.goto('/assessments'))?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'My assessments' })).toBeVisible();
});
