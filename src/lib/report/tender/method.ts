import { NARROW_MARGIN } from '../../tender/recommendation';
import type { ReportContext } from '../context';
import { drawMethodology } from '../methodology';
import { COLORS, SIZES } from '../theme';
import type { TenderReportContext } from './context';
import { SCORING_WORDS, WEIGHT_SOURCE_WORD, weightNumber, weightsSummary } from './words';

/** Appendix A: the area weights this report used, where each came from, and how offers are compared. */
export function drawWeightsAndMethod(ctx: TenderReportContext) {
	const { w, model } = ctx;
	w.section('Appendix A  Weights and how the offers are compared');
	w.heading('Area weights used', 2);
	w.paragraph(
		`Each area’s weight in the overall score. ${weightsSummary(model.weights)}. Weights change the average of the answers only: a deal-breaker (floor) applies whatever the weights.`,
		{ size: SIZES.small }
	);
	w.table({
		head: [['Area', 'Ruleset weight', 'Weight used', 'Set by']],
		body: model.weights.map((row) => [
			row.title,
			weightNumber(row.ruleset),
			weightNumber(row.used),
			WEIGHT_SOURCE_WORD[row.source]
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

	w.heading('How the offers are compared', 2);
	w.list(
		[
			'Every offer is scored with the same fleet, cost figures and currency: the tender’s. Only the answers differ.',
			'Claimed score: every answer as given, whoever gave it and whatever its state. Verified score: your own answers and the claims you verified count as given; every other claim, disputed ones included, counts as “not sure”, and a rejected answer counts as not answered.',
			`Ranking: from the least locked-in offer to the most, by the ${model.comparison.scoredAs} score, as this tender’s scoring mode asks (${SCORING_WORDS[model.comparison.scoring]}). Equal scores go by vendor name.`,
			'Deal-breaker: any floor that applies to an offer in the ranked view. The recommendation takes the least locked-in offer without one. When the best offers without a deal-breaker score the same, or every offer has one, no offer is recommended.',
			`A lead of fewer than ${NARROW_MARGIN} points is called narrow: one or two answers could reverse it.`,
			'Where the ranking takes claims as given, the recommendation says how many of the chosen offer’s answers are unverified claims, what it would score without them, and which offer the verified scores would put first.',
			'Contract demands: the recommendations of the chosen offer’s risky answers (risk 50/100 or more), most severe first. A “not sure” is a clarification question, not a demand.',
			'Clarification questions, per offer: every answer you disputed (with your note) or rejected, every “not sure”, every question not answered, then every claim not verified yet, those that could move the overall score most first. A claim’s weight is its area’s share of the weights used × its share of the area × how much riskier “not sure” is than the answer claimed.'
		],
		{ style: { size: SIZES.small } }
	);
	w.paragraph(
		'How each offer’s scores, ratings, floors and cost to leave are worked out is in Appendix B.',
		{ size: SIZES.small, color: COLORS.muted }
	);
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
