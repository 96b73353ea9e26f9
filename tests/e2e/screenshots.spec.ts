import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { fetchRules, ready, type RulesApi } from './helpers';

/**
 * The README's screenshot of a tender comparison: static/docs/tender-comparison.png, 1280 wide,
 * from the page's title to the radar (the ranking, the what-if weights and every offer overlaid).
 * Left out of the normal run (tests/playwright.config.ts skips @screenshot); regenerate with
 *
 *   npm run build && SCREENSHOTS=1 E2E_PORT=4173 npx playwright test --config tests/playwright.config.ts screenshots --project js
 *
 * The tender is set up through the API (the walk in tender-walk.spec.ts does it through the pages):
 * three bids answered in full by their vendors (every question of every area; Germany, France and
 * the Netherlands ask no local-profile question), some claims verified by the buyer. A real bid
 * answers the whole questionnaire, and an open question would count as "not sure" anyway.
 */

const OUT = resolve(
	dirname(fileURLToPath(import.meta.url)),
	'../../static/docs/tender-comparison.png'
);

/**
 * Each vendor's answers: in each area, the option at this share of the way from the most flexible
 * to the most locking (0 flexible, 1 locked in), so the radar shows each bid's shape.
 */
const PROFILES: { vendor: string; levels: Record<string, number> }[] = [
	{
		vendor: 'Nordlicht IoT',
		levels: { network: 0.1, sim: 0, data: 0.3, platform: 0.1, contract: 0.15, security: 0.25 }
	},
	{
		vendor: 'Meridian Mobile',
		levels: { network: 0.35, sim: 0.2, data: 0.3, platform: 0.15, contract: 0.35, security: 0.55 }
	},
	{
		vendor: 'CarrierOne M2M',
		levels: { network: 0.7, sim: 0.9, data: 0.6, platform: 0.3, contract: 0.8, security: 0.4 }
	}
];

function answersFor(rules: RulesApi, levels: Record<string, number>) {
	const answers: Record<string, { option: string; evidence: string }> = {};
	for (const area of rules.areas) {
		area.questions.forEach((q, i) => {
			const options = [...q.options].sort((a, b) => a.risk - b.risk);
			// Every other question a step more flexible, so the areas are not all alike.
			const level = Math.max(0, (levels[area.id] ?? 0) - (i % 2) * 0.15);
			answers[q.id] = {
				option: options[Math.round(level * (options.length - 1))]!.id,
				evidence: `Bid document, section ${i + 1}`
			};
		});
	}
	return answers;
}

async function buildTender(request: APIRequestContext) {
	const rules = await fetchRules(request);
	const created = await request.post('/api/tenders', {
		data: {
			title: 'Smart meters 2027–2037',
			organisation: 'Stadtwerke Nord',
			fleet: {
				devices: 12_000,
				countries: ['DE', 'FR', 'NL'],
				devicesByCountry: { DE: 6000, FR: 4000, NL: 2000 },
				lifetimeYears: 10
			},
			offers: PROFILES.map(({ vendor }) => ({ vendor }))
		}
	});
	expect(created.status(), await created.text()).toBe(201);
	const tender = (await created.json()) as { id: string; offers: { id: string; vendor: string }[] };
	for (const [index, offer] of tender.offers.entries()) {
		const answers = answersFor(rules, PROFILES[index]!.levels);
		const link = await request.post(`/api/tenders/${tender.id}/offers/${offer.id}/respondents`, {
			data: { label: `${offer.vendor} bid team` }
		});
		const { token } = (await link.json()) as { token: string };
		expect((await request.patch(`/api/respond/${token}`, { data: { answers } })).status()).toBe(
			200
		);
		expect((await request.post(`/api/respond/${token}/submit`)).status()).toBe(200);
		// The buyer has checked the evidence for the first half of each area's questions.
		for (const area of rules.areas) {
			for (const q of area.questions.slice(0, Math.ceil(area.questions.length / 2))) {
				const judged = await request.patch(
					`/api/tenders/${tender.id}/offers/${offer.id}/answers/${q.id}`,
					{
						data: { state: 'verified', note: 'Evidence read' }
					}
				);
				expect(judged.status()).toBe(200);
			}
		}
	}
	return tender;
}

test('@screenshot @js the tender comparison for the README', async ({ page, request }, info) => {
	test.setTimeout(120_000);
	const tender = await buildTender(request);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/t/${tender.id}/compare`);
	await ready(page, info);
	await expect(page.getByTestId('ranking').locator('tbody tr')).toHaveCount(3);
	// Every bid is complete, and the three sit in different bands, as the README describes them.
	expect(await page.getByTestId('open-questions').allTextContents()).toEqual([
		'None',
		'None',
		'None'
	]);
	const claimedRatings = await page
		.getByTestId('ranking')
		.locator('tbody tr td:nth-of-type(2) .badge')
		.allTextContents();
	expect(claimedRatings.map((r) => r.trim())).toEqual(['low', 'moderate', 'high']);
	const radar = page.locator('section', {
		has: page.getByRole('heading', { name: 'Every offer by area' })
	});
	await expect(radar.locator('canvas')).toBeVisible();
	// chart.js draws without animation; give it a frame to paint.
	await page.waitForTimeout(500);
	const bottom = await radar.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
	mkdirSync(dirname(OUT), { recursive: true });
	await page.screenshot({
		path: OUT,
		clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom) + 16 },
		fullPage: true
	});
	expect(statSync(OUT).size).toBeLessThan(250 * 1024);
});
