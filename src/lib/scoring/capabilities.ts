import type { Answer } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { NOT_SURE, type Capability } from '../rules/schema';

export interface OfferCapabilities {
	/** Capabilities an answer confirms. */
	proven: Set<Capability>;
	/** Capabilities a "not sure" answer leaves open: some option of that question would provide them. */
	unconfirmed: Set<Capability>;
	/** Capabilities a question not answered yet could still prove. */
	unanswered: Set<Capability>;
}

/** What the offer demonstrably has, read from the options the buyer chose. */
export function offerCapabilities(
	rules: Rules,
	answers: Record<string, Answer>
): OfferCapabilities {
	const proven = new Set<Capability>();
	const unconfirmed = new Set<Capability>();
	const unanswered = new Set<Capability>();
	for (const [questionId, question] of rules.questionsById) {
		const option = answers[questionId]?.option;
		if (
			option === undefined ||
			(option !== NOT_SURE && !question.options.some((o) => o.id === option))
		) {
			for (const o of question.options) for (const c of o.provides) unanswered.add(c);
		}
	}
	for (const [questionId, answer] of Object.entries(answers)) {
		const question = rules.questionsById.get(questionId);
		if (!question) continue;
		if (answer.option === NOT_SURE) {
			for (const option of question.options) for (const c of option.provides) unconfirmed.add(c);
			continue;
		}
		const option = question.options.find((o) => o.id === answer.option);
		for (const c of option?.provides ?? []) proven.add(c);
	}
	for (const c of proven) {
		unconfirmed.delete(c);
		unanswered.delete(c);
	}
	return { proven, unconfirmed, unanswered };
}
