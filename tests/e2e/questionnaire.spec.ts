import { expect, test } from '@playwright/test';
import {
	answerArea,
	continueTo,
	fetchRules,
	fillFleet,
	flexibleAnswers,
	jsEnabled,
	ready,
	withoutLocalProfiles
} from './helpers';

test('a new user assesses an offer for Brazil and Germany, resumes midway, and sees the Brazil roaming risk', async ({
	page,
	request
}, info) => {
	const rules = await fetchRules(request);
	const answers = flexibleAnswers(rules, withoutLocalProfiles(rules, ['BR']));

	await page.goto('/');
	await page.getByRole('link', { name: 'Start an assessment' }).click();
	await ready(page, info);
	await fillFleet(page, info, {
		title: 'Smart meters LATAM + DACH',
		organisation: 'Müller & Søn GmbH',
		devices: '12000',
		countries: ['BR', 'DE'],
		lifetime: '15'
	});
	await page.getByRole('button', { name: /Save and start/ }).click();
	await page.waitForURL(/\/a\/[A-Za-z0-9_-]{22}\/network$/);
	const assessmentUrl = page.url().replace(/\/network$/, '');

	const [first, second, third, ...rest] = rules.areas;
	// Brazil's own local-profile question is asked, and answered, on the SIM step (the second).
	expect(second!.id).toBe('sim');
	const perCountry = Object.keys(answers).filter((id) => id.startsWith('local_profile_')).length;
	for (const [area, next] of [
		[first!, second!.id],
		[second!, third!.id]
	] as const) {
		await ready(page, info);
		await answerArea(page, area, answers);
		await continueTo(page, next);
	}

	// Midway through the third area, the user leaves.
	await ready(page, info);
	const half = third!.questions.slice(0, 2);
	for (const q of half)
		await page.locator(`input[name="answer.${q.id}"][value="${answers[q.id]}"]`).check();
	if (jsEnabled(info)) {
		// With JavaScript, answers save as they are given: no button press needed.
		await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
		// The step list counts the new answers straight away.
		await expect(page.getByText(/\d+ of \d+ questions answered/)).toContainText(
			`${first!.questions.length + second!.questions.length + perCountry + half.length} of`
		);
	} else {
		await page.locator('button[value="stay"]').click();
		await page.waitForURL(new RegExp(`/${third!.id}$`));
	}
	await page.goto('/');
	await page.goto(assessmentUrl);
	await page.waitForURL(new RegExp(`/${third!.id}$`));
	for (const q of half) {
		await expect(
			page.locator(`input[name="answer.${q.id}"][value="${answers[q.id]}"]`)
		).toBeChecked();
	}
	await expect(page.getByText(/\d+ of \d+ questions answered/)).toContainText(
		`${first!.questions.length + second!.questions.length + perCountry + half.length} of`
	);

	const remaining = [third!, ...rest];
	for (let i = 0; i < remaining.length; i++) {
		await ready(page, info);
		await answerArea(page, remaining[i]!, answers);
		await continueTo(page, remaining[i + 1]?.id ?? 'results');
	}

	await expect(page.getByTestId('overall')).toContainText('critical');
	const brazil = page.locator('tr[data-country="BR"]');
	await expect(brazil).toContainText('Critical');
	await expect(brazil).toContainText(/Banned|Time-limited/);
	await expect(page.locator('tr[data-country="DE"]')).toContainText('Not needed');
	await expect(
		page.getByRole('heading', { name: /Brazil: devices on roaming SIMs will be cut off/ })
	).toBeVisible();
	await expect(page.getByText(`ruleset v${rules.version}`)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Müller & Søn GmbH' })).toHaveCount(0);
	await expect(page.getByText('Müller & Søn GmbH', { exact: false })).toBeVisible();
});

test('invalid fleet input shows a message next to each field and keeps what was typed', async ({
	page
}, info) => {
	await page.goto('/new');
	await ready(page, info);
	await page.getByLabel('Assessment title').fill('Trackers');
	await page.getByLabel('Number of devices').fill('0');
	await page.getByLabel('Device lifetime (years)').fill('-3');
	await page.getByLabel(/Typical monthly data/).fill('lots');
	await page.getByRole('button', { name: /Save and start/ }).click();

	await expect(page.locator('#fleet-devices-error')).toHaveText(
		'A fleet needs at least one device'
	);
	await expect(page.locator('#fleet-lifetimeYears-error')).toContainText('more than zero');
	await expect(page.locator('#fleet-monthlyMbPerDevice-error')).toContainText('must be a number');
	await expect(page.locator('#countries-error')).toContainText('at least one deployment country');
	await expect(page.getByLabel('Number of devices')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Assessment title')).toHaveValue('Trackers');
	await expect(page.getByRole('alert').first()).toContainText('Please fix');
	expect(page.url()).toMatch(/\/new$/);
});

test('an invalid change to a saved fleet is refused and the saved fleet is kept', async ({
	page,
	request
}, info) => {
	const created = await request.post('/api/assessments', {
		data: { title: 'Saved one', fleet: { devices: 500, countries: ['TR'], lifetimeYears: 8 } }
	});
	expect(created.status()).toBe(201);
	const { id } = await created.json();

	await page.goto(`/a/${id}/fleet`);
	await ready(page, info);
	await page.getByLabel('Number of devices').fill('-20');
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.locator('#fleet-devices-error')).toBeVisible();

	const stored = await (await request.get(`/api/assessments/${id}`)).json();
	expect(stored.fleet.devices).toBe(500);
	await page.goto(`/a/${id}/fleet`);
	await expect(page.getByLabel('Number of devices')).toHaveValue('500');
});

test('an unknown assessment address shows a friendly not-found page', async ({ page }) => {
	const response = await page.goto('/a/AAAAAAAAAAAAAAAAAAAAAA/network');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
