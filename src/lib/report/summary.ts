import type { ScoreResult } from '../scoring/types';
import { exposedCountries, roamingLine } from '../text/roaming-words';
import {
	costAssumedNote,
	costHeadline,
	floorGroups,
	floorLine,
	provisionalLine,
	provisionalMeaning,
	ratingExplanation
} from '../text/verdict';
import { openSection, type ReportContext } from './context';
import { lineHeight } from './layout';
import { COLORS, SIZES } from './theme';
import {
	count,
	money,
	plural,
	RATING_MEANING,
	ratingBackground,
	ratingColor,
	SEVERITY_WORD
} from './wording';

const TOP_RISKS = 5;
const MAX_STEPS = 6;

/**
 * What to do next, most urgent first, from what the result shows: contradictions to clear, the
 * recommendations of the most severe findings (roaming ones included), the vendor questions and
 * the open questions. Nothing here is said unless the result says it.
 */
export function nextSteps(result: ScoreResult): string[] {
	const steps: string[] = [];
	if (result.conflicts.length > 0) {
		steps.push(
			`Clear up ${plural(result.conflicts.length, 'pair of answers that contradict', 'pairs of answers that contradict')} each other with the vendor (see "Answers that contradict each other"); until then the doubted answer counts as "not sure".`
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
			`Send the vendor ${result.askVendor.length === 1 ? 'the question' : `the ${count(result.askVendor.length)} questions`} in "Ask the vendor" as an RFP clarification round, and re-score the offer with the written answers.`
		);
	}
	const open = result.completeness.total - result.completeness.answered;
	if (open > 0) {
		const range = result.overall.range;
		steps.push(
			`Answer the ${plural(open, 'open question', 'open questions')}: until then the rating is provisional${range ? ` and the score could lie anywhere from ${Math.round(range[0])} to ${Math.round(range[1])}` : ''}.`
		);
	}
	if (steps.length === 0) {
		steps.push(
			'Keep the flexible terms found here in the signed contract, and re-assess at renewal.'
		);
	}
	return steps.slice(0, MAX_STEPS);
}

function verdict(ctx: ReportContext) {
	const { w, doc, result } = ctx;
	const { rating, score } = result.overall;
	const meaning = RATING_MEANING[rating];
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
	w.line('0 = free to leave', w.left + 5, w.y + 15, { size: 6.5, color: COLORS.muted });
	w.line('100 = locked in', w.left + 5, w.y + 18, { size: 6.5, color: COLORS.muted });
	w.line(
		`${meaning.headline}${result.overall.provisional ? ' so far' : ''}`,
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
	const provisional = provisionalLine(result, 'en');
	if (provisional) {
		w.paragraph(`${provisional}. ${provisionalMeaning(result, 'en') ?? ''}`.trim(), { bold: true });
	}
	const cost = result.switchingCost;
	w.paragraph(`${costHeadline(cost, 'en')}.`, { bold: true });
	const assumed = costAssumedNote(cost, 'en');
	if (assumed) w.paragraph(assumed, { size: SIZES.small, color: COLORS.muted });

	w.heading('Why this rating', 2);
	w.paragraph(ratingExplanation(result, 'en'));
	const floors = floorGroups(result);
	if (floors.raising.length)
		w.list(
			floors.raising.map((f) => floorLine(f, 'en')),
			{ style: { bold: true } }
		);
	if (floors.met.length) {
		w.paragraph('Also holding the rating at least where it is:', {
			size: SIZES.small,
			color: COLORS.muted
		});
		w.list(
			floors.met.map((f) => floorLine(f, 'en')),
			{ style: { size: SIZES.small } }
		);
	}
}

/** Overall score in plain words, why, top risks, roaming, contradictions, cost and next steps. */
export function drawSummary(ctx: ReportContext) {
	const { w, result, assessment } = ctx;
	openSection(ctx, 'Executive summary');
	w.paragraph(
		`We assessed ${assessment.vendor ? `the offer from ${assessment.vendor}` : 'the connectivity offer'} for ${assessment.organisation || 'the client'}: how hard and costly it would be to leave the provider later, and whether devices keep working in every deployment country.`
	);
	verdict(ctx);
	besideTheRating(ctx);

	w.heading('Top risks', 2);
	const top = result.findings.filter((f) => f.kind !== 'conflict').slice(0, TOP_RISKS);
	if (top.length === 0) {
		w.paragraph('No risky answers: nothing in the offer, as answered, ties you to the provider.');
	} else {
		w.list(
			top.map((f) => `${SEVERITY_WORD[f.severity]}${f.notSure ? ' (not sure)' : ''}: ${f.title}`),
			{ numbered: true }
		);
		if (result.findings.length > top.length) {
			w.paragraph('Every finding, grouped by severity, is in "Findings and recommendations".', {
				size: SIZES.small,
				color: COLORS.muted
			});
		}
	}

	w.heading('Permanent-roaming exposure', 2);
	const exposed = exposedCountries(result.roaming);
	if (exposed.length === 0) {
		w.paragraph(
			'None: in every deployment country this offer either meets the permanent-roaming rules or none are known. Appendix A lists each country.'
		);
	} else {
		w.list(exposed.map((r) => roamingLine(r, 'en')));
	}

	if (result.conflicts.length > 0) {
		w.heading('Answers that contradict each other', 2);
		w.list(
			result.conflicts.map(
				(c) =>
					`${c.message} Answers: "${c.claim.label}" and "${c.contradictedBy.label}"; the first counts as "not sure" until one is corrected.`
			)
		);
	}

	w.heading('Cost to switch provider', 2);
	const cost = result.switchingCost;
	w.paragraph(`${costHeadline(cost, 'en')}:`, { bold: true });
	w.list(
		cost.lines
			.filter((line) => line.applies)
			.map(
				(line) =>
					`${line.label}: ${money(cost.currency, line.amount)} at the values used${line.assumed ? ' (rests on open questions, not on answers)' : ''}`
			)
	);
	w.paragraph(
		'The formulas are in "Cost to switch provider"; every assumption, with its range, is in Appendix B.',
		{
			size: SIZES.small,
			color: COLORS.muted
		}
	);

	w.heading('Next steps', 2);
	w.list(nextSteps(result), { numbered: true });
}
