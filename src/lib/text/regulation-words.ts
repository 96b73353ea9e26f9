import { formatDate } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { ApplicableRegulation } from '../scoring/types';

type Kind = ApplicableRegulation['kind'];
type Scope = ApplicableRegulation['appliesTo'][number];

const KIND_MESSAGE: Record<Kind, typeof m.results_regulation_right> = {
	right: m.results_regulation_right,
	duty: m.results_regulation_duty
};

const SCOPE_MESSAGE: Record<Scope, typeof m.results_regulation_scope_sim> = {
	platform: m.results_regulation_scope_platform,
	connectivity: m.results_regulation_scope_connectivity,
	sim: m.results_regulation_scope_sim,
	device: m.results_regulation_scope_device
};

export const regulationPanelTitle = (locale: Locale) => m.results_regulation_title({}, { locale });

export const regulationKindWord = (kind: Kind, locale: Locale) =>
	KIND_MESSAGE[kind]({}, { locale });

/** Said when no rule in rules/regulations.yaml reaches the fleet's countries or the buyer's. */
export const noRegulationRecorded = (locale: Locale) => m.results_regulation_none({}, { locale });

/** "2025-09-12" as "12 September 2025" or "12. September 2025"; anything else as given. */
export function dateWords(iso: string, locale: Locale): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		dateStyle: 'long',
		timeZone: 'UTC'
	}).format(new Date(`${iso}T00:00:00Z`));
}

/** A review day as the reader writes dates ("12 Sept 2025", "12.09.2025"). */
export const reviewedWords = (iso: string, locale: Locale) =>
	/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso, locale) : iso;

/** When it applies, said honestly: a date, or that none is given and why. */
export function appliesFromWords(
	regulation: Pick<ApplicableRegulation, 'appliesFrom' | 'appliesFromNote'>,
	locale: Locale
): string {
	const when = regulation.appliesFrom
		? m.results_regulation_applies_from(
				{ date: dateWords(regulation.appliesFrom, locale) },
				{ locale }
			)
		: m.results_regulation_not_in_force({}, { locale });
	return regulation.appliesFromNote ? `${when} ${regulation.appliesFromNote}` : when;
}

export const scopeWords = (regulation: Pick<ApplicableRegulation, 'appliesTo'>, locale: Locale) =>
	regulation.appliesTo.map((scope) => SCOPE_MESSAGE[scope]({}, { locale })).join(', ');

export const hostOf = (url: string) => {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return url;
	}
};
