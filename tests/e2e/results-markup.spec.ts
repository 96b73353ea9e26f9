/**
 * The results page's unchanging parts arrive as markup the server rendered, with their styles in
 * the head (src/lib/server/results-html.ts). A browser must not notice: they are styled, hydration
 * raises no error, and arriving by a client-side link (no full page load) shows the same page.
 */
import { expect, test, type Page } from '@playwright/test';
import { fetchRules, flexibleAnswers, ready } from './helpers';

// From rules/ruleset.yaml: per-SIM data caps carry risk 1, at or above highRiskThreshold (0.75), so
// they are a high finding; home-routed breakout carries 0.6, a medium one. Every other answer is
// the most flexible, below findingRiskThreshold (0.5), and Germany restricts no roaming. "Not sure"
// on pausing SIMs scores notSure.risk 0.9 (its worst option is 1): a second high finding, and a
// question for the vendor.
const RISKY = {
	data_pooling: 'per_sim',
	network_traffic_breakout: 'home_routed',
	contract_pause_unpause: 'not_sure'
};

/** What a reader sees of the findings: the groups and the border that marks each finding's severity. */
async function findingsAsShown(page: Page) {
	const high = page.locator('section[data-severity="high"] li.finding');
	const medium = page.locator('section[data-severity="medium"] li.finding');
	await expect(high).toHaveCount(2);
	await expect(medium).toHaveCount(1);
	// --high in src/app.css is #9a3412; the finding's scoped style gives it a 4 px left border.
	await expect(high.first()).toHaveCSS('border-left-width', '4px');
	await expect(high.first()).toHaveCSS('border-left-color', 'rgb(154, 52, 18)');
	// The radar's own style: its area drawn at 16 % opacity.
	await expect(page.getByTestId('radar').locator('polygon.area')).toHaveCSS('fill-opacity', '0.16');
}

test('server-rendered results are styled and hydrate without errors, on a full load and after a client-side link @js', async ({
	page,
	request
}, info) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
	});
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Markup check',
			fleet: { devices: 800, countries: ['DE'], lifetimeYears: 8 },
			answers: Object.fromEntries(
				Object.entries(flexibleAnswers(await fetchRules(request), RISKY)).map(([id, option]) => [
					id,
					{ option }
				])
			)
		}
	});
	expect(created.status()).toBe(201);
	const { id } = await created.json();

	await page.goto(`/a/${id}/results`);
	await ready(page, info);
	await findingsAsShown(page);
	// The one interactive part inside: copying the questions for the vendor still answers.
	await page.getByRole('button', { name: 'Copy the list' }).click();
	await expect(page.getByRole('button', { name: /Copied|Could not copy/ })).toBeVisible();

	// Client-side: from a step, through the step list, with no page load in between.
	await page.goto(`/a/${id}/data`);
	await ready(page, info);
	await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
	await page
		.getByRole('navigation', { name: 'Questionnaire steps' })
		.getByRole('link', { name: /Results/ })
		.click();
	await expect(page).toHaveURL(new RegExp(`/a/${id}/results$`));
	await findingsAsShown(page);
	expect(
		await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)
	).toBe(true);
	expect(errors).toEqual([]);
});
