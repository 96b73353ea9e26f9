import { localProfileQuestionId } from '../assessment/local-profiles';
import { KIND_PHRASE } from '../rules/restrictions';
import { LOCAL_PROFILE_OPTIONS, NOT_SURE, type Question, type Ruleset } from '../rules/schema';
import { notSureRisk } from '../scoring/answers';
import { ratingFor } from '../scoring/score';
import type { AreaScore, RoamingExposure } from '../scoring/types';
import { answerRiskSentence, notSureRiskSentence } from '../text/answer-words';
import { fill } from '../text/template';
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
	// "Not sure" as scored: from 2.0.0 on never worse than the question's worst answer.
	if (option === NOT_SURE)
		return { label: ruleset.notSure.label, risk: notSureRisk(ruleset, question), notSure: true };
	const chosen = question.options.find((o) => o.id === option);
	return chosen
		? { label: chosen.label, risk: chosen.risk, notSure: false }
		: { label: 'Not answered', risk: null, notSure: false };
}

/** The same words as under the answer on the questionnaire. */
function riskText(answer: AnswerView): string {
	if (answer.risk === null) return 'Not scored until answered; the provisional range covers it.';
	return answer.notSure ? notSureRiskSentence(answer.risk) : answerRiskSentence(answer.risk);
}

function recommendationText(ruleset: Ruleset, question: Question, answer: AnswerView): string {
	if (answer.risk === null || answer.notSure || answer.risk >= ruleset.findingRiskThreshold) {
		return question.recommendation;
	}
	if (answer.risk === 0)
		return 'None needed: this answer keeps you free to leave. Keep it in the contract.';
	return `Optional: ${question.recommendation}`;
}

function areaLine(score: AreaScore | undefined): string {
	if (!score || score.score === null)
		return 'Not scored yet: no question in this area is answered.';
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
	const conflict = ctx.result.conflicts.find((c) => c.claim.questionId === question.id);
	if (conflict) {
		// A contradicted claim is scored as "not sure": it must not read as flexible here.
		w.paragraph(
			`This answer contradicts “${conflict.contradictedBy.label}”, so it counts as not sure until one of them is corrected. ${conflict.message}`,
			{ color: COLORS.high },
			{ indent: 6, after: 1.2 }
		);
	} else {
		const rating =
			answer.risk === null ? null : ratingFor(answer.risk * 100, ruleset.ratingThresholds);
		w.paragraph(riskText(answer), { color: ratingColor(rating) }, { indent: 6, after: 1.2 });
	}
	if (note) {
		w.labelled('Note', note, { size: SIZES.small }, { indent: 6, after: 1.2 });
	}
	w.labelled(
		'Recommendation',
		conflict
			? 'Check both answers with the vendor and correct the one that is wrong; until then this counts as a risk.'
			: recommendationText(ruleset, question, answer),
		{ size: SIZES.small },
		{ indent: 6, after: 2 }
	);
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
		if (ruleset.localProfiles?.area === area.id)
			drawLocalProfiles(ctx, number, area.questions.length);
	}
}

/**
 * The per-country local-profile questions (ruleset 2.0.0 on), one per deployment country whose
 * rule restricts roaming, with the answer and what it means for that country.
 */
function drawLocalProfiles(ctx: ReportContext, number: number, after: number) {
	const { w, ruleset, assessment, result } = ctx;
	const template = ruleset.localProfiles;
	const asked = result.roaming.filter(
		(r): r is RoamingExposure & { localProfile: NonNullable<RoamingExposure['localProfile']> } =>
			r.localProfile !== null
	);
	if (!template || asked.length === 0) return;
	w.heading('Local profiles, country by country', 3);
	asked.forEach((exposure, i) => {
		const values = { country: exposure.name, kind: KIND_PHRASE[exposure.kind] };
		const given = assessment.answers[localProfileQuestionId(exposure.country)];
		const option = LOCAL_PROFILE_OPTIONS.find((o) => o === given?.option);
		const label =
			given?.option === NOT_SURE
				? ruleset.notSure.label
				: option
					? fill(template.options[option].label, values)
					: 'Not answered';
		const note = ctx.includeNotes && given?.note ? cleanText(given.note).trim() : '';
		w.ensure(24);
		w.paragraph(
			`${number}.${after + i + 1}  ${fill(template.text, values)}`,
			{ size: SIZES.h3, bold: true },
			{ after: 1.2 }
		);
		w.paragraph(`Answer: ${label}`, { bold: label !== 'Not answered' }, { indent: 6, after: 0.6 });
		w.paragraph(
			exposure.mitigationNote,
			{ color: exposure.mitigated ? COLORS.ink : COLORS.critical },
			{ indent: 6, after: 1.2 }
		);
		if (note) w.labelled('Note', note, { size: SIZES.small }, { indent: 6, after: 1.2 });
		w.labelled(
			'Recommendation',
			fill(template.recommendation, values),
			{ size: SIZES.small },
			{ indent: 6, after: 3 }
		);
	});
}
