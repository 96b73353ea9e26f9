import type { jsPDF } from 'jspdf';
import { m } from '../../paraglide/messages';
import type { Locale } from '../../paraglide/runtime';
import type { Rules } from '../../rules/load';
import type { AreaWeights } from '../../tender/schema';
import { parseBranding, preparedBy, type BrandingInput } from '../branding';
import { drawContents } from '../contents';
import type { DataVersions } from '../context';
import { ReportTooLongError } from '../errors';
import { registerFonts, type ReportFont } from '../fonts';
import { Writer } from '../layout';
import { MAX_REPORT_PAGES } from '../limits';
import { drawRunningText } from '../running';
import { drawClarifications } from './clarifications';
import { drawComparison } from './comparison';
import type { TenderReportContext } from './context';
import { drawTenderCover } from './cover';
import { drawWeightsAndMethod, drawTenderMethodology } from './method';
import { tenderReportModel, type ReportTender } from './model';
import { drawCosts, drawDealBreakers, drawRoaming } from './offers';
import { drawRecommendation } from './recommendation';

export interface BuildTenderReportInput {
	/** The tender as stored; respondent links and history are not read. */
	tender: ReportTender;
	/** The rules the tender is pinned to. */
	rules: Rules;
	/** What-if weights over the tender's saved ones; absent: the saved ones. */
	weights?: AreaWeights;
	/** Unvalidated is fine: it is parsed here, and a bad field throws ReportInputError. */
	branding: BrandingInput;
	/** The report date; the builder reads no clock. */
	generatedAt: Date;
	timeZone?: string;
	font: ReportFont;
	dataVersions?: DataVersions;
	maxPages?: number;
	/** The report's language; English unless asked. */
	locale?: Locale;
}

/** "2 December 2026", "2. Dezember 2026": the report's date in words, in the given time zone. */
function longDate(date: Date, locale: Locale, timeZone = 'UTC'): string {
	const options = { day: 'numeric', month: 'long', year: 'numeric' } as const;
	const tag = locale === 'de' ? 'de-DE' : 'en-GB';
	try {
		return new Intl.DateTimeFormat(tag, { ...options, timeZone }).format(date);
	} catch {
		// An unknown time zone: the day in UTC rather than no report.
		return new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(date);
	}
}

/** As the assessment report: every page goes through doc.addPage, the one place to stop a runaway report. */
function limitPages(doc: jsPDF, maxPages: number): void {
	const addPage = doc.addPage.bind(doc);
	doc.addPage = ((...args: Parameters<jsPDF['addPage']>) => {
		if (doc.getNumberOfPages() >= maxPages) throw new ReportTooLongError(maxPages);
		return addPage(...args);
	}) as jsPDF['addPage'];
}

/**
 * The tender report for consultants as PDF bytes: the recommendation, the ranking, the radar of
 * every offer, deal-breakers, cost to leave, roaming exposure, the clarification questions per
 * vendor, the weights used and the method. Built with the assessment report's pieces (writer,
 * theme, fonts, contents, running text, methodology).
 */
export async function buildTenderReport(input: BuildTenderReportInput): Promise<Uint8Array> {
	const branding = parseBranding(input.branding);
	const locale = input.locale ?? 'en';
	const model = tenderReportModel(input.rules, input.tender, input.weights, locale);
	const [{ jsPDF }, { autoTable }] = await Promise.all([
		import('jspdf'),
		import('jspdf-autotable')
	]);

	const o = { locale };
	const title = branding.reportTitle ?? (model.title || m.tpdf_default_title({}, o));
	const date = longDate(input.generatedAt, locale, input.timeZone);
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
		subject: model.organisation
			? m.tpdf_subject_for({ count: model.ranked.length, organisation: model.organisation }, o)
			: m.tpdf_subject({ count: model.ranked.length }, o),
		author: author ?? 'Lock-in Radar',
		keywords: m.tpdf_keywords({}, o),
		creator: 'Lock-in Radar'
	});
	doc.setCreationDate(input.generatedAt);
	doc.setLanguage(locale === 'de' ? 'de-DE' : 'en-GB');

	const w = new Writer(doc, autoTable);
	const ctx: TenderReportContext = {
		doc,
		w,
		model,
		rules: input.rules,
		branding,
		dataVersions: input.dataVersions ?? {},
		title,
		date,
		numbered: { next: 1 },
		locale
	};

	drawTenderCover(ctx);
	w.newPage();
	const contentsPage = w.page;
	drawRecommendation(ctx);
	drawComparison(ctx);
	drawDealBreakers(ctx);
	drawCosts(ctx);
	drawRoaming(ctx);
	drawClarifications(ctx);
	drawWeightsAndMethod(ctx);
	drawTenderMethodology(ctx);
	drawContents(w, contentsPage);
	drawRunningText(w, {
		title,
		client: model.organisation,
		footer: `${m.tpdf_footer({ date, version: model.rulesetVersion }, o)}${author ? m.tpdf_footer_by({ author }, o) : ''}`
	});

	return new Uint8Array(doc.output('arraybuffer'));
}
