import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/lib/report/build-report';
import { ReportInputError } from '../../../src/lib/report/errors';
import {
	largeAssessment,
	longText,
	reportInput,
	typicalAssessment,
	UNICODE
} from '../../fixtures/report';
import { notSureRiskSentence } from '../../../src/lib/text/answer-words';
import { provisionalLine } from '../../../src/lib/text/verdict';
import { shippedRules } from '../rules/read-rules';
import { PNG_8X8 } from './images';
import { pdfImages, pdfInfo, pdfPages, pdfText, squash } from './pdf-tools';

const rules = shippedRules();
const areaTitles = rules.ruleset.areas.map((a) => a.title);
const SECTIONS = [
	'Executive summary',
	'Risk by area',
	'Findings and recommendations',
	...areaTitles,
	'Ask the vendor',
	'Recommended architecture against this offer',
	'Cost to switch provider',
	'Your rights and duties when you leave',
	'Appendix A  Roaming rules by deployment country',
	'Appendix B  Methodology'
];
const words = (s: string) => s.trim().replace(/\s+/g, ' ');

describe('a typical report', () => {
	let pdf: Uint8Array;
	let pages: string[];
	const note = `Site survey in ${UNICODE.place} confirmed single-carrier coverage.`;

	beforeAll(async () => {
		const assessment = typicalAssessment(rules);
		const first = rules.ruleset.areas[0]!.questions[0]!.id;
		assessment.answers[first] = { option: 'not_sure', note };
		pdf = await buildReport(
			reportInput(rules, assessment, {
				consultantName: UNICODE.consultant,
				firm: UNICODE.firm
			})
		);
		pages = pdfPages(pdf);
	});

	it('is a PDF whose every page has a running footer "Page N of M"', () => {
		expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
		const total = Number(pdfInfo(pdf).Pages);
		expect(total).toBeGreaterThan(10);
		expect(pages).toHaveLength(total);
		pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${total}`));
	});

	it('has a cover with title, client, offer, consultant, date and ruleset version', () => {
		const cover = words(pages[0]!);
		expect(cover).toContain('Smart meters LATAM + DACH');
		expect(cover).toContain(`Client organisation ${UNICODE.organisation}`);
		expect(cover).toContain('Offer assessed Example Connect');
		expect(cover).toContain(`Prepared by ${UNICODE.consultant}, ${UNICODE.firm}`);
		expect(cover).toContain('Date 25 November 2026');
		expect(cover).toContain(`Ruleset Version ${rules.ruleset.version}`);
	});

	it('has every section, each listed in the contents with the page it starts on', () => {
		const contents = pages[1]!;
		expect(contents).toContain('Contents');
		SECTIONS.forEach((title, i) => {
			const numbered = i < SECTIONS.length - 2 ? `${i + 1} ${title}` : words(title);
			const entry = contents
				.split('\n')
				.map(words)
				.find((line) => line.startsWith(`${numbered} `));
			expect(entry, `contents entry for ${title}`).toBeDefined();
			const page = Number(entry!.split(' ').at(-1));
			const start = words(
				pages[page - 1]!.split('\n')
					.filter((l) => l.trim())
					.slice(1, 3)
					.join(' ')
			);
			expect(start, `${title} starts on page ${page}`).toContain(numbered);
		});
	});

	it('explains the score for a board, with why, top risks, roaming, switching cost and next steps', () => {
		const summary = words(pages.slice(2, 5).join('\n'));
		expect(summary).toMatch(/\d+\/100/);
		expect(summary).toMatch(/(Low|Moderate|High|Critical) lock-in risk/);
		for (const heading of [
			'Why this rating',
			'Top risks',
			'Permanent-roaming exposure',
			'Cost to switch provider',
			'Next steps'
		]) {
			expect(summary).toContain(heading);
		}
		// Brazil's own local-profile question is open: named, with its rule's confidence, not called critical.
		expect(summary).toContain(
			'Brazil (2,000 devices): not answered yet whether the offer has a local profile there. Until it is, the country counts only in the provisional range (rule graded high confidence).'
		);
		expect(summary).toMatch(
			/About USD [\d.,]+ (million )?to leave \(USD [\d.,]+–[\d.,]+ million\), USD [\d,]+ per device/
		);
	});

	it("lists each question with its answer, its risk in the questionnaire's words, note and recommendation", () => {
		const text = words(pdfText(pdf));
		const question = rules.ruleset.areas[0]!.questions[0]!;
		expect(text).toContain(`4.1 ${words(question.text)}`);
		expect(text).toContain('Answer: Not sure');
		// "Not sure" is capped at the question's worst answer, in the words the questionnaire uses.
		const capped = Math.min(
			rules.ruleset.notSure.risk,
			...[Math.max(...question.options.map((o) => o.risk))]
		);
		expect(text).toContain(words(notSureRiskSentence(capped, 'en')));
		expect(text).not.toMatch(/Risk: (Low|Moderate|High|Critical) \(\d+\/100\)/);
		expect(text).toContain(`Note ${note}`);
		expect(text).toContain(`Recommendation ${words(question.recommendation)}`);
	});

	it('draws the charts as vectors: no images without a logo', () => {
		expect(pdfImages(pdf)).toEqual([]);
		const overview = words(
			pages.find((p) => p.includes('Risk by area') && !p.includes('Contents'))!
		);
		for (const title of areaTitles) expect(overview).toContain(title);
		expect(overview).toContain('Service at risk');
	});

	it('renders European names literally with the embedded font', () => {
		const text = pdfText(pdf);
		expect(text).toContain(UNICODE.organisation);
		expect(text).toContain(UNICODE.firm);
		expect(text).toContain(UNICODE.consultant);
		expect(text).toContain(UNICODE.place);
	});

	it('carries title, author, subject and creation date as document metadata', () => {
		const info = pdfInfo(pdf);
		expect(info.Title).toBe('Smart meters LATAM + DACH');
		expect(info.Author).toBe(`${UNICODE.consultant}, ${UNICODE.firm}`);
		expect(info.Subject).toContain(UNICODE.organisation);
		expect(info.Subject).toContain('Example Connect');
		expect(info.CreationDate).toMatch(/^2026-11-25T10:00:00/);
		expect(info['Page size']).toContain('(A4)');
	});

	it('lists the ask-the-vendor questions and every deployment country in the roaming appendix', () => {
		const text = words(pdfText(pdf));
		const assessment = typicalAssessment(rules);
		assessment.answers[rules.ruleset.areas[0]!.questions[0]!.id] = { option: 'not_sure' };
		const result = reportInput(rules, assessment).result;
		expect(result.askVendor.length).toBeGreaterThan(0);
		for (const item of result.askVendor) expect(text).toContain(words(item.ask));
		for (const country of [
			'Brazil (BR)',
			'Germany (DE)',
			'Türkiye (TR)',
			'India (IN)',
			'United States (US)',
			'France (FR)'
		]) {
			expect(text).toContain(country);
		}
	});
});

describe('user text', () => {
	it('keeps a 5,000-character note intact across page breaks', async () => {
		const note = longText(5_000);
		const assessment = typicalAssessment(rules);
		const question = rules.ruleset.areas[1]!.questions[2]!.id;
		assessment.answers[question] = { option: 'not_sure', note };
		const pdf = await buildReport(reportInput(rules, assessment));
		// Drop the running header and footer that sit between the pages of the note.
		const body = pdfPages(pdf)
			.map((page) =>
				page
					.split('\n')
					.filter(
						(line) =>
							!/Page \d+ of \d+/.test(line) && !line.trim().startsWith('Smart meters LATAM + DACH')
					)
					.join('\n')
			)
			.join('\n');
		expect(note.length).toBe(5_000);
		expect(squash(body)).toContain(squash(note));
	});

	it('shows HTML and script-like input as literal text', async () => {
		const title = '<script>alert("x")</script>';
		const assessment = typicalAssessment(rules, { title, organisation: '<b>Bold & Co</b>' });
		const question = rules.ruleset.areas[0]!.questions[0]!.id;
		assessment.answers[question] = {
			option: 'not_sure',
			note: '<img src=x onerror="alert(1)"> &amp; ${x}'
		};
		const pdf = await buildReport(
			reportInput(rules, assessment, { firm: '</title><h1>Firm</h1>' })
		);
		const text = pdfText(pdf);
		expect(text).toContain(title);
		expect(text).toContain('<b>Bold & Co</b>');
		expect(text).toContain('<img src=x onerror="alert(1)"> &amp; ${x}');
		expect(text).toContain('</title><h1>Firm</h1>');
		expect(pdfInfo(pdf).Title).toBe(title);
	});

	it('uses the branding title over the assessment title', async () => {
		const pdf = await buildReport(
			reportInput(rules, typicalAssessment(rules), {
				reportTitle: `Lock-in review for ${UNICODE.organisation}`
			})
		);
		expect(pdfInfo(pdf).Title).toBe(`Lock-in review for ${UNICODE.organisation}`);
		expect(words(pdfPages(pdf)[0]!)).toContain(`Lock-in review for ${UNICODE.organisation}`);
	});

	it('leaves notes out when asked, as a share link may', async () => {
		const assessment = typicalAssessment(rules);
		const question = rules.ruleset.areas[0]!.questions[0]!.id;
		assessment.answers[question] = { option: 'not_sure', note: 'Private: budget is 40k' };
		const withNotes = pdfText(await buildReport(reportInput(rules, assessment)));
		const without = pdfText(
			await buildReport(reportInput(rules, assessment, {}, { includeNotes: false }))
		);
		expect(withNotes).toContain('Private: budget is 40k');
		expect(without).not.toContain('Private: budget is 40k');
		expect(without).toContain('Answer: Not sure');
	});

	it('builds a report for an assessment with no answers and no names', async () => {
		const assessment = typicalAssessment(rules, { answers: {}, organisation: '', vendor: '' });
		const text = words(pdfText(await buildReport(reportInput(rules, assessment))));
		expect(text).toContain('Client organisation Not stated');
		expect(text).toContain('Offer assessed Offer not named');
		const result = reportInput(rules, assessment).result;
		expect(text).toContain(words(provisionalLine(result, 'en')!));
		expect(provisionalLine(result, 'en')).toMatch(/^Provisional: \d+–\d+, 0 of \d+ answered$/);
		expect(text).toContain('Answer: Not answered');
	});
});

describe('paper and logo', () => {
	it('prints on US Letter when asked', async () => {
		const pdf = await buildReport(
			reportInput(rules, typicalAssessment(rules), { paper: 'letter' })
		);
		expect(pdfInfo(pdf)['Page size']).toContain('(letter)');
	});

	it('embeds a valid PNG logo on the cover', async () => {
		const pdf = await buildReport(reportInput(rules, typicalAssessment(rules), { logo: PNG_8X8 }));
		expect(pdfImages(pdf)).toEqual([{ width: 8, height: 8 }]);
		const fromDataUrl = await buildReport(
			reportInput(rules, typicalAssessment(rules), {
				logo: `data:image/png;base64,${Buffer.from(PNG_8X8).toString('base64')}`
			})
		);
		expect(pdfImages(fromDataUrl)).toEqual([{ width: 8, height: 8 }]);
	});

	it.each([
		['a truncated PNG', PNG_8X8.slice(0, 40), /incomplete/],
		[
			'a GIF',
			new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;'),
			/PNG or JPEG image; this file is a GIF/
		],
		['an oversized file', new Uint8Array(600 * 1024), /600 KB; the limit is 512 KB/],
		[
			'a PNG with damaged image data',
			PNG_8X8.map((byte, i) => (i > 40 && i < 55 ? 0xff : byte)),
			/PNG image data is damaged/
		]
	])(
		'refuses %s with a clear error instead of building a broken PDF',
		async (_name, logo, message) => {
			const build = buildReport(reportInput(rules, typicalAssessment(rules), { logo }));
			await expect(build).rejects.toBeInstanceOf(ReportInputError);
			await expect(build).rejects.toMatchObject({
				issues: [{ path: 'logo', message: expect.stringMatching(message) }]
			});
		}
	);

	it('refuses an unknown paper size', async () => {
		const build = buildReport(
			reportInput(rules, typicalAssessment(rules), { paper: 'tabloid' as 'a4' })
		);
		await expect(build).rejects.toMatchObject({
			issues: [{ path: 'paper', message: 'Paper must be "a4" or "letter"' }]
		});
	});
});

describe('a large report', () => {
	it('holds every long note and all 30 countries', async () => {
		const assessment = largeAssessment(rules);
		const pdf = await buildReport(reportInput(rules, assessment));
		const text = pdfText(pdf);
		expect(assessment.fleet.countries).toHaveLength(30);
		for (const code of assessment.fleet.countries) {
			expect(text).toContain(`${rules.countryNames.get(code)} (${code})`);
		}
		const notes = Object.values(assessment.answers);
		expect(notes).toHaveLength(rules.questionsById.size);
		for (const answer of notes) {
			expect(text).toContain(answer.note!.slice(0, 9));
			expect(text).toContain(answer.note!.slice(-7));
		}
		expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThan(30);
	});
});
