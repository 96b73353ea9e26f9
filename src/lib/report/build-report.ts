import type { jsPDF } from 'jspdf';
import { baseLocale, type Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { intlTag } from '../format/locale-format';
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
	/**
	 * The ruleset that scored it: question texts, options, recommendations, weights. Rule texts are
	 * said as given here (and in `result`), so a ruleset read for the report's language gives them
	 * in that language.
	 */
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

/** The PDF's subject line: whose offer, for whom. */
function subjectOf(assessment: ReportAssessment, locale: Locale): string {
	const offer = assessment.vendor
		? m.report_subject_offer_from({ vendor: assessment.vendor }, { locale })
		: m.report_subject_offer_unnamed({}, { locale });
	return assessment.organisation
		? m.report_subject_for({ offer, organisation: assessment.organisation }, { locale })
		: m.report_subject({ offer }, { locale });
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
	const locale = branding.locale ?? baseLocale;
	const title =
		branding.reportTitle ?? (assessment.title || m.report_default_title({}, { locale }));
	const date = longDate(input.generatedAt, input.timeZone, locale);
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
		subject: subjectOf(assessment, locale),
		author: author ?? 'Lock-in Radar',
		keywords: m.report_keywords({}, { locale }),
		creator: 'Lock-in Radar'
	});
	doc.setCreationDate(input.generatedAt);
	doc.setLanguage(intlTag(locale) as Parameters<jsPDF['setLanguage']>[0]);

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
	drawContents(w, contentsPage, locale);
	// Date and ruleset first: a long consultant or firm name is what gets shortened, never them.
	const footer = m.report_footer({ date, version: input.result.rulesetVersion }, { locale });
	drawRunningText(
		w,
		{
			title,
			client: assessment.organisation,
			footer: author ? m.report_footer_prepared({ footer, author }, { locale }) : footer
		},
		locale
	);

	return new Uint8Array(doc.output('arraybuffer'));
}
