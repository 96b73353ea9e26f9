import type { Locale } from '$lib/paraglide/runtime';

/** The query parameter the header's language links carry: `?lang=de` (handled in hooks.server.ts). */
export const LANGUAGE_PARAM = 'lang';

/** Each language named in itself, so a reader finds theirs whatever the page's language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

/**
 * The link to a language: the current page with `?lang=` set, its other parameters kept. Only the
 * query, relative to the page: a path can hold a capability (/respond/{token}, /s/{token}) that
 * the page must never write into its own HTML, even on its 404.
 */
export function switchHref(url: URL, locale: Locale): string {
	const search = new URLSearchParams(url.search);
	search.set(LANGUAGE_PARAM, locale);
	return `?${search.toString()}`;
}
