import type { Answer } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { NOT_SURE, type Question, type Ruleset } from '../rules/schema';
import type { AnswerConflict } from './types';

/**
 * "Not sure" counts as a risk, but from ruleset 2.0.0 on never as worse than the question's worst
 * answer: confirming the worst answer must not improve the score.
 */
export function notSureRisk(ruleset: Ruleset, question: Pick<Question, 'options'>): number {
	if (!ruleset.notSure.capAtWorstOption) return ruleset.notSure.risk;
	return Math.min(ruleset.notSure.risk, Math.max(...question.options.map((o) => o.risk)));
}

/** Answer pairs that cannot both be true, among the answers given. */
export function findConflicts(rules: Rules, answers: Record<string, Answer>): AnswerConflict[] {
	const found: AnswerConflict[] = [];
	for (const conflict of rules.ruleset.conflicts) {
		const claim = answers[conflict.claim.question]?.option;
		const against = answers[conflict.contradictedBy.question]?.option;
		if (!claim || !against) continue;
		if (!conflict.claim.options.includes(claim) || !conflict.contradictedBy.options.includes(against)) continue;
		const label = (questionId: string, option: string) =>
			rules.questionsById.get(questionId)?.options.find((o) => o.id === option)?.label ?? option;
		found.push({
			id: conflict.id,
			claim: { questionId: conflict.claim.question, option: claim, label: label(conflict.claim.question, claim) },
			contradictedBy: {
				questionId: conflict.contradictedBy.question,
				option: against,
				label: label(conflict.contradictedBy.question, against)
			},
			message: conflict.message
		});
	}
	return found;
}

/**
 * The answers as they are scored: a claim another answer contradicts counts as "not sure" (it
 * stays on the ask-the-vendor list) until the buyer resolves it. Notes are kept.
 */
export function scoredAnswers(
	answers: Record<string, Answer>,
	conflicts: readonly AnswerConflict[]
): { answers: Record<string, Answer>; doubted: Set<string> } {
	const doubted = new Set(conflicts.map((c) => c.claim.questionId));
	if (doubted.size === 0) return { answers, doubted };
	const scored = { ...answers };
	for (const id of doubted) scored[id] = { ...scored[id], option: NOT_SURE };
	return { answers: scored, doubted };
}
