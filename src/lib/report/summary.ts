import type { ScoreResult } from '../scoring/types';
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

/** What to do next, most urgent first, from what the result shows. */
export function nextSteps(result: ScoreResult): string[] {
	const steps: string[] = [];
	const critical = result.roaming.filter((r) => r.severity === 'critical');
	if (critical.length > 0) {
		steps.push(
			`Before deploying in ${critical.map((r) => r.name).join(', ')}, require local operator profiles (eUICC) for ${critical.length === 1 ? 'that country' : 'those countries'} in the contract, with a date.`
		);
	}
	if (result.askVendor.length > 0) {
		steps.push(
			`Send the vendor ${result.askVendor.length === 1 ? 'the question' : `the ${count(result.askVendor.length)} questions`} in "Ask the vendor" as an RFP clarification round, and re-score the offer with the written answers.`
		);
	}
	for (const finding of result.findings.filter((f) => f.kind === 'answer' && !f.notSure).slice(0, 3)) {
		steps.push(finding.recommendation);
	}
	const gaps = result.architecture.filter((a) => a.status !== 'met').length;
	if (gaps > 0) {
		steps.push(
			`Close the gaps to the recommended architecture: ${gaps} of its ${result.architecture.length} elements are missing or only partly met (see "Recommended architecture against this offer").`
		);
	}
	const open = result.completeness.total - result.completeness.answered;
	if (open > 0) {
		steps.push(`Answer the ${plural(open, 'open question', 'open questions')}: until then the score is provisional.`);
	}
	if (steps.length === 0) {
		steps.push('Keep the flexible terms found here in the signed contract, and re-assess at renewal.');
	}
	return steps.slice(0, 5);
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
	w.line(`${Math.round(score)}/100`, w.left + 5, w.y + 5, { size: 20, bold: true, color: ratingColor(rating) });
	w.line('0 = free to leave', w.left + 5, w.y + 15, { size: 6.5, color: COLORS.muted });
	w.line('100 = locked in', w.left + 5, w.y + 18, { size: 6.5, color: COLORS.muted });
	w.line(meaning.headline, w.left + 46, w.y + 4, { size: SIZES.h2, bold: true, color: ratingColor(rating) });
	lines.forEach((line, i) => w.line(line, w.left + 46, w.y + 10.5 + i * lineHeight(SIZES.body)));
	w.y += height + 4;
}

/** Overall score in plain words, top risks, critical roaming, switching cost and next steps. */
export function drawSummary(ctx: ReportContext) {
	const { w, result, assessment } = ctx;
	openSection(ctx, 'Executive summary');
	w.paragraph(
		`We assessed ${assessment.vendor ? `the offer from ${assessment.vendor}` : 'the connectivity offer'} for ${assessment.organisation || 'the client'}: how hard and costly it would be to leave the provider later, and whether devices keep working in every deployment country.`
	);
	verdict(ctx);
	if (result.overall.raisedBy) {
		w.paragraph(
			`Rated critical because of permanent roaming: ${result.overall.raisedBy}. The answers alone score ${Math.round(result.overall.answersScore)}/100.`,
			{ bold: true, color: COLORS.critical }
		);
	}
	if (result.overall.provisional) {
		w.paragraph(
			`Provisional: ${count(result.completeness.answered)} of ${count(result.completeness.total)} questions are answered. Open questions are not scored, so the final score may differ.`,
			{ color: COLORS.muted }
		);
	}

	w.heading('Top risks', 2);
	const top = result.findings.slice(0, TOP_RISKS);
	if (top.length === 0) {
		w.paragraph('No risky answers: nothing in the offer, as answered, ties you to the provider.');
	} else {
		w.list(
			top.map((f) => `${SEVERITY_WORD[f.severity]}${f.notSure ? ' (not sure)' : ''}: ${f.title}`),
			{ numbered: true }
		);
		if (result.findings.length > top.length) {
			w.paragraph(
				`${plural(result.findings.length - top.length, 'further finding is', 'further findings are')} listed in the area sections.`,
				{ size: SIZES.small, color: COLORS.muted }
			);
		}
	}

	w.heading('Critical roaming findings', 2);
	const critical = result.roaming.filter((r) => r.severity === 'critical');
	if (critical.length === 0) {
		w.paragraph(
			'None: in every deployment country this offer either meets the permanent-roaming rules or none are known. Appendix A lists each country.'
		);
	} else {
		w.list(
			critical.map(
				(r) => `${r.name} (${plural(r.devices, 'device', 'devices')}): ${r.whatHappens} ${r.mitigationNote}`
			)
		);
	}

	w.heading('Cost to switch provider', 2);
	const cost = result.switchingCost;
	w.paragraph(`Estimated ${money(cost.currency, cost.total)} to move this fleet to another provider:`, {
		bold: true
	});
	w.list(
		cost.lines
			.filter((line) => line.applies)
			.map((line) => `${line.label}: ${money(cost.currency, line.amount)}`)
	);
	w.paragraph('The formulas are in "Cost to switch provider"; every assumption is in Appendix B.', {
		size: SIZES.small,
		color: COLORS.muted
	});

	w.heading('Next steps', 2);
	w.list(nextSteps(result), { numbered: true });
}
