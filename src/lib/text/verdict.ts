/**
 * The words around a rating, shared by the results page, the share page and the PDF: the
 * provisional range, the cost to leave and why the rating is at least what it is. Plain data in,
 * plain strings out, so every place the rating appears says the same thing.
 */
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { Confidence, Rating } from '../rules/schema';
import type { AppliedFloor, Finding, ScoreResult, Severity, SwitchingCost } from '../scoring/types';

const RATING_MESSAGE: Record<Rating, typeof m.results_rating_low> = {
	low: m.results_rating_low,
	moderate: m.results_rating_moderate,
	high: m.results_rating_high,
	critical: m.results_rating_critical
};

const CONFIDENCE_MESSAGE: Record<Confidence, typeof m.results_confidence_high> = {
	high: m.results_confidence_high,
	medium: m.results_confidence_medium,
	low: m.results_confidence_low,
	unverified: m.results_confidence_unverified
};

/** "High", "Hoch". */
export const ratingWord = (rating: Rating, locale: Locale) =>
	RATING_MESSAGE[rating]({}, { locale });

/** "medium confidence", "mittleres Vertrauen". */
export const confidenceName = (confidence: Confidence, locale: Locale) =>
	CONFIDENCE_MESSAGE[confidence]({}, { locale });

/**
 * The unit a rounded amount reads in: millions and billions in words, smaller amounts in full.
 * English puts the code first ("USD 3.7 million"), German after ("3,7 Mio. USD"), as Intl does.
 */
function scaleOf(amount: number, locale: Locale): { divisor: number; word: string } {
	if (Math.abs(amount) >= 1e9) return { divisor: 1e9, word: m.results_billion({}, { locale }) };
	if (Math.abs(amount) >= 1e6) return { divisor: 1e6, word: m.results_million({}, { locale }) };
	return { divisor: 1, word: '' };
}

const withCurrency = (currency: string, figure: string, locale: Locale) =>
	locale === 'en' ? `${currency} ${figure}` : `${figure} ${currency}`;

/** "USD 3.7 million", "USD 49,000", "USD 370"; "3,7 Mio. USD" in German. */
export function money(currency: string, amount: number, locale: Locale = 'en'): string {
	const { divisor, word } = scaleOf(amount, locale);
	const figure = formatNumber(amount / divisor, locale, divisor === 1 ? 0 : 2);
	return withCurrency(currency, `${figure}${word}`, locale);
}

/**
 * "USD 1.6–11 million", "USD 490,000–1.2 million", or one amount when both ends are equal; German
 * "490.000–1,2 Mio. USD". The pages, the PDF and the scoring core's rule texts all say it this way.
 */
export function moneyRange(
	currency: string,
	low: number,
	high: number,
	locale: Locale = 'en'
): string {
	if (low === high) return money(currency, low, locale);
	const lowScale = scaleOf(low, locale);
	const highScale = scaleOf(high, locale);
	const figure = (amount: number, divisor: number) =>
		formatNumber(amount / divisor, locale, divisor === 1 ? 0 : 2);
	if (lowScale.divisor === highScale.divisor) {
		const { divisor, word } = highScale;
		return withCurrency(
			currency,
			`${figure(low, divisor)}–${figure(high, divisor)}${word}`,
			locale
		);
	}
	return withCurrency(
		currency,
		`${figure(low, lowScale.divisor)}${lowScale.word}–${figure(high, highScale.divisor)}${highScale.word}`,
		locale
	);
}

/** The lines of the estimate that rest on open questions rather than on answers. */
export const assumedLines = (cost: SwitchingCost) =>
	cost.lines.filter((line) => line.applies && line.assumed);

/**
 * "About USD 3.7 million to leave (USD 1.6–11 million), USD 370 per device": the rounded estimate
 * with the range the assumptions allow.
 */
export function costHeadline(cost: SwitchingCost, locale: Locale): string {
	const e = cost.estimate;
	if (e.high === 0) return m.results_cost_none({}, { locale });
	const range = e.low === e.high ? '' : ` (${moneyRange(cost.currency, e.low, e.high, locale)})`;
	return m.results_cost_headline(
		{
			total: money(cost.currency, e.total, locale),
			range,
			perDevice: money(cost.currency, e.perDevice, locale)
		},
		{ locale }
	);
}

/** Said after the headline when part of the estimate rests on open questions. */
export function costAssumedNote(cost: SwitchingCost, locale: Locale): string | null {
	const assumed = assumedLines(cost);
	if (assumed.length === 0) return null;
	// German nouns keep their capital.
	const names = assumed.map((line) =>
		locale === 'en' ? line.label.charAt(0).toLowerCase() + line.label.slice(1) : line.label
	);
	return m.results_cost_assumed({ names: names.join('; ') }, { locale });
}

/** "Provisional: 12–58, 20 of 38 answered", or null once every question is answered. */
export function provisionalLine(result: ScoreResult, locale: Locale): string | null {
	if (!result.overall.provisional) return null;
	const { answered, total } = result.completeness;
	const range = result.overall.range;
	const [low, high] = range ? [Math.round(range[0]), Math.round(range[1])] : [null, null];
	const span =
		low === null
			? ''
			: low === high
				? m.results_provisional_same({ score: low }, { locale })
				: m.results_provisional_range({ low, high }, { locale });
	return m.results_provisional({ span, answered, total }, { locale });
}

/** What the provisional range means, in one sentence. */
export function provisionalMeaning(result: ScoreResult, locale: Locale): string | null {
	const range = result.overall.range;
	if (!result.overall.provisional || !range) return null;
	const [low, high] = [Math.round(range[0]), Math.round(range[1])];
	if (low === high) return m.results_provisional_fixed({}, { locale });
	return m.results_provisional_between({ low, high }, { locale });
}

/** "High" or "High so far": a rating with open questions is never shown as final. */
export const ratingName = (result: ScoreResult, locale: Locale) =>
	`${ratingWord(result.overall.rating, locale)}${result.overall.provisional ? ` ${m.results_so_far({}, { locale })}` : ''}`;

/** A rating inside a sentence: "high" in English, "Hoch" keeps its capital in German. */
const ratingInText = (rating: Rating, locale: Locale) =>
	locale === 'en' ? ratingWord(rating, locale).toLowerCase() : ratingWord(rating, locale);

/** "at least high, medium confidence". */
export const floorTag = (floor: Pick<AppliedFloor, 'rating' | 'confidence'>, locale: Locale) =>
	m.results_floor_tag(
		{
			rating: ratingInText(floor.rating, locale),
			confidence: confidenceName(floor.confidence, locale)
		},
		{ locale }
	);

/** The reason with its rating and confidence: "… (at least high, medium confidence)". */
export function floorLine(floor: AppliedFloor, locale: Locale): string {
	const reason = floor.reason.trim().replace(/\.$/, '');
	return `${reason} (${floorTag(floor, locale)}).`;
}

/** The floors that lift the rating above the answers' own, and those the answers already meet. */
export function floorGroups(result: ScoreResult) {
	return {
		raising: result.overall.floors.filter((f) => f.raises),
		met: result.overall.floors.filter((f) => !f.raises)
	};
}

/** One sentence on how the rating came about. */
export function ratingExplanation(result: ScoreResult, locale: Locale): string {
	const { overall } = result;
	const answers = m.results_answers_alone(
		{
			score: Math.round(overall.answersScore),
			rating: ratingInText(overall.answersRating, locale)
		},
		{ locale }
	);
	const raising = overall.floors.filter((f) => f.raises);
	if (raising.length === 0) return `${answers}.`;
	const raised = raising.length === 1 ? m.results_raised_one : m.results_raised_other;
	return raised({ answers, rating: ratingInText(overall.rating, locale) }, { locale });
}

/** "Critical", "High", "Medium", in the reader's language. */
export const severityName = (severity: Severity, locale: Locale) =>
	severity === 'medium' ? m.results_severity_medium({}, { locale }) : ratingWord(severity, locale);

const SEVERITIES: Severity[] = ['critical', 'high', 'medium'];

/** Findings grouped by severity, most severe first; empty groups are left out. */
export function findingsBySeverity(
	findings: readonly Finding[]
): { severity: Severity; findings: Finding[] }[] {
	return SEVERITIES.map((severity) => ({
		severity,
		findings: findings.filter((f) => f.severity === severity)
	})).filter((group) => group.findings.length > 0);
}
