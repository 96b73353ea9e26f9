/**
 * The clarification questions to send each vendor: what its offer leaves open or in doubt, each
 * with the question from the ruleset, what to ask, and why it matters. Pure.
 *
 * Per offer, in this order: every answer the buyer disputed (with the buyer's state note), every
 * answer the buyer rejected, every "not sure", every question not answered, then every claim the
 * buyer has not verified yet, those that move the score most first. Each reason is in the `locale`
 * given; the question, ask and why are the ruleset's own texts.
 */
import { localProfileQuestions } from '../assessment/local-profiles';
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { Rules } from '../rules/load';
import { NOT_SURE } from '../rules/constants';
import { notSureRisk } from '../scoring/answers';
import { score } from '../scoring/score';
import { weightsUsed, type FullWeights } from './compare';
import type { Offer, OfferAnswer, StoredTender } from './schema';

export const CLARIFICATION_KINDS = [
	'disputed',
	'rejected',
	'not_sure',
	'unanswered',
	'unverified'
] as const;
export type ClarificationKind = (typeof CLARIFICATION_KINDS)[number];

export interface ClarificationItem {
	kind: ClarificationKind;
	questionId: string;
	/** The area's title. */
	area: string;
	/** The question as the ruleset asks it. */
	question: string;
	/** What to put to the vendor (the ruleset's ask-the-vendor text). */
	ask: string;
	/** Why the question matters (the ruleset's). */
	why: string;
	/** Why it is on this list, in one sentence. */
	reason: string;
	/** The answer given, as its label; null when none was. */
	answer: string | null;
	statement?: string;
	evidence?: string;
	/** The buyer's reason for disputing or rejecting it. */
	buyerNote?: string;
	/**
	 * For an unverified claim: the points of the overall score (0-100) it would add if it proved
	 * as uncertain as "not sure" (its area's share × its share of the area × the difference in
	 * risk). null for a per-country local-profile question, which acts through the roaming floor.
	 */
	stake: number | null;
}

export interface VendorClarifications {
	offerId: string;
	vendor: string;
	items: ClarificationItem[];
}

interface CatalogueEntry {
	id: string;
	area: string;
	text: string;
	why: string;
	ask: string;
	options: { id: string; label: string; risk: number }[];
	/** The question's share of the overall score: area weight / all area weights × question weight / its area's. */
	share: number | null;
	notSureRisk: number;
}

/**
 * Every question the tender's fleet is asked, in the ruleset's order with the per-country
 * questions last. The ask texts come from scoring every question as "not sure", so they are filled
 * in ({devices}, {country}) exactly as the assessment's ask-the-vendor list fills them.
 */
function catalogue(
	rules: Rules,
	tender: Pick<StoredTender, 'fleet'>,
	weights: FullWeights
): CatalogueEntry[] {
	const { ruleset } = rules;
	const local = localProfileQuestions(rules, tender.fleet.countries);
	const allOpen = Object.fromEntries(
		[...ruleset.areas.flatMap((a) => a.questions.map((q) => q.id)), ...local.map((q) => q.id)].map(
			(id) => [id, { option: NOT_SURE }]
		)
	);
	const asks = new Map(
		score(rules, { fleet: tender.fleet, costs: {}, answers: allOpen }).askVendor.map((item) => [
			item.questionId,
			item.ask
		])
	);
	const totalWeight = Object.values(weights).reduce((sum, w) => sum + w, 0);
	const entries: CatalogueEntry[] = ruleset.areas.flatMap((area) => {
		const areaWeight = area.questions.reduce((sum, q) => sum + q.weight, 0);
		return area.questions.map((q) => ({
			id: q.id,
			area: area.title,
			text: q.text,
			why: q.why,
			ask: asks.get(q.id) ?? q.askVendor,
			options: q.options.map((o) => ({ id: o.id, label: o.label, risk: o.risk })),
			share: (weights[area.id] / totalWeight) * (q.weight / areaWeight),
			notSureRisk: notSureRisk(ruleset, q)
		}));
	});
	const localArea = ruleset.areas.find((a) => a.id === ruleset.localProfiles?.area)?.title ?? '';
	for (const q of local) {
		entries.push({
			id: q.id,
			area: localArea,
			text: q.text,
			why: q.why,
			ask: asks.get(q.id) ?? q.askVendor,
			options: q.options,
			share: null,
			notSureRisk: notSureRisk(ruleset, q)
		});
	}
	return entries;
}

function kindOf(answer: OfferAnswer | undefined): ClarificationKind | null {
	if (answer?.option === undefined) return 'unanswered';
	if (answer.state === 'disputed') return 'disputed';
	if (answer.state === 'rejected') return 'rejected';
	if (answer.option === NOT_SURE) return 'not_sure';
	if (answer.by === 'vendor' && answer.state === 'claimed') return 'unverified';
	return null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function reasonFor(kind: ClarificationKind, stake: number | null, locale: Locale): string {
	const o = { locale };
	switch (kind) {
		case 'disputed':
			return m.tender_clar_reason_disputed({}, o);
		case 'rejected':
			return m.tender_clar_reason_rejected({}, o);
		case 'not_sure':
			return m.tender_clar_reason_not_sure({}, o);
		case 'unanswered':
			return m.tender_clar_reason_unanswered({}, o);
		case 'unverified':
			return stake === null
				? m.tender_clar_reason_unverified_country({}, o)
				: m.tender_clar_reason_unverified({ points: formatNumber(stake, locale, 1) }, o);
	}
}

const ORDER: Record<ClarificationKind, number> = {
	disputed: 0,
	rejected: 1,
	not_sure: 2,
	unanswered: 3,
	unverified: 4
};

function offerItems(
	rules: Rules,
	entries: CatalogueEntry[],
	offer: Pick<Offer, 'answers'>,
	locale: Locale
): ClarificationItem[] {
	const items: (ClarificationItem & { position: number })[] = [];
	entries.forEach((entry, position) => {
		const answer = offer.answers[entry.id];
		const kind = kindOf(answer);
		if (!kind) return;
		const option = answer?.option;
		const chosen = entry.options.find((o) => o.id === option);
		const stake =
			kind !== 'unverified' || entry.share === null
				? null
				: round1(100 * entry.share * Math.max(0, entry.notSureRisk - (chosen?.risk ?? 0)));
		items.push({
			kind,
			questionId: entry.id,
			area: entry.area,
			question: entry.text,
			ask: entry.ask,
			why: entry.why,
			reason: reasonFor(kind, stake, locale),
			answer:
				option === undefined
					? null
					: option === NOT_SURE
						? rules.ruleset.notSure.label
						: (chosen?.label ?? option),
			...(answer?.statement ? { statement: answer.statement } : {}),
			...(answer?.evidence ? { evidence: answer.evidence } : {}),
			...((kind === 'disputed' || kind === 'rejected') && answer?.stateNote
				? { buyerNote: answer.stateNote }
				: {}),
			stake,
			position
		});
	});
	// Unverified claims: the per-country ones first (they can force the rating), then by stake.
	const stakeOrder = (i: ClarificationItem) =>
		i.stake === null ? Number.POSITIVE_INFINITY : i.stake;
	return items
		.sort(
			(a, b) =>
				ORDER[a.kind] - ORDER[b.kind] ||
				(a.kind === 'unverified' ? stakeOrder(b) - stakeOrder(a) : 0) ||
				a.position - b.position
		)
		.map(({ position: _position, ...item }) => item);
}

/** Every offer's clarification questions, in the tender's order of offers, their reasons in `locale`. */
export function clarifications(
	rules: Rules,
	tender: Pick<StoredTender, 'offers' | 'fleet' | 'weights'>,
	locale: Locale,
	weights: FullWeights = weightsUsed(rules, tender.weights)
): VendorClarifications[] {
	const entries = catalogue(rules, tender, weights);
	return tender.offers.map((offer) => ({
		offerId: offer.id,
		vendor: offer.vendor,
		items: offerItems(rules, entries, offer, locale)
	}));
}

/** How many items of each kind: for a summary line. */
export function countByKind(
	items: readonly ClarificationItem[]
): Record<ClarificationKind, number> {
	const counts = Object.fromEntries(CLARIFICATION_KINDS.map((k) => [k, 0])) as Record<
		ClarificationKind,
		number
	>;
	for (const item of items) counts[item.kind] += 1;
	return counts;
}
