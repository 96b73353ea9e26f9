/**
 * Tenders through the JSON API of the real built server (`npm run build` first): create from an
 * assessment, read, re-score on a fleet change, add offers, verify and dispute answers with their
 * history, compare with and without what-if weights, and the errors. Every expected score was
 * worked out by hand from rules/ruleset.yaml 2.1.0 (see tests/unit/tender/compare.test.ts and
 * tests/unit/scoring/golden.test.ts for the figures):
 *
 *   Alpha = all-best, but network_sunset_readiness legacy and network_core_redundancy single_point:
 *     network (0.9 + 0.9)/12 = 15.0; overall (15 + 1.1×1.5 + 2.5×0.8)/6.3 = 18.65/6.3 = 3.0, low.
 *   Bravo = all-best, but four data answers: data (0.8 + 0.64 + 0.8 + 0.9)/8.8 = 35.7;
 *     overall (0.8 + 1.65 + 35.7×0.8 + 2)/6.3 = 33.01/6.3 = 5.2, low.
 *   Charlie = all-best, but sim_ota_switching physical_swap: answers 4.7; at 10,000 devices the
 *     site-visit floor and the cost band (10,000 × 365 = 3,650,000 ≥ 2,500,000) make it high, 50.
 *     At 5,000 devices no site-visit floor (it needs 10,000) and 5,000 × 365 = 1,825,000 is in
 *     the moderate band (≥ 250,000), as are 365 per device (≥ 100) and the lock-in sign partly
 *     present: moderate, raised to the threshold, 25.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BEST } from '../fixtures/scoring/answers';
import { apiErrorProblem, jsonOf, send, type ApiError, type Reply } from './http';
import { ok, pathsOf } from './replies';
import { startServer, type TestServer } from './server';

interface Summary {
	score: number;
	rating: string;
}
interface OfferAnswer {
	option?: string;
	by: string;
	state: string;
	stateNote?: string;
}
interface History {
	at: string;
	by: string;
	questionId: string;
	field: string;
	old: string | null;
	new: string | null;
}
interface Tender {
	id: string;
	revision: number;
	fleet: { devices: number };
	currency?: string;
	offers: {
		id: string;
		vendor: string;
		answers: Record<string, OfferAnswer>;
		history: History[];
		result: { claimed: Summary; verified: Summary };
	}[];
}
interface Comparison {
	scoredAs: string;
	ranking: string[];
	weights: Record<string, number>;
	offers: {
		id: string;
		vendor: string;
		claimed: Summary;
		verified: Summary;
		floors: { id: string }[];
		areas: { id: string; score: number | null }[];
	}[];
}

const ALPHA = { network_sunset_readiness: 'legacy', network_core_redundancy: 'single_point' };
const BRAVO = {
	data_overage_rate: 'provider_discretion',
	data_minimum_session_charge: 'large',
	data_fee_basis: 'all_issued',
	data_sim_fee_caps: 'provider_discretion'
};
const CHARLIE = { sim_ota_switching: 'physical_swap' };
const answers = (changes: Record<string, string>) =>
	Object.fromEntries(
		Object.entries({ ...BEST, ...changes }).map(([id, option]) => [id, { option }])
	);
const fleet = { devices: 10_000, countries: ['DE'], lifetimeYears: 10 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

const results = (tender: Tender) =>
	Object.fromEntries(tender.offers.map((o) => [o.vendor, [o.result.claimed, o.result.verified]]));
const low = (score: number) => ({ score, rating: 'low' });

describe('a tender, from an assessment to a ranking', () => {
	let tender: Tender;
	let alpha: string;
	let bravo: string;
	let charlie: string;

	it("is created from an assessment: its fleet, and its answers as the first offer (the buyer's, verified)", async () => {
		const assessment = ok<{ id: string }>(
			await send(server, 'POST', '/api/assessments', {
				json: { title: 'Incumbent', currency: 'EUR', fleet, answers: answers(ALPHA) }
			}),
			201
		);
		const created = await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Meters 2027',
				organisation: 'Stadtwerke',
				fromAssessment: assessment.id,
				offers: [{ vendor: 'Alpha' }, { vendor: 'Bravo', answers: answers(BRAVO) }]
			}
		});
		tender = ok<Tender>(created, 201);
		expect(tender.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(created.headers.get('location')).toBe(`/api/tenders/${tender.id}`);
		expect(created.headers.get('cache-control')).toBe('private, no-store');
		expect(tender.fleet).toEqual(fleet);
		expect(tender.currency).toBe('EUR');
		[alpha, bravo] = tender.offers.map((o) => o.id) as [string, string];
		expect(
			Object.values(tender.offers[0]!.answers).every(
				(a) => a.by === 'buyer' && a.state === 'verified'
			)
		).toBe(true);
		expect(Object.keys(tender.offers[0]!.answers)).toHaveLength(44);
		expect(tender.offers[1]!.answers.data_overage_rate).toMatchObject({
			option: 'provider_discretion',
			by: 'vendor',
			state: 'claimed'
		});
		// Alpha's answers are the buyer's: 3.0 either way. Bravo's claims as given: 5.2.
		expect(results(tender).Alpha).toEqual([low(3), low(3)]);
		expect(results(tender).Bravo![0]).toEqual(low(5.2));
	});

	it('reads back, and takes a third offer whose claims make it high at 10,000 devices', async () => {
		const added = ok<{ id: string; vendor: string }>(
			await send(server, 'POST', `/api/tenders/${tender.id}/offers`, {
				json: { vendor: 'Charlie', answers: answers(CHARLIE) }
			}),
			201
		);
		charlie = added.id;
		const read = await send(server, 'GET', `/api/tenders/${tender.id}`);
		expect(read.headers.get('cache-control')).toBe('private, no-store');
		tender = ok<Tender>(read);
		expect(tender.offers.map((o) => o.vendor)).toEqual(['Alpha', 'Bravo', 'Charlie']);
		expect(results(tender).Charlie![0]).toEqual({ score: 50, rating: 'high' });
	});

	it('re-scores every offer when the fleet changes', async () => {
		tender = ok<Tender>(
			await send(server, 'PATCH', `/api/tenders/${tender.id}`, {
				json: { fleet: { ...fleet, devices: 5_000 } }
			})
		);
		expect(tender.revision).toBe(3);
		expect(results(tender).Charlie![0]).toEqual({ score: 25, rating: 'moderate' });
		expect(results(tender).Alpha).toEqual([low(3), low(3)]);
		expect(results(tender).Bravo![0]).toEqual(low(5.2));
	});

	it('keeps every one of 44 concurrent verifications of one offer, each in the history', async () => {
		for (const [offerId, given] of [
			[bravo, BRAVO],
			[charlie, CHARLIE]
		] as const) {
			const replies = await Promise.all(
				Object.keys({ ...BEST, ...given }).map((questionId) =>
					send(
						server,
						'PATCH',
						`/api/tenders/${tender.id}/offers/${offerId}/answers/${questionId}`,
						{
							json: { state: 'verified', stateNote: `Checked ${questionId}` }
						}
					)
				)
			);
			expect(replies.map((r) => r.status)).toEqual(Array(44).fill(200));
		}
		tender = ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`));
		const offer = tender.offers[1]!;
		expect(
			Object.values(offer.answers).filter(
				(a) => a.state === 'verified' && a.stateNote?.startsWith('Checked ')
			)
		).toHaveLength(44);
		// Two entries per answer: state claimed → verified, stateNote null → the note.
		expect(offer.history).toHaveLength(88);
		expect(tender.revision).toBe(3 + 88);
		// Verified now, the claims count as given: Bravo 5.2 and Charlie 25 both ways.
		expect(results(tender).Bravo).toEqual([low(5.2), low(5.2)]);
		expect(results(tender).Charlie).toEqual([
			{ score: 25, rating: 'moderate' },
			{ score: 25, rating: 'moderate' }
		]);
	});

	it('a disputed answer counts as "not sure" in the verified score, and its history says who changed what', async () => {
		const reply = await send(
			server,
			'PATCH',
			`/api/tenders/${tender.id}/offers/${bravo}/answers/network_sunset_readiness`,
			{
				json: { state: 'disputed', stateNote: 'The roadmap names 2G only' }
			}
		);
		const view = ok<{
			answer: OfferAnswer;
			history: History[];
			result: { claimed: Summary; verified: Summary };
		}>(reply);
		expect(view.answer).toMatchObject({
			option: 'future_proof',
			by: 'vendor',
			state: 'disputed',
			stateNote: 'The roadmap names 2G only'
		});
		expect(view.history.map(({ by, field, old, new: now }) => [by, field, old, now])).toEqual([
			['buyer', 'state', 'claimed', 'verified'],
			['buyer', 'stateNote', null, 'Checked network_sunset_readiness'],
			['buyer', 'state', 'verified', 'disputed'],
			['buyer', 'stateNote', 'Checked network_sunset_readiness', 'The roadmap names 2G only']
		]);
		// Claimed: still 5.2. Verified: the sunset answer "not sure", risk min(0.9, worst 0.9) = 0.9:
		// network (0.1 + 0.9)/12 = 8.3; overall (8.3 + 1.65 + 28.56 + 2)/6.3 = 40.51/6.3 = 6.4.
		expect(view.result).toEqual({ claimed: low(5.2), verified: low(6.4) });

		// The buyer answers another question directly: by the buyer, verified, in the history.
		const direct = ok<{ answer: OfferAnswer; history: History[] }>(
			await send(
				server,
				'PATCH',
				`/api/tenders/${tender.id}/offers/${bravo}/answers/data_overage_rate`,
				{ json: { option: 'capped_changes', note: 'Clause 7.2' } }
			)
		);
		expect(direct.answer).toMatchObject({
			option: 'capped_changes',
			note: 'Clause 7.2',
			by: 'buyer',
			state: 'verified'
		});
		expect(direct.history.slice(2).map(({ field, old, new: now }) => [field, old, now])).toEqual([
			['option', 'provider_discretion', 'capped_changes'],
			['note', null, 'Clause 7.2'],
			['by', 'vendor', 'buyer']
		]);
		// Put back as claimed, so the comparison below reads Bravo's figures.
		ok(
			await send(
				server,
				'PATCH',
				`/api/tenders/${tender.id}/offers/${bravo}/answers/data_overage_rate`,
				{ json: { option: 'provider_discretion' } }
			)
		);
	});

	it('ranks the offers, and what-if weights change the ranking (floors still apply)', async () => {
		const base = ok<Comparison>(await send(server, 'GET', `/api/tenders/${tender.id}/comparison`));
		expect(base.scoredAs).toBe('claimed');
		// Alpha 3.0 < Bravo 5.2 < Charlie 25
		expect(base.ranking).toEqual([alpha, bravo, charlie]);
		expect(base.weights).toEqual({
			network: 1,
			sim: 1.5,
			data: 0.8,
			platform: 1.2,
			contract: 1,
			security: 0.8
		});
		expect(base.offers.find((o) => o.id === bravo)!.verified).toEqual(low(6.4));

		// network 4: weights 9.3. Alpha (15×4 + 1.65 + 2)/9.3 = 63.65/9.3 = 6.8; Bravo
		// (0.8×4 + 1.65 + 28.56 + 2)/9.3 = 35.41/9.3 = 3.8; Charlie's answers
		// (0.8×4 + 17.8×1.5 + 2)/9.3 = 31.9/9.3 = 3.4, still floored to moderate, 25.
		const whatIf = ok<Comparison>(
			await send(server, 'GET', `/api/tenders/${tender.id}/comparison?weights=network:4`)
		);
		expect(whatIf.ranking).toEqual([bravo, alpha, charlie]);
		expect(whatIf.offers.map((o) => [o.vendor, o.claimed])).toEqual([
			['Alpha', low(6.8)],
			['Bravo', low(3.8)],
			['Charlie', { score: 25, rating: 'moderate' }]
		]);
		expect(whatIf.weights.network).toBe(4);
		expect(whatIf.offers[2]!.floors.map((f) => f.id)).toContain('cost_total');

		// Saved with the tender, the weights apply to every read; the query still overrides them.
		const saved = ok<Tender>(
			await send(server, 'PATCH', `/api/tenders/${tender.id}`, {
				json: { weights: { network: 4 } }
			})
		);
		expect(results(saved).Alpha![0]).toEqual(low(6.8));
		expect(
			ok<Comparison>(await send(server, 'GET', `/api/tenders/${tender.id}/comparison`)).ranking
		).toEqual([bravo, alpha, charlie]);
		expect(
			ok<Comparison>(
				await send(server, 'GET', `/api/tenders/${tender.id}/comparison?weights=network:1`)
			).ranking
		).toEqual([alpha, bravo, charlie]);

		// Scored with unverified claims as "not sure": Bravo's disputed answer counts.
		// network 4, Bravo verified: network 8.3, (8.3×4 + 1.65 + 28.56 + 2)/9.3 = 65.41/9.3 = 7.0 > Alpha 6.8.
		ok(
			await send(server, 'PATCH', `/api/tenders/${tender.id}`, {
				json: { scoring: 'unverified_as_not_sure' }
			})
		);
		const strict = ok<Comparison>(
			await send(server, 'GET', `/api/tenders/${tender.id}/comparison`)
		);
		expect(strict.scoredAs).toBe('verified');
		expect(strict.offers.map((o) => o.verified.score)).toEqual([6.8, 7, 25]);
		expect(strict.ranking).toEqual([alpha, bravo, charlie]);
	});

	it("takes a vendor's answers from the questionnaire spreadsheet, checked row by row before anything is saved", async () => {
		const path = `/api/tenders/${tender.id}/offers/${charlie}/questionnaire`;
		const download = await server.fetch(path);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe(XLSX);
		expect(download.headers.get('content-disposition')).toBe(
			'attachment; filename="Charlie-questionnaire.xlsx"'
		);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await download.arrayBuffer()) as ArrayBuffer);
		const sheet = book.getWorksheet('Questionnaire')!;
		const rowOf = (id: string) => {
			let found: ExcelJS.Row | undefined;
			sheet.eachRow((row) => {
				if (row.getCell(1).value === id) found = row;
			});
			return found!;
		};
		// Charlie's claims are in it: the physical swap among them.
		expect(rowOf('sim_ota_switching').getCell(5).value).toBe(
			'No; changing provider means replacing the SIM on site'
		);
		rowOf('sim_ota_switching').getCell(5).value =
			'Yes, to a profile from any operator or provider we choose';
		rowOf('sim_ota_switching').getCell(6).value = 'Tested with two operators outside our group.';
		rowOf('sim_ota_switching').getCell(7).value = 'Technical annex, section 4.2';
		rowOf('contract_sla').getCell(5).value = 'Platinum support';
		const upload = async (query: string, headers: Record<string, string> = {}) =>
			send(server, 'POST', `${path}${query}`, {
				body: new Uint8Array(await book.xlsx.writeBuffer()),
				headers: { 'content-type': XLSX, ...headers }
			});

		// One bad row: the preview names it, and applying saves nothing.
		const preview = ok<{ applied: boolean; issues: { path: string; message: string }[] }>(
			await upload('')
		);
		expect(preview.applied).toBe(false);
		expect(preview.issues).toEqual([
			{
				path: `rows.${rowOf('contract_sla').number}.Your answer`,
				message: '"Platinum support" is not one of this question\'s answers'
			}
		]);
		const refused = await upload('?apply=true');
		expect(refused.status).toBe(422);
		expect(pathsOf(refused)).toEqual([`rows.${rowOf('contract_sla').number}.Your answer`]);
		const unchanged = ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`));
		expect(unchanged.offers[2]!.answers.sim_ota_switching!.option).toBe('physical_swap');

		// From another site, nothing at all.
		expect((await upload('?apply=true', { origin: 'https://evil.example' })).status).toBe(403);

		rowOf('contract_sla').getCell(5).value = null;
		const saved = ok<{ applied: boolean }>(await upload('?apply=true'));
		expect(saved.applied).toBe(true);
		const after = ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`));
		const offer = after.offers[2]!;
		expect(offer.answers.sim_ota_switching).toMatchObject({
			option: 'any_provider',
			by: 'vendor',
			state: 'claimed',
			statement: 'Tested with two operators outside our group.',
			evidence: 'Technical annex, section 4.2'
		});
		// The buyer had verified the old answer (the concurrency test above); the vendor's new claim
		// starts again as claimed, and the history keeps both.
		expect(
			offer.history
				.filter((h) => h.questionId === 'sim_ota_switching')
				.map((h) => [h.by, h.field, h.old, h.new])
		).toEqual([
			['buyer', 'state', 'claimed', 'verified'],
			['buyer', 'stateNote', null, 'Checked sim_ota_switching'],
			['vendor', 'option', 'physical_swap', 'any_provider'],
			['vendor', 'statement', null, 'Tested with two operators outside our group.'],
			['vendor', 'evidence', null, 'Technical annex, section 4.2'],
			['vendor', 'state', 'verified', 'claimed'],
			['vendor', 'stateNote', 'Checked sim_ota_switching', null]
		]);
		// Charlie's claims are now the all-best answers: 0.7, low (golden.test.ts), no floor.
		expect(offer.result.claimed).toEqual(low(0.7));

		const notAWorkbook = await send(server, 'POST', path, {
			body: new TextEncoder().encode('<html><script>x</script></html>'),
			headers: { 'content-type': XLSX }
		});
		expect(notAWorkbook.status).toBe(400);
		expect(pathsOf(notAWorkbook)).toEqual(['']);
	});
});

describe('errors', () => {
	const create = async (offers = 2) =>
		ok<Tender>(
			await send(server, 'POST', '/api/tenders', {
				json: {
					title: 'Errors',
					fleet,
					offers: Array.from({ length: offers }, (_, i) => ({ vendor: `V${i}` }))
				}
			}),
			201
		);
	const UNKNOWN = 'AAAAAAAAAAAAAAAAAAAAAA';

	it('answer 400 with the field paths', async () => {
		const bad = await send(server, 'POST', '/api/tenders', {
			json: {
				title: '',
				fleet: { devices: 0, countries: ['ZZ'], lifetimeYears: 1 },
				offers: [
					{
						vendor: 'Only',
						answers: { nope: { option: 'x' }, network_sunset_readiness: { option: 'warp' } }
					}
				],
				scoring: 'gut_feeling',
				weights: { radio: 2 }
			}
		});
		expect(bad.status).toBe(400);
		expect(pathsOf(bad)).toEqual(
			expect.arrayContaining([
				'title',
				'fleet.devices',
				'fleet.countries.0',
				'offers',
				'offers.0.answers.nope',
				'offers.0.answers.network_sunset_readiness.option',
				'scoring',
				'weights.radio'
			])
		);
		expect(
			pathsOf(
				await send(server, 'POST', '/api/tenders', {
					json: { title: 'No fleet', offers: [{ vendor: 'a' }, { vendor: 'b' }] }
				})
			)
		).toEqual(['fleet']);

		const tender = await create();
		const offer = tender.offers[0]!.id;
		const answer = (q: string, json: unknown) =>
			send(server, 'PATCH', `/api/tenders/${tender.id}/offers/${offer}/answers/${q}`, { json });
		expect(pathsOf(await answer('network_sunset_readiness', { option: 'warp' }))).toEqual([
			'option'
		]);
		expect(pathsOf(await answer('no_such_question', { option: 'x' }))).toEqual(['questionId']);
		expect(pathsOf(await answer('network_sunset_readiness', { state: 'claimed' }))).toEqual([
			'state'
		]);
		// An unknown field is named; with nothing else sent, the body also says it changes nothing.
		expect(pathsOf(await answer('network_sunset_readiness', { by: 'vendor' }))).toEqual(['by', '']);
		expect(pathsOf(await answer('network_sunset_readiness', {}))).toEqual(['']);
		expect(
			pathsOf(
				await send(server, 'PATCH', `/api/tenders/${tender.id}`, {
					json: { fleet: { ...fleet, countries: ['DE', 'DE'] } }
				})
			)
		).toEqual(['fleet.countries.1']);
		for (const weights of ['network:0', 'radio:1', 'network', 'network:x']) {
			const reply = await send(
				server,
				'GET',
				`/api/tenders/${tender.id}/comparison?weights=${weights}`
			);
			expect(reply.status, weights).toBe(400);
			expect(pathsOf(reply)).toContain('weights');
		}
		// Nothing stored changed.
		expect(ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`)).revision).toBe(1);
	});

	it('answer 404 for unknown tenders and offers, 409 for a state with no answer and for a ninth offer', async () => {
		for (const [method, path] of [
			['GET', `/api/tenders/${UNKNOWN}`],
			['PATCH', `/api/tenders/${UNKNOWN}`],
			['POST', `/api/tenders/${UNKNOWN}/offers`],
			['GET', `/api/tenders/${UNKNOWN}/comparison`],
			['PATCH', `/api/tenders/${UNKNOWN}/offers/${UNKNOWN}/answers/network_sunset_readiness`],
			['GET', '/api/tenders/not-an-id']
		] as const) {
			const reply = await send(server, method, path, {
				json: method === 'GET' ? undefined : { title: 'x', vendor: 'x', state: 'verified' }
			});
			expect(reply.status, `${method} ${path}`).toBe(404);
			expect(apiErrorProblem(reply)).toBeNull();
		}
		const tender = await create(7);
		const noOffer = await send(
			server,
			'PATCH',
			`/api/tenders/${tender.id}/offers/${UNKNOWN}/answers/network_sunset_readiness`,
			{ json: { state: 'verified' } }
		);
		expect(noOffer.status).toBe(404);
		expect(jsonOf<ApiError>(noOffer).error).toMatch(/offer/);
		const unanswered = await send(
			server,
			'PATCH',
			`/api/tenders/${tender.id}/offers/${tender.offers[0]!.id}/answers/network_sunset_readiness`,
			{ json: { state: 'verified' } }
		);
		expect(unanswered.status).toBe(409);
		expect(pathsOf(unanswered)).toEqual(['state']);
		expect(
			(
				await send(server, 'POST', `/api/tenders/${tender.id}/offers`, {
					json: { vendor: 'Eighth' }
				})
			).status
		).toBe(201);
		const ninth = await send(server, 'POST', `/api/tenders/${tender.id}/offers`, {
			json: { vendor: 'Ninth' }
		});
		expect(ninth.status).toBe(409);
		expect(apiErrorProblem(ninth)).toBeNull();
		expect(ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`)).offers).toHaveLength(
			8
		);
		const nine = await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Nine',
				fleet,
				offers: Array.from({ length: 9 }, (_, i) => ({ vendor: `V${i}` }))
			}
		});
		expect(pathsOf(nine)).toEqual(['offers']);
	});

	it('refuse cross-site writes and non-JSON bodies', async () => {
		const tender = await create();
		const foreign = await send(server, 'PATCH', `/api/tenders/${tender.id}`, {
			json: { title: 'Hijacked' },
			headers: { origin: 'https://evil.example' }
		});
		expect(foreign.status).toBe(403);
		const form = await send(server, 'POST', '/api/tenders', {
			body: 'title=x',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin }
		});
		expect(form.status).toBe(415);
		expect(ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`)).revision).toBe(1);
	});
});

describe('rate limits', () => {
	it('count tender creation in the create bucket and answer 429 with Retry-After', async () => {
		const limited = await startServer({ env: { RATE_LIMITS: 'create=2' } });
		try {
			const body = {
				json: { title: 'Limited', fleet, offers: [{ vendor: 'a' }, { vendor: 'b' }] }
			};
			const statuses = [];
			for (let i = 0; i < 3; i++)
				statuses.push((await send(limited, 'POST', '/api/tenders', body)).status);
			expect(statuses).toEqual([201, 201, 429]);
			const reply = await send(limited, 'POST', '/api/tenders', body);
			expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(apiErrorProblem(reply)).toBeNull();
		} finally {
			await limited.stop();
			rmSync(limited.dataDir, { recursive: true, force: true });
		}
	});
});

describe('a full disk', () => {
	/** A real 2 MiB tmpfs as the data directory, as in hardening.test.ts; skipped where mount is not allowed. */
	function mountTmpfs(): string | null {
		const dir = mkdtempSync(join(tmpdir(), 'lock-in-radar-tenders-full-'));
		try {
			execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
			return dir;
		} catch {
			rmSync(dir, { recursive: true, force: true });
			return null;
		}
	}

	it('answers 507, keeps every acknowledged tender as it was and leaves no temp file', async (context) => {
		const dir = mountTmpfs();
		if (!dir) context.skip();
		const full = await startServer({ dataDir: dir! });
		try {
			const questions = Object.keys(BEST).slice(0, 20);
			const tenderWith = (title: string, noteLength: number) => ({
				title,
				fleet,
				offers: ['A', 'B'].map((vendor) => ({
					vendor,
					answers: noteLength
						? Object.fromEntries(
								questions.map((q) => [q, { option: BEST[q], note: 'n'.repeat(noteLength) }])
							)
						: undefined
				}))
			});
			const acknowledged: Tender[] = [];
			// Big tenders until one does not fit, then smaller ones, until not even a bare one does.
			for (const noteLength of [9_000, 1_000, 0]) {
				let refused: Reply | null = null;
				for (let i = 0; i < 300 && !refused; i++) {
					const reply = await send(full, 'POST', '/api/tenders', {
						json: tenderWith(`Filler ${noteLength} ${i}`, noteLength)
					});
					if (reply.status === 201) acknowledged.push(jsonOf<Tender>(reply));
					else refused = reply;
				}
				expect(refused?.status, `tenders with ${noteLength}-character notes`).toBe(507);
				expect(apiErrorProblem(refused!)).toBeNull();
				expect(jsonOf<ApiError>(refused!).error).toMatch(/out of disk space.*not saved/);
			}
			expect(acknowledged.length).toBeGreaterThan(0);
			const first = acknowledged[0]!;
			const question = questions[0]!;
			const judged = await send(
				full,
				'PATCH',
				`/api/tenders/${first.id}/offers/${first.offers[0]!.id}/answers/${question}`,
				{
					json: { state: 'verified', stateNote: 'x'.repeat(10_000) }
				}
			);
			expect([200, 507]).toContain(judged.status);
			for (const tender of acknowledged) {
				const read = ok<Tender>(await send(full, 'GET', `/api/tenders/${tender.id}`));
				expect(read.offers.map((o) => o.id)).toEqual(tender.offers.map((o) => o.id));
				if (tender.id !== first.id || judged.status === 507) expect(read.revision).toBe(1);
			}
			const files = readdirSync(join(dir!, 'tenders'), { recursive: true }).map(String);
			expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
			expect(full.alive).toBe(true);
		} finally {
			await full.stop();
			execFileSync('umount', [dir!]);
			rmSync(dir!, { recursive: true, force: true });
		}
	});
});
