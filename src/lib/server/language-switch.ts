import { cookieName, isLocale, type Locale } from '$lib/paraglide/runtime';
import { LANGUAGE_PARAM } from '$lib/language-links';

/** A chosen language is kept for a year, on every path, sent on top-level navigations only. */
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The cookie that remembers a visitor's language (read by paraglideMiddleware on every request). */
export function languageCookie(locale: Locale, secure: boolean): string {
	const attributes = [`${cookieName}=${locale}`, 'Path=/', `Max-Age=${ONE_YEAR_SECONDS}`];
	attributes.push('SameSite=Lax');
	if (secure) attributes.push('Secure');
	return attributes.join('; ');
}

/**
 * The same page without `lang`, as a path on this site: a path that starts with several slashes
 * ("//evil.example") would otherwise read as another host in a Location header.
 */
export function addressWithoutLanguage(url: URL): string {
	const search = new URLSearchParams(url.search);
	search.delete(LANGUAGE_PARAM);
	const query = search.toString();
	return `/${url.pathname.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
}

/**
 * A GET or HEAD that asks for a language (`?lang=de`) sets the cookie and sends the visitor back
 * to the same page without the parameter (303), so the address they keep or share names no
 * language. Anything else, including an unknown language, is no switch and goes on as usual.
 */
export function languageSwitch(request: Request, url: URL, secure: boolean): Response | null {
	if (request.method !== 'GET' && request.method !== 'HEAD') return null;
	const asked = url.searchParams.get(LANGUAGE_PARAM);
	if (asked === null || !isLocale(asked)) return null;
	return new Response(null, {
		status: 303,
		headers: { location: addressWithoutLanguage(url), 'set-cookie': languageCookie(asked, secure) }
	});
}
