import { NOT_SURE } from '../rules/constants';
import { notSureRisk } from '../scoring/answers';
import type { Rules } from '../rules/load';
import { localProfileQuestions } from './local-profiles';
import type { Answer } from './schema';

export interface AnswerRow {
	questionId: string;
	question: string;
	answer: string | null;
	risk: number | null;
	notSure: boolean;
	note: string | null;
	recommendation: string;
}

export interface AnswerSection {
	areaId: string;
	title: string;
	rows: AnswerRow[];
}

/**
 * Every question with the answer given and the note taken, area by area, for review and export.
 * The per-country local-profile questions (ruleset 2.0.0 on) follow their area's own questions.
 */
export function answerTable(
	rules: Rules,
	answers: Record<string, Answer>,
	countries: readonly string[]
): AnswerSection[] {
	const { ruleset } = rules;
	const localQuestions = localProfileQuestions(rules, countries);
	return ruleset.areas.map((area) => {
		const asked = ruleset.localProfiles?.area === area.id ? localQuestions : [];
		return {
			areaId: area.id,
			title: area.title,
			rows: [...area.questions, ...asked].map((question) => {
				const given = answers[question.id];
				const notSure = given?.option === NOT_SURE;
				const option = question.options.find((o) => o.id === given?.option);
				return {
					questionId: question.id,
					question: question.text,
					answer: notSure ? ruleset.notSure.label : (option?.label ?? null),
					risk: notSure ? notSureRisk(ruleset, question) : (option?.risk ?? null),
					notSure,
					note: given?.note ?? null,
					recommendation: question.recommendation
				};
			})
		};
	});
}
