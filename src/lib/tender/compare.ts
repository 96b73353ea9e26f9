/**
 * Compares a tender's offers. Pure: the same rules and tender give the same comparison.
 *
 * Each offer is scored twice with the tender's fleet, costs and currency:
 * - claimed: every answer as given, whoever gave it and whatever its state;
 * - verified: the buyer's own answers and answers the buyer verified as given, a rejected answer
 *   as open (unanswered), and every other answer (a vendor's claim, or a disputed one) as "not sure".
 * The ranking runs from the least locked-in offer to the most, by the tender's scoring mode
 * (claimed for `as_given`, verified for `unverified_as_not_sure`); ties go by vendor name, then id.
 * An offer that has answered nothing ranks last and is shown as not answered.
 * What-if weights replace the ruleset's area weights in a copy of the rules: floors still apply.
 */
import { z } from 'zod';
import type { Answer } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { AREA_IDS, NOT_SURE, ratingSchema, type AreaId, type Rating } from '../rules/schema';
import { score } from '../scoring/score';
import {
	appliedFloorSchema,
	areaScoreSchema,
	roamingExposureSchema,
	switchingCostSchema,
	type ScoreResult
} from '../scoring/types';
import {
	parseWeightsQuery,
	scoringModeSchema,
	type AreaWeights,
	type Offer,
	type StoredTender
} from './schema';
import { tenderQuestionAreas } from './questions';

export const scoreSummarySchema = z.object({ score: z.number(), rating: ratingSchema });
export type ScoreSummary = z.infer<typeof scoreSummarySchema>;

export const fullWeightsSchema = z.object(
	Object.fromEntries(AREA_IDS.map((id) => [id, z.number()])) as Record<AreaId, z.ZodNumber>
);
export type FullWeights = Record<AreaId, number>;

/**
 * One country's permanent-roaming exposure for one offer: the scorer's roaming entry cut to what a
 * side-by-side table reads (the rule's sources and caveats stay on the assessment's own page).
 */
export const roamingCellSchema = roamingExposureSchema.pick({
	country: true,
	name: true,
	devices: true,
	kind: true,
	restricted: true,
	severity: true,
	mitigated: true,
	mitigation: true,
	localProfile: true,
	forces: true
});
export type RoamingCell = z.infer<typeof roamingCellSchema>;

export const offerComparisonSchema = z.object({
	id: z.string(),
	vendor: z.string(),
	/** Questions the offer leaves open (unanswered, or answered and rejected): each counts as "not sure" in both scores. */
	open: z.number().int().nonnegative(),
	/** Questions the tender asks (the ruleset's, and local profiles where the fleet goes). */
	questions: z.number().int().positive(),
	claimed: scoreSummarySchema,
	verified: scoreSummarySchema,
	/** Area scores, floors and cost to leave under the tender's scoring mode (`scoredAs`). */
	areas: z.array(areaScoreSchema),
	floors: z.array(appliedFloorSchema),
	switchingCost: switchingCostSchema,
	/** Per fleet country, in the fleet's order: how exposed the offer is to its roaming rule. */
	roaming: z.array(roamingCellSchema)
});
export type OfferComparison = z.infer<typeof offerComparisonSchema>;

export const comparisonSchema = z.object({
	scoring: scoringModeSchema,
	/** Which of the two scores `ranking`, `areas`, `floors` and `switchingCost` use. */
	scoredAs: z.enum(['claimed', 'verified']),
	offers: z.array(offerComparisonSchema),
	/** Offer ids from the least locked-in to the most. */
	ranking: z.array(z.string()),
	/** The area weights used: the ruleset's, overridden by the tender's saved ones or the request's. */
	weights: fullWeightsSchema
});
export type Comparison = z.infer<typeof comparisonSchema>;

export type View = 'claimed' | 'verified';

/** Every question a tender asks each offer: the ruleset's, and the local-profile question of each fleet country that asks one. */
export function tenderQuestionIds(rules: Rules, countries: readonly string[]): string[] {
	return tenderQuestionAreas(rules, countries).flatMap((area) => area.questions.map((q) => q.id));
}

/**
 * An offer's answers as the scorer reads them, in one view, for every question the tender asks.
 * A question the offer leaves open, and an answer the buyer rejected, count as "not sure" in both
 * views: in a tender, silence is not a good answer, so a bid can never rank higher by answering
 * less, and rejecting a claim never lowers an offer's score.
 */
export function answersFor(
	offer: Pick<Offer, 'answers'>,
	view: View,
	questionIds: readonly string[]
): Record<string, Answer> {
	const answers: Record<string, Answer> = {};
	for (const questionId of questionIds) {
		const answer = offer.answers[questionId];
		if (answer?.option === undefined || answer.state === 'rejected') {
			answers[questionId] = { option: NOT_SURE };
		} else if (view === 'claimed' || answer.by === 'buyer' || answer.state === 'verified') {
			answers[questionId] = { option: answer.option };
		} else {
			answers[questionId] = { option: NOT_SURE };
		}
	}
	return answers;
}

/** How many of the tender's questions the offer leaves open (no answer, or an answer the buyer rejected). */
export function openQuestions(
	offer: Pick<Offer, 'answers'>,
	questionIds: readonly string[]
): number {
	return questionIds.filter(
		(id) => offer.answers[id]?.option === undefined || offer.answers[id]?.state === 'rejected'
	).length;
}

/** Every area's weight: the ruleset's, with the given ones in their place. */
export function weightsUsed(rules: Rules, ...overrides: (AreaWeights | undefined)[]): FullWeights {
	const weights = Object.fromEntries(
		rules.ruleset.areas.map((area) => [area.id, area.weight])
	) as FullWeights;
	for (const override of overrides) Object.assign(weights, override ?? {});
	return weights;
}

/** A copy of the rules whose areas weigh as given; everything else (floors included) unchanged. */
export function withAreaWeights(rules: Rules, weights: FullWeights): Rules {
	return {
		...rules,
		ruleset: {
			...rules.ruleset,
			areas: rules.ruleset.areas.map((area) => ({ ...area, weight: weights[area.id] }))
		}
	};
}

const roamingCell = (r: ScoreResult['roaming'][number]): RoamingCell => ({
	country: r.country,
	name: r.name,
	devices: r.devices,
	kind: r.kind,
	restricted: r.restricted,
	severity: r.severity,
	mitigated: r.mitigated,
	mitigation: r.mitigation,
	localProfile: r.localProfile,
	forces: r.forces
});

const summary = (result: ScoreResult): ScoreSummary => ({
	score: result.overall.score,
	rating: result.overall.rating
});

type Scored = Pick<StoredTender, 'fleet' | 'costs' | 'currency' | 'buyerCountry'>;

function scoreOffer(rules: Rules, tender: Scored, offer: Offer, view: View): ScoreResult {
	return score(rules, {
		fleet: tender.fleet,
		costs: tender.costs,
		currency: tender.currency,
		buyerCountry: tender.buyerCountry,
		answers: answersFor(offer, view, tenderQuestionIds(rules, tender.fleet.countries))
	});
}

/**
 * An offer that leaves every question open (no answer yet, or every answer rejected): its score is
 * all "not sure" and says nothing about the offer, so pages show it as not answered, it ranks after
 * every offer that answered, and it is never recommended.
 */
export const answeredNothing = (offer: Pick<OfferComparison, 'open' | 'questions'>) =>
	offer.open >= offer.questions;

/** The claimed and verified overall score of each offer, with the ruleset's weights (a tender's read view). */
export function offerSummaries(
	rules: Rules,
	tender: Scored & Pick<StoredTender, 'offers' | 'weights'>
) {
	const weighted = withAreaWeights(rules, weightsUsed(rules, tender.weights));
	return new Map(
		tender.offers.map((offer) => [
			offer.id,
			{
				claimed: summary(scoreOffer(weighted, tender, offer, 'claimed')),
				verified: summary(scoreOffer(weighted, tender, offer, 'verified'))
			}
		])
	);
}

/**
 * The comparison. `weights` (a what-if) overrides the tender's saved weights, which override the
 * ruleset's, area by area.
 */
export function compareOffers(
	rules: Rules,
	tender: StoredTender,
	weights?: AreaWeights
): Comparison {
	const used = weightsUsed(rules, tender.weights, weights);
	const weighted = withAreaWeights(rules, used);
	const scoredAs: View = tender.scoring === 'unverified_as_not_sure' ? 'verified' : 'claimed';
	const questionIds = tenderQuestionIds(rules, tender.fleet.countries);
	const offers = tender.offers.map((offer): OfferComparison => {
		const claimed = scoreOffer(weighted, tender, offer, 'claimed');
		const verified = scoreOffer(weighted, tender, offer, 'verified');
		const ranked = scoredAs === 'verified' ? verified : claimed;
		return {
			id: offer.id,
			vendor: offer.vendor,
			open: openQuestions(offer, questionIds),
			questions: questionIds.length,
			claimed: summary(claimed),
			verified: summary(verified),
			areas: ranked.areas,
			floors: ranked.overall.floors,
			switchingCost: ranked.switchingCost,
			roaming: ranked.roaming.map(roamingCell)
		};
	});
	const ranking = [...offers]
		.sort(
			(a, b) =>
				Number(answeredNothing(a)) - Number(answeredNothing(b)) ||
				a[scoredAs].score - b[scoredAs].score ||
				a.vendor.localeCompare(b.vendor, 'en') ||
				(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
		)
		.map((offer) => offer.id);
	return { scoring: tender.scoring, scoredAs, offers, ranking, weights: used };
}

/** One fleet country across the offers: each offer's exposure there (null where its result has none). */
export interface RoamingRow {
	country: string;
	name: string;
	devices: number;
	/** In the order of `comparison.offers`. */
	cells: { offerId: string; exposure: RoamingCell | null }[];
	/** The offers are not all exposed alike here (severity, cure or forced rating differ). */
	differs: boolean;
}

/** The roaming table of a comparison: country × offer, countries in the order the offers list them. */
export function roamingByCountry(comparison: Pick<Comparison, 'offers'>): RoamingRow[] {
	const countries = new Map<string, { name: string; devices: number }>();
	for (const offer of comparison.offers) {
		for (const cell of offer.roaming)
			if (!countries.has(cell.country))
				countries.set(cell.country, { name: cell.name, devices: cell.devices });
	}
	return [...countries].map(([country, { name, devices }]) => {
		const cells = comparison.offers.map((offer) => ({
			offerId: offer.id,
			exposure: offer.roaming.find((r) => r.country === country) ?? null
		}));
		const kinds = new Set(
			cells.map(({ exposure: e }) => (e ? `${e.severity}|${e.mitigation}|${e.forces}` : ''))
		);
		return { country, name, devices, cells, differs: kinds.size > 1 };
	});
}

/** The offers in ranking order (least locked-in first), each with its place (1-based). */
export function rankedOffers(
	comparison: Pick<Comparison, 'offers' | 'ranking'>
): (OfferComparison & { place: number })[] {
	return comparison.ranking.flatMap((id, index) => {
		const offer = comparison.offers.find((o) => o.id === id);
		return offer ? [{ ...offer, place: index + 1 }] : [];
	});
}

/** `network:2,sim:1.5,…`: the weights as the comparison's query (and the PDF link's) reads them. */
export function weightsQuery(weights: Partial<Record<AreaId, number>>): string {
	return AREA_IDS.filter((id) => weights[id] !== undefined)
		.map((id) => `${id}:${weights[id]}`)
		.join(',');
}

/**
 * The what-if weights a page address asks for: `?weights=network:2,sim:1` (a link, the PDF's
 * query), or one field per area (`?network=2&sim=1`, what the sliders' form sends without
 * JavaScript). Neither: none. Checked as the comparison API checks them.
 */
export function weightsFromSearch(search: URLSearchParams): {
	weights?: AreaWeights;
	error?: string;
} {
	const given = search.get('weights');
	const fields = AREA_IDS.filter((id) => search.has(id)).map(
		(id) => `${id}:${search.get(id)!.trim()}`
	);
	const query = given ?? (fields.length > 0 ? fields.join(',') : null);
	if (query === null) return {};
	const parsed = parseWeightsQuery(query);
	if (!parsed.ok) return { error: parsed.issues.map((i) => i.message).join('; ') };
	return { weights: parsed.weights };
}

export type { Rating };
