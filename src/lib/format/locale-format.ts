import type { Locale } from '$lib/paraglide/runtime';

/**
 * Numbers, money, shares and dates for a reader in the chosen language, through Intl, so a German
 * buyer reads "7.940.080 USD" and "02.12.2026" and an English one "USD 7,940,080" and "2 Dec 2026".
 * English dates name the month: "12/1/2026" means two different days either side of the Atlantic.
 */
const INTL_TAG: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

export const intlTag = (locale: Locale): string => INTL_TAG[locale];

/** A count or figure, at most `maxDigits` decimals (none by default). */
export function formatNumber(n: number, locale: Locale, maxDigits = 0): string {
	return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: maxDigits }).format(n);
}

/**
 * An amount with its ISO currency code (the assessment's currency, never assumed), cents only where
 * the amount has them, so a 0.04 unit price keeps its cents and a 7,940,080 total has none.
 */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
	const cents = !Number.isInteger(Math.round(amount * 100) / 100);
	return new Intl.NumberFormat(INTL_TAG[locale], {
		style: 'currency',
		currency,
		currencyDisplay: 'code',
		minimumFractionDigits: cents ? 2 : 0,
		maximumFractionDigits: cents ? 2 : 0
	}).format(amount);
}

/** A share from 0 to 1 as a percentage: 0.9966 reads "99.66%" or "99,66 %". */
export function formatPercent(share: number, locale: Locale, maxDigits = 0): string {
	return new Intl.NumberFormat(INTL_TAG[locale], {
		style: 'percent',
		maximumFractionDigits: maxDigits
	}).format(share);
}

/** A calendar day from an ISO date or timestamp, in UTC so a day never shifts with the server. */
export function formatDate(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(iso)
	);
}

/** A moment, in the reader's own time zone when `timeZone` is left out (a browser's), else that one. */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
	return new Intl.DateTimeFormat(INTL_TAG[locale], {
		dateStyle: 'medium',
		timeStyle: 'short',
		...(timeZone ? { timeZone } : {})
	}).format(new Date(iso));
}
