/**
 * The buyer's tender pages refuse bad form posts the way a person can act on: a 400 (404, 409)
 * page with the problem named at its field, what was typed drawn again, and nothing stored. Run
 * against the real built server (`npm run build` first); posts look like our own pages' forms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { friendlyPageProblem, jsonOf, send, type Reply } from './http';
import { expectNothingStored, useSeededServer, type Seeded } from './seeded-server';

const seeded = useSeededServer();

function post(s: Seeded, path: string, body: URLSearchParams | FormData): Promise<Reply> {
	return send(s.server, 'POST', path, {
		body,
		headers: { origin: s.server.origin, accept: 'text/html' }
	});
}
const form = (fields: Record<string, string | string[]>) => {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(fields))
		for (const v of [value].flat()) body.append(name, v);
	return body;
};

/** A refusal on our page: the status, a readable page, and the message where the field is. */
function expectRefusal(reply: Reply, status: number, ...texts: string[]) {
	const detail = `${reply.status} ${reply.text.slice(0, 300)}`;
	expect(reply.status, detail).toBe(status);
	expect(friendlyPageProblem(reply), detail).toBeNull();
	for (const text of texts) expect(reply.text, text).toContain(text);
}

const validTender = {
	title: 'Meters 2027',
	devices: '1000',
	countries: ['DE', 'BR'],
	devices_DE: '600',
	devices_BR: '400',
	lifetimeYears: '10',
	'vendor.0': 'Alpha',
	'vendor.1': 'Bravo'
};

describe('POST /tenders/new', () => {
	it('names each missing or wrong field, keeps what was typed, and stores nothing', async () => {
		const s = seeded();
		await expectNothingStored(s.server, async () => {
			expectRefusal(
				await post(
					s,
					'/tenders/new',
					form({ ...validTender, title: '  ', devices: 'lots', 'vendor.1': '' })
				),
				400,
				'id="title-error">Give the tender a title<',
				'id="fleet-devices-error">Number of devices must be a number',
				'id="offers-error">A tender compares at least 2 offers<',
				// What was typed comes back.
				'value="lots"',
				'value="Alpha"'
			);
			// Blank rows are skipped, yet an error is shown at the row it was typed in (the third).
			expectRefusal(
				await post(
					s,
					'/tenders/new',
					form({ ...validTender, 'vendor.1': '', 'vendor.2': 'x'.repeat(201) })
				),
				400,
				'id="offers-2-vendor-error">Vendor must be at most 200 characters<'
			);
			const nine = Object.fromEntries(
				Array.from({ length: 10 }, (_, i) => [`vendor.${i}`, `V${i}`])
			);
			// Only eight rows are read: a ninth and tenth are not offers.
			expect(
				(await post(s, '/tenders/new', form({ ...validTender, ...nine, title: '' }))).text
			).toContain('value="V7"');
		});
	});

	it('refuses an assessment that does not exist or is not an id, before storing anything', async () => {
		const s = seeded();
		await expectNothingStored(s.server, async () => {
			expectRefusal(
				await post(s, '/tenders/new', form({ ...validTender, fromAssessment: 'A'.repeat(22) })),
				404,
				'no assessment at this address'
			);
			expectRefusal(
				await post(s, '/tenders/new', form({ ...validTender, fromAssessment: s.token })),
				404,
				'no assessment at this address'
			);
			expectRefusal(
				await send(s.server, 'GET', '/tenders/new?from=nonsense'),
				404,
				'no assessment at this address'
			);
		});
	});

	it('creates the tender from valid input and redirects to its page', async () => {
		const s = seeded();
		const reply = await post(
			s,
			'/tenders/new',
			form({ ...validTender, 'vendor.1': '', 'vendor.5': 'Bravo', fromAssessment: s.id })
		);
		expect(reply.status).toBe(303);
		const id = /^\/t\/([A-Za-z0-9_-]{22})$/.exec(reply.headers.get('location') ?? '')?.[1];
		expect(id).toBeDefined();
		const tender = jsonOf<{
			fleet: { devices: number };
			offers: { vendor: string; answers: Record<string, { by: string }> }[];
		}>(await send(s.server, 'GET', `/api/tenders/${id}`));
		expect(tender.fleet.devices).toBe(1000);
		expect(tender.offers.map((o) => o.vendor)).toEqual(['Alpha', 'Bravo']);
		// The seeded assessment answered two questions: the first offer has them, as the buyer's.
		expect(Object.values(tender.offers[0]!.answers).map((a) => a.by)).toEqual(['buyer', 'buyer']);
	});
});

describe('how devices are reached (fleet.siteVisits) on the tender forms', () => {
	type Stored = { fleet: { siteVisits?: string }; currency?: string };
	const stored = async (s: Seeded, id: string) =>
		jsonOf<Stored>(await send(s.server, 'GET', `/api/tenders/${id}`));
	const tenderIdOf = (reply: Reply) => {
		expect(reply.status, reply.text.slice(0, 300)).toBe(303);
		return /^\/t\/([A-Za-z0-9_-]{22})$/.exec(reply.headers.get('location') ?? '')![1]!;
	};
	/** An assessment whose SIM swaps ride on rounds made anyway. */
	async function routineAssessment(s: Seeded) {
		const created = await send(s.server, 'POST', '/api/assessments', {
			json: {
				title: 'Meter rounds',
				fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 15, siteVisits: 'routine' }
			}
		});
		expect(created.status).toBe(201);
		return jsonOf<{ id: string }>(created).id;
	}

	it('a tender made from an assessment with routine visits keeps them, or takes the choice made on the form', async () => {
		const s = seeded();
		const from = await routineAssessment(s);
		const page = await send(s.server, 'GET', `/tenders/new?from=${from}`);
		expect(page.status).toBe(200);
		// The choice is on the form, set as the assessment has it.
		expect(page.text).toMatch(/name="siteVisits" value="routine" checked/);
		// A post without the choice (a page drawn before it asked) keeps the assessment's.
		expect(
			await stored(
				s,
				tenderIdOf(await post(s, '/tenders/new', form({ ...validTender, fromAssessment: from })))
			)
		).toMatchObject({ fleet: { siteVisits: 'routine' } });
		expect(
			await stored(
				s,
				tenderIdOf(
					await post(
						s,
						'/tenders/new',
						form({ ...validTender, fromAssessment: from, siteVisits: 'routine' })
					)
				)
			)
		).toMatchObject({ fleet: { siteVisits: 'routine' } });
		// Another choice, or "Not sure" (sent empty), is taken as chosen; so is the currency.
		const dedicated = await stored(
			s,
			tenderIdOf(
				await post(
					s,
					'/tenders/new',
					form({ ...validTender, fromAssessment: from, siteVisits: 'dedicated', currency: 'EUR' })
				)
			)
		);
		expect(dedicated).toMatchObject({ fleet: { siteVisits: 'dedicated' }, currency: 'EUR' });
		expect(
			(
				await stored(
					s,
					tenderIdOf(
						await post(
							s,
							'/tenders/new',
							form({ ...validTender, fromAssessment: from, siteVisits: '' })
						)
					)
				)
			).fleet.siteVisits
		).toBeUndefined();
	});

	it('editing the fleet on /t/{id} keeps the visits when the post does not carry them, and changes them when chosen', async () => {
		const s = seeded();
		const created = await send(s.server, 'POST', '/api/tenders', {
			json: {
				title: 'Rounds',
				fleet: { devices: 500, countries: ['DE'], lifetimeYears: 8, siteVisits: 'routine' },
				offers: [{ vendor: 'Alpha' }, { vendor: 'Bravo' }]
			}
		});
		const id = jsonOf<{ id: string }>(created).id;
		const details = { title: 'Rounds', devices: '800', countries: 'DE', lifetimeYears: '8' };
		const page = await send(s.server, 'GET', `/t/${id}`);
		expect(page.text).toMatch(/name="siteVisits" value="routine" checked/);
		expect(page.text).toContain('On visits made anyway');

		expect((await post(s, `/t/${id}?/details`, form(details))).status).toBe(200);
		expect(await stored(s, id)).toMatchObject({ fleet: { siteVisits: 'routine' } });
		expect(
			(
				await post(
					s,
					`/t/${id}?/details`,
					form({ ...details, siteVisits: 'dedicated', currency: 'GBP' })
				)
			).status
		).toBe(200);
		expect(await stored(s, id)).toMatchObject({
			fleet: { siteVisits: 'dedicated' },
			currency: 'GBP'
		});
		expect((await post(s, `/t/${id}?/details`, form({ ...details, siteVisits: '' }))).status).toBe(
			200
		);
		expect((await stored(s, id)).fleet.siteVisits).toBeUndefined();
		expectRefusal(
			await post(s, `/t/${id}?/details`, form({ ...details, siteVisits: 'helicopter' })),
			400,
			'id="fleet-siteVisits-error"'
		);
	});
});

describe('the tender page and the offer page', () => {
	async function tender(s: Seeded) {
		const created = await send(s.server, 'POST', '/api/tenders', {
			json: {
				title: 'Forms',
				fleet: { devices: 500, countries: ['DE'], lifetimeYears: 8 },
				offers: [
					{ vendor: 'Alpha', answers: { contract_notice_period: { option: 'short_notice' } } },
					{ vendor: 'Bravo' }
				]
			}
		});
		expect(created.status).toBe(201);
		const body = jsonOf<{ id: string; offers: { id: string }[] }>(created);
		return { id: body.id, alpha: body.offers[0]!.id, bravo: body.offers[1]!.id };
	}

	it('refuses a bad fleet, scoring, vendor, link or spreadsheet on /t/{id}, storing nothing', async () => {
		const s = seeded();
		const t = await tender(s);
		const page = `/t/${t.id}`;
		const xlsx = async (change?: (sheet: ExcelJS.Worksheet) => void) => {
			const download = await s.server.fetch(`/api/tenders/${t.id}/offers/${t.bravo}/questionnaire`);
			const book = new ExcelJS.Workbook();
			await book.xlsx.load(await download.arrayBuffer());
			change?.(book.getWorksheet('Questionnaire')!);
			return new Blob([await book.xlsx.writeBuffer()]);
		};
		const upload = (file: Blob | null, name = 'answers.xlsx') => {
			const body = new FormData();
			body.append('offerId', t.bravo);
			if (file) body.append('file', file, name);
			return body;
		};
		await expectNothingStored(s.server, async () => {
			expectRefusal(
				await post(
					s,
					`${page}?/details`,
					form({ title: 'Forms', devices: '-5', countries: 'DE', lifetimeYears: '8' })
				),
				400,
				'id="fleet-devices-error"',
				'value="-5"'
			);
			expectRefusal(
				await post(
					s,
					`${page}?/details`,
					form({ title: '', devices: '5', countries: [], lifetimeYears: '8' })
				),
				400,
				'id="title-error"',
				'id="countries-error"'
			);
			expectRefusal(
				await post(s, `${page}?/scoring`, form({ scoring: 'best_guess' })),
				400,
				'Choose how claims are scored.'
			);
			expectRefusal(
				await post(s, `${page}?/addOffer`, form({ vendor: ' ' })),
				400,
				'id="add-vendor-error">Name the vendor<'
			);
			expectRefusal(
				await post(s, `${page}?/createLink`, form({ offerId: t.alpha, expiresAt: '2001-01-01' })),
				400,
				'The expiry must be in the future'
			);
			expectRefusal(
				await post(s, `${page}?/createLink`, form({ offerId: t.alpha, expiresAt: 'soon' })),
				400,
				'Use a date such as 2027-01-31'
			);
			expectRefusal(
				await post(s, `${page}?/createLink`, form({ offerId: 'B'.repeat(22) })),
				404,
				'That offer is not in this tender any more.'
			);
			expectRefusal(
				await post(
					s,
					`${page}?/revokeLink`,
					form({ offerId: t.alpha, respondentId: 'C'.repeat(22) })
				),
				404,
				'That link no longer exists.'
			);
			expectRefusal(
				await post(s, `${page}?/previewUpload`, upload(null)),
				400,
				'Choose the filled questionnaire (.xlsx) to read.'
			);
			expectRefusal(
				await post(s, `${page}?/previewUpload`, upload(new Blob(['not a workbook']))),
				400,
				'field-error'
			);
			// A preview of a good file shows its rows and stores nothing.
			const good = await post(
				s,
				`${page}?/previewUpload`,
				upload(
					await xlsx((sheet) =>
						sheet.eachRow((row) => {
							if (row.getCell(1).value === 'contract_exit_terms')
								row.getCell(5).value = 'We must return or destroy the SIMs';
						})
					)
				)
			);
			expect(good.status).toBe(200);
			expect(good.text).toContain('Save this answer');
			// A confirmation whose rows were tampered with is checked again.
			for (const rows of [
				'{',
				'[{"questionId":"contract_exit_terms","option":"banana"}]',
				'[{"questionId":"no_such_question","option":"x"}]'
			]) {
				expectRefusal(
					await post(s, `${page}?/applyUpload`, form({ offerId: t.bravo, rows })),
					400,
					'nothing was saved'
				);
			}
		});
	});

	it('refuses a dispute without a reason, judging an unanswered question and unknown answers, storing nothing', async () => {
		const s = seeded();
		const t = await tender(s);
		const page = `/t/${t.id}/offers/${t.alpha}`;
		await expectNothingStored(s.server, async () => {
			expectRefusal(
				await post(
					s,
					`${page}?/dispute`,
					form({ questionId: 'contract_notice_period', stateNote: '   ' })
				),
				400,
				'id="q-contract_notice_period-stateNote-error">Say what you dispute'
			);
			expectRefusal(
				await post(s, `${page}?/verify`, form({ questionId: 'sim_ota_switching' })),
				409,
				'This offer has no answer to this question yet'
			);
			expectRefusal(
				await post(
					s,
					`${page}?/answer`,
					form({ questionId: 'sim_ota_switching', option: 'banana' })
				),
				400,
				'id="q-sim_ota_switching-option-error"'
			);
			expectRefusal(
				await post(s, `${page}?/answer`, form({ questionId: 'sim_ota_switching', option: '' })),
				400,
				'Choose an answer.'
			);
			expectRefusal(
				await post(
					s,
					`${page}?/note`,
					form({ questionId: 'contract_notice_period', note: 'n'.repeat(10_001) })
				),
				400,
				'id="q-contract_notice_period-note-error"'
			);
			expectRefusal(
				await post(s, `${page}?/answer`, form({ questionId: 'no_such_question', option: 'x' })),
				400,
				'Unknown question'
			);
			expectRefusal(
				await post(
					s,
					`/t/${t.id}/offers/${'D'.repeat(22)}?/verify`,
					form({ questionId: 'contract_notice_period' })
				),
				404,
				'no such offer'
			);
		});
	});

	it('saves a verification and lands back at the question', async () => {
		const s = seeded();
		const t = await tender(s);
		const reply = await post(
			s,
			`/t/${t.id}/offers/${t.alpha}?/verify`,
			form({
				questionId: 'contract_notice_period',
				stateNote: 'Seen in the draft',
				show: 'awaiting'
			})
		);
		expect(reply.status).toBe(303);
		expect(reply.headers.get('location')).toBe(
			`/t/${t.id}/offers/${t.alpha}?show=awaiting#q-contract_notice_period`
		);
		const stored = jsonOf<{
			offers: { answers: Record<string, { state: string; stateNote?: string }> }[];
		}>(await send(s.server, 'GET', `/api/tenders/${t.id}`));
		expect(stored.offers[0]!.answers.contract_notice_period).toMatchObject({
			state: 'verified',
			stateNote: 'Seen in the draft'
		});
	});

	it("lists a vendor's evidence files by name and size, linked for download, their names shown as text", async () => {
		const s = seeded();
		const t = await tender(s);
		// Written as the evidence upload stores it (that endpoint is built apart): the tender's own file.
		const path = join(s.server.dataDir, 'tenders', t.id.slice(0, 2), `${t.id}.json`);
		const record = JSON.parse(readFileSync(path, 'utf8'));
		record.offers[0].answers.contract_notice_period.files = [
			{
				id: 'E'.repeat(22),
				name: '<b>Annex</b> 4.pdf',
				mediaType: 'application/pdf',
				size: 1_572_864,
				sha256: 'a'.repeat(64),
				uploadedAt: '2026-12-01T10:00:00.000Z'
			}
		];
		writeFileSync(path, JSON.stringify(record));
		const page = await send(s.server, 'GET', `/t/${t.id}/offers/${t.alpha}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain(
			`href="/api/tenders/${t.id}/offers/${t.alpha}/evidence/${'E'.repeat(22)}"`
		);
		// 1,572,864 bytes = 1.5 MB; the name is escaped, never markup.
		expect(page.text).toContain('&lt;b>Annex&lt;/b> 4.pdf');
		expect(page.text).toContain('(1.5 MB)');
	});
});
