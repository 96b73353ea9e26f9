import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/lib/report/build-report';
import { reportInput, typicalAssessment } from '../../fixtures/report';
import { shippedRules } from '../rules/read-rules';
import { pdfPages } from './pdf-tools';

const rules = shippedRules();
const words = (s: string) => s.trim().replace(/\s+/g, ' ');
const TITLE = 'Your rights and duties when you leave';

/** The section's text: from its heading to the next appendix. */
function section(pages: string[]): string {
	const start = pages.findIndex((page, i) => i > 1 && page.includes(TITLE));
	expect(start, 'the regulation section has a page').toBeGreaterThan(1);
	const end = pages.findIndex((page, i) => i > start && page.includes('Appendix A'));
	return words(pages.slice(start, end > start ? end : undefined).join('\n'));
}

describe('the regulation section of the PDF', () => {
	let pages: string[];
	beforeAll(async () => {
		pages = pdfPages(await buildReport(reportInput(rules, typicalAssessment(rules)))); // fleet includes Germany
	});

	it('is listed in the contents', () => {
		expect(words(pages[1]!)).toContain(TITLE);
	});

	it('lists the EU Data Act switching right with its date, its confidence and why it applies', () => {
		const text = section(pages);
		expect(text).toContain('EU Data Act, Chapter VI (switching between data processing services)');
		expect(text).toContain('Applies from 12 September 2025.');
		expect(text).toContain('Confidence high, reviewed 1 Dec 2026.');
		expect(text).toMatch(/Deployment in .*Germany/);
		expect(text).toContain('DORA Article 28(8)');
		expect(text).toContain('India, DoT framework for transfer of M2M SIM ownership');
	});

	it('says "no rule recorded" when none applies', async () => {
		const usOnly = typicalAssessment(rules, {
			fleet: { devices: 1_000, countries: ['US'], lifetimeYears: 10 }
		});
		const text = section(pdfPages(await buildReport(reportInput(rules, usOnly))));
		expect(text).toContain('No rule recorded for these countries.');
	});
});
