import { NOT_SURE, type Question, type Ruleset } from '../rules/schema';
import { ratingFor } from '../scoring/score';
import type { AreaScore } from '../scoring/types';
import { openSection, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import { cleanText } from './text';
import { RATING_WORD, ratingColor } from './wording';

interface AnswerView {
	label: string;
	risk: number | null;
	notSure: boolean;
}

/** The chosen answer in words, with its risk; null risk when unanswered (or answered to a retired option). */
function answerOf(ruleset: Ruleset, question: Question, option: string | undefined): AnswerView {
	if (option === NOT_SURE) return { label: ruleset.notSure.label, risk: ruleset.notSure.risk, notSure: true };
	const chosen = question.options.find((o) => o.id === option);
	return chosen
		? { label: chosen.label, risk: chosen.risk, notSure: false }
		: { label: 'Not answered', risk: null, notSure: false };
}

function riskText(ruleset: Ruleset, answer: AnswerView): string {
	if (answer.risk === null) return 'Not scored until answered';
	const score = Math.round(answer.risk * 100);
	const word = RATING_WORD[ratingFor(score, ruleset.ratingThresholds)];
	return `${word} (${score}/100)${answer.notSure ? ', counted as a risk until the vendor answers' : ''}`;
}

function recommendationText(ruleset: Ruleset, question: Question, answer: AnswerView): string {
	if (answer.risk === null || answer.notSure || answer.risk >= ruleset.findingRiskThreshold) {
		return question.recommendation;
	}
	if (answer.risk === 0) return 'None needed: this answer keeps you free to leave. Keep it in the contract.';
	return `Optional: ${question.recommendation}`;
}

function areaLine(score: AreaScore | undefined): string {
	if (!score || score.score === null) return 'Not scored yet: no question in this area is answered.';
	const rating = score.rating ? RATING_WORD[score.rating] : '';
	const notSure = score.notSure ? `, ${score.notSure} not sure` : '';
	return `Score ${Math.round(score.score)}/100 · ${rating} · ${score.answered} of ${score.total} answered${notSure}`;
}

function drawQuestion(ctx: ReportContext, question: Question, number: string) {
	const { w, doc, ruleset, assessment } = ctx;
	const given = assessment.answers[question.id];
	const answer = answerOf(ruleset, question, given?.option);
	const note = ctx.includeNotes && given?.note ? cleanText(given.note).trim() : '';

	// Keep the question with its answer and risk.
	w.ensure(28);
	w.paragraph(`${number}  ${question.text}`, { size: SIZES.h3, bold: true }, { after: 1.2 });
	w.paragraph(`Answer: ${answer.label}`, { bold: answer.risk !== null }, { indent: 6, after: 0.6 });
	const rating = answer.risk === null ? null : ratingFor(answer.risk * 100, ruleset.ratingThresholds);
	w.paragraph(`Risk: ${riskText(ruleset, answer)}`, { color: ratingColor(rating) }, { indent: 6, after: 1.2 });
	if (note) {
		w.labelled('Note', note, { size: SIZES.small }, { indent: 6, after: 1.2 });
	}
	w.labelled('Recommendation', recommendationText(ruleset, question, answer), { size: SIZES.small }, { indent: 6, after: 2 });
	doc.setDrawColor(COLORS.line);
	doc.setLineWidth(0.2);
	if (w.y + 2 < w.limit) doc.line(w.left, w.y, w.left + w.width, w.y);
	w.space(3);
}

/** One section per area: what it is about, its score, then every question with answer, risk, note and recommendation. */
export function drawAreaSections(ctx: ReportContext) {
	const { w, ruleset, result } = ctx;
	for (const area of ruleset.areas) {
		const number = ctx.numbered.next;
		openSection(ctx, area.title);
		const score = result.areas.find((a) => a.id === area.id);
		w.paragraph(areaLine(score), { bold: true, color: ratingColor(score?.rating ?? null) });
		w.paragraph(area.summary, { color: COLORS.muted });
		w.labelled('Locks you in', area.locksIn, { size: SIZES.small });
		w.labelled('Keeps you flexible', area.keepsFlexible, { size: SIZES.small }, { after: 4 });
		area.questions.forEach((question, i) => drawQuestion(ctx, question, `${number}.${i + 1}`));
	}
}
