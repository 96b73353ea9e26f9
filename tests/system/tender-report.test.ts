/**
 * GET /api/tenders/{id}/report.pdf on the real built server (`npm run build` first): the PDF, its
 * headers, and what it says, read back with pdftotext; 400 naming each bad parameter; 404.
 *
 * Expected figures worked out by hand from rules/ruleset.yaml 2.1.0 (see tests/unit/tender/
 * compare.test.ts): Alpha = all-best but two network answers at 0.9 (network 15); Bravo = all-best
 * but four data answers (data 35.7); Charlie = all-best but a physical SIM swap, floored to high
 * (50) at 10,000 devices. With the what-if weight network 3 (sum 8.3):
 *   Alpha (15×3 + 1.1×1.5 + 2.5×0.8)/8.3 = 48.65/8.3 = 5.9; Bravo (0.8×3 + 1.65 + 28.56 + 2)/8.3 = 4.2.
 * Every answer is the vendor's claim and the tender scores claims as given, so the ranking is
 * Bravo, Alpha, Charlie and Bravo is recommended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { BEST } from '../fixtures/scoring/answers';
import { pdfInfo, pdfText, squash } from '../unit/report/pdf-tools';
import { send } from './http';
import { ok, pathsOf } from './replies';
import { startServer, type TestServer } from './server';

const answers = (changes: Record<string, string>) =>
	Object.fromEntries(
		Object.entries({ ...BEST, ...changes }).map(([id, option]) => [id, { option }])
	);
const NOTE = 'Draft clause 14.2 says the SIMs must be returned at the end of the term.';

let server: TestServer;
let id: string;
let bravo: string;

beforeAll(async () => {
	server = await startServer();
	const created = ok<{ id: string; offers: { id: string; vendor: string }[] }>(
		await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Meters 2027: Süd',
				organisation: 'Stadtwerke',
				fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
				offers: [
					{
						vendor: 'Alpha',
						answers: answers({
							network_sunset_readiness: 'legacy',
							network_core_redundancy: 'single_point'
						})
					},
					{
						vendor: 'Bravo',
						answers: answers({
							data_overage_rate: 'provider_discretion',
							data_minimum_session_charge: 'large',
							data_fee_basis: 'all_issued',
							data_sim_fee_caps: 'provider_discretion'
						})
					},
					{ vendor: 'Charlie', answers: answers({ sim_ota_switching: 'physical_swap' }) }
				]
			}
		}),
		201
	);
	id = created.id;
	bravo = created.offers[1]!.id;
	ok(
		await send(server, 'PATCH', `/api/tenders/${id}/offers/${bravo}/answers/contract_exit_terms`, {
			json: { state: 'disputed', stateNote: NOTE }
		})
	);
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

const get = (path: string) => server.fetch(path, { signal: AbortSignal.timeout(60_000) });

describe('GET /api/tenders/{id}/report.pdf', () => {
	it('answers a PDF download, private and uncached, named from the title', async () => {
		const response = await get(
			`/api/tenders/${id}/report.pdf?weights=network:3&consultant=Jana%20Nowak&firm=Advisors`
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="lock-in-radar-meters-2027-sud.pdf"; filename*=UTF-8''lock-in-radar-meters-2027-s%C3%BCd.pdf`
		);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('x-robots-tag')).toBe('noindex');
		const pdf = new Uint8Array(await response.arrayBuffer());
		expect(Number(response.headers.get('content-length'))).toBe(pdf.byteLength);
		expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
		expect(pdfInfo(pdf).Author).toBe('Jana Nowak, Advisors');

		const text = squash(pdfText(pdf));
		const ranking = text.slice(text.indexOf(squash('Rank Offer Claimed Verified')));
		expect(ranking.indexOf(squash('1 Bravo 4.2 · Low'))).toBeGreaterThanOrEqual(0);
		expect(ranking.indexOf(squash('2 Alpha 5.9 · Low'))).toBeGreaterThan(ranking.indexOf('1Bravo'));
		expect(ranking.indexOf(squash('3 Charlie 50 · High'))).toBeGreaterThan(
			ranking.indexOf('2Alpha')
		);
		expect(text).toContain(squash('Recommended: the offer from Bravo.'));
		expect(text).toContain(
			squash('Changing provider needs a site visit for each of 10,000 devices')
		);
		const bravoQuestions = text.slice(text.lastIndexOf(squash('Clarification questions: Bravo')));
		expect(bravoQuestions).toContain(squash('Answers we dispute'));
		expect(bravoQuestions).toContain(squash(`Why we dispute it ${NOTE}`));
		expect(text).toContain(squash('Network coverage 1 3 What-if, for this report only'));
	});

	it('uses the tender’s saved weights when the query gives none', async () => {
		ok(await send(server, 'PATCH', `/api/tenders/${id}`, { json: { weights: { network: 3 } } }));
		const response = await get(`/api/tenders/${id}/report.pdf`);
		expect(response.status).toBe(200);
		const text = squash(pdfText(new Uint8Array(await response.arrayBuffer())));
		expect(text).toContain(squash('Network coverage 1 3 Saved with the tender'));
		expect(text).toContain(squash('Recommended: the offer from Bravo.'));
	});

	it('refuses bad weights, bad branding, unknown and repeated parameters with their paths', async () => {
		expect(
			pathsOf(await send(server, 'GET', `/api/tenders/${id}/report.pdf?weights=network:0&paper=a3`))
		).toEqual(['weights', 'paper']);
		const badWeights = await send(server, 'GET', `/api/tenders/${id}/report.pdf?weights=nope:2`);
		expect(badWeights.status).toBe(400);
		expect(pathsOf(badWeights)).toEqual(['weights']);
		expect(pathsOf(await send(server, 'GET', `/api/tenders/${id}/report.pdf?colour=red`))).toEqual([
			'colour'
		]);
		expect(
			pathsOf(
				await send(server, 'GET', `/api/tenders/${id}/report.pdf?weights=network:2&weights=sim:2`)
			)
		).toEqual(['weights']);
	});

	it('answers 404 for an unknown tender, and for a vendor’s respondent token', async () => {
		const unknown = await send(server, 'GET', '/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/report.pdf');
		expect(unknown.status).toBe(404);
		expect(pathsOf(unknown)).toEqual([]);
		const link = ok<{ token: string }>(
			await send(server, 'POST', `/api/tenders/${id}/offers/${bravo}/respondents`, { json: {} }),
			201
		);
		const withToken = await send(server, 'GET', `/api/tenders/${link.token}/report.pdf`);
		expect(withToken.status).toBe(404);
		expect(withToken.headers.get('content-type')).toMatch(/^application\/json/);
	});
});
