/**
 * Which offer to take, and why, in words a procurement lead would sign. Pure and deterministic:
 * the same rules, tender and comparison give the same words.
 *
 * The rule: the least locked-in offer by the tender's scoring mode (the comparison's ranking),
 * unless a deal-breaker applies to it (any applied floor: one answer, cost band or roaming rule
 * that forces its rating up); then the next offer without one. When the first offers without a
 * deal-breaker tie, or every offer has one, it says so and picks none. The words come in the
 * `locale` given (the rules' own texts, such as a floor's reason, as the rules give them).
 */
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { Rules } from '../rules/load';
import type { Rating } from '../rules/schema';
import type { AreaScore } from '../scoring/types';
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

/** "Bravo’s", "Telekom Solutions’"; German says "Antworten von Bravo" and takes the name as it is. */
const possessive = (name: string, locale: Locale) =>
	/s$/i.test(name)
		? m.tender_rec_possessive_s({ name }, { locale })
		: m.tender_rec_possessive({ name }, { locale });
const points = (n: number, locale: Locale) => formatNumber(n, locale, 1);
const round1 = (n: number) => Math.round(n * 10) / 10;

export const viewWords = (view: View, locale: Locale) =>
	view === 'claimed'
		? m.tender_rec_view_claimed({}, { locale })
		: m.tender_rec_view_verified({}, { locale });

/** A rating as the sentences use it: "low", "niedrig". */
const ratingWord = (rating: Rating, locale: Locale) => {
	const o = { locale };
	return {
		low: m.tpdf_rating_low({}, o),
		moderate: m.tpdf_rating_moderate({}, o),
		high: m.tpdf_rating_high({}, o),
		critical: m.tpdf_rating_critical({}, o)
	}[rating].toLowerCase();
};

/** "A, B and C", "A, B und C". */
const listWords = (items: readonly string[], locale: Locale) =>
	items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} ${m.tender_rec_and({}, { locale })} ${items.at(-1)}`;

const scoreWords = (offer: OfferComparison, view: View, locale: Locale) =>
	m.tender_rec_score(
		{ points: points(offer[view].score, locale), rating: ratingWord(offer[view].rating, locale) },
		{ locale }
	);
/** The same inside parentheses: "(5.2/100, low)". */
const scoreAside = (offer: OfferComparison, view: View, locale: Locale) =>
	m.tender_rec_score_aside(
		{ points: points(offer[view].score, locale), rating: ratingWord(offer[view].rating, locale) },
		{ locale }
	);

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

const weakLine = (a: WeakArea, locale: Locale) =>
	m.tender_rec_weak_line(
		{ area: a.title, points: points(a.score, locale), rating: ratingWord(a.rating, locale) },
		{ locale }
	);

const dealBreakers = (offer: OfferComparison, locale: Locale) =>
	offer.floors.length === 1
		? m.tender_rec_breaker_one({ floor: floorLine(offer.floors[0]!, locale) }, { locale })
		: m.tender_rec_breaker_many(
				{ count: offer.floors.length, floor: floorLine(offer.floors[0]!, locale) },
				{ locale }
			);

/** The recommendations of an offer's risky answers, most severe first: what the contract must fix. */
function contractDemands(
	rules: Rules,
	tender: StoredTender,
	comparison: Comparison,
	offerId: string,
	locale: Locale
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
			result.conflicts.length === 1
				? m.tender_rec_conflicts_one({}, { locale })
				: m.tender_rec_conflicts_many({ count: result.conflicts.length }, { locale })
		);
	}
	return demands;
}

/** Claimed against verified: whether the choice rests on what the vendors say rather than on what was checked. */
function cautionsFor(
	tender: StoredTender,
	comparison: Comparison,
	chosen: OfferComparison,
	locale: Locale
): Pick<Recommendation, 'cautions' | 'restsOnUnverified'> {
	const o = { locale };
	const view = comparison.scoredAs;
	const chosenOwn = possessive(chosen.vendor, locale);
	const other: View = view === 'claimed' ? 'verified' : 'claimed';
	const cautions: string[] = [];
	const offer = tender.offers.find((o) => o.id === chosen.id);
	const unverified = offer ? unverifiedClaims(offer).length : 0;
	if (view === 'claimed' && unverified > 0) {
		const same = chosen.claimed.score === chosen.verified.score;
		const params = {
			count: unverified,
			vendor: chosenOwn,
			points: points(same ? chosen.verified.score : chosen.claimed.score, locale),
			score: scoreWords(chosen, 'verified', locale)
		};
		cautions.push(
			same
				? unverified === 1
					? m.tender_rec_unverified_same_one(params, o)
					: m.tender_rec_unverified_same_many(params, o)
				: unverified === 1
					? m.tender_rec_unverified_moves_one(params, o)
					: m.tender_rec_unverified_moves_many(params, o)
		);
	}
	if (view === 'verified' && chosen.claimed.score !== chosen.verified.score) {
		cautions.push(
			m.tender_rec_claims_would(
				{
					vendor: chosen.vendor,
					score: scoreWords(chosen, 'claimed', locale),
					points: points(chosen.verified.score, locale)
				},
				o
			)
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
		const params = {
			vendor: firstByOther.vendor,
			other: points(firstByOther[other].score, locale),
			chosen: points(chosen[other].score, locale)
		};
		cautions.push(
			view === 'claimed'
				? m.tender_rec_other_first_verified(params, o)
				: m.tender_rec_other_first_claimed(params, o)
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
			disputed === 1
				? m.tender_rec_disputed_one({ vendor: chosenOwn }, o)
				: m.tender_rec_disputed_many({ count: disputed, vendor: chosenOwn }, o)
		);
	}
	if (chosen.open > 0) {
		const params = { count: chosen.open, total: chosen.questions, vendor: chosen.vendor };
		cautions.push(
			chosen.open === 1 ? m.tender_rec_open_one(params, o) : m.tender_rec_open_many(params, o)
		);
	}
	if (cautions.length === 0 && unverified === 0 && !restsOnUnverified) {
		cautions.push(m.tender_rec_all_verified({ vendor: chosenOwn }, o));
	}
	return { cautions, restsOnUnverified };
}

export function recommend(
	rules: Rules,
	tender: StoredTender,
	comparison: Comparison,
	locale: Locale
): Recommendation {
	const o = { locale };
	const view = comparison.scoredAs;
	const viewText = viewWords(view, locale);
	const byId = new Map(comparison.offers.map((o) => [o.id, o]));
	const all = comparison.ranking.map((id) => byId.get(id)!).filter(Boolean);
	// An offer that has answered nothing scores 0 for want of answers: it is named, never chosen.
	const silent = all.filter(answeredNothing);
	const ranked = all.filter((o) => !answeredNothing(o));
	const silentReasons = silent.map((offer) => m.tender_rec_silent({ vendor: offer.vendor }, o));
	const clear = ranked.filter((o) => o.floors.length === 0);
	const n = all.length;

	if (ranked.length === 0) {
		return {
			outcome: 'nothing_answered',
			offerId: null,
			vendor: null,
			headline: m.tender_rec_nothing_headline({ count: n }, o),
			reasons: [m.tender_rec_nothing_reason({}, o)],
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
					? m.tender_rec_all_breakers_headline({ count: n }, o)
					: m.tender_rec_all_breakers_headline_answered({ count: ranked.length }, o),
			reasons: [
				...ranked.map((offer) =>
					m.tender_rec_has_breakers(
						{
							vendor: offer.vendor,
							score: scoreAside(offer, view, locale),
							breakers: dealBreakers(offer, locale)
						},
						o
					)
				),
				...silentReasons,
				m.tender_rec_least_could({ vendor: least.vendor }, o)
			],
			cautions: [],
			restsOnUnverified: false,
			weakest: weakestAreas(least).map((a) => weakLine(a, locale)),
			demands: contractDemands(rules, tender, comparison, least.id, locale)
		};
	}

	const first = clear[0]!;
	const tied = clear.filter((o) => o[view].score === first[view].score);
	if (tied.length > 1) {
		return {
			outcome: 'tie',
			offerId: null,
			vendor: null,
			headline: (tied.length === 2
				? m.tender_rec_tie_headline_two
				: m.tender_rec_tie_headline_many)(
				{
					vendors: listWords(
						tied.map((offer) => offer.vendor),
						locale
					),
					score: scoreWords(first, view, locale),
					view: viewText
				},
				o
			),
			reasons: [m.tender_rec_tie_reason({}, o)],
			cautions: [],
			restsOnUnverified: false,
			weakest: tied.map((offer) => {
				const weak = weakestAreas(offer);
				return weak.length
					? m.tender_rec_tie_weak(
							{ vendor: offer.vendor, areas: weak.map((a) => weakLine(a, locale)).join('; ') },
							o
						)
					: m.tender_rec_tie_no_weak({ vendor: offer.vendor }, o);
			}),
			demands: []
		};
	}

	const chosen = first;
	const passedOver = ranked.slice(0, ranked.indexOf(chosen));
	const headlineParams = {
		vendor: chosen.vendor,
		score: scoreWords(chosen, view, locale),
		view: viewText
	};
	const headline =
		passedOver.length > 0
			? m.tender_rec_headline_passed(headlineParams, o)
			: silent.length === 0
				? m.tender_rec_headline_all({ ...headlineParams, count: n }, o)
				: ranked.length === 1
					? m.tender_rec_headline_only(headlineParams, o)
					: m.tender_rec_headline_answered({ ...headlineParams, count: ranked.length }, o);

	const reasons: string[] = [];
	const next = clear[1];
	if (next) {
		const margin = round1(next[view].score - chosen[view].score);
		const params = {
			margin: points(margin, locale),
			vendor: next.vendor,
			score: scoreAside(next, view, locale)
		};
		reasons.push(
			`${margin === 1 ? m.tender_rec_margin_one(params, o) : m.tender_rec_margin_many(params, o)}${margin < NARROW_MARGIN ? m.tender_rec_narrow({}, o) : ''}`
		);
	} else {
		reasons.push(m.tender_rec_only_clear({}, o));
	}
	for (const offer of passedOver) {
		reasons.push(
			m.tender_rec_passed_over(
				{
					vendor: offer.vendor,
					score: scoreWords(offer, view, locale),
					breakers: dealBreakers(offer, locale)
				},
				o
			)
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
		...cautionsFor(tender, comparison, chosen, locale),
		weakest: weak.length ? weak.map((a) => weakLine(a, locale)) : [m.tender_rec_no_weak({}, o)],
		demands: nonEmpty(contractDemands(rules, tender, comparison, chosen.id, locale), locale)
	};
}

const nonEmpty = (demands: string[], locale: Locale) =>
	demands.length ? demands : [m.tender_rec_no_demands({}, { locale })];
