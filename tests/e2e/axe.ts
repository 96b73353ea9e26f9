import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the app promises (2.2 AA brings target-size). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now and fails with one readable entry per offending element:
 * the rule, its impact, where the element is and what axe says is wrong with it.
 */
export async function expectNoAxeViolations(page: Page, where: string) {
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
