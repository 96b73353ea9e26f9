/** Which of an offer's answers the buyer's review shows. */
import type { OfferAnswer } from '$lib/tender/schema';

/** The page names each filter in the reader's language. */
export const FILTERS = [
	{ id: 'all' },
	{ id: 'awaiting' },
	{ id: 'disputed' },
	{ id: 'unanswered' }
] as const;
export type AnswerFilter = (typeof FILTERS)[number]['id'];

/** The filter a query names; anything else shows all. */
export const answerFilter = (value: string | null): AnswerFilter =>
	FILTERS.find((f) => f.id === value)?.id ?? 'all';

export function shows(filter: AnswerFilter, answer: OfferAnswer | null): boolean {
	const answered = answer?.option !== undefined;
	switch (filter) {
		case 'awaiting':
			return answered && answer?.state === 'claimed';
		case 'disputed':
			return answered && answer?.state === 'disputed';
		case 'unanswered':
			return !answered;
		default:
			return true;
	}
}
