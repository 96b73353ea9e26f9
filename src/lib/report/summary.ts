import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { ScoreResult } from '../scoring/types';
import { exposedCountries, roamingLine } from '../text/roaming-words';
import { openSection, type ReportContext, reportLocale } from './context';
import { lineHeight } from './layout';
import { COLORS, SIZES } from './theme';
import {
	costAssumedNote,
	costHeadline,
	floorLine,
	provisionalLine,
	provisionalMeaning,
	ratingExplanation
} from '../text/verdict';
import {
	money,
	pluralOf,
	ratingBackground,
	ratingColor,
	ratingMeaning,
	severityWord
} from './wording';

const TOP_RISKS = 5;
const MAX_STEPS = 6;

/**
 * What to do next, most urgent first, from what the result shows: contradictions to clear, the
 * recommendations of the most severe findings (roaming ones included), the vendor questions and
 * the open questions. Nothing here is said unless the result says it.
 */
export function nextSteps(result: ScoreResult, locale: Locale): string[] {
	const steps: string[] = [];
	if (result.conflicts.length > 0) {
		steps.push(
			pluralOf(
				result.conflicts.length,
				locale,
				m.report_step_conflicts_one,
				m.report_step_conflicts_many
			)
		);
	}
	const recommendations = new Set<string>();
	for (const finding of result.findings) {
		if (finding.kind === 'conflict' || finding.notSure) continue;
		if (finding.severity === 'medium' && recommendations.size > 0) break;
		recommendations.add(finding.recommendation.trim());
		if (recommendations.size === 3) break;
	}
	steps.push(...recommendations);
	if (result.askVendor.length > 0) {
		steps.push(
			pluralOf(result.askVendor.length, locale, m.report_step_ask_one, m.report_step_ask_many)
		);
	}
	const open = result.completeness.total - result.completeness.answered;
	if (open > 0) {
		const range = result.overall.range;
		const questions = pluralOf(
			open,
			locale,
			m.report_open_questions_one,
			m.report_open_questions_many
		);
		steps.push(
			range
				? m.report_step_answer_open_range(
						{ questions, low: String(Math.round(range[0])), high: String(Math.round(range[1])) },
						{ locale }
					)
				: m.report_step_answer_open({ questions }, { locale })
		);
	}
	if (steps.length === 0) steps.push(m.report_step_keep_terms({}, { locale }));
	return steps.slice(0, MAX_STEPS);
}

function verdict(ctx: ReportContext) {
	const { w, doc, result } = ctx;
	const locale = reportLocale(ctx);
	const { rating, score } = result.overall;
	const meaning = ratingMeaning(rating, locale);
	const lines = w.split(meaning.meaning, w.width - 50, { size: SIZES.body });
	const height = Math.max(26, 12 + lines.length * lineHeight(SIZES.body));
	w.ensure(height + 4);
	doc.setFillColor(ratingBackground(rating));
	doc.roundedRect(w.left, w.y, w.width, height, 2, 2, 'F');
	w.line(`${Math.round(score)}/100`, w.left + 5, w.y + 5, {
		size: 20,
		bold: true,
		color: ratingColor(rating)
	});
	const scale = { size: 6.5, color: COLORS.muted };
	w.line(m.report_scale_free({}, { locale }), w.left + 5, w.y + 15, scale);
	w.line(m.report_scale_locked({}, { locale }), w.left + 5, w.y + 18, scale);
	w.line(
		result.overall.provisional
			? m.report_headline_so_far({ headline: meaning.headline }, { locale })
			: meaning.headline,
		w.left + 46,
		w.y + 4,
		{
			size: SIZES.h2,
			bold: true,
			color: ratingColor(rating)
		}
	);
	lines.forEach((line, i) => w.line(line, w.left + 46, w.y + 10.5 + i * lineHeight(SIZES.body)));
	w.y += height + 4;
}

/** The rating's provisional range, cost to leave and every floor, as on the results page. */
function besideTheRating(ctx: ReportContext) {
	const { w, result } = ctx;
	const locale = reportLocale(ctx);
	const provisional = provisionalLine(result, locale);
	if (provisional) {
		w.paragraph(`${provisional}. ${provisionalMeaning(result, locale) ?? ''}`.trim(), {
			bold: true
		});
	}
	const cost = result.switchingCost;
	w.paragraph(`${costHeadline(cost, locale)}.`, { bold: true });
	const assumed = costAssumedNote(cost, locale);
	if (assumed) w.paragraph(assumed, { size: SIZES.small, color: COLORS.muted });

	w.heading(m.report_why_rating({}, { locale }), 2);
	w.paragraph(ratingExplanation(result, locale));
	const line = (floor: (typeof result.overall.floors)[number]) => floorLine(floor, locale);
	const raising = result.overall.floors.filter((f) => f.raises);
	const met = result.overall.floors.filter((f) => !f.raises);
	if (raising.length) w.list(raising.map(line), { style: { bold: true } });
	if (met.length) {
		w.paragraph(m.report_floors_also_holding({}, { locale }), {
			size: SIZES.small,
			color: COLORS.muted
		});
		w.list(met.map(line), { style: { size: SIZES.small } });
	}
}

/** Overall score in plain words, why, top risks, roaming, contradictions, cost and next steps. */
export function drawSummary(ctx: ReportContext) {
	const { w, result, assessment } = ctx;
	const locale = reportLocale(ctx);
	openSection(ctx, m.report_summary_heading({}, { locale }));
	const offer = assessment.vendor
		? m.report_offer_from({ vendor: assessment.vendor }, { locale })
		: m.report_offer_unnamed({}, { locale });
	const client = assessment.organisation || m.report_the_client({}, { locale });
	w.paragraph(m.report_summary_intro({ offer, client }, { locale }));
	verdict(ctx);
	besideTheRating(ctx);

	w.heading(m.report_top_risks({}, { locale }), 2);
	const top = result.findings.filter((f) => f.kind !== 'conflict').slice(0, TOP_RISKS);
	if (top.length === 0) {
		w.paragraph(m.report_no_risky_answers({}, { locale }));
	} else {
		w.list(
			top.map((f) =>
				m.report_top_risk(
					{
						severity: severityWord(f.severity, locale),
						notSure: f.notSure ? m.report_not_sure_tag({}, { locale }) : '',
						title: f.title
					},
					{ locale }
				)
			),
			{ numbered: true }
		);
		if (result.findings.length > top.length) {
			w.paragraph(m.report_every_finding_pointer({}, { locale }), {
				size: SIZES.small,
				color: COLORS.muted
			});
		}
	}

	w.heading(m.report_roaming_exposure_heading({}, { locale }), 2);
	const exposed = exposedCountries(result.roaming);
	if (exposed.length === 0) {
		w.paragraph(m.report_roaming_exposure_none({}, { locale }));
	} else {
		w.list(exposed.map((r) => roamingLine(r, locale)));
	}

	if (result.conflicts.length > 0) {
		w.heading(m.report_conflicts_heading({}, { locale }), 2);
		w.list(
			result.conflicts.map((c) =>
				m.report_conflict_line(
					{ message: c.message, claim: c.claim.label, contradictedBy: c.contradictedBy.label },
					{ locale }
				)
			)
		);
	}

	w.heading(m.report_costs_heading({}, { locale }), 2);
	const cost = result.switchingCost;
	w.paragraph(`${costHeadline(cost, locale)}:`, { bold: true });
	w.list(
		cost.lines
			.filter((line) => line.applies)
			.map((line) =>
				(line.assumed ? m.report_cost_line_assumed : m.report_cost_line)(
					{ label: line.label, amount: money(cost.currency, line.amount, locale) },
					{ locale }
				)
			)
	);
	w.paragraph(m.report_costs_pointer({}, { locale }), {
		size: SIZES.small,
		color: COLORS.muted
	});

	w.heading(m.report_next_steps({}, { locale }), 2);
	w.list(nextSteps(result, locale), { numbered: true });
}
