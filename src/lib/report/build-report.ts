import type { jsPDF } from 'jspdf';
import type { Ruleset } from '../rules/schema';
import type { ScoreResult } from '../scoring/types';
import { drawAreaSections } from './area-sections';
import { drawArchitecture } from './architecture';
import { drawAskVendor } from './ask-vendor';
import { parseBranding, preparedBy, type BrandingInput } from './branding';
import { drawContents } from './contents';
import type { DataVersions, ReportAssessment, ReportContext } from './context';
import { drawCosts } from './costs';
import { drawCover } from './cover';
import { ReportTooLongError } from './errors';
import { drawFindings } from './findings';
import { registerFonts, type ReportFont } from './fonts';
import { Writer } from './layout';
import { MAX_REPORT_PAGES } from './limits';
import { drawMethodology } from './methodology';
import { drawOverview } from './overview';
import { drawRegulations } from './regulations';
import { drawRoamingAppendix } from './roaming-appendix';
import { drawRunningText } from './running';
import { drawSummary } from './summary';
import { cleanLine } from './text';
import { longDate } from './wording';

export interface BuildReportInput {
	assessment: ReportAssessment;
	/** The result scored from exactly this assessment. */
	result: ScoreResult;
	/** The ruleset that scored it: question texts, options, recommendations, weights. */
	ruleset: Ruleset;
	/** Unvalidated is fine: it is parsed here, and a bad field throws ReportInputError. */
	branding: BrandingInput;
	/** The report date; the builder reads no clock. */
	generatedAt: Date;
	/** IANA zone the date is shown in (the reader's, in a browser); UTC by default. */
	timeZone?: string;
	font: ReportFont;
	/** Include the buyer's notes (default true); a share link may leave them out. */
	includeNotes?: boolean;
	dataVersions?: DataVersions;
	/** Refuse (ReportTooLongError) rather than draw more pages than this; MAX_REPORT_PAGES by default. */
	maxPages?: number;
}

/**
 * Every page, whether the Writer or jspdf-autotable starts it, goes through doc.addPage: the one
 * place to stop a report that would run away.
 */
function limitPages(doc: jsPDF, maxPages: number): void {
	const addPage = doc.addPage.bind(doc);
	doc.addPage = ((...args: Parameters<jsPDF['addPage']>) => {
		if (doc.getNumberOfPages() >= maxPages) throw new ReportTooLongError(maxPages);
		return addPage(...args);
	}) as jsPDF['addPage'];
}

/**
 * Builds the consultant report as PDF bytes. Pure apart from its inputs: the same in the browser
 * and on the server. jsPDF and jspdf-autotable are imported here, on first use, so they never
 * weigh on a page that does not build a report.
 */
export async function buildReport(input: BuildReportInput): Promise<Uint8Array> {
	const branding = parseBranding(input.branding);
	const [{ jsPDF }, { autoTable }] = await Promise.all([
		import('jspdf'),
		import('jspdf-autotable')
	]);

	const assessment: ReportAssessment = {
		...input.assessment,
		title: cleanLine(input.assessment.title),
		organisation: cleanLine(input.assessment.organisation),
		vendor: cleanLine(input.assessment.vendor)
	};
	const title = branding.reportTitle ?? (assessment.title || 'Lock-in risk assessment');
	const date = longDate(input.generatedAt, input.timeZone);
	const author = preparedBy(branding);

	const doc = new jsPDF({
		unit: 'mm',
		format: branding.paper,
		compress: true,
		putOnlyUsedFonts: true
	});
	limitPages(doc, input.maxPages ?? MAX_REPORT_PAGES);
	registerFonts(doc, input.font);
	doc.setProperties({
		title,
		subject: `IoT connectivity lock-in assessment of ${assessment.vendor ? `the offer from ${assessment.vendor}` : 'a connectivity offer'}${assessment.organisation ? ` for ${assessment.organisation}` : ''}`,
		author: author ?? 'Lock-in Radar',
		keywords: 'IoT connectivity, vendor lock-in, permanent roaming, switching cost',
		creator: 'Lock-in Radar'
	});
	doc.setCreationDate(input.generatedAt);
	doc.setLanguage('en-GB');

	const w = new Writer(doc, autoTable);
	const ctx: ReportContext = {
		doc,
		w,
		assessment,
		result: input.result,
		ruleset: input.ruleset,
		branding,
		includeNotes: input.includeNotes ?? true,
		dataVersions: input.dataVersions ?? {},
		title,
		date,
		numbered: { next: 1 }
	};

	drawCover(ctx);
	// The contents page is reserved now and written last, when every section knows its page.
	w.newPage();
	const contentsPage = w.page;
	drawSummary(ctx);
	drawOverview(ctx);
	drawFindings(ctx);
	drawAreaSections(ctx);
	drawAskVendor(ctx);
	drawArchitecture(ctx);
	drawCosts(ctx);
	drawRegulations(ctx);
	drawRoamingAppendix(ctx);
	drawMethodology(ctx);
	drawContents(w, contentsPage);
	drawRunningText(w, {
		title,
		client: assessment.organisation,
		// Date and ruleset first: a long consultant or firm name is what gets shortened, never them.
		footer: `${date} · Lock-in Radar · ruleset ${input.result.rulesetVersion}${author ? ` · Prepared by ${author}` : ''}`
	});

	return new Uint8Array(doc.output('arraybuffer'));
}
