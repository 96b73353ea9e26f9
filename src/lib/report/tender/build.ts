import type { jsPDF } from 'jspdf';
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
import { longDate } from '../wording';
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
	const model = tenderReportModel(input.rules, input.tender, input.weights);
	const [{ jsPDF }, { autoTable }] = await Promise.all([
		import('jspdf'),
		import('jspdf-autotable')
	]);

	const title = branding.reportTitle ?? (model.title || 'Tender comparison');
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
		subject: `IoT connectivity tender comparison of ${model.ranked.length} offers${model.organisation ? ` for ${model.organisation}` : ''}`,
		author: author ?? 'Lock-in Radar',
		keywords: 'IoT connectivity, tender, vendor lock-in, permanent roaming, switching cost',
		creator: 'Lock-in Radar'
	});
	doc.setCreationDate(input.generatedAt);
	doc.setLanguage('en-GB');

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
		numbered: { next: 1 }
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
		footer: `${date} · Lock-in Radar · ruleset ${model.rulesetVersion}${author ? ` · Prepared by ${author}` : ''}`
	});

	return new Uint8Array(doc.output('arraybuffer'));
}
