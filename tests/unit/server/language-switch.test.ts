import { describe, expect, it } from 'vitest';
import { switchHref } from '../../../src/lib/language-links';
import {
	addressWithoutLanguage,
	languageCookie,
	languageSwitch
} from '../../../src/lib/server/language-switch';

const get = (url: string) => new Request(url);

describe('the language switch (?lang=)', () => {
	it('sets the cookie for a year on every path and sends the visitor back without the parameter', () => {
		const url = new URL('http://localhost/a/abc/network?lang=de&step=2');
		const response = languageSwitch(get(url.href), url, false)!;
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/a/abc/network?step=2');
		expect(response.headers.get('set-cookie')).toBe(
			'PARAGLIDE_LOCALE=de; Path=/; Max-Age=31536000; SameSite=Lax'
		);
	});

	it('marks the cookie Secure when the site is served over HTTPS', () => {
		expect(languageCookie('en', true)).toBe(
			'PARAGLIDE_LOCALE=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure'
		);
	});

	it('ignores languages it does not have, other methods, and requests without the parameter', () => {
		const unknown = new URL('http://localhost/?lang=fr');
		expect(languageSwitch(get(unknown.href), unknown, false)).toBeNull();
		const none = new URL('http://localhost/new');
		expect(languageSwitch(get(none.href), none, false)).toBeNull();
		const post = new URL('http://localhost/new?lang=de');
		expect(languageSwitch(new Request(post, { method: 'POST' }), post, false)).toBeNull();
	});

	it('never redirects to another host, however many slashes the path starts with', () => {
		expect(addressWithoutLanguage(new URL('http://localhost//evil.example/x?lang=de'))).toBe(
			'/evil.example/x'
		);
	});

	it('links to the same page with the language set and its other parameters kept', () => {
		expect(switchHref(new URL('http://localhost/fleet?devices=10&lang=en'), 'de')).toBe(
			'?devices=10&lang=de'
		);
	});

	it("never writes the page's path, which can hold a token, into the link", () => {
		const href = switchHref(new URL('http://localhost/respond/KWQ-brUUsepGF6__lBfeyw'), 'de');
		expect(href).toBe('?lang=de');
		expect(href).not.toContain('KWQ');
	});
});
