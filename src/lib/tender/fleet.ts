/**
 * A tender's offers as the simulated fleet sees them. Pure: no I/O.
 *
 * Each offer runs the simulation as an assessment would: the tender's fleet, costs, currency and
 * buyer country with the offer's answers, read by the tender's scoring mode (as the comparison
 * ranks them): claims as given (`as_given`), or every unverified claim as "not sure"
 * (`unverified_as_not_sure`; see compare.ts answersFor).
 */
import { SCHEMA_VERSION, type StoredAssessment } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { answersFor, tenderQuestionIds, type View } from './compare';
import type { Offer, ScoringMode, StoredTender } from './schema';

/** Which of an offer's two readings the simulation uses: the one the comparison ranks by. */
export const simulatedView = (scoring: ScoringMode): View =>
	scoring === 'unverified_as_not_sure' ? 'verified' : 'claimed';

/** The words a page shows for that reading. */
export const SIMULATED_AS: Record<View, string> = {
	claimed:
		'every answer as the vendor gave it, open questions and rejected answers as "not sure" (the tender scores claims as given)',
	verified:
		'answers the buyer gave or verified as given, every other claim, open question and rejected answer as "not sure" (the tender scores unverified claims as not sure)'
};

/** One offer as an assessment the simulation (and the scorer) can take; never stored. */
export function offerAsAssessment(
	rules: Rules,
	tender: StoredTender,
	offer: Offer
): Omit<StoredAssessment, 'shares'> {
	return {
		schemaVersion: SCHEMA_VERSION,
		id: offer.id,
		revision: tender.revision,
		rulesetVersion: tender.rulesetVersion,
		createdAt: offer.createdAt,
		updatedAt: tender.updatedAt,
		title: `${tender.title}: ${offer.vendor}`,
		organisation: tender.organisation,
		vendor: offer.vendor,
		...(tender.buyerCountry !== undefined ? { buyerCountry: tender.buyerCountry } : {}),
		...(tender.currency !== undefined ? { currency: tender.currency } : {}),
		fleet: tender.fleet,
		answers: answersFor(
			offer,
			simulatedView(tender.scoring),
			tenderQuestionIds(rules, tender.fleet.countries)
		),
		costs: tender.costs
	};
}

/**
 * The offer `?offer=` names, or the first offer when none is named. Null: the tender has no offer
 * with that id (the page answers 404 rather than quietly showing another offer).
 */
export function selectedOffer(
	tender: Pick<StoredTender, 'offers'>,
	offerId: string | null
): Offer | null {
	if (offerId === null || offerId === '') return tender.offers[0] ?? null;
	return tender.offers.find((o) => o.id === offerId) ?? null;
}

/** An offer's (or the recommended architecture's) headline figures over the fleet's lifetime. */
export interface FleetFigures {
	/** Money lost to lock-in in the simulated run (no switch): visits, profile fees, overage, payouts. */
	lostMoney: number;
	/** Device-days offline, all causes. */
	offlineDeviceDays: number;
	/** Share of device-days online, 0 to 1. */
	availability: number;
}

export interface OfferFigures extends FleetFigures {
	offerId: string;
	vendor: string;
	/** The results' cost to leave (the scored estimate, as on the comparison). */
	costToLeave: number;
}

export interface SideBySideRow extends OfferFigures {
	/** Money lost beyond the recommended architecture's (negative: less). */
	lostMoneyOverRecommended: number;
	/** Device-days offline beyond the recommended architecture's. */
	offlineOverRecommended: number;
	/** The columns in which this offer has the lowest figure of all offers (ties share it). */
	lowest: ('lostMoney' | 'offlineDeviceDays' | 'costToLeave')[];
}

const COLUMNS = ['lostMoney', 'offlineDeviceDays', 'costToLeave'] as const;

/**
 * Every offer's figures beside the recommended architecture's, in the tender's order. Figures
 * are compared as shown: money and days in whole units, so offers that read the same tie.
 */
export function sideBySide(
	offers: readonly OfferFigures[],
	recommended: FleetFigures
): SideBySideRow[] {
	const whole = (x: number) => Math.round(x);
	const lowestOf = Object.fromEntries(
		COLUMNS.map((c) => [c, Math.min(...offers.map((o) => whole(o[c])))])
	) as Record<(typeof COLUMNS)[number], number>;
	return offers.map((offer) => ({
		...offer,
		lostMoneyOverRecommended: whole(offer.lostMoney) - whole(recommended.lostMoney),
		offlineOverRecommended: whole(offer.offlineDeviceDays) - whole(recommended.offlineDeviceDays),
		lowest: COLUMNS.filter((c) => whole(offer[c]) === lowestOf[c])
	}));
}
