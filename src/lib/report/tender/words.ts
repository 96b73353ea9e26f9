/**
 * Words and figures the tender report repeats, in the report's language: the scoring mode, the
 * weights, the kinds of clarification, ratings, points and money. Pure: the locale is passed in.
 */
import { formatMoney, formatNumber } from '../../format/locale-format';
import { m } from '../../paraglide/messages';
import type { Locale } from '../../paraglide/runtime';
import type { Rating } from '../../rules/schema';
import type { ClarificationKind } from '../../tender/clarifications';
import type { ScoringMode } from '../../tender/schema';
import { money } from '../../text/verdict';
import type { WeightRow, WeightSource } from './model';

export function scoringWords(mode: ScoringMode, locale: Locale): string {
	return mode === 'as_given'
		? m.tpdf_scoring_as_given({}, { locale })
		: m.tpdf_scoring_verified_only({}, { locale });
}

export function weightSourceWord(source: WeightSource, locale: Locale): string {
	const o = { locale };
	return source === 'ruleset'
		? m.tpdf_source_ruleset({}, o)
		: source === 'saved'
			? m.tpdf_source_saved({}, o)
			: m.tpdf_source_whatif({}, o);
}

/** A weight or a score: at most two decimals ("1.5", "1,5"). */
export const weightNumber = (n: number, locale: Locale) => formatNumber(n, locale, 2);

/** A score to one decimal ("5.2", "5,2"). */
export const points = (n: number, locale: Locale) => formatNumber(n, locale, 1);

export function ratingWord(rating: Rating, locale: Locale): string {
	const o = { locale };
	return {
		low: m.tpdf_rating_low({}, o),
		moderate: m.tpdf_rating_moderate({}, o),
		high: m.tpdf_rating_high({}, o),
		critical: m.tpdf_rating_critical({}, o)
	}[rating];
}

/**
 * An amount: English keeps the wording the assessment report uses ("USD 3.7 million"); German
 * prints the whole figure as a German buyer writes it ("3.700.000 USD").
 */
export const moneyIn = (currency: string, amount: number, locale: Locale) =>
	locale === 'en' ? money(currency, amount) : formatMoney(amount, currency, locale);

export const questionsWord = (count: number, locale: Locale) =>
	count === 1
		? m.tpdf_questions_one({}, { locale })
		: m.tpdf_questions_many({ count: formatNumber(count, locale) }, { locale });

/**
 * "The ruleset’s, unchanged" or "Network coverage 2 (saved with the tender, ruleset 1); the other
 * areas at the ruleset’s weight". Only weights that differ from the ruleset's are named: the compare
 * page saves every slider, most of them left where the ruleset puts them.
 */
export function weightsSummary(rows: readonly WeightRow[], locale: Locale): string {
	const o = { locale };
	const changed = rows.filter((r) => r.used !== r.ruleset);
	if (changed.length === 0) return m.tpdf_weights_unchanged({}, o);
	const list = changed.map((r) => {
		const params = {
			area: r.title,
			used: weightNumber(r.used, locale),
			ruleset: weightNumber(r.ruleset, locale)
		};
		return r.source === 'saved'
			? m.tpdf_weights_row_saved(params, o)
			: m.tpdf_weights_row_whatif(params, o);
	});
	return `${list.join('; ')}${changed.length < rows.length ? m.tpdf_weights_others({}, o) : ''}`;
}

/** Headings of the vendor's clarification list, addressed to the vendor's bid team. */
export function clarificationHeading(
	kind: ClarificationKind,
	locale: Locale
): { title: string; intro: string } {
	const o = { locale };
	switch (kind) {
		case 'disputed':
			return { title: m.tpdf_clar_disputed_title({}, o), intro: m.tpdf_clar_disputed_intro({}, o) };
		case 'rejected':
			return { title: m.tpdf_clar_rejected_title({}, o), intro: m.tpdf_clar_rejected_intro({}, o) };
		case 'not_sure':
			return { title: m.tpdf_clar_not_sure_title({}, o), intro: m.tpdf_clar_not_sure_intro({}, o) };
		case 'unanswered':
			return {
				title: m.tpdf_clar_unanswered_title({}, o),
				intro: m.tpdf_clar_unanswered_intro({}, o)
			};
		case 'unverified':
			return {
				title: m.tpdf_clar_unverified_title({}, o),
				intro: m.tpdf_clar_unverified_intro({}, o)
			};
	}
}
