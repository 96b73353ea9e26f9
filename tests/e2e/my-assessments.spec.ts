import { expect, test } from '@playwright/test';
import { fetchRules, flexibleAnswers, ready } from './helpers';

test.describe('"My assessments" shows rating, score and dates (UX audit L5) @js', () => {
	test('after the results were opened, the list shows their rating and plain dates', async ({
		page,
		request
	}, info) => {
		const rules = await fetchRules(request);
		// A physical SIM swap for 20,000 devices: the ruleset's site-visit floor rates it at least high.
		const picks = flexibleAnswers(rules, { sim_ota_switching: 'physical_swap' });
		const answers = Object.fromEntries(
			Object.entries(picks).map(([id, option]) => [id, { option }])
		);
		const created = await request.post('/api/assessments', {
			data: {
				title: 'Swap-only offer',
				fleet: { devices: 20_000, countries: ['DE'], lifetimeYears: 12 },
				answers
			}
		});
		expect(created.status()).toBe(201);
		const { id } = await created.json();

		await page.goto(`/a/${id}/results`);
		await ready(page, info);
		const score = (await page.getByTestId('overall').locator('.number').textContent())!.trim();

		await page.goto('/assessments');
		const entry = page.getByTestId('recent-assessment').filter({ hasText: 'Swap-only offer' });
		await expect(entry.getByTestId('recent-score')).toHaveText(`${score}/100, lock-in risk high`);
		// en-GB dates name the month ("2 Dec 2026, 09:03"), never "12/2/2026, 9:03:57 AM".
		const dates = entry.getByTestId('recent-dates');
		await expect(dates).toHaveText(
			/^Last changed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} · opened in this browser \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/
		);
		await expect(page.getByText('last opened version from')).toHaveCount(0);
	});

	test('an assessment never scored here says so and links to its results', async ({
		page,
		request
	}, info) => {
		const created = await request.post('/api/assessments', {
			data: {
				title: 'Unscored offer',
				fleet: { devices: 100, countries: ['DE'], lifetimeYears: 5 },
				answers: {}
			}
		});
		const { id } = await created.json();
		await page.goto(`/a/${id}/network`);
		await ready(page, info);
		await page.goto('/assessments');
		const entry = page.getByTestId('recent-assessment').filter({ hasText: 'Unscored offer' });
		await expect(entry).toContainText('Not rated here yet');
		await expect(entry.getByRole('link', { name: 'open its results' })).toHaveAttribute(
			'href',
			`/a/${id}/results`
		);
	});
});
