/**
 * Rule texts follow the request's language on the real built server: a German request
 * (Accept-Language: de) gets German questions, findings and country names from rules/i18n/de/,
 * an English one stays English, and both score the same. The German strings are the ones written in
 * rules/i18n/de/ruleset.yaml and i18n-iso-countries' German names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { jsonOf, send } from './http';
import { startServer, type TestServer } from './server';

const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' };
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };

/** What the page shows: its markup without the hydration data (which carries research notes). */
const shown = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '');

let server: TestServer;
let id: string;
beforeAll(async () => {
	server = await startServer();
	const created = await send(server, 'POST', '/api/assessments', {
		json: {
			title: 'Language check',
			fleet: { devices: 1000, countries: ['DE', 'BR', 'TR'], lifetimeYears: 10 },
			answers: {
				sim_ota_switching: { option: 'physical_swap' },
				platform_api: { option: 'no_api' },
				local_profile_br: { option: 'none' }
			}
		}
	});
	expect(created.status).toBe(201);
	id = jsonOf<{ id: string }>(created).id;
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

describe('rule texts in the request language', () => {
	it('a German request gets the SIM questions in German, an English one in English', async () => {
		const german = await send(server, 'GET', `/a/${id}/sim`, { headers: GERMAN });
		expect(german.status).toBe(200);
		expect(german.text).toContain(
			'Kann die SIM over the air auf das Profil eines anderen Anbieters wechseln, ohne dass jemand zum Gerät fährt?'
		);
		expect(german.text).toContain('SIM-Portabilität');
		expect(german.text).toContain(
			'Nein; ein Anbieterwechsel bedeutet, die SIM vor Ort zu tauschen'
		);
		expect(german.text).not.toContain('Can the SIM switch to another provider');

		const english = await send(server, 'GET', `/a/${id}/sim`, { headers: ENGLISH });
		expect(english.status).toBe(200);
		expect(english.text).toContain('Can the SIM switch to another provider');
		expect(english.text).not.toContain('Kann die SIM over the air');
	});

	it('the results page shows German findings and country names to a German request', async () => {
		const german = await send(server, 'GET', `/a/${id}/results`, { headers: GERMAN });
		expect(german.status).toBe(200);
		expect(german.text).toContain(
			'Ein Anbieterwechsel braucht einen Vor-Ort-Einsatz für jedes der'
		);
		expect(german.text).toContain('Die Plattform hat keine API');
		expect(german.text).toContain('Brasilien');
		expect(german.text).toContain('Türkei');
		expect(shown(german.text)).not.toContain('Türkiye');

		const english = await send(server, 'GET', `/a/${id}/results`, { headers: ENGLISH });
		expect(english.status).toBe(200);
		expect(english.text).toContain('Changing provider needs a site visit for each of');
		expect(english.text).toContain('Brazil');
		expect(english.text).toContain('Türkiye');
		expect(shown(english.text)).not.toContain('Brasilien');
	});

	it('the country picker names countries in the request language', async () => {
		const german = await send(server, 'GET', '/new', { headers: GERMAN });
		// The visible option (every language's names also travel as search aliases).
		expect(german.text).toContain('<span>Deutschland</span>');
		expect(german.text).toContain('<span>Vereinigtes Königreich</span>');
		const english = await send(server, 'GET', '/new', { headers: ENGLISH });
		expect(english.text).toContain('<span>United Kingdom</span>');
		expect(english.text).not.toContain('<span>Vereinigtes Königreich</span>');
	});

	it('scores the same in both languages', async () => {
		type Result = {
			result: {
				overall: { score: number; rating: string; floors: { id: string; rating: string }[] };
				areas: { id: string; score: number; rating: string }[];
				switchingCost: { lines: { id: string; amount: number }[] };
			};
		};
		const read = async (headers: Record<string, string>) =>
			jsonOf<Result>(await send(server, 'GET', `/api/assessments/${id}`, { headers })).result;
		const [german, english] = [await read(GERMAN), await read(ENGLISH)];
		const figures = (r: Result['result']) => ({
			score: r.overall.score,
			rating: r.overall.rating,
			floors: r.overall.floors.map((f) => [f.id, f.rating]),
			areas: r.areas.map((a) => [a.id, a.score, a.rating]),
			costs: r.switchingCost.lines.map((l) => [l.id, l.amount])
		});
		expect(figures(german)).toEqual(figures(english));
		// Brazil bans permanent roaming and the offer has no local profile there: critical.
		expect(english.overall.rating).toBe('critical');
	});

	it('an assessment pinned to an earlier ruleset shows its English texts, and says so in German', async () => {
		// The 1.1.0 record of the unit tests (roaming SIMs only, 1,000 devices in Brazil), imported.
		const record = {
			...JSON.parse(
				readFileSync(
					new URL('../fixtures/records/ruleset-1.1.0-assessment.json', import.meta.url),
					'utf8'
				)
			),
			id: randomBytes(16).toString('base64url').slice(0, 22)
		};
		const imported = await send(server, 'POST', '/api/import', {
			json: {
				format: 'lock-in-radar/assessments',
				formatVersion: 1,
				exportedAt: '2026-12-01T00:00:00.000Z',
				assessments: [record]
			}
		});
		expect(imported.status).toBe(200);
		const german = await send(server, 'GET', `/a/${record.id}/results`, { headers: GERMAN });
		expect(german.status).toBe(200);
		expect(german.text).toContain(
			'Das Regelwerk 1.1.0 ist ein unveränderter Stand: Seine Fragen, Antworten und Befunde werden auf Englisch angezeigt'
		);
		// Its country names are the current German ones all the same.
		expect(shown(german.text)).toContain('Brasilien');
		const english = await send(server, 'GET', `/a/${record.id}/results`, { headers: ENGLISH });
		expect(english.text).not.toContain('is a frozen record');
	});
});
