/**
 * The vendor is asked the same questions as the buyer, per-country local-profile questions included,
 * through the real built server (`npm run build` first): the API view lists Brazil's question for a
 * fleet in Germany and Brazil, the vendor answers it (JSON, the page's form, the spreadsheet), and it
 * counts in the buyer's tender as the vendor's claim.
 */
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './http';
import { ok, pathsOf } from './replies';
import { startServer, type TestServer } from './server';

interface View {
	questions: {
		id: string;
		area: string;
		text: string;
		why: string;
		options: { id: string; label: string }[];
	}[];
	answers: Record<string, { option?: string; statement?: string; evidence?: string }>;
}
interface Tender {
	id: string;
	offers: {
		id: string;
		answers: Record<
			string,
			{ option?: string; statement?: string; evidence?: string; by: string; state: string }
		>;
	}[];
}

/** rules/countries.yaml: Brazil's rule is `banned` (a local profile cures it), Germany's `none_known`. */
const BRAZIL = 'local_profile_br';

let server: TestServer;
let tender: Tender;
let token: string;

beforeAll(async () => {
	server = await startServer();
	tender = ok<Tender>(
		await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Trackers 2027',
				fleet: { devices: 500, countries: ['DE', 'BR'], lifetimeYears: 6 },
				offers: [{ vendor: 'AlphaNet' }, { vendor: 'BravoTel' }]
			}
		}),
		201
	);
	token = ok<{ token: string }>(
		await send(
			server,
			'POST',
			`/api/tenders/${tender.id}/offers/${tender.offers[0]!.id}/respondents`,
			{ json: {} }
		),
		201
	).token;
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

const buyerAnswer = async (questionId: string) =>
	ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`)).offers[0]!.answers[questionId];

describe("a vendor answers the fleet's local-profile question", () => {
	it("GET /api/respond/{token} asks Brazil's question in the SIM area, and none for Germany", async () => {
		const view = ok<View>(await send(server, 'GET', `/api/respond/${token}`));
		// rules/ruleset.yaml 2.1.0: 44 questions, plus Brazil's.
		expect(view.questions).toHaveLength(45);
		expect(view.questions.find((q) => q.id === BRAZIL)).toMatchObject({
			area: 'SIM portability',
			text: "Can the offer give devices in Brazil a local operator's profile (or local IMSI) once they are in the field?",
			options: [
				{ id: 'available', label: 'Yes, available now, loaded over the air' },
				{
					id: 'on_request',
					label:
						'On request; the provider must first contract a local operator (give the lead time in the note)'
				},
				{ id: 'none', label: 'No local profile for this country' }
			]
		});
		expect(view.questions.some((q) => q.id === 'local_profile_de')).toBe(false);
	});

	it('PATCH /api/respond/{token} takes an answer to it, which the buyer sees as the vendor’s claim', async () => {
		const saved = ok<View>(
			await send(server, 'PATCH', `/api/respond/${token}`, {
				json: {
					answers: {
						[BRAZIL]: {
							option: 'on_request',
							statement: 'Claro profile, six weeks',
							evidence: 'Annex C, 3.1'
						}
					}
				}
			})
		);
		expect(saved.answers[BRAZIL]).toEqual({
			option: 'on_request',
			statement: 'Claro profile, six weeks',
			evidence: 'Annex C, 3.1'
		});
		expect(await buyerAnswer(BRAZIL)).toMatchObject({
			option: 'on_request',
			statement: 'Claro profile, six weeks',
			by: 'vendor',
			state: 'claimed'
		});
		// "Not sure" too, as on every other question; an option of another question is refused with its path.
		expect(
			ok<View>(
				await send(server, 'PATCH', `/api/respond/${token}`, {
					json: { answers: { [BRAZIL]: { option: 'not_sure' } } }
				})
			).answers[BRAZIL]!.option
		).toBe('not_sure');
		const wrong = await send(server, 'PATCH', `/api/respond/${token}`, {
			json: { answers: { [BRAZIL]: { option: 'any_provider' } } }
		});
		expect(wrong.status).toBe(400);
		expect(pathsOf(wrong)).toEqual([`answers.${BRAZIL}.option`]);
	});

	it('the vendor\'s page offers it with "Not sure" and saves it from the form', async () => {
		const page = await send(server, 'GET', `/respond/${token}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain(`id="q-${BRAZIL}"`);
		expect(page.text).toContain(`name="answer.${BRAZIL}" value="not_sure"`);
		const form = new FormData();
		form.append(`answer.${BRAZIL}`, 'available');
		const posted = await send(server, 'POST', `/respond/${token}?/save`, {
			body: form,
			headers: { origin: server.origin }
		});
		expect(posted.status).toBe(200);
		expect(await buyerAnswer(BRAZIL)).toMatchObject({
			option: 'available',
			by: 'vendor',
			state: 'claimed'
		});
	});

	it('the spreadsheet has a row for it, and an upload of that row is saved', async () => {
		const download = await server.fetch(`/api/respond/${token}/questionnaire`);
		expect(download.status).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await download.arrayBuffer());
		const sheet = workbook.getWorksheet('Questionnaire')!;
		let row: ExcelJS.Row | undefined;
		sheet.eachRow((r) => {
			if (r.getCell(1).value === BRAZIL) row = r;
		});
		// The answer saved so far, by its label.
		expect(row?.getCell(5).value).toBe('Yes, available now, loaded over the air');
		row!.getCell(5).value = 'No local profile for this country';
		const filled = Buffer.from(await workbook.xlsx.writeBuffer());
		const form = new FormData();
		form.append('file', new Blob([filled]), 'filled.xlsx');
		const uploaded = await send(server, 'POST', `/respond/${token}?/upload`, {
			body: form,
			headers: { origin: server.origin }
		});
		expect(uploaded.status).toBe(200);
		expect(await buyerAnswer(BRAZIL)).toMatchObject({
			option: 'none',
			by: 'vendor',
			state: 'claimed'
		});
	});
});
