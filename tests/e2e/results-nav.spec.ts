import { expect, test, type APIRequestContext } from '@playwright/test';
import { fetchRules, flexibleAnswers, ready } from './helpers';

async function createAssessment(
	request: APIRequestContext,
	picks: Record<string, string>
): Promise<string> {
	const answers = Object.fromEntries(Object.entries(picks).map(([id, option]) => [id, { option }]));
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Graded offer',
			fleet: { devices: 1_000, countries: ['DE'], lifetimeYears: 10 },
			answers
		}
	});
	expect(created.status()).toBe(201);
	return (await created.json()).id;
}

// Worked out from rules/ruleset.yaml: an answer is a finding at risk >= findingRiskThreshold (0.5),
// ranked high at risk >= highRiskThreshold (0.75), medium below. Every other answer is the
// question's most flexible one (risk below 0.5), and Germany restricts no roaming.
const RISKY = {
	data_pooling: 'per_sim', // risk 1: high
	data_overage_rate: 'provider_discretion', // risk 0.8: high
	network_traffic_breakout: 'home_routed', // risk 0.6: medium
	network_carriers_per_market: 'several_some_markets' // risk 0.5: medium, at the threshold
};

test('results: "On this page" links to every section, the report and sharing included', async ({
	page,
	request
}, info) => {
	const id = await createAssessment(request, flexibleAnswers(await fetchRules(request), RISKY));
	await page.goto(`/a/${id}/results`);
	await ready(page, info);
	const nav = page.getByRole('navigation', { name: 'On this page' });
	await expect(nav).toBeVisible();
	const expected: [string, string][] = [
		['Rating', 'overall-title'],
		['Areas', 'areas-title'],
		['Findings (4)', 'findings-title'],
		['Roaming', 'roaming-title'],
		['Architecture', 'arch-title'],
		['Cost to leave', 'cost-title'],
		['Answers', 'answers-title'],
		['Consultant report', 'report-heading'],
		['Share', 'share-title']
	];
	await expect(nav.getByRole('link')).toHaveText(expected.map(([label]) => label));
	// The nav sits near the top: above the first section after the rating.
	const navTop = (await nav.boundingBox())!.y;
	expect(navTop).toBeLessThan((await page.locator('#areas-title').boundingBox())!.y);

	for (const [label, target] of [...expected].reverse()) {
		await nav.getByRole('link', { name: label, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`#${target}$`));
		await expect(page.locator(`#${target}`)).toBeInViewport();
		if (target !== 'report-heading') await expect(page.locator(`#${target}`)).toBeFocused();
		await page.evaluate(() => window.scrollTo(0, 0));
	}
});

test('findings are grouped worst first, with counts that match the rules', async ({
	page,
	request
}) => {
	const id = await createAssessment(request, flexibleAnswers(await fetchRules(request), RISKY));
	const share = await request.post(`/api/assessments/${id}/shares`, { data: { label: 'team' } });
	expect(share.status()).toBe(201);
	const { token } = await share.json();

	for (const url of [`/a/${id}/results`, `/s/${token}`]) {
		await page.goto(url);
		const findings = page.locator('section[aria-labelledby="findings-title"]');
		await expect(findings.getByRole('heading', { level: 3 })).toHaveText([
			'High (2)',
			'Medium (2)'
		]);
		const high = findings.locator('[data-severity="high"] li.finding');
		const medium = findings.locator('[data-severity="medium"] li.finding');
		await expect(high).toHaveCount(2);
		await expect(medium).toHaveCount(2);
		await expect(findings.locator('[data-severity="critical"]')).toHaveCount(0);
		// Each finding keeps its answer's words and its recommendation.
		for (const item of [...(await high.all()), ...(await medium.all())]) {
			await expect(item.getByRole('heading', { level: 4 })).not.toBeEmpty();
			await expect(item).toContainText('Recommendation:');
		}
	}
	// The share page lists the report but offers no sharing of its own.
	const nav = page.getByRole('navigation', { name: 'On this page' });
	await expect(nav.getByRole('link').last()).toHaveText('Consultant report');
});
