/**
 * The page's language (issue 13 item 3): the visitor's cookie, else Accept-Language, else English,
 * and the header's switch (?lang=) that sets the cookie. Against the built server, as a browser
 * without JavaScript would meet it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './http';
import { startServer, type TestServer } from './server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

const home = (headers: Record<string, string>) => send(server, 'GET', '/', { headers });
const htmlLang = (text: string) => /<html lang="([^"]+)"/.exec(text)?.[1];
const GERMAN_HEADING = 'IoT-Konnektivität einkaufen, ohne sich zu binden';
const ENGLISH_HEADING = 'Buy IoT connectivity without getting locked in';

describe('the language of a page', () => {
	it('follows Accept-Language when there is no cookie', async () => {
		const german = await home({ 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' });
		expect(german.status).toBe(200);
		expect(htmlLang(german.text)).toBe('de');
		expect(german.text).toContain(GERMAN_HEADING);
		expect(german.text).toContain('Meine Bewertungen');

		const english = await home({ 'accept-language': 'en-US,en;q=0.9' });
		expect(htmlLang(english.text)).toBe('en');
		expect(english.text).toContain(ENGLISH_HEADING);
	});

	it('is English for a language it does not have, and with no Accept-Language at all', async () => {
		expect(htmlLang((await home({ 'accept-language': 'fr-FR' })).text)).toBe('en');
		expect(htmlLang((await home({})).text)).toBe('en');
	});

	it('lets the cookie win over Accept-Language, either way', async () => {
		const english = await home({
			'accept-language': 'de-DE,de;q=0.9',
			cookie: 'PARAGLIDE_LOCALE=en'
		});
		expect(htmlLang(english.text)).toBe('en');
		expect(english.text).toContain(ENGLISH_HEADING);

		const german = await home({ 'accept-language': 'en-US', cookie: 'PARAGLIDE_LOCALE=de' });
		expect(htmlLang(german.text)).toBe('de');
		expect(german.text).toContain(GERMAN_HEADING);
	});

	it('switches with ?lang=: a cookie for a year and a redirect to the same page without it', async () => {
		const switched = await send(server, 'GET', '/new?lang=de', {
			headers: { 'accept-language': 'en-US' }
		});
		expect(switched.status).toBe(303);
		expect(switched.headers.get('location')).toBe('/new');
		expect(switched.headers.get('set-cookie')).toBe(
			'PARAGLIDE_LOCALE=de; Path=/; Max-Age=31536000; SameSite=Lax'
		);
		expect(switched.headers.get('cache-control')).toBe('no-store');

		const page = await send(server, 'GET', '/new', {
			headers: { 'accept-language': 'en-US', cookie: 'PARAGLIDE_LOCALE=de' }
		});
		expect(htmlLang(page.text)).toBe('de');
		expect(page.text).toContain('Speichern und Fragebogen beginnen');
	});

	it('offers both languages in the header, each named in itself, the current one marked', async () => {
		const page = await home({ 'accept-language': 'de' });
		expect(page.text).toMatch(/<a href="\?lang=en" lang="en" hreflang="en"[^>]*>English<\/a>/);
		expect(page.text).toMatch(
			/<a href="\?lang=de" lang="de" hreflang="de" aria-current="true"[^>]*>Deutsch<\/a>/
		);
	});
});
