import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { formatMoney, formatNumber, intlTag } from '../format/locale-format';
import type { Rating, RestrictionKind } from '../rules/schema';
import type {
	ArchitectureComparison,
	LockInSignStatus,
	RoamingExposure,
	Severity
} from '../scoring/types';
import { COLORS } from './theme';

type Say = (inputs: Record<string, never>, options: { locale: Locale }) => string;
const say = (message: Say, locale: Locale) => message({}, { locale });

/** The words a board member reads: what the rating means for the decision. */
export function ratingMeaning(
	rating: Rating,
	locale: Locale
): { headline: string; meaning: string } {
	const words: Record<Rating, [Say, Say]> = {
		low: [m.report_rating_low_headline, m.report_rating_low_meaning],
		moderate: [m.report_rating_moderate_headline, m.report_rating_moderate_meaning],
		high: [m.report_rating_high_headline, m.report_rating_high_meaning],
		critical: [m.report_rating_critical_headline, m.report_rating_critical_meaning]
	};
	const [headline, meaning] = words[rating];
	return { headline: say(headline, locale), meaning: say(meaning, locale) };
}

const RATING_WORDS: Record<Rating, Say> = {
	low: m.report_rating_low,
	moderate: m.report_rating_moderate,
	high: m.report_rating_high,
	critical: m.report_rating_critical
};

/** "High", "Hoch". */
export const ratingWord = (rating: Rating, locale: Locale) => say(RATING_WORDS[rating], locale);

/** The English rating words, for the tender report until it takes a language. */
export const RATING_WORD: Record<Rating, string> = {
	low: ratingWord('low', 'en'),
	moderate: ratingWord('moderate', 'en'),
	high: ratingWord('high', 'en'),
	critical: ratingWord('critical', 'en')
};

/** A rating inside a sentence: "at least high", "mindestens hoch". */
export const ratingInline = (rating: Rating, locale: Locale) =>
	locale === 'de' ? ratingWord(rating, locale).toLowerCase() : rating;

const RATING_COLOR: Record<Rating, string> = {
	low: COLORS.low,
	moderate: COLORS.moderate,
	high: COLORS.high,
	critical: COLORS.critical
};

const RATING_BG: Record<Rating, string> = {
	low: COLORS.lowBg,
	moderate: COLORS.moderateBg,
	high: COLORS.highBg,
	critical: COLORS.criticalBg
};

export const ratingColor = (rating: Rating | null) =>
	rating ? RATING_COLOR[rating] : COLORS.muted;
export const ratingBackground = (rating: Rating | null) =>
	rating ? RATING_BG[rating] : COLORS.faint;

const SEVERITY_WORDS: Record<Severity, Say> = {
	critical: m.report_rating_critical,
	high: m.report_rating_high,
	medium: m.report_severity_medium
};

export const severityWord = (severity: Severity, locale: Locale) =>
	say(SEVERITY_WORDS[severity], locale);

/** What each kind of permanent-roaming rule is called on the results page (English pages). */
export const KIND_WORD: Record<RestrictionKind, string> = {
	banned: 'Banned',
	time_limited: 'Time-limited',
	local_profile_required: 'Local profile required',
	intermittent: 'Recurring blocks',
	approval_required: 'Approval required',
	carrier_specific: 'Carrier policy',
	registration_only: 'Registration only',
	none_known: 'None known'
};

const KIND_WORDS: Record<RestrictionKind, Say> = {
	banned: m.report_kind_banned,
	time_limited: m.report_kind_time_limited,
	local_profile_required: m.report_kind_local_profile_required,
	intermittent: m.report_kind_intermittent,
	approval_required: m.report_kind_approval_required,
	carrier_specific: m.report_kind_carrier_specific,
	registration_only: m.report_kind_registration_only,
	none_known: m.report_kind_none_known
};

export const kindWord = (kind: RestrictionKind, locale: Locale) => say(KIND_WORDS[kind], locale);

const ROAMING_SEVERITIES: Record<RoamingExposure['severity'], { label: Say; color: string }> = {
	critical: { label: m.report_roaming_severity_critical, color: COLORS.critical },
	warning: { label: m.report_roaming_severity_warning, color: '#ea580c' },
	info: { label: m.report_roaming_severity_info, color: '#ca8a04' },
	none: { label: m.report_roaming_severity_none, color: '#16a34a' }
};

/** What a country's rule means for the offer, with its colour: "Service at risk", red. */
export function roamingSeverity(severity: RoamingExposure['severity'], locale: Locale) {
	const { label, color } = ROAMING_SEVERITIES[severity];
	return { label: say(label, locale), color };
}

/** The English labels, for the tender report until it takes a language. */
export const ROAMING_SEVERITY: Record<
	RoamingExposure['severity'],
	{ label: string; color: string }
> = {
	critical: roamingSeverity('critical', 'en'),
	warning: roamingSeverity('warning', 'en'),
	info: roamingSeverity('info', 'en'),
	none: roamingSeverity('none', 'en')
};

const COPES_WORDS: Record<RoamingExposure['severity'], Say> = {
	critical: m.report_copes_critical,
	warning: m.report_copes_warning,
	info: m.report_copes_info,
	none: m.report_copes_none
};

export const copesWord = (severity: RoamingExposure['severity'], locale: Locale) =>
	say(COPES_WORDS[severity], locale);

/** How the results page names an element's status (English pages). */
export const ARCH_WORD: Record<ArchitectureComparison['status'], string> = {
	met: 'Offer has it',
	partial: 'Partly',
	missing: 'Missing'
};

const ARCH_WORDS: Record<ArchitectureComparison['status'], Say> = {
	met: m.report_arch_met,
	partial: m.report_arch_partial,
	missing: m.report_arch_missing
};

export const archWord = (status: ArchitectureComparison['status'], locale: Locale) =>
	say(ARCH_WORDS[status], locale);

/** How the results page names a sign's status (English pages). */
export const SIGN_WORD: Record<LockInSignStatus['status'], string> = {
	present: 'Present',
	partly: 'Partly present',
	absent: 'Not present',
	unknown: 'Not known yet'
};

const SIGN_WORDS: Record<LockInSignStatus['status'], Say> = {
	present: m.report_sign_present,
	partly: m.report_sign_partly,
	absent: m.report_sign_absent,
	unknown: m.report_sign_unknown
};

export const signWord = (status: LockInSignStatus['status'], locale: Locale) =>
	say(SIGN_WORDS[status], locale);

// Intl puts a no-break space between a currency code and its amount; a PDF reader copies a space.
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** "12,000" or "12.000". */
export const count = (n: number, locale: Locale = 'en') => plainSpaces(formatNumber(n, locale));

/** A figure with up to two decimals: "1.5" or "1,5". */
export const decimal = (n: number, locale: Locale) => plainSpaces(formatNumber(n, locale, 2));

/** A figure with every decimal it has (an exchange rate): "0.9234" or "0,9234". */
export const plainNumber = (n: number, locale: Locale) => plainSpaces(formatNumber(n, locale, 10));

/** An exact amount in the assessment's currency: "USD 1,234" or "1.234 USD". */
export const money = (currency: string, amount: number, locale: Locale) =>
	plainSpaces(formatMoney(Math.round(amount), currency, locale));

/** "3 devices", in English: the tender report's, until it takes a language. */
export const plural = (n: number, one: string, many: string) =>
	`${count(n)} ${n === 1 ? one : many}`;

/** "3 devices", "1 Gerät": the message for one or for many, with the count formatted. */
export function pluralOf(
	n: number,
	locale: Locale,
	one: (inputs: { count: string }, options: { locale: Locale }) => string,
	many: (inputs: { count: string }, options: { locale: Locale }) => string
): string {
	return (n === 1 ? one : many)({ count: count(n, locale) }, { locale });
}

/** "25 November 2026" or "25. November 2026", in the reader's time zone when the caller gives it. */
export function longDate(date: Date, timeZone = 'UTC', locale: Locale = 'en'): string {
	const format = (zone: string) =>
		new Intl.DateTimeFormat(intlTag(locale), {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: zone
		}).format(date);
	try {
		return format(timeZone);
	} catch {
		return format('UTC');
	}
}

/** A calendar day given as an ISO date ("2026-11-25"): "25 Nov 2026" or "25.11.2026"; else as given. */
export function shortDate(iso: string, locale: Locale): string {
	const day = /^\d{4}-\d{2}-\d{2}/.exec(iso);
	if (!day) return iso;
	return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${day[0]}T00:00:00Z`)
	);
}
