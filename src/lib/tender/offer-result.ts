/**
 * One offer's full score result, as the comparison ranks it: the tender's fleet, costs and
 * currency, the weights the comparison used, and the view it scored (`claimed` or `verified`).
 * The comparison keeps only a summary of each offer; the recommendation and the tender report
 * need the findings, roaming exposure and cost lines behind it. Pure.
 */
import type { Rules } from '../rules/load';
import { score } from '../scoring/score';
import type { ScoreResult } from '../scoring/types';
import {
	answersFor,
	tenderQuestionIds,
	withAreaWeights,
	type Comparison,
	type View
} from './compare';
import type { Offer, StoredTender } from './schema';

export type ScoredTender = Pick<StoredTender, 'fleet' | 'costs' | 'currency' | 'buyerCountry'>;

export function offerResult(
	rules: Rules,
	tender: ScoredTender,
	offer: Pick<Offer, 'answers'>,
	comparison: Pick<Comparison, 'weights'>,
	view: View
): ScoreResult {
	return score(withAreaWeights(rules, comparison.weights), {
		fleet: tender.fleet,
		costs: tender.costs,
		currency: tender.currency,
		buyerCountry: tender.buyerCountry,
		answers: answersFor(offer, view, tenderQuestionIds(rules, tender.fleet.countries))
	});
}

/** The vendor's answers the buyer has not verified: claimed or disputed, with an option. */
export const unverifiedClaims = (offer: Pick<Offer, 'answers'>) =>
	Object.entries(offer.answers).filter(
		([, answer]) =>
			answer.option !== undefined &&
			answer.by === 'vendor' &&
			(answer.state === 'claimed' || answer.state === 'disputed')
	);
