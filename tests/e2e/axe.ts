import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the app promises (2.2 AA brings target-size). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now and fails with one readable entry per offending element:
 * the rule, its impact, where the element is and what axe says is wrong with it.
 */
export async function expectNoAxeViolations(page: Page, where: string) {
	// The layout marks the body once the app runs; Playwright's evaluate works either way.
	const scripting = await page.evaluate(() => document.body.dataset.hydrated === 'true');
	const twin = scripting ? null : await scriptedTwin(page);
	try {
		await expectNone(twin ?? page, where);
	} finally {
		await twin?.context().close();
	}
}

/**
 * axe needs timers, which never fire where JavaScript is off; so a page seen without JavaScript
 * is checked as a copy: the same HTML with every script removed, at the same address (so its
 * styles load), in a context that may run axe. What axe reads is what a no-JS visitor got.
 */
async function scriptedTwin(page: Page): Promise<Page> {
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	const browser = page.context().browser();
	if (!browser) throw new Error('axe on a page without JavaScript needs a browser to copy it into');
	// Explicit: the test runner gives new contexts the project's options, JavaScript off included.
	const context = await browser.newContext({
		viewport: page.viewportSize(),
		javaScriptEnabled: true
	});
	const twin = await context.newPage();
	await twin.route('**/*', (route) =>
		route.request().resourceType() === 'script' ? route.abort() : route.continue()
	);
	await twin.goto(page.url()).catch(() => undefined);
	await twin.setContent(html, { waitUntil: 'load' });
	return twin;
}

async function expectNone(page: Page, where: string) {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const found = violations.flatMap((violation) =>
		violation.nodes.map((node) =>
			[
				`${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}`,
				`  at ${node.target.map(String).join(' >> ')}`,
				`  ${(node.failureSummary ?? '').replace(/\n\s*/g, ' / ')}`
			].join('\n')
		)
	);
	expect(found, `axe found WCAG A/AA violations on ${where}`).toEqual([]);
}
