/**
 * GET /api/assessments/{id}/report.pdf in either language on the real built server (`npm run
 * build` first), as the report form sends it without JavaScript: `?locale=de` gives a German PDF
 * whatever the request's language, no `locale` gives the request's language, and English stays
 * the default. Read back with pdftotext.
 *
 * The expected cost is worked out by hand from rules/costs.yaml 2.0.0 (USD): the best answers but
 * a physical SIM swap, for 10,000 devices in Germany with no site-visit pattern given, so each
 * device needs a dedicated visit: 10,000 × (300 × 1.2 visits + 5 for the new SIM) = 3,650,000 of
 * site visits, plus 30 days of both providers billing 10,000 × 1.50 = 15,000: 3,665,000 in all,
 * shown as about 3.7 million, and 366.50 per device, shown as 370.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { BEST } from '../fixtures/scoring/answers';
import { pdfText, squash } from '../unit/report/pdf-tools';
import { send } from './http';
import { ok, pathsOf } from './replies';
import { startServer, type TestServer } from './server';

let server: TestServer;
let id: string;

beforeAll(async () => {
	server = await startServer();
	const answers = Object.fromEntries(
		Object.entries({ ...BEST, sim_ota_switching: 'physical_swap' }).map(([question, option]) => [
			question,
			{ option }
		])
	);
	id = ok<{ id: string }>(
		await send(server, 'POST', '/api/assessments', {
			json: {
				title: 'Zähler Süd 2027',
				organisation: 'Stadtwerke Nord',
				vendor: 'Example Connect',
				fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
				answers
			}
		}),
		201
	).id;
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

async function reportText(query: string, language?: string): Promise<string> {
	const response = await server.fetch(`/api/assessments/${id}/report.pdf${query}`, {
		headers: language ? { 'accept-language': language } : {},
		signal: AbortSignal.timeout(60_000)
	});
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('application/pdf');
	return pdfText(new Uint8Array(await response.arrayBuffer())).replace(/\s+/g, ' ');
}

const GERMAN_DATE =
	/\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/;

describe('the consultant report in the language asked for', () => {
	it('is German with ?locale=de, though the browser asks for English', async () => {
		const text = await reportText('?locale=de&consultant=J%C3%B6rg%20Wei%C3%9F', 'en-US');
		expect(text).toContain('Beraterbericht');
		expect(text).toContain('Flotte 10.000 Geräte in 1 Land, Lebensdauer 10 Jahre');
		expect(text).toContain('Erstellt von Jörg Weiß');
		expect(text).toMatch(new RegExp(`Datum ${GERMAN_DATE.source}`));
		expect(text).toContain('Inhalt');
		expect(text).toContain('1 Zusammenfassung');
		expect(text).toContain('Nächste Schritte');
		expect(text).toContain('Anhang B Methodik');
		expect(text).toMatch(/Seite 1 von \d+/);
		expect(squash(text)).toContain(squash('Rund 3,7 Mio. USD für den Wechsel'));
		expect(squash(text)).toContain(squash('370 USD je Gerät'));
		expect(squash(text)).toContain(squash('3.650.000 USD bei den verwendeten Werten'));
		expect(squash(text)).toContain(squash('15.000 USD bei den verwendeten Werten'));
		expect(text).not.toContain('Executive summary');
	});

	it('says in German what code writes, not only what the rules files say', async () => {
		const text = squash(await reportText('?locale=de', 'en-US'));
		// The answer under its question, and the cost line scoring names and prices.
		expect(text).toContain(squash('Antwort: Nein; ein Anbieterwechsel bedeutet, die SIM vor Ort'));
		expect(text).toContain(
			squash('Vor-Ort-Einsätze zum SIM-Tausch: 3.650.000 USD bei den verwendeten Werten')
		);
		// The architecture table names what the offer lacks: a physical swap proves no OTA switching.
		expect(text).toContain(squash('Fehlt: Over-the-Air-Profilwechsel'));
		// Appendix B's floor on SIM swaps quotes the two answers of rules/i18n/de/ruleset.yaml.
		expect(text).toContain(squash('Anbieters“ oder „Nein; ein Anbieterwechsel bedeutet'));
		for (const english of ['Answer:', 'devices ×', 'Site visits', '“Not sure”', ' or “'])
			expect(text).not.toContain(squash(english));
	});

	it('is in the request’s language when the query names none', async () => {
		const text = await reportText('', 'de-DE,de;q=0.9');
		expect(text).toContain('Beraterbericht');
		expect(text).toContain('Flotte 10.000 Geräte in 1 Land');
	});

	it('is English with ?locale=en, though the browser asks for German, and by default', async () => {
		for (const [query, language] of [
			['?locale=en', 'de-DE'],
			['', undefined]
		] as const) {
			const text = await reportText(query, language);
			expect(text).toContain('Consultant report');
			expect(text).toContain('Fleet 10,000 devices in 1 country, 10-year lifetime');
			expect(text).toMatch(/Page 1 of \d+/);
			expect(squash(text)).toContain(squash('About USD 3.7 million to leave'));
			expect(squash(text)).toContain(squash('USD 3,650,000 at the values used'));
			expect(text).not.toContain('Beraterbericht');
		}
	});

	it('refuses a language it does not have, naming the parameter', async () => {
		const reply = await send(server, 'GET', `/api/assessments/${id}/report.pdf?locale=fr`);
		expect(reply.status).toBe(400);
		expect(pathsOf(reply)).toEqual(['locale']);
	});
});
