import { expect, test, type APIRequestContext } from '@playwright/test';
import { fetchRules, flexibleAnswers, jsEnabled, ready, withoutLocalProfiles } from './helpers';

/**
 * Each offer's simulated fleet, reached from the tender (JavaScript on and off): the chosen
 * offer beside the recommended architecture, and every offer side by side in the tender's
 * currency, rendered on the server.
 */

const asAnswers = (options: Record<string, string>) =>
	Object.fromEntries(Object.entries(options).map(([id, option]) => [id, { option }]));

async function createTender(request: APIRequestContext) {
	const rules = await fetchRules(request);
	// Alpha: the most flexible answer everywhere. Bravo: the same, but SIMs swapped by hand and no
	// local profiles, so Türkiye's roaming block takes its devices offline until a site visit.
	const flexible = flexibleAnswers(rules);
	const rigid = {
		...flexible,
		...withoutLocalProfiles(rules, ['TR']),
		sim_ota_switching: 'physical_swap'
	};
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Meters 2027',
			currency: 'EUR',
			fleet: {
				devices: 600,
				countries: ['DE', 'TR'],
				devicesByCountry: { DE: 400, TR: 200 },
				lifetimeYears: 5
			},
			offers: [
				{ vendor: 'Alpha Connect', answers: asAnswers(flexible) },
				{ vendor: 'Bravo IoT', answers: asAnswers(rigid) },
				{ vendor: 'Charlie Mobile' }
			]
		}
	});
	expect(created.status(), await created.text()).toBe(201);
	const tender = (await created.json()) as { id: string; offers: { id: string; vendor: string }[] };
	const comparison = (await (await request.get(`/api/tenders/${tender.id}/comparison`)).json()) as {
		offers: { id: string; switchingCost: { currency: string; estimate: { total: number } } }[];
	};
	return { tender, comparison };
}

const whole = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test("each offer's simulated fleet, and the offers side by side", async ({
	page,
	request
}, info) => {
	const { tender, comparison } = await createTender(request);
	const [alpha, bravo, charlie] = tender.offers as unknown as [
		{ id: string },
		{ id: string },
		{ id: string }
	];

	const response = await page.goto(`/t/${tender.id}/fleet?offer=${bravo.id}`);
	expect(response?.status()).toBe(200);
	// The address is the tender's edit key.
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
	await ready(page, info);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Each offer’s simulated fleet');
	await expect(page.locator('.lead')).toContainText('claims as given');
	await expect(page.getByTestId('selected-offer')).toHaveText(
		'Bravo IoT beside the recommended architecture'
	);
	await expect(
		page.getByRole('navigation', { name: 'Offers' }).getByRole('link', { name: 'Bravo IoT' })
	).toHaveAttribute('aria-current', 'page');
	await expect(page.getByTestId('fleet-description')).toContainText(
		'600 devices in Germany (400) and Türkiye (200'
	);

	// Side by side, in the tender's currency: one row per offer, and the recommended architecture.
	const table = page.getByTestId('side-by-side');
	const rows = table.getByTestId('side-by-side-row');
	await expect(rows).toHaveCount(3);
	await expect(rows.locator('th')).toHaveText(['Alpha Connect', 'Bravo IoT', 'Charlie Mobile']);
	await expect(table.getByTestId('side-by-side-recommended')).toContainText(
		'Recommended architecture'
	);
	await expect(table.locator('caption')).toContainText('in EUR');
	// The cost to leave is the comparison's, offer by offer; the lowest says so to a screen reader
	// too (visually hidden), not in bold alone.
	const leaving = tender.offers.map(
		(offer) => comparison.offers.find((o) => o.id === offer.id)!.switchingCost
	);
	const cheapest = Math.min(...leaving.map((cost) => Math.round(cost.estimate.total)));
	for (const [index, expected] of leaving.entries()) {
		expect(expected.currency).toBe('EUR');
		const total = Math.round(expected.estimate.total);
		await expect(rows.nth(index).getByTestId('cost-to-leave')).toHaveText(
			`EUR ${total.toLocaleString('en')}${total === cheapest ? ' (lowest)' : ''}`
		);
	}
	// Charlie answered nothing, so nothing cures Türkiye's roaming block over the air: its 200
	// devices there wait for site visits, and it loses more device-days than Alpha, whose most
	// flexible answers cure it. Both run the same random outages.
	// The cell reads "1,234 (+1,000 device-days)": the figure is what comes before the bracket.
	const offlineOf = async (index: number) =>
		whole((await rows.nth(index).getByTestId('offline').textContent())!.split('(')[0]!);
	const [alphaOffline, bravoOffline, charlieOffline] = [
		await offlineOf(0),
		await offlineOf(1),
		await offlineOf(2)
	];
	expect(charlieOffline).toBeGreaterThan(alphaOffline);
	await expect(rows.nth(0).getByTestId('offline')).toHaveClass(/lowest/);
	await expect(rows.nth(0).getByTestId('offline').locator('.visually-hidden')).toHaveText(
		'(lowest)'
	);
	await expect(rows.nth(2).getByTestId('offline')).not.toHaveClass(/lowest/);
	await expect(rows.nth(2).getByTestId('offline')).not.toContainText('(lowest)');
	await expect(rows.nth(1).getByTestId('lost-money')).toContainText(/^\s*EUR [\d,]+/);
	await expect(rows.nth(1)).toHaveClass(/current/);

	if (jsEnabled(info)) {
		// The chosen offer runs in the browser with the same seed: its totals are the table's.
		await expect(page.getByTestId('simulation-summary')).toHaveText(
			/^Over 5 years Bravo IoT's offer loses [\d,]+ device-days/
		);
		const totals = page.getByRole('region', { name: 'Totals over the lifetime' });
		const offlineRow = totals.getByRole('row', { name: /^Offline device-days, all causes/ });
		await expect(offlineRow.locator('td').first()).toHaveText(bravoOffline.toLocaleString('en'));
	} else {
		await expect(page.locator('noscript')).toHaveCount(1);
		await expect(
			page.getByText(/The simulation runs in your browser and needs JavaScript/)
		).toBeVisible();
	}

	// Another offer, from the table.
	await rows.nth(0).getByRole('link', { name: 'Alpha Connect' }).click();
	await expect(page).toHaveURL(new RegExp(`offer=${alpha.id}`));
	await expect(page.getByTestId('selected-offer')).toHaveText(
		'Alpha Connect beside the recommended architecture'
	);
	await expect(page.getByTestId('side-by-side-row').nth(0)).toHaveClass(/current/);
	if (jsEnabled(info)) {
		await expect(page.getByTestId('simulation-summary')).toHaveText(
			/^Over 5 years Alpha Connect's offer loses/
		);
	}

	// Without ?offer the first offer; an offer of no tender answers 404.
	await page.goto(`/t/${tender.id}/fleet`);
	await expect(page.getByTestId('selected-offer')).toHaveText(
		'Alpha Connect beside the recommended architecture'
	);
	expect((await page.goto(`/t/${tender.id}/fleet?offer=${'x'.repeat(22)}`))?.status()).toBe(404);
	expect((await page.goto(`/t/${'y'.repeat(22)}/fleet?offer=${charlie.id}`))?.status()).toBe(404);
});
