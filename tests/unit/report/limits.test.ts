import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/lib/report/build-report';
import { ReportTooLongError } from '../../../src/lib/report/errors';
import { fontFiles } from '../../../src/lib/report/fonts';
import { MAX_REPORT_PAGES } from '../../../src/lib/report/limits';
import { LIMITS } from '../../../src/lib/assessment/limits';
import type { Answer } from '../../../src/lib/assessment/schema';
import { largeAssessment, longText, reportFont, reportInput } from '../../fixtures/report';
import { shippedRules } from '../rules/read-rules';
import { pdfInfo } from './pdf-tools';

const rules = shippedRules();

/** Every question answered with a note of the longest allowed length, built by `note`. */
function withNotes(note: (i: number) => string) {
	const assessment = largeAssessment(rules);
	const answers: Record<string, Answer> = {};
	Object.entries(assessment.answers).forEach(
		([id, answer], i) => (answers[id] = { ...answer, note: note(i) })
	);
	// Every country the rules know: the longest roaming appendix there is.
	const countries = rules.countries.all.map((c) => c.code);
	return { ...assessment, answers, fleet: { ...assessment.fleet, countries } };
}

describe('report size limits', () => {
	it('builds the largest real report (every note at the 10,000-character limit, every country) within the page limit', async () => {
		const pdf = await buildReport(
			reportInput(
				rules,
				withNotes((i) => longText(LIMITS.noteLength, `q${i}`))
			)
		);
		const pages = Number(pdfInfo(pdf).Pages);
		expect(pages).toBeGreaterThan(20);
		expect(pages).toBeLessThanOrEqual(MAX_REPORT_PAGES);
	}, 60_000);

	it('refuses a report padded with line breaks past 200 pages, with a message that says what to do', async () => {
		const padded = withNotes(() => 'x\n'.repeat(LIMITS.noteLength / 2));
		const attempt = buildReport(reportInput(rules, padded));
		await expect(attempt).rejects.toBeInstanceOf(ReportTooLongError);
		await expect(attempt).rejects.toThrow(/longer than 200 pages.*Shorten the longest notes/);
	}, 60_000);

	it('prepares the embedded fonts once per font, not once per report', () => {
		const font = reportFont();
		const first = fontFiles(font);
		expect(fontFiles(font)).toBe(first);
		expect(first.normal.length).toBe(font.regular.length);
		expect(first.bold.charCodeAt(1)).toBe(1);
	});
});
