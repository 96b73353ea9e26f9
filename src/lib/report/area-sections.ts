import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { localProfileQuestionId } from '../assessment/local-profiles';
import { kindPhrase } from '../rules/restrictions';
import { LOCAL_PROFILE_OPTIONS, NOT_SURE, type Question, type Ruleset } from '../rules/schema';
import { notSureRisk } from '../scoring/answers';
import { ratingFor } from '../scoring/score';
import type { AreaScore, RoamingExposure } from '../scoring/types';
import { fill } from '../text/template';
import { openSection, type ReportContext, reportLocale } from './context';
import { COLORS, SIZES } from './theme';
import { cleanText } from './text';
import { answerRiskSentence, notSureRiskSentence } from '../text/answer-words';
import { ratingColor, ratingWord } from './wording';

interface AnswerView {
	label: string;
	risk: number | null;
	notSure: boolean;
}

/** The chosen answer in words, with its risk; null risk when unanswered (or answered to a retired option). */
function answerOf(
	ruleset: Ruleset,
	question: Question,
	option: string | undefined,
	locale: Locale
): AnswerView {
	// "Not sure" as scored: from 2.0.0 on never worse than the question's worst answer.
	if (option === NOT_SURE)
		return { label: ruleset.notSure.label, risk: notSureRisk(ruleset, question), notSure: true };
	const chosen = question.options.find((o) => o.id === option);
	return chosen
		? { label: chosen.label, risk: chosen.risk, notSure: false }
		: { label: m.report_not_answered({}, { locale }), risk: null, notSure: false };
}

/** The same words as under the answer on the questionnaire. */
function riskText(answer: AnswerView, locale: Locale): string {
	if (answer.risk === null) return m.report_not_scored_until_answered({}, { locale });
	return answer.notSure
		? notSureRiskSentence(answer.risk, locale)
		: answerRiskSentence(answer.risk, locale);
}

function recommendationText(
	ruleset: Ruleset,
	question: Question,
	answer: AnswerView,
	locale: Locale
): string {
	if (answer.risk === null || answer.notSure || answer.risk >= ruleset.findingRiskThreshold) {
		return question.recommendation;
	}
	if (answer.risk === 0) return m.report_recommendation_none_needed({}, { locale });
	return m.report_recommendation_optional({ recommendation: question.recommendation }, { locale });
}

function areaLine(score: AreaScore | undefined, locale: Locale): string {
	if (!score || score.score === null) return m.report_area_not_scored({}, { locale });
	const line = m.report_area_line(
		{
			score: String(Math.round(score.score)),
			rating: score.rating ? ratingWord(score.rating, locale) : '',
			answered: String(score.answered),
			total: String(score.total)
		},
		{ locale }
	);
	return score.notSure
		? m.report_area_line_not_sure({ line, notSure: String(score.notSure) }, { locale })
		: line;
}

function drawQuestion(ctx: ReportContext, question: Question, number: string) {
	const { w, doc, ruleset, assessment } = ctx;
	const locale = reportLocale(ctx);
	const given = assessment.answers[question.id];
	const answer = answerOf(ruleset, question, given?.option, locale);
	const note = ctx.includeNotes && given?.note ? cleanText(given.note).trim() : '';

	// Keep the question with its answer and risk.
	w.ensure(28);
	w.paragraph(`${number}  ${question.text}`, { size: SIZES.h3, bold: true }, { after: 1.2 });
	w.paragraph(
		m.report_answer({ answer: answer.label }, { locale }),
		{ bold: answer.risk !== null },
		{ indent: 6, after: 0.6 }
	);
	const conflict = ctx.result.conflicts.find((c) => c.claim.questionId === question.id);
	if (conflict) {
		// A contradicted claim is scored as "not sure": it must not read as flexible here.
		w.paragraph(
			m.report_answer_contradicted(
				{ contradictedBy: conflict.contradictedBy.label, message: conflict.message },
				{ locale }
			),
			{ color: COLORS.high },
			{ indent: 6, after: 1.2 }
		);
	} else {
		const rating =
			answer.risk === null ? null : ratingFor(answer.risk * 100, ruleset.ratingThresholds);
		w.paragraph(
			riskText(answer, locale),
			{ color: ratingColor(rating) },
			{ indent: 6, after: 1.2 }
		);
	}
	if (note) {
		w.labelled(
			m.report_note({}, { locale }),
			note,
			{ size: SIZES.small },
			{ indent: 6, after: 1.2 }
		);
	}
	w.labelled(
		m.report_recommendation({}, { locale }),
		conflict
			? m.report_recommendation_conflict({}, { locale })
			: recommendationText(ruleset, question, answer, locale),
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
	const locale = reportLocale(ctx);
	for (const area of ruleset.areas) {
		const number = ctx.numbered.next;
		openSection(ctx, area.title);
		const score = result.areas.find((a) => a.id === area.id);
		w.paragraph(areaLine(score, locale), {
			bold: true,
			color: ratingColor(score?.rating ?? null)
		});
		w.paragraph(area.summary, { color: COLORS.muted });
		w.labelled(m.report_locks_you_in({}, { locale }), area.locksIn, { size: SIZES.small });
		w.labelled(
			m.report_keeps_you_flexible({}, { locale }),
			area.keepsFlexible,
			{ size: SIZES.small },
			{ after: 4 }
		);
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
	const locale = reportLocale(ctx);
	const template = ruleset.localProfiles;
	const notAnswered = m.report_not_answered({}, { locale });
	const asked = result.roaming.filter(
		(r): r is RoamingExposure & { localProfile: NonNullable<RoamingExposure['localProfile']> } =>
			r.localProfile !== null
	);
	if (!template || asked.length === 0) return;
	w.heading(m.report_local_profiles_heading({}, { locale }), 3);
	asked.forEach((exposure, i) => {
		const values = { country: exposure.name, kind: kindPhrase(exposure.kind, locale) };
		const given = assessment.answers[localProfileQuestionId(exposure.country)];
		const option = LOCAL_PROFILE_OPTIONS.find((o) => o === given?.option);
		const label =
			given?.option === NOT_SURE
				? ruleset.notSure.label
				: option
					? fill(template.options[option].label, values)
					: notAnswered;
		const note = ctx.includeNotes && given?.note ? cleanText(given.note).trim() : '';
		w.ensure(24);
		w.paragraph(
			`${number}.${after + i + 1}  ${fill(template.text, values)}`,
			{ size: SIZES.h3, bold: true },
			{ after: 1.2 }
		);
		w.paragraph(
			m.report_answer({ answer: label }, { locale }),
			{ bold: label !== notAnswered },
			{ indent: 6, after: 0.6 }
		);
		w.paragraph(
			exposure.mitigationNote,
			{ color: exposure.mitigated ? COLORS.ink : COLORS.critical },
			{ indent: 6, after: 1.2 }
		);
		if (note)
			w.labelled(
				m.report_note({}, { locale }),
				note,
				{ size: SIZES.small },
				{ indent: 6, after: 1.2 }
			);
		w.labelled(
			m.report_recommendation({}, { locale }),
			fill(template.recommendation, values),
			{ size: SIZES.small },
			{ indent: 6, after: 3 }
		);
	});
}
