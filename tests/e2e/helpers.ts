import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

export interface RulesApi {
	version: string;
	areas: {
		id: string;
		title: string;
		questions: {
			id: string;
			text: string;
			options: { id: string; risk: number; provides: string[] }[];
		}[];
	}[];
}

export async function fetchRules(request: APIRequestContext): Promise<RulesApi> {
	const response = await request.get('/api/rules');
	expect(response.ok()).toBe(true);
	return response.json();
}

export const jsEnabled = (info: TestInfo) => info.project.name === 'js';

/** Waits until enhanced forms are live, when the project runs JavaScript. */
export async function ready(page: Page, info: TestInfo) {
	if (jsEnabled(info)) await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

/** Picks, per question, the most flexible option, except where `override` says otherwise. */
export function flexibleAnswers(rules: RulesApi, override: Record<string, string> = {}) {
	const answers: Record<string, string> = {};
	for (const area of rules.areas) {
		for (const q of area.questions) {
			answers[q.id] = override[q.id] ?? [...q.options].sort((a, b) => a.risk - b.risk)[0]!.id;
		}
	}
	// Answers to questions outside the areas (per-country local profiles) are kept as given.
	return { ...override, ...answers };
}

/**
 * Answers that give no local profiles: the global question at its worst answer without them and,
 * from ruleset 2.0.0 on, "none" to each listed country's own local-profile question.
 */
export function withoutLocalProfiles(
	rules: RulesApi,
	countries: string[] = []
): Record<string, string> {
	const perCountry = Object.fromEntries(
		countries.map((code) => [`local_profile_${code.toLowerCase()}`, 'none'])
	);
	for (const area of rules.areas) {
		for (const q of area.questions) {
			if (q.options.some((o) => o.provides.includes('local_profiles'))) {
				const option = q.options
					.filter((o) => !o.provides.includes('local_profiles'))
					.sort((a, b) => b.risk - a.risk)[0]!;
				return { [q.id]: option.id, ...perCountry };
			}
		}
	}
	throw new Error('no question offers local profiles');
}

export async function fillFleet(
	page: Page,
	info: TestInfo,
	fleet: {
		title: string;
		organisation?: string;
		devices: string;
		countries: string[];
		lifetime: string;
	}
) {
	await page.getByLabel('Assessment title').fill(fleet.title);
	if (fleet.organisation) await page.getByLabel(/^Organisation/).fill(fleet.organisation);
	await page.getByLabel('Number of devices').fill(fleet.devices);
	await page.getByLabel('Device lifetime (years)').fill(fleet.lifetime);
	for (const code of fleet.countries) {
		const box = page.locator(`input[name="countries"][value="${code}"]`);
		if (jsEnabled(info)) {
			// Use the search box the way a person would, then tick the match.
			const name = await box.evaluate(
				(el) => el.parentElement!.querySelector('span')!.textContent!
			);
			await page.getByPlaceholder(/Find a country/).fill(name.slice(0, 4));
			await expect(box).toBeVisible();
			await box.check();
			await page.getByPlaceholder(/Find a country/).fill('');
		} else {
			await box.check();
		}
	}
}

export async function answerArea(
	page: Page,
	area: RulesApi['areas'][number],
	answers: Record<string, string>
) {
	await expect(page.getByRole('heading', { level: 1, name: area.title })).toBeVisible();
	for (const q of area.questions) {
		await page.locator(`input[name="answer.${q.id}"][value="${answers[q.id]}"]`).check();
	}
	// Per-country local-profile questions, where this step asks them.
	for (const [id, option] of Object.entries(answers)) {
		if (!id.startsWith('local_profile_')) continue;
		const radio = page.locator(`input[name="answer.${id}"][value="${option}"]`);
		if ((await radio.count()) > 0) await radio.check();
	}
}

export async function continueTo(page: Page, next: string) {
	await page.getByRole('button', { name: /Save and (continue|see results)/ }).click();
	await page.waitForURL(new RegExp(`/a/[^/]+/${next}$`));
}

/**
 * A step's "N of M answered" as a person perceives it, read from the accessibility tree: without
 * JavaScript the number is a CSS counter of the ticked answers, which DOM text does not contain.
 * Answers "N of M answered|N|M", or the whole static text when there is no count.
 */
export async function answeredLine(page: Page): Promise<string> {
	const cdp = await page.context().newCDPSession(page);
	const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
		nodes: { role?: { value: string }; name?: { value: string } }[];
	};
	await cdp.detach();
	const text = nodes
		.filter((n) => n.role?.value === 'StaticText')
		.map((n) => n.name?.value ?? '')
		.join('');
	return /(\d+) of (\d+) answered/.exec(text)?.slice(0, 3).join('|') ?? text;
}
