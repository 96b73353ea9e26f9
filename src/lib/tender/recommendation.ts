/**
 * Which offer to take, and why, in words a procurement lead would sign. Pure and deterministic:
 * the same rules, tender and comparison give the same words.
 *
 * The rule: the least locked-in offer by the tender's scoring mode (the comparison's ranking),
 * unless a deal-breaker applies to it (any applied floor: one answer, cost band or roaming rule
 * that forces its rating up); then the next offer without one. When the first offers without a
 * deal-breaker tie, or every offer has one, it says so and picks none.
 */
import type { Rules } from '../rules/load';
import type { Rating } from '../rules/schema';
import type { AreaScore } from '../scoring/types';
import { listWords } from '../text/template';
import { floorLine } from '../text/verdict';
import { answeredNothing, type Comparison, type OfferComparison, type View } from './compare';
import { offerResult, unverifiedClaims } from './offer-result';
import type { StoredTender } from './schema';

export type RecommendationOutcome =
	'recommended' | 'tie' | 'all_deal_breakers' | 'nothing_answered';

export interface WeakArea {
	id: AreaScore['id'];
	title: string;
	score: number;
	rating: Rating;
}

export interface Recommendation {
	outcome: RecommendationOutcome;
	/** The offer to take; null for a tie or when every offer has a deal-breaker. */
	offerId: string | null;
	vendor: string | null;
	/** One or two sentences: the decision. */
	headline: string;
	/** Why: the margin over the next offer, and the offers passed over for their deal-breakers. */
	reasons: string[];
	/** Where claimed and verified disagree, or where the ranking rests on unverified claims. */
	cautions: string[];
	/** The choice would change, or the chosen offer's score would rise, if its unverified claims did not hold. */
	restsOnUnverified: boolean;
	/** The recommended offer's weakest areas, most locked-in first (for a tie: each tied offer's). */
	weakest: string[];
	/**
	 * What to demand in the contract: the recommendations of the offer's risky answers, most
	 * severe first. For `all_deal_breakers`, what the least locked-in offer must change.
	 */
	demands: string[];
}

/** Fewer points than this between the chosen offer and the next: a lead one or two answers could undo. */
export const NARROW_MARGIN = 5;
const MAX_DEMANDS = 6;
const MAX_WEAK_AREAS = 2;

/** "Bravo’s", "Telekom Solutions’". */
const possessive = (name: string) => (/s$/i.test(name) ? `${name}’` : `${name}’s`);
const points = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
const round1 = (n: number) => Math.round(n * 10) / 10;

export const VIEW_WORDS: Record<View, string> = {
	claimed: 'with the vendors’ claims taken as given',
	verified: 'with every unverified claim read as “not sure”'
};

const scoreWords = (offer: OfferComparison, view: View) =>
	`${points(offer[view].score)}/100 (${offer[view].rating})`;
/** The same inside parentheses: "(5.2/100, low)". */
const scoreAside = (offer: OfferComparison, view: View) =>
	`(${points(offer[view].score)}/100, ${offer[view].rating})`;

function weakestAreas(offer: OfferComparison): WeakArea[] {
	return offer.areas
		.filter(
			(a): a is AreaScore & { score: number; rating: Rating } =>
				a.score !== null && a.rating !== null && a.score > 0
		)
		.sort((a, b) => b.score - a.score)
		.slice(0, MAX_WEAK_AREAS)
		.map(({ id, title, score, rating }) => ({ id, title, score, rating }));
}

const weakLine = (a: WeakArea) => `${a.title}: ${points(a.score)}/100 (${a.rating})`;

const dealBreakers = (offer: OfferComparison) =>
	offer.floors.length === 1
		? `a deal-breaker: ${floorLine(offer.floors[0]!, 'en')}`
		: `${offer.floors.length} deal-breakers (all listed under “Deal-breakers”), the first: ${floorLine(offer.floors[0]!, 'en')}`;

/** The recommendations of an offer's risky answers, most severe first: what the contract must fix. */
function contractDemands(
	rules: Rules,
	tender: StoredTender,
	comparison: Comparison,
	offerId: string
): string[] {
	const offer = tender.offers.find((o) => o.id === offerId);
	if (!offer) return [];
	const result = offerResult(rules, tender, offer, comparison, comparison.scoredAs);
	const demands: string[] = [];
	for (const finding of result.findings) {
		// A "not sure" or an open local-profile question is a question for the vendor (see the
		// clarifications), not a term yet.
		if (finding.kind === 'conflict' || finding.notSure) continue;
		if (
			finding.kind === 'roaming' &&
			result.roaming.some((r) => r.country === finding.country && r.localProfile === 'open')
		)
			continue;
		const text = finding.recommendation.trim();
		if (!demands.includes(text)) demands.push(text);
		if (demands.length === MAX_DEMANDS) break;
	}
	if (result.conflicts.length > 0) {
		demands.push(
			`Have the vendor correct ${result.conflicts.length === 1 ? 'the pair of answers that contradict' : `the ${result.conflicts.length} pairs of answers that contradict`} each other before you sign.`
		);
	}
	return demands;
}

/** Claimed against verified: whether the choice rests on what the vendors say rather than on what was checked. */
function cautionsFor(
	tender: StoredTender,
	comparison: Comparison,
	chosen: OfferComparison
): Pick<Recommendation, 'cautions' | 'restsOnUnverified'> {
	const view = comparison.scoredAs;
	const other: View = view === 'claimed' ? 'verified' : 'claimed';
	const cautions: string[] = [];
	const offer = tender.offers.find((o) => o.id === chosen.id);
	const unverified = offer ? unverifiedClaims(offer).length : 0;
	if (view === 'claimed' && unverified > 0) {
		cautions.push(
			chosen.claimed.score === chosen.verified.score
				? `${unverified === 1 ? 'One' : unverified} of ${possessive(chosen.vendor)} answers ${unverified === 1 ? 'is a claim' : 'are claims'} you have not verified, but reading ${unverified === 1 ? 'it' : 'them'} as “not sure” leaves its score at ${points(chosen.verified.score)}/100.`
				: `This ranking takes the vendors’ claims as given: ${unverified === 1 ? 'one' : unverified} of ${possessive(chosen.vendor)} answers ${unverified === 1 ? 'is a claim' : 'are claims'} you have not verified, and with ${unverified === 1 ? 'it' : 'them'} read as “not sure” it scores ${scoreWords(chosen, 'verified')} instead of ${points(chosen.claimed.score)}.`
		);
	}
	if (view === 'verified' && chosen.claimed.score !== chosen.verified.score) {
		cautions.push(
			`As ${chosen.vendor} claims its answers, it would score ${scoreWords(chosen, 'claimed')}; the ranking counts only what you verified (${points(chosen.verified.score)}).`
		);
	}
	// The offer the other view would put first (ties by vendor name, as the ranking breaks them).
	const firstByOther = comparison.offers
		.filter((o) => !answeredNothing(o))
		.sort(
			(a, b) =>
				a[other].score - b[other].score ||
				a.vendor.localeCompare(b.vendor, 'en') ||
				(a.id < b.id ? -1 : 1)
		)[0]!;
	if (firstByOther.id !== chosen.id && firstByOther[other].score < chosen[other].score) {
		cautions.push(
			view === 'claimed'
				? `Counting only what you verified, ${firstByOther.vendor} would come first (${points(firstByOther.verified.score)} against ${points(chosen.verified.score)}): the choice rests on claims not verified yet. Verify the claims listed under “Clarification questions” before you sign.`
				: `Taken as the vendors claim them, ${firstByOther.vendor} would come first (${points(firstByOther.claimed.score)} against ${points(chosen.claimed.score)}); its lead rests on claims you have not verified.`
		);
	}
	// Only a ranking of claims as given can rest on them: the verified view counts none.
	const restsOnUnverified =
		view === 'claimed' &&
		(chosen.claimed.score !== chosen.verified.score ||
			(firstByOther.id !== chosen.id && firstByOther.verified.score < chosen.verified.score));
	const disputed = offer
		? Object.values(offer.answers).filter((a) => a.option !== undefined && a.state === 'disputed')
				.length
		: 0;
	if (disputed > 0) {
		cautions.push(
			`You dispute ${disputed === 1 ? 'one' : disputed} of ${possessive(chosen.vendor)} answers: settle ${disputed === 1 ? 'it' : 'them'} in writing before you sign.`
		);
	}
	if (chosen.open > 0) {
		cautions.push(
			`${chosen.open === 1 ? 'One' : chosen.open} of the ${chosen.questions} questions ${chosen.open === 1 ? 'is' : 'are'} still open for ${chosen.vendor} (no answer, or an answer you rejected) and ${chosen.open === 1 ? 'counts' : 'count'} as “not sure” in both scores: ${chosen.open === 1 ? 'it is' : 'they are'} among the clarification questions.`
		);
	}
	if (cautions.length === 0 && unverified === 0 && !restsOnUnverified) {
		cautions.push(
			`Every answer behind ${possessive(chosen.vendor)} score is verified or your own: the choice does not rest on unverified claims.`
		);
	}
	return { cautions, restsOnUnverified };
}

export function recommend(
	rules: Rules,
	tender: StoredTender,
	comparison: Comparison
): Recommendation {
	const view = comparison.scoredAs;
	const byId = new Map(comparison.offers.map((o) => [o.id, o]));
	const all = comparison.ranking.map((id) => byId.get(id)!).filter(Boolean);
	// An offer that has answered nothing scores 0 for want of answers: it is named, never chosen.
	const silent = all.filter(answeredNothing);
	const ranked = all.filter((o) => !answeredNothing(o));
	const silentReasons = silent.map(
		(o) =>
			`${o.vendor} has not answered any question yet, so its score says nothing and it is not recommended.`
	);
	const clear = ranked.filter((o) => o.floors.length === 0);
	const n = all.length;

	if (ranked.length === 0) {
		return {
			outcome: 'nothing_answered',
			offerId: null,
			vendor: null,
			headline: `No offer can be recommended yet: none of the ${n} offers has answered a question.`,
			reasons: [
				'Send each vendor its respondent link or the questionnaire spreadsheet, or answer from their bids yourself, then compare again.'
			],
			cautions: [],
			restsOnUnverified: false,
			weakest: [],
			demands: []
		};
	}

	if (clear.length === 0) {
		const least = ranked[0]!;
		return {
			outcome: 'all_deal_breakers',
			offerId: null,
			vendor: null,
			headline:
				silent.length === 0
					? `No offer can be recommended as it stands: every one of the ${n} offers has a deal-breaker.`
					: `No offer can be recommended as it stands: every one of the ${ranked.length} offers that answered has a deal-breaker.`,
			reasons: [
				...ranked.map((o) => `${o.vendor} ${scoreAside(o, view)} has ${dealBreakers(o)}`),
				...silentReasons,
				`The least locked-in, ${least.vendor}, could become acceptable only if its deal-breakers are removed in negotiation: score it again with the vendor’s written commitments before you choose.`
			],
			cautions: [],
			restsOnUnverified: false,
			weakest: weakestAreas(least).map(weakLine),
			demands: contractDemands(rules, tender, comparison, least.id)
		};
	}

	const first = clear[0]!;
	const tied = clear.filter((o) => o[view].score === first[view].score);
	if (tied.length > 1) {
		return {
			outcome: 'tie',
			offerId: null,
			vendor: null,
			headline: `No single offer comes first: ${listWords(tied.map((o) => o.vendor))} tie at ${scoreWords(first, view)} ${VIEW_WORDS[view]}, and no deal-breaker applies to ${tied.length === 2 ? 'either' : 'any of them'}.`,
			reasons: [
				'The scores cannot choose between them. Decide on what they do not weigh (price, service, references), or settle the clarification questions and compare again.'
			],
			cautions: [],
			restsOnUnverified: false,
			weakest: tied.map((o) => {
				const weak = weakestAreas(o);
				return `${o.vendor}: ${weak.length ? `weakest in ${weak.map(weakLine).join('; ')}` : 'no area scores above 0'}`;
			}),
			demands: []
		};
	}

	const chosen = first;
	const passedOver = ranked.slice(0, ranked.indexOf(chosen));
	const headline =
		passedOver.length === 0
			? `Recommended: the offer from ${chosen.vendor}. It is ${silent.length === 0 ? `the least locked-in of the ${n} offers` : ranked.length === 1 ? 'the only offer that has answered' : `the least locked-in of the ${ranked.length} offers that answered`}, at ${scoreWords(chosen, view)} ${VIEW_WORDS[view]}, and no deal-breaker applies to it.`
			: `Recommended: the offer from ${chosen.vendor}. It is the least locked-in offer without a deal-breaker, at ${scoreWords(chosen, view)} ${VIEW_WORDS[view]}.`;

	const reasons: string[] = [];
	const next = clear[1];
	if (next) {
		const margin = round1(next[view].score - chosen[view].score);
		reasons.push(
			`It scores ${points(margin)} ${margin === 1 ? 'point' : 'points'} below ${next.vendor} ${scoreAside(next, view)}, the next offer without a deal-breaker.${margin < NARROW_MARGIN ? ' A narrow lead: one or two answers could reverse it.' : ''}`
		);
	} else {
		reasons.push(`It is the only offer without a deal-breaker.`);
	}
	for (const offer of passedOver) {
		reasons.push(
			`${offer.vendor} scores lower, ${scoreWords(offer, view)}, but has ${dealBreakers(offer)}`
		);
	}
	reasons.push(...silentReasons);

	const weak = weakestAreas(chosen);
	return {
		outcome: 'recommended',
		offerId: chosen.id,
		vendor: chosen.vendor,
		headline,
		reasons,
		...cautionsFor(tender, comparison, chosen),
		weakest: weak.length
			? weak.map(weakLine)
			: ['No area scores above 0: every answer keeps you free to leave.'],
		demands: nonEmpty(contractDemands(rules, tender, comparison, chosen.id))
	};
}

const nonEmpty = (demands: string[]) =>
	demands.length
		? demands
		: [
				'None of its answers is risky: keep its terms as offered in the signed contract, and assess it again at renewal.'
			];
