/**
 * The words around a rating in the PDF, in the report's language: the provisional range, the
 * cost to leave and why the rating is at least what it is. The same sentences as the pages'
 * (src/lib/text/verdict.ts) in English, with the locale passed in rather than assumed.
 */
import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { riskBand, type RiskBand } from '../assessment/risk-words';
import type { Confidence } from '../rules/schema';
import type { AppliedFloor, ScoreResult, SwitchingCost } from '../scoring/types';
import { decimal, ratingInline } from './wording';

type Say = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const CONFIDENCE: Record<Confidence, Say> = {
	high: m.report_confidence_high,
	medium: m.report_confidence_medium,
	low: m.report_confidence_low,
	unverified: m.report_confidence_unverified
};

/** "medium confidence", "mittlere Sicherheit". */
export const confidenceName = (confidence: Confidence, locale: Locale) =>
	CONFIDENCE[confidence]({}, { locale });

/** The unit a rounded amount reads in: millions and billions in words, smaller amounts in full. */
function scaleOf(amount: number): { divisor: number; unit: 'one' | 'million' | 'billion' } {
	if (Math.abs(amount) >= 1e9) return { divisor: 1e9, unit: 'billion' };
	if (Math.abs(amount) >= 1e6) return { divisor: 1e6, unit: 'million' };
	return { divisor: 1, unit: 'one' };
}

const AMOUNT = {
	one: m.report_money_amount,
	million: m.report_money_million,
	billion: m.report_money_billion
};
const RANGE = {
	one: m.report_money_range,
	million: m.report_money_range_million,
	billion: m.report_money_range_billion
};

const rounded = (amount: number, divisor: number, locale: Locale) =>
	divisor === 1 ? decimal(Math.round(amount), locale) : decimal(amount / divisor, locale);

/** "USD 3.7 million", "USD 49,000"; "3,7 Mio. USD", "49.000 USD". */
export function roundedMoney(currency: string, amount: number, locale: Locale): string {
	const { divisor, unit } = scaleOf(amount);
	return AMOUNT[unit]({ currency, amount: rounded(amount, divisor, locale) }, { locale });
}

/** "USD 1.6–11 million", "1,6–11 Mio. USD", or one amount when both ends are equal. */
export function moneyRange(currency: string, low: number, high: number, locale: Locale): string {
	if (low === high) return roundedMoney(currency, low, locale);
	const lowScale = scaleOf(low);
	const highScale = scaleOf(high);
	if (lowScale.divisor === highScale.divisor) {
		const { divisor, unit } = highScale;
		return RANGE[unit](
			{
				currency,
				low: rounded(low, divisor, locale),
				high: rounded(high, divisor, locale)
			},
			{ locale }
		);
	}
	return m.report_money_span(
		{
			low: roundedMoney(currency, low, locale),
			high: roundedMoney(currency, high, locale),
			// English drops the second code: "USD 490,000–1.2 million".
			highWithoutCurrency: roundedMoney(currency, high, locale).replace(`${currency} `, '')
		},
		{ locale }
	);
}

const assumedLines = (cost: SwitchingCost) =>
	cost.lines.filter((line) => line.applies && line.assumed);

/** "About USD 3.7 million to leave (USD 1.6–11 million), USD 370 per device". */
export function costHeadline(cost: SwitchingCost, locale: Locale): string {
	const e = cost.estimate;
	if (e.high === 0) return m.report_cost_none_found({}, { locale });
	const total = roundedMoney(cost.currency, e.total, locale);
	const perDevice = roundedMoney(cost.currency, e.perDevice, locale);
	if (e.low === e.high) return m.report_cost_headline({ total, perDevice }, { locale });
	const range = moneyRange(cost.currency, e.low, e.high, locale);
	return m.report_cost_headline_range({ total, range, perDevice }, { locale });
}

/** Said after the headline when part of the estimate rests on open questions. */
export function costAssumedNote(cost: SwitchingCost, locale: Locale): string | null {
	const assumed = assumedLines(cost);
	if (assumed.length === 0) return null;
	// Labels are nouns: German keeps their capital, English reads them mid-sentence.
	const names = assumed.map((line) =>
		locale === 'de' ? line.label : line.label.charAt(0).toLowerCase() + line.label.slice(1)
	);
	return m.report_cost_assumed_note({ names: names.join('; ') }, { locale });
}

/** "Provisional: 12–58, 20 of 38 answered", or null once every question is answered. */
export function provisionalLine(result: ScoreResult, locale: Locale): string | null {
	if (!result.overall.provisional) return null;
	const { answered, total } = result.completeness;
	const range = result.overall.range;
	const counts = { answered: String(answered), total: String(total) };
	if (!range) return m.report_provisional_line({ ...counts }, { locale });
	const [low, high] = [Math.round(range[0]), Math.round(range[1])];
	return low === high
		? m.report_provisional_line_fixed({ ...counts, score: String(low) }, { locale })
		: m.report_provisional_line_range(
				{ ...counts, low: String(low), high: String(high) },
				{ locale }
			);
}

/** What the provisional range means, in one sentence. */
export function provisionalMeaning(result: ScoreResult, locale: Locale): string | null {
	const range = result.overall.range;
	if (!result.overall.provisional || !range) return null;
	const [low, high] = [Math.round(range[0]), Math.round(range[1])];
	if (low === high) return m.report_provisional_meaning_fixed({}, { locale });
	return m.report_provisional_meaning({ low: String(low), high: String(high) }, { locale });
}

/** "at least high, medium confidence". */
export const floorTag = (floor: Pick<AppliedFloor, 'rating' | 'confidence'>, locale: Locale) =>
	m.report_floor_tag(
		{
			rating: ratingInline(floor.rating, locale).toLowerCase(),
			confidence: confidenceName(floor.confidence, locale)
		},
		{ locale }
	);

/** The reason with its rating and confidence: "… (at least high, medium confidence)." */
export function floorLine(floor: AppliedFloor, locale: Locale): string {
	const reason = floor.reason.trim().replace(/\.$/, '');
	return `${reason} (${floorTag(floor, locale)}).`;
}

/** One sentence on how the rating came about. */
export function ratingExplanation(result: ScoreResult, locale: Locale): string {
	const { overall } = result;
	const score = String(Math.round(overall.answersScore));
	const answersRating = ratingInline(overall.answersRating, locale);
	const raising = overall.floors.filter((f) => f.raises);
	if (raising.length === 0)
		return m.report_rating_explanation({ score, rating: answersRating }, { locale });
	const explain =
		raising.length === 1
			? m.report_rating_explanation_raised_one
			: m.report_rating_explanation_raised_many;
	return explain(
		{ score, rating: answersRating, raisedTo: ratingInline(overall.rating, locale) },
		{ locale }
	);
}

const RISK_VERB: Record<RiskBand, Say> = {
	flexible: m.report_risk_verb_flexible,
	some: m.report_risk_verb_some,
	locking: m.report_risk_verb_locking
};

/** The same, at the end of a German subordinate clause ("…, die Sie flexibel hält"). */
const RISK_CLAUSE: Record<RiskBand, Say> = {
	flexible: m.report_risk_clause_flexible,
	some: m.report_risk_clause_some,
	locking: m.report_risk_clause_locking
};

const riskInputs = (risk: number, locale: Locale) => ({
	verb: RISK_VERB[riskBand(risk)]({}, { locale }),
	clause: RISK_CLAUSE[riskBand(risk)]({}, { locale }),
	risk: String(Math.round(risk * 100))
});

/** "This answer brings some lock-in (risk 50 of 100)." */
export const answerRiskSentence = (risk: number, locale: Locale) =>
	m.report_answer_risk(riskInputs(risk, locale), { locale });

/** "Until the vendor answers, "not sure" counts as an answer that … (risk 90 of 100)." */
export const notSureRiskSentence = (risk: number, locale: Locale) =>
	m.report_not_sure_risk(riskInputs(risk, locale), { locale });
