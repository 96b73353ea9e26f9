import type { Answer } from '../assessment/schema';
import { NOT_SURE } from '../rules/constants';
import type { Rules } from '../rules/load';
import type { Conflict, Ruleset } from '../rules/schema';
import type { AnswerConflict } from './types';

// No zod here (type imports only): the questionnaire runs these checks in the browser too.

/**
 * "Not sure" counts as a risk, but from ruleset 2.0.0 on never as worse than the question's worst
 * answer: confirming the worst answer must not improve the score.
 */
export function notSureRisk(
	ruleset: Pick<Ruleset, 'notSure'>,
	question: { options: readonly { risk: number }[] }
): number {
	if (!ruleset.notSure.capAtWorstOption) return ruleset.notSure.risk;
	return Math.min(ruleset.notSure.risk, Math.max(...question.options.map((o) => o.risk)));
}

/** Answer pairs that cannot both be true, among the answers given. */
export function findConflicts(
	rules: Rules,
	answers: Readonly<Record<string, Answer>>
): AnswerConflict[] {
	const localOptions = rules.ruleset.localProfiles?.options as
		Record<string, { label: string }> | undefined;
	return detectConflicts(rules.ruleset.conflicts, answers, (questionId, option) =>
		LOCAL_PROFILE_QUESTION.test(questionId)
			? (localOptions?.[option]?.label ?? option)
			: (rules.questionsById.get(questionId)?.options.find((o) => o.id === option)?.label ?? option)
	);
}

const LOCAL_PROFILE_QUESTION = /^local_profile_[a-z]{2}$/;

/** The questions a conflict's claim names: one, or every per-country question answered. */
function claimedQuestions(question: string, answers: Readonly<Record<string, unknown>>): string[] {
	return question === 'local_profile_*'
		? Object.keys(answers)
				.filter((id) => LOCAL_PROFILE_QUESTION.test(id))
				.sort()
		: [question];
}

/** The same check over plain data: the conflict rules, the answers, and how to name an answer. */
export function detectConflicts(
	rules: readonly Conflict[],
	answers: Readonly<Record<string, Pick<Answer, 'option'> | undefined>>,
	label: (questionId: string, option: string) => string
): AnswerConflict[] {
	const found: AnswerConflict[] = [];
	for (const conflict of rules) {
		const against = answers[conflict.contradictedBy.question]?.option;
		if (!against || !conflict.contradictedBy.options.includes(against)) continue;
		for (const questionId of claimedQuestions(conflict.claim.question, answers)) {
			const claim = answers[questionId]?.option;
			if (!claim || !conflict.claim.options.includes(claim)) continue;
			found.push({
				id: conflict.id,
				claim: { questionId, option: claim, label: label(questionId, claim) },
				contradictedBy: {
					questionId: conflict.contradictedBy.question,
					option: against,
					label: label(conflict.contradictedBy.question, against)
				},
				message: conflict.message
			});
		}
	}
	return found;
}

/**
 * The answers as they are scored. A claim another answer contradicts counts as "not sure" (it stays
 * on the ask-the-vendor list and proves nothing) until the buyer resolves it. Its risk is that of
 * "not sure", but never above the most flexible answer the other answers leave possible: correcting
 * the claim to a riskier, consistent answer must not lower the score (and the provisional range,
 * which fills open questions with their best answers, stays the true minimum). Notes are kept.
 */
export function scoredAnswers(
	rules: Pick<Rules, 'ruleset' | 'questionsById'>,
	answers: Record<string, Answer>,
	conflicts: readonly AnswerConflict[]
): { answers: Record<string, Answer>; doubted: Map<string, number> } {
	const doubted = new Map<string, number>();
	if (conflicts.length === 0) return { answers, doubted };
	const scored = { ...answers };
	const excluded = new Map<string, Set<string>>();
	for (const conflict of conflicts) {
		const rule = rules.ruleset.conflicts.find((c) => c.id === conflict.id);
		// A per-country local-profile claim only counts as "not sure": the roaming check reads it.
		const set = excluded.get(conflict.claim.questionId) ?? new Set<string>();
		for (const option of rule?.claim.options ?? [conflict.claim.option]) set.add(option);
		excluded.set(conflict.claim.questionId, set);
	}
	for (const [questionId, claims] of excluded) {
		const question = rules.questionsById.get(questionId);
		scored[questionId] = { ...scored[questionId], option: NOT_SURE };
		if (!question) continue;
		const consistent = question.options.filter((o) => !claims.has(o.id)).map((o) => o.risk);
		const unsure = notSureRisk(rules.ruleset, question);
		doubted.set(questionId, consistent.length > 0 ? Math.min(unsure, ...consistent) : unsure);
	}
	return { answers: scored, doubted };
}
