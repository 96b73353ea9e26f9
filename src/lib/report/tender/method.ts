import { NARROW_MARGIN } from '../../tender/recommendation';
import { m } from '../../paraglide/messages';
import type { ReportContext } from '../context';
import { drawMethodology } from '../methodology';
import { COLORS, SIZES } from '../theme';
import type { TenderReportContext } from './context';
import { scoringWords, weightNumber, weightSourceWord, weightsSummary } from './words';

/** Appendix A: the area weights this report used, where each came from, and how offers are compared. */
export function drawWeightsAndMethod(ctx: TenderReportContext) {
	const { w, model, locale } = ctx;
	const o = { locale };
	w.section(m.tpdf_appendix_a({}, o));
	w.heading(m.tpdf_weights_heading({}, o), 2);
	w.paragraph(m.tpdf_weights_intro({ summary: weightsSummary(model.weights, locale) }, o), {
		size: SIZES.small
	});
	w.table({
		head: [
			[
				m.tpdf_col_area({}, o),
				m.tpdf_col_ruleset_weight({}, o),
				m.tpdf_col_weight_used({}, o),
				m.tpdf_col_set_by({}, o)
			]
		],
		body: model.weights.map((row) => [
			row.title,
			weightNumber(row.ruleset, locale),
			weightNumber(row.used, locale),
			weightSourceWord(row.source, locale)
		]),
		columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' } },
		didParseCell: (data) => {
			if (
				data.section === 'body' &&
				data.column.index === 2 &&
				model.weights[data.row.index]!.source !== 'ruleset'
			)
				data.cell.styles.fontStyle = 'bold';
		}
	});

	w.heading(m.tpdf_method_heading({}, o), 2);
	w.list(
		[
			m.tpdf_method_same_fleet({}, o),
			m.tpdf_method_scores({}, o),
			m.tpdf_method_ranking(
				{
					view:
						model.comparison.scoredAs === 'verified'
							? m.tpdf_view_verified({}, o)
							: m.tpdf_view_claimed({}, o),
					scoring: scoringWords(model.comparison.scoring, locale)
				},
				o
			),
			m.tpdf_method_breaker({}, o),
			m.tpdf_method_narrow({ points: NARROW_MARGIN }, o),
			m.tpdf_method_unverified({}, o),
			m.tpdf_method_demands({}, o),
			m.tpdf_method_clarifications({}, o)
		],
		{ style: { size: SIZES.small } }
	);
	w.paragraph(m.tpdf_method_appendix_b({}, o), { size: SIZES.small, color: COLORS.muted });
}

/**
 * Appendix B: the assessment report's own methodology (scores, ratings, floors, cost model,
 * versions), drawn from the ruleset and the first-ranked offer's result, whose cost assumptions
 * every offer shares.
 */
export function drawTenderMethodology(ctx: TenderReportContext) {
	const { model } = ctx;
	const assessmentView: ReportContext = {
		doc: ctx.doc,
		w: ctx.w,
		assessment: {
			title: model.title,
			organisation: model.organisation,
			vendor: '',
			buyerCountry: model.buyerCountry,
			fleet: model.fleet,
			answers: {},
			rulesetVersion: model.rulesetVersion,
			updatedAt: model.updatedAt
		},
		result: model.reference,
		ruleset: ctx.rules.ruleset,
		branding: ctx.branding,
		includeNotes: false,
		dataVersions: ctx.dataVersions,
		title: ctx.title,
		date: ctx.date,
		numbered: ctx.numbered
	};
	drawMethodology(assessmentView);
}
