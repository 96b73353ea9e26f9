/**
 * Answer pairs that cannot both be true, checked where the buyer answers: on the server for the
 * page as saved, and in the browser as answers change, with the scorer's own `detectConflicts`.
 */
import { detectConflicts } from '$lib/scoring/answers';
import type { Conflict } from '$lib/rules/schema';
import type { AnswerConflict } from '$lib/scoring/types';

export type ConflictRule = Conflict;

/** What the page needs to name a question and an answer the user may not see on this step. */
export interface ConflictQuestion {
	id: string;
	text: string;
	/** The step the question is on, to link to it when it is not this one. */
	areaId: string;
	areaTitle: string;
	options: { id: string; label: string }[];
}

export type PageConflict = AnswerConflict;

/** The conflicts among the answers given, in the order of the rules (as the scorer finds them). */
export function pageConflicts(
	rules: readonly ConflictRule[],
	questions: Readonly<Record<string, ConflictQuestion>>,
	options: Readonly<Record<string, string | undefined>>
): PageConflict[] {
	const answers = Object.fromEntries(
		Object.entries(options).map(([id, option]) => [id, { option }])
	);
	return detectConflicts(
		rules,
		answers,
		(questionId, option) =>
			questions[questionId]?.options.find((o) => o.id === option)?.label ?? option
	);
}
