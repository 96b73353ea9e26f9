/**
 * The tender report as plain data: everything the PDF prints, computed before a line is drawn, so
 * it can be tested on exact values and the drawing code only lays it out. Pure.
 */
import type { Locale } from '../../paraglide/runtime';
import type { Rules } from '../../rules/load';
import type { AreaId } from '../../rules/schema';
import type { ScoreResult } from '../../scoring/types';
import { clarifications, type VendorClarifications } from '../../tender/clarifications';
import { compareOffers, type Comparison, type OfferComparison } from '../../tender/compare';
import { offerResult, unverifiedClaims } from '../../tender/offer-result';
import { recommend, type Recommendation } from '../../tender/recommendation';
import type { AreaWeights, StoredTender } from '../../tender/schema';
import { cleanLine, cleanText } from '../text';

/** What a tender report is built from: the tender's content, without respondent links. */
export type ReportTender = Omit<StoredTender, 'offers'> & {
	offers: (Omit<StoredTender['offers'][number], 'respondents' | 'history'> &
		Partial<Pick<StoredTender['offers'][number], 'respondents' | 'history'>>)[];
};

/** Who set an area's weight: the ruleset, the tender's saved weights, or this report's what-if. */
export type WeightSource = 'ruleset' | 'saved' | 'what-if';

export interface WeightRow {
	id: AreaId;
	title: string;
	ruleset: number;
	used: number;
	source: WeightSource;
}

export interface RankedOffer {
	rank: number;
	comparison: OfferComparison;
	/** The full result in the ranked view: findings, roaming, cost lines. */
	result: ScoreResult;
	/** Vendor answers the buyer has not verified (claimed or disputed). */
	unverified: number;
	/** The colour and dash of its outline on the radar and its swatch in the legend. */
	series: number;
}

export interface TenderReportModel {
	title: string;
	organisation: string;
	rulesetVersion: string;
	updatedAt: string;
	buyerCountry: StoredTender['buyerCountry'];
	fleet: StoredTender['fleet'];
	comparison: Comparison;
	/** Offers from the least locked-in to the most. */
	ranked: RankedOffer[];
	recommendation: Recommendation;
	/** Per vendor, in ranking order. */
	clarifications: VendorClarifications[];
	weights: WeightRow[];
	/** The result methodology notes read (cost assumptions, conversion): the first-ranked offer's. */
	reference: ScoreResult;
}

const cleanOffers = (tender: ReportTender): StoredTender => ({
	...tender,
	title: cleanLine(tender.title),
	organisation: cleanLine(tender.organisation),
	offers: tender.offers.map((offer) => ({
		...offer,
		vendor: cleanLine(offer.vendor),
		history: [],
		respondents: [],
		answers: Object.fromEntries(
			Object.entries(offer.answers).map(([id, a]) => [
				id,
				{
					...a,
					...(a.statement !== undefined ? { statement: cleanText(a.statement).trim() } : {}),
					...(a.evidence !== undefined ? { evidence: cleanText(a.evidence).trim() } : {}),
					...(a.stateNote !== undefined ? { stateNote: cleanText(a.stateNote).trim() } : {})
				}
			])
		)
	}))
});

/**
 * The report's content, its sentences in `locale` (English unless asked). `weights`: a what-if over
 * the tender's saved weights (absent: the saved ones).
 */
export function tenderReportModel(
	rules: Rules,
	input: ReportTender,
	weights?: AreaWeights,
	locale: Locale = 'en'
): TenderReportModel {
	const tender = cleanOffers(input);
	const comparison = compareOffers(rules, tender, weights);
	const byId = new Map(tender.offers.map((o) => [o.id, o]));
	const ranked = comparison.ranking.map((id, index): RankedOffer => {
		const offer = byId.get(id)!;
		return {
			rank: index + 1,
			comparison: comparison.offers.find((o) => o.id === id)!,
			result: offerResult(rules, tender, offer, comparison, comparison.scoredAs),
			unverified: unverifiedClaims(offer).length,
			series: tender.offers.indexOf(offer)
		};
	});
	const questions = clarifications(rules, tender, locale, comparison.weights);
	return {
		title: tender.title,
		organisation: tender.organisation,
		rulesetVersion: tender.rulesetVersion,
		updatedAt: tender.updatedAt,
		buyerCountry: tender.buyerCountry,
		fleet: tender.fleet,
		comparison,
		ranked,
		recommendation: recommend(rules, tender, comparison, locale),
		clarifications: comparison.ranking.map((id) => questions.find((q) => q.offerId === id)!),
		weights: rules.ruleset.areas.map(({ id, title, weight }) => {
			// The compare page sends every area's weight with its PDF link: a what-if equal to the weight
			// that applies anyway (saved, else the ruleset's) changes nothing and is not called one.
			const otherwise = tender.weights?.[id] ?? weight;
			const whatIf = weights?.[id] !== undefined && weights[id] !== otherwise;
			const source: WeightSource = whatIf
				? 'what-if'
				: tender.weights?.[id] !== undefined
					? 'saved'
					: 'ruleset';
			return { id, title, ruleset: weight, used: comparison.weights[id], source };
		}),
		reference: ranked[0]!.result
	};
}
