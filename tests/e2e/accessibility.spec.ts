import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { fetchRules, flexibleAnswers, jsEnabled, ready, withoutLocalProfiles } from './helpers';

/**
 * Every page and state of the app, with JavaScript on and off, meets WCAG 2.2 AA as far as axe-core
 * can tell, and fits a 320 px and a 390 px wide phone without scrolling sideways.
 *
 * The data is seeded once per worker through the API: an assessment that shows everything results
 * can show (an answer conflict, rating floors, the four permanent-roaming countries Brazil, Türkiye,
 * India and China, notes, a live share link) and a tender with three answered offers, a respondent
 * link and a read-only comparison link.
 */

// axe on the longest pages takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

const ROAMING_BANS = ['BR', 'TR', 'IN', 'CN'];
// "No eUICC" and "switches over the air to any provider" cannot both be true: a conflict.
const CONFLICT = { sim_euicc_standard: 'no_euicc', sim_ota_switching: 'any_provider' };

interface Seed {
	assessment: string;
	share: string;
	areas: string[];
	tender: string;
	offer: string;
	respond: string;
	comparison: string;
}

async function created<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
	const answer = await response;
	expect(answer.status(), await answer.text()).toBe(201);
	return answer.json();
}

async function createSeed(request: APIRequestContext): Promise<Seed> {
	const rules = await fetchRules(request);
	const picks = flexibleAnswers(rules, {
		...withoutLocalProfiles(rules, ROAMING_BANS),
		...CONFLICT
	});
	const noted = new Set(rules.areas.map((area) => area.questions[0]!.id));
	const answers = Object.fromEntries(
		Object.entries(picks).map(([id, option]) => [
			id,
			// A long unbroken note: it has to wrap on a phone, not widen the page.
			noted.has(id)
				? { option, note: `Checked with the vendor: ${'x'.repeat(60)} see annex` }
				: { option }
		])
	);
	const assessment = await created<{ id: string }>(
		request.post('/api/assessments', {
			data: {
				title: 'Smart meters Europe and BRICS',
				organisation: 'Stadtwerke Nord',
				vendor: 'Alpha Connect',
				fleet: {
					devices: 12_000,
					countries: ['DE', ...ROAMING_BANS],
					lifetimeYears: 12
				},
				answers
			}
		})
	);
	const share = await created<{ token: string }>(
		request.post(`/api/assessments/${assessment.id}/shares`, {
			data: { label: 'for the board of directors and the procurement team', includeNotes: true }
		})
	);

	const claims = (override: Record<string, string>) =>
		Object.fromEntries(
			Object.entries(flexibleAnswers(rules, override)).map(([id, option]) => [id, { option }])
		);
	const tender = await created<{ id: string; offers: { id: string }[] }>(
		request.post('/api/tenders', {
			data: {
				title: 'Meters 2027',
				organisation: 'Stadtwerke Nord',
				fleet: { devices: 6_000, countries: ['DE', 'TR'], lifetimeYears: 10 },
				offers: [
					{ vendor: 'Alpha Connect', answers: claims({}) },
					{ vendor: 'Bravo IoT', answers: claims({ sim_ota_switching: 'physical_swap' }) },
					{ vendor: 'Charlie Mobile' }
				]
			}
		})
	);
	const offer = tender.offers[0]!.id;
	const respondent = await created<{ url: string }>(
		request.post(`/api/tenders/${tender.id}/offers/${offer}/respondents`, {
			data: { label: 'Alpha bid team' }
		})
	);
	const comparison = await created<{ token: string }>(
		request.post(`/api/tenders/${tender.id}/shares`, { data: { label: 'Steering group' } })
	);
	return {
		assessment: assessment.id,
		share: share.token,
		areas: rules.areas.map((area) => area.id),
		tender: tender.id,
		offer,
		respond: new URL(respondent.url).pathname,
		comparison: comparison.token
	};
}

let seeded: Promise<Seed> | undefined;
const seed = (request: APIRequestContext) => (seeded ??= createSeed(request));

/** The sideways overflow, if any, and the outermost elements and texts that stick out of the window. */
async function sidewaysOverflow(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const scrollWidth = document.documentElement.scrollWidth;
		if (scrollWidth <= width) return null;
		const beyond = (rect: DOMRect) => rect.right > width + 0.5;
		// Inside a container that scrolls or clips, an element widens only that container.
		const clipped = (el: Element) => {
			for (let up: Element | null = el; up && up !== document.body; up = up.parentElement)
				if (getComputedStyle(up).overflowX !== 'visible') return true;
			return false;
		};
		const describe = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
				el.classList.length ? `.${[...el.classList].join('.')}` : ''
			}`;
		const culprits: string[] = [];
		// Absolutely placed content (visually hidden text) escapes a scroller that is not its containing block.
		const escapes = (el: Element) => ['absolute', 'fixed'].includes(getComputedStyle(el).position);
		for (const el of document.body.querySelectorAll('*')) {
			if (!beyond(el.getBoundingClientRect())) continue;
			if (!escapes(el) && clipped(el.parentElement ?? el)) continue;
			const parent = el.parentElement;
			if (parent && parent !== document.body && beyond(parent.getBoundingClientRect())) continue;
			culprits.push(`${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
		}
		// Unbreakable text can run out of a box that itself fits.
		const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let node = texts.nextNode(); node; node = texts.nextNode()) {
			range.selectNodeContents(node);
			if (!beyond(range.getBoundingClientRect()) || clipped(node.parentElement!)) continue;
			culprits.push(
				`text "${node.textContent!.trim().slice(0, 40)}" in ${describe(node.parentElement!)}`
			);
		}
		return { scrollWidth, culprits: culprits.slice(0, 10) };
	});
}

/**
 * Boxes that scroll sideways but that a keyboard cannot reach: neither they nor anything inside
 * them takes focus (WCAG 2.1.1; axe's scrollable-region-focusable, checked here at phone width
 * without a second full axe run).
 */
async function unreachableScrollers(page: Page) {
	return page.evaluate(() => {
		const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
		const found: string[] = [];
		for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
			if (el.scrollWidth <= el.clientWidth + 1) continue;
			if (!['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) continue;
			if (el.matches(focusable) || el.querySelector(focusable)) continue;
			const heading = el.closest('section')?.querySelector('h2, h3')?.textContent?.trim();
			found.push(`${el.tagName.toLowerCase()}.${el.className} in "${heading ?? 'no section'}"`);
		}
		return found;
	});
}

/** No violations at desktop width, then no sideways scrolling at 320 px and at 390 px. */
async function check(page: Page, info: TestInfo, where: string) {
	await expectNoAxeViolations(page, where);
	const desktop = page.viewportSize();
	for (const width of [320, 390]) {
		await page.setViewportSize({ width, height: 800 });
		// Let charts redraw at the new width; without JavaScript no frame callback ever runs, and
		// reading the layout below is enough.
		if (jsEnabled(info))
			await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
		expect(await sidewaysOverflow(page), `${where} scrolls sideways at ${width} px`).toBeNull();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
		// On a phone, wide tables scroll in their own box: the keyboard must reach it.
		expect(await unreachableScrollers(page), `${where} at ${width} px`).toEqual([]);
	}
	if (desktop) await page.setViewportSize(desktop);
}

async function open(page: Page, info: TestInfo, path: string, status = 200) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(status);
	// The API documentation is plain HTML: nothing hydrates there.
	if (path !== '/docs/api') await ready(page, info);
}

/** Waits for the in-browser simulation to finish; without JavaScript there is none to wait for. */
async function simulated(page: Page, info: TestInfo) {
	if (jsEnabled(info)) await expect(page.getByTestId('run-status')).toContainText('Done');
}

interface PageCase {
	name: string;
	visit: (page: Page, info: TestInfo, seed: Seed) => Promise<void>;
}

const pages: PageCase[] = [
	{ name: 'home', visit: (page, info) => open(page, info, '/') },
	{ name: '/new, empty', visit: (page, info) => open(page, info, '/new') },
	{
		name: '/new with validation errors',
		visit: async (page, info) => {
			await open(page, info, '/new');
			await page.getByRole('button', { name: 'Save and start the questionnaire' }).click();
			await expect(page.getByRole('alert').filter({ hasText: 'Please fix' })).toBeVisible();
		}
	},
	{
		name: 'the fleet step',
		visit: (page, info, s) => open(page, info, `/a/${s.assessment}/fleet`)
	},
	{
		name: 'the fleet step with a form error',
		visit: async (page, info, s) => {
			await open(page, info, `/a/${s.assessment}/fleet`);
			await page.getByLabel('Number of devices').fill('');
			await page.getByRole('button', { name: 'Save and continue' }).click();
			await expect(page.getByRole('alert').filter({ hasText: 'Please fix' })).toBeVisible();
		}
	},
	{
		name: 'results with conflicts, floors, roaming bans, notes and share links',
		visit: async (page, info, s) => {
			await open(page, info, `/a/${s.assessment}/results`);
			await expect(page.getByTestId('results-conflicts')).toBeVisible();
			await expect(page.getByTestId('floors')).toBeVisible();
			// A second link made here, so the page also shows the new link to copy.
			await page.getByLabel(/^Label/).fill('for the vendor');
			await page.getByRole('button', { name: 'Create read-only link' }).click();
			await expect(page.getByLabel('New link: copy it now')).toBeVisible();
		}
	},
	{
		name: 'the share page',
		visit: async (page, info, s) => {
			await open(page, info, `/s/${s.share}`);
			await expect(page.getByTestId('floors')).toBeVisible();
		}
	},
	{
		name: "the assessment's simulated fleet",
		visit: async (page, info, s) => {
			await open(page, info, `/assessments/${s.assessment}/fleet`);
			await simulated(page, info);
		}
	},
	{
		name: "the share's simulated fleet",
		visit: async (page, info, s) => {
			await open(page, info, `/s/${s.share}/fleet`);
			await simulated(page, info);
		}
	},
	{ name: '/fleet, empty', visit: (page, info) => open(page, info, '/fleet') },
	{
		name: '/fleet after a run',
		visit: async (page, info) => {
			await open(page, info, '/fleet?devices=2000&countries=BR&countries=DE&lifetimeYears=8');
			await simulated(page, info);
		}
	},
	{
		name: '/assessments with entries',
		visit: async (page, info, s) => {
			// This browser's list fills as assessments are opened.
			await open(page, info, `/a/${s.assessment}/results`);
			await open(page, info, '/assessments');
			if (jsEnabled(info))
				await expect(
					page.getByRole('link', { name: 'Smart meters Europe and BRICS' })
				).toBeVisible();
		}
	},
	// Plain HTML that never hydrates: the same page without JavaScript, so checked once (@js).
	{ name: '/docs/api @js', visit: (page, info) => open(page, info, '/docs/api') },
	{ name: '/tenders/new, empty', visit: (page, info) => open(page, info, '/tenders/new') },
	{
		name: '/tenders/new with errors',
		visit: async (page, info) => {
			await open(page, info, '/tenders/new');
			await page.getByRole('button', { name: 'Create the tender' }).click();
			await expect(page.getByRole('alert').filter({ hasText: 'Please fix' })).toBeVisible();
		}
	},
	{
		name: '/tenders with entries',
		visit: async (page, info, s) => {
			await open(page, info, `/t/${s.tender}`);
			await open(page, info, '/tenders');
			if (jsEnabled(info))
				await expect(page.getByRole('link', { name: 'Meters 2027' })).toBeVisible();
		}
	},
	{
		name: 'a tender with respondent links',
		visit: async (page, info, s) => {
			await open(page, info, `/t/${s.tender}`);
			await expect(page.getByText('Alpha bid team')).toBeVisible();
		}
	},
	{
		name: "an offer's answers",
		visit: (page, info, s) => open(page, info, `/t/${s.tender}/offers/${s.offer}`)
	},
	{
		name: 'the comparison of offers',
		visit: (page, info, s) => open(page, info, `/t/${s.tender}/compare`)
	},
	{
		name: "the tender's simulated fleets",
		visit: async (page, info, s) => {
			await open(page, info, `/t/${s.tender}/fleet?offer=${s.offer}`);
		}
	},
	{
		name: 'the shared comparison',
		visit: (page, info, s) => open(page, info, `/c/${s.comparison}`)
	},
	{
		name: "the vendor's questionnaire",
		visit: (page, info, s) => open(page, info, s.respond)
	},
	{
		name: 'a page that does not exist',
		visit: (page, info) => open(page, info, '/no-such-page', 404)
	},
	{
		name: 'an unknown share link',
		visit: (page, info) => open(page, info, '/s/AAAAAAAAAAAAAAAAAAAAAA', 404)
	}
];

for (const { name, visit } of pages) {
	test(`${name}: no WCAG 2.2 AA violations, no sideways scrolling on a phone`, async ({
		page,
		request
	}, info) => {
		// The API reference documents every operation and schema: axe takes minutes over it.
		test.slow(name.startsWith('/docs/api'));
		await visit(page, info, await seed(request));
		await check(page, info, name);
	});
}

test('every questionnaire step, one with an answer conflict: no violations, no sideways scrolling', async ({
	page,
	request
}, info) => {
	test.setTimeout(300_000);
	const s = await seed(request);
	for (const area of s.areas) {
		await open(page, info, `/a/${s.assessment}/${area}`);
		if (area === 'sim') await expect(page.locator('[data-conflict]').first()).toBeVisible();
		await check(page, info, `the ${area} step`);
	}
});

test.describe('in German', () => {
	test.use({ locale: 'de-DE' });

	for (const [name, path] of [
		['home', () => '/'],
		['a questionnaire step', (s: Seed) => `/a/${s.assessment}/sim`],
		['results', (s: Seed) => `/a/${s.assessment}/results`]
	] as const) {
		test(`${name}: no violations, no sideways scrolling`, async ({ page, request }, info) => {
			await open(page, info, path(await seed(request)));
			await expect(page.locator('html')).toHaveAttribute('lang', 'de');
			await check(page, info, `${name} (German)`);
		});
	}
});
