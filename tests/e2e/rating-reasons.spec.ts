import { expect, test, type APIRequestContext } from '@playwright/test';
import {
	answeredLine,
	fetchRules,
	flexibleAnswers,
	jsEnabled,
	ready,
	type RulesApi
} from './helpers';

async function createAssessment(
	request: APIRequestContext,
	fleet: { devices: number; countries: string[]; lifetimeYears: number },
	picks: Record<string, string>
): Promise<string> {
	const answers = Object.fromEntries(Object.entries(picks).map(([id, option]) => [id, { option }]));
	const created = await request.post('/api/assessments', {
		data: { title: 'Rated offer', fleet, answers }
	});
	expect(created.status()).toBe(201);
	return (await created.json()).id;
}

const withoutArea = (rules: RulesApi, areaId: string, picks: Record<string, string>) => {
	const area = rules.areas.find((a) => a.id === areaId)!;
	return Object.fromEntries(
		Object.entries(picks).filter(([id]) => !area.questions.some((q) => q.id === id))
	);
};

test('a physical SIM swap for 20,000 devices is rated high, and results and the share page say why', async ({
	page,
	request
}) => {
	const rules = await fetchRules(request);
	const id = await createAssessment(
		request,
		{ devices: 20_000, countries: ['DE'], lifetimeYears: 12 },
		flexibleAnswers(rules, { sim_ota_switching: 'physical_swap' })
	);

	await page.goto(`/a/${id}/results`);
	await expect(page.getByTestId('overall')).toContainText('high');
	const floors = page.getByTestId('floors');
	await expect(floors).toContainText(
		'Changing provider needs a site visit for each of 20,000 devices'
	);
	await expect(floors).toContainText('at least high, medium confidence');
	// The fleet does not say how visits are made: the range runs from a routine round to a costly trip.
	await expect(page.getByTestId('cost-headline')).toContainText(
		/About USD [\d.]+ million to leave \(USD [\d,]+–[\d.]+ million\), USD [\d,]+ per device/
	);
	await expect(page.getByTestId('provisional')).toHaveCount(0);

	const share = await request.post(`/api/assessments/${id}/shares`, { data: { label: 'board' } });
	expect(share.status()).toBe(201);
	const { token } = await share.json();
	await page.goto(`/s/${token}`);
	await expect(page.getByTestId('overall')).toContainText('high');
	await expect(page.getByTestId('floors')).toContainText(
		'Changing provider needs a site visit for each of 20,000 devices'
	);
	await expect(page.getByTestId('cost-headline')).toContainText(
		/to leave \(USD .+\), USD [\d,]+ per device/
	);
});

test('open questions show a provisional range, never a plain rating', async ({ page, request }) => {
	const rules = await fetchRules(request);
	// The whole platform area left open.
	const id = await createAssessment(
		request,
		{ devices: 1_000, countries: ['DE'], lifetimeYears: 10 },
		withoutArea(rules, 'platform', flexibleAnswers(rules))
	);
	await page.goto(`/a/${id}/results`);
	const provisional = page.getByTestId('provisional');
	await expect(provisional).toContainText(/Provisional: \d+–\d+, \d+ of \d+ answered/);
	await expect(page.getByTestId('overall')).toContainText('so far');
	await expect(page.getByTestId('cost-headline')).toContainText('rests on open questions');
});

test('answers that cannot both be true are flagged next to both questions on the SIM step', async ({
	page,
	request
}, info) => {
	const rules = await fetchRules(request);
	const id = await createAssessment(
		request,
		{ devices: 1_000, countries: ['DE'], lifetimeYears: 10 },
		withoutArea(rules, 'sim', flexibleAnswers(rules))
	);
	await page.goto(`/a/${id}/sim`);
	await ready(page, info);
	const conflict = page.locator('[data-conflict="ota_switch_without_euicc"]');
	await expect(conflict).toHaveCount(0);
	await page.locator('input[name="answer.sim_euicc_standard"][value="no_euicc"]').check();
	await page.locator('input[name="answer.sim_ota_switching"][value="any_provider"]').check();

	if (jsEnabled(info)) {
		// Flagged as the answers are given, before any save.
		await expect(conflict).toHaveCount(2);
		await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
		await page.reload();
	} else {
		await page.locator('button[value="stay"]').click();
		await page.waitForURL(new RegExp(`/a/${id}/sim$`));
	}
	// Rendered by the server from the saved answers, beside each of the two questions.
	await expect(conflict).toHaveCount(2);
	await expect(
		page.locator('#sim_euicc_standard [data-conflict="ota_switch_without_euicc"]')
	).toContainText('The SIM has no eUICC');
	await expect(
		page.locator('#sim_ota_switching [data-conflict="ota_switch_without_euicc"]')
	).toContainText('this answer counts as “not sure”');

	await page.goto(`/a/${id}/results`);
	const listed = page.getByTestId('results-conflicts');
	await expect(listed).toContainText('The SIM has no eUICC');
	await expect(listed).toContainText('Can the SIM switch to another provider');
});

test('Brazil gets its own local-profile question; "none" makes its exposure critical, naming the rule\'s confidence', async ({
	page,
	request
}, info) => {
	const rules = await fetchRules(request);
	const id = await createAssessment(
		request,
		{ devices: 10_000, countries: ['DE', 'BR'], lifetimeYears: 12 },
		flexibleAnswers(rules)
	);

	await page.goto(`/a/${id}/sim`);
	await ready(page, info);
	const brazil = page.locator('#local_profile_br');
	await expect(brazil).toContainText(
		"Can the offer give devices in Brazil a local operator's profile"
	);
	await expect(page.locator('#local_profile_de')).toHaveCount(0);
	const sim = rules.areas.find((a) => a.id === 'sim')!;
	const [saved, asked] = [sim.questions.length, sim.questions.length + 1];
	await expect
		.poll(() => answeredLine(page))
		.toBe(`${saved} of ${asked} answered|${saved}|${asked}`);
	await brazil.locator('input[value="none"]').check();
	await page.getByRole('button', { name: /Save and continue/ }).click();
	await page.waitForURL(/\/data$/);

	await page.goto(`/a/${id}/results`);
	await expect(page.getByTestId('overall')).toContainText('critical');
	await expect(page.getByTestId('floors')).toContainText('Brazil has a ban on permanent roaming');
	await expect(page.getByTestId('roaming-banner')).toContainText(
		'Brazil (5,000 devices): devices on roaming SIMs will be cut off; this sets the rating to at least critical (rule graded high confidence).'
	);
	const row = page.locator('tr[data-country="BR"]');
	await expect(row).toContainText('Local profile: none');
	await expect(row).toContainText(
		'Sets the rating to at least critical (rule graded high confidence)'
	);

	// Findings come grouped by severity, most severe first, said from the answers.
	const groups = page.locator('section[data-severity]');
	await expect(groups.first()).toHaveAttribute('data-severity', 'critical');
	await expect(groups.first().getByRole('heading', { level: 3 })).toContainText('Critical');
	await expect(groups.first()).toContainText('Brazil: devices on roaming SIMs will be cut off');
});
