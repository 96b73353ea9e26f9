/**
 * Vendor respondent links through the JSON API of the real built server (`npm run build` first):
 * the buyer makes a link for one offer, the vendor reads only its questionnaire and its own answers,
 * saves claims with statements and evidence, submits, is reopened, and is revoked; the token opens
 * nothing else anywhere, an expired link answers 410, and bad answers answer 400 with their paths.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorProblem, jsonOf, send } from './http';
import { ok, pathsOf } from './replies';
import { startServer, type TestServer } from './server';

interface Respondent {
	id: string;
	label: string;
	createdAt: string;
	expiresAt: string | null;
	revokedAt: string | null;
	submittedAt: string | null;
	reopenedAt: string | null;
	status: string;
}
interface Created extends Respondent {
	token: string;
	url: string;
}
interface View {
	tender: { title: string; organisation: string };
	vendor: string;
	questions: {
		id: string;
		area: string;
		text: string;
		why: string;
		options: { id: string; label: string }[];
	}[];
	answers: Record<string, { option?: string; statement?: string; evidence?: string }>;
	submittedAt: string | null;
}
interface Tender {
	id: string;
	offers: {
		id: string;
		vendor: string;
		answers: Record<
			string,
			{
				option?: string;
				statement?: string;
				evidence?: string;
				note?: string;
				by: string;
				state: string;
				stateNote?: string;
			}
		>;
		history: {
			by: string;
			questionId: string;
			field: string;
			old: string | null;
			new: string | null;
		}[];
		respondents: Respondent[];
	}[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Q1 = 'sim_ota_switching';
const Q2 = 'network_core_redundancy';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

describe('a vendor answers through its respondent link', () => {
	let tender: Tender;
	let alpha: string;
	let bravo: string;
	let link: Created;
	let q1Options: string[];

	it('the buyer creates a tender and a link for one offer; the token is shown once and stored hashed', async () => {
		const rules = jsonOf<{ areas: { questions: { id: string; options: { id: string }[] }[] }[] }>(
			await send(server, 'GET', '/api/rules')
		);
		q1Options = rules.areas
			.flatMap((a) => a.questions)
			.find((q) => q.id === Q1)!
			.options.map((o) => o.id);
		tender = ok<Tender>(
			await send(server, 'POST', '/api/tenders', {
				json: {
					title: 'Meters 2027',
					organisation: 'Stadtwerke',
					fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 8 },
					weights: { network: 3 },
					costs: { fieldVisitPerDevice: 123 },
					offers: [
						{
							vendor: 'AlphaNet',
							answers: { [Q1]: { option: q1Options[0]!, note: 'BUYER-SECRET-NOTE alpha' } }
						},
						{
							vendor: 'BravoTel',
							answers: { [Q1]: { option: q1Options[1]!, note: 'BUYER-SECRET-NOTE bravo' } }
						}
					]
				}
			}),
			201
		);
		[alpha, bravo] = tender.offers.map((o) => o.id) as [string, string];
		// The buyer verifies Alpha's claim, so the vendor's later answer has something to reset.
		ok(
			await send(server, 'PATCH', `/api/tenders/${tender.id}/offers/${alpha}/answers/${Q1}`, {
				json: { state: 'verified', stateNote: 'BUYER-STATE-NOTE seen' }
			})
		);

		const created = await send(
			server,
			'POST',
			`/api/tenders/${tender.id}/offers/${alpha}/respondents`,
			{ json: { label: 'Alpha bid team', expiresAt: '2099-12-31' } }
		);
		link = ok<Created>(created, 201);
		expect(created.headers.get('cache-control')).toBe('private, no-store');
		expect(link.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(link.url).toBe(`${server.origin}/respond/${link.token}`);
		expect(link).toMatchObject({
			label: 'Alpha bid team',
			expiresAt: '2099-12-31T23:59:59.999Z',
			status: 'active',
			submittedAt: null
		});
		expect(link).not.toHaveProperty('tokenHash');

		const listed = ok<{ respondents: Respondent[] }>(
			await send(server, 'GET', `/api/tenders/${tender.id}/offers/${alpha}/respondents`)
		);
		expect(listed.respondents.map((r) => r.id)).toEqual([link.id]);
		expect(JSON.stringify(listed)).not.toContain(link.token);
		const owner = await send(server, 'GET', `/api/tenders/${tender.id}`);
		expect(owner.text).not.toContain(link.token);
		expect(owner.text).not.toContain('tokenHash');
	});

	it('at most five live links per offer', async () => {
		const more: string[] = [];
		for (let n = 1; n <= 5; n++)
			more.push(
				ok<Created>(
					await send(server, 'POST', `/api/tenders/${tender.id}/offers/${bravo}/respondents`, {
						json: {}
					}),
					201
				).id
			);
		const sixth = await send(
			server,
			'POST',
			`/api/tenders/${tender.id}/offers/${bravo}/respondents`,
			{ json: {} }
		);
		expect(sixth.status).toBe(409);
		expect(apiErrorProblem(sixth)).toBeNull();
		// A revoked link no longer counts.
		expect(
			(
				await send(
					server,
					'DELETE',
					`/api/tenders/${tender.id}/offers/${bravo}/respondents/${more[0]}`
				)
			).status
		).toBe(204);
		ok(
			await send(server, 'POST', `/api/tenders/${tender.id}/offers/${bravo}/respondents`, {
				json: {}
			}),
			201
		);
	});

	it('the vendor sees the questions and its own offer only: no other offer, notes, states, history, scores, weights or costs', async () => {
		const reply = await send(server, 'GET', `/api/respond/${link.token}`);
		expect(reply.headers.get('cache-control')).toBe('private, no-store');
		expect(reply.headers.get('referrer-policy')).toBe('same-origin');
		expect(reply.headers.get('x-robots-tag')).toContain('noindex');
		const view = ok<View>(reply);
		expect(view.tender).toEqual({ title: 'Meters 2027', organisation: 'Stadtwerke' });
		expect(view.vendor).toBe('AlphaNet');
		expect(view.submittedAt).toBeNull();
		expect(view.questions.length).toBeGreaterThan(30);
		expect(view.questions.find((q) => q.id === Q1)!.options.map((o) => o.id)).toEqual(q1Options);
		expect(view.answers).toEqual({ [Q1]: { option: q1Options[0] } });
		for (const absent of [
			tender.id,
			alpha,
			bravo,
			'BravoTel',
			'BUYER-SECRET-NOTE',
			'BUYER-STATE-NOTE',
			'"verified"',
			'"claimed"',
			'Alpha bid team',
			'fieldVisitPerDevice'
		]) {
			expect(reply.text, `the vendor's view shows ${absent}`).not.toContain(absent);
		}
		// No field of the buyer's record, at any depth.
		for (const key of [
			'note',
			'state',
			'stateNote',
			'by',
			'history',
			'offers',
			'weights',
			'costs',
			'fleet',
			'result',
			'score',
			'rating',
			'ranking',
			'respondents',
			'scoring',
			'revision',
			'tokenHash'
		]) {
			expect(reply.text, `the vendor's view has a "${key}" field`).not.toContain(`"${key}":`);
		}
		expect(Object.keys(view).sort()).toEqual([
			'answers',
			'expiresAt',
			'questions',
			'submittedAt',
			'tender',
			'vendor'
		]);
	});

	it('saves answers with statements and evidence; the buyer sees them as vendor claims with their history', async () => {
		const saved = ok<View>(
			await send(server, 'PATCH', `/api/respond/${link.token}`, {
				json: {
					answers: {
						[Q1]: {
							option: q1Options[1]!,
							statement: 'Profiles switch over the air',
							evidence: 'Offer v3, section 4.2'
						},
						[Q2]: { option: 'not_sure' }
					}
				}
			})
		);
		expect(saved.answers).toEqual({
			[Q1]: {
				option: q1Options[1],
				statement: 'Profiles switch over the air',
				evidence: 'Offer v3, section 4.2'
			},
			[Q2]: { option: 'not_sure' }
		});
		const owner = ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`));
		const offer = owner.offers.find((o) => o.id === alpha)!;
		// A vendor answer resets the buyer's verification to a claim; the buyer's note stays, the state note goes.
		expect(offer.answers[Q1]).toMatchObject({
			option: q1Options[1],
			statement: 'Profiles switch over the air',
			evidence: 'Offer v3, section 4.2',
			note: 'BUYER-SECRET-NOTE alpha',
			by: 'vendor',
			state: 'claimed'
		});
		expect(offer.answers[Q1]!.stateNote).toBeUndefined();
		expect(offer.answers[Q2]).toMatchObject({ option: 'not_sure', by: 'vendor', state: 'claimed' });
		const vendorHistory = offer.history.filter((h) => h.by === 'vendor' && h.questionId === Q1);
		expect(vendorHistory).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ field: 'option', old: q1Options[0], new: q1Options[1] }),
				expect.objectContaining({ field: 'state', old: 'verified', new: 'claimed' }),
				expect.objectContaining({
					field: 'statement',
					old: null,
					new: 'Profiles switch over the air'
				}),
				expect.objectContaining({ field: 'evidence', old: null, new: 'Offer v3, section 4.2' })
			])
		);
		// Its earlier history (the buyer's verification) is kept.
		expect(
			offer.history.some((h) => h.by === 'buyer' && h.field === 'state' && h.new === 'verified')
		).toBe(true);
		// The other offer is untouched.
		expect(owner.offers.find((o) => o.id === bravo)!.answers[Q1]).toMatchObject({
			option: q1Options[1],
			by: 'vendor',
			state: 'claimed'
		});
		expect(owner.offers.find((o) => o.id === bravo)!.answers[Q1]!.statement).toBeUndefined();
	});

	it('answers 400 with the path of every bad answer, and saves nothing', async () => {
		const bad = await send(server, 'PATCH', `/api/respond/${link.token}`, {
			json: {
				answers: {
					[Q1]: { option: 'teleport' },
					nope: { option: 'x' },
					[Q2]: { statement: 'no option' }
				}
			}
		});
		expect(bad.status).toBe(400);
		expect(pathsOf(bad)).toEqual(
			expect.arrayContaining([`answers.${Q1}.option`, 'answers.nope', `answers.${Q2}.option`])
		);
		const long = await send(server, 'PATCH', `/api/respond/${link.token}`, {
			json: { answers: { [Q1]: { option: q1Options[0]!, evidence: 'x'.repeat(501) } } }
		});
		expect(long.status).toBe(400);
		expect(pathsOf(long)).toEqual([`answers.${Q1}.evidence`]);
		expect(
			pathsOf(await send(server, 'PATCH', `/api/respond/${link.token}`, { json: { answers: {} } }))
		).toEqual(['answers']);
		expect(
			pathsOf(
				await send(server, 'PATCH', `/api/respond/${link.token}`, {
					json: { answers: {}, state: 'verified' }
				})
			)
		).toEqual(['answers', 'state']);
		const view = ok<View>(await send(server, 'GET', `/api/respond/${link.token}`));
		expect(view.answers[Q1]!.option).toBe(q1Options[1]);
	});

	it('refuses a cross-site write from a browser', async () => {
		const refused = await send(server, 'PATCH', `/api/respond/${link.token}`, {
			json: { answers: { [Q1]: { option: q1Options[0]! } } },
			headers: { origin: 'https://evil.example' }
		});
		expect(refused.status).toBe(403);
		expect(
			(
				await send(server, 'POST', `/api/respond/${link.token}/submit`, {
					headers: { origin: 'https://evil.example' }
				})
			).status
		).toBe(403);
	});

	it('after submit the link reads only (409), until the buyer reopens it', async () => {
		const submitted = ok<View>(await send(server, 'POST', `/api/respond/${link.token}/submit`));
		expect(submitted.submittedAt).not.toBeNull();
		const locked = await send(server, 'PATCH', `/api/respond/${link.token}`, {
			json: { answers: { [Q1]: { option: q1Options[0]! } } }
		});
		expect(locked.status).toBe(409);
		expect(apiErrorProblem(locked)).toBeNull();
		expect(
			(
				await send(server, 'POST', `/api/respond/${link.token}/questionnaire?apply=true`, {
					body: new Uint8Array([1]),
					headers: { 'content-type': XLSX }
				})
			).status
		).toBe(409);
		// Reading still works, and the download carries the vendor's answers.
		expect(ok<View>(await send(server, 'GET', `/api/respond/${link.token}`)).submittedAt).toBe(
			submitted.submittedAt
		);
		const sheet = await send(server, 'GET', `/api/respond/${link.token}/questionnaire`);
		expect(sheet.status).toBe(200);
		expect(sheet.headers.get('content-type')).toBe(XLSX);
		expect(sheet.headers.get('cache-control')).toBe('private, no-store');
		const listed = ok<{ respondents: Respondent[] }>(
			await send(server, 'GET', `/api/tenders/${tender.id}/offers/${alpha}/respondents`)
		);
		expect(listed.respondents[0]!.submittedAt).toBe(submitted.submittedAt);

		const reopened = ok<Respondent>(
			await send(
				server,
				'POST',
				`/api/tenders/${tender.id}/offers/${alpha}/respondents/${link.id}/reopen`
			)
		);
		expect(reopened).toMatchObject({ id: link.id, submittedAt: null, status: 'active' });
		expect(reopened.reopenedAt).not.toBeNull();
		const again = ok<View>(
			await send(server, 'PATCH', `/api/respond/${link.token}`, {
				json: { answers: { [Q2]: null } }
			})
		);
		expect(again.answers[Q2]).toBeUndefined();
		expect(again.submittedAt).toBeNull();
		expect(
			(
				await send(
					server,
					'POST',
					`/api/tenders/${tender.id}/offers/${alpha}/respondents/${bravo}/reopen`
				)
			).status
		).toBe(404);
	});

	it('the token gets nothing from any other endpoint, and respond routes take no tender, offer or link id', async () => {
		const t = link.token;
		const probes: [string, string, unknown?][] = [
			['GET', `/api/tenders/${t}`],
			['PATCH', `/api/tenders/${t}`, { title: 'x' }],
			['POST', `/api/tenders/${t}/offers`, { vendor: 'x' }],
			['GET', `/api/tenders/${t}/comparison`],
			['PATCH', `/api/tenders/${t}/offers/${alpha}/answers/${Q1}`, { state: 'verified' }],
			['GET', `/api/tenders/${t}/offers/${alpha}/questionnaire`],
			['GET', `/api/tenders/${t}/offers/${alpha}/respondents`],
			['POST', `/api/tenders/${t}/offers/${alpha}/respondents`, {}],
			['DELETE', `/api/tenders/${t}/offers/${alpha}/respondents/${link.id}`],
			['POST', `/api/tenders/${t}/offers/${alpha}/respondents/${link.id}/reopen`],
			['GET', `/api/tenders/${tender.id}/offers/${t}/respondents`],
			['GET', `/api/tenders/${tender.id}/offers/${t}/questionnaire`],
			['GET', `/api/shared/${t}`],
			['GET', `/api/shared/${t}/report.pdf`],
			['GET', `/api/assessments/${t}`],
			['GET', `/api/assessments/${t}/export`],
			['GET', `/api/assessments/${t}/shares`],
			['POST', `/api/simulate`, { assessmentId: t, seed: 1, resolution: 'month' }],
			[
				'POST',
				`/api/tenders`,
				{ title: 'x', fromAssessment: t, offers: [{ vendor: 'a' }, { vendor: 'b' }] }
			],
			['GET', `/api/respond/${tender.id}`],
			['GET', `/api/respond/${alpha}`],
			['GET', `/api/respond/${link.id}`],
			['PATCH', `/api/respond/${tender.id}`, { answers: { [Q1]: { option: q1Options[0]! } } }],
			['POST', `/api/respond/${tender.id}/submit`],
			['GET', `/api/respond/${tender.id}/questionnaire`]
		];
		for (const [method, path, json] of probes) {
			const reply = await send(server, method, path, json === undefined ? {} : { json });
			expect(
				[403, 404],
				`${method} ${path} answered ${reply.status}: ${reply.text.slice(0, 200)}`
			).toContain(reply.status);
			expect(apiErrorProblem(reply), `${method} ${path}`).toBeNull();
			for (const secret of [
				'AlphaNet',
				'BravoTel',
				'Meters 2027',
				'Profiles switch over the air'
			]) {
				expect(reply.text, `${method} ${path} shows "${secret}"`).not.toContain(secret);
			}
		}
		for (const page of [`/s/${t}`, `/a/${t}`])
			expect((await send(server, 'GET', page)).status, page).toBe(404);
	});

	it('a revoked link answers 410 everywhere it answered before', async () => {
		expect(
			(
				await send(
					server,
					'DELETE',
					`/api/tenders/${tender.id}/offers/${alpha}/respondents/${link.id}`
				)
			).status
		).toBe(204);
		expect(
			(
				await send(
					server,
					'DELETE',
					`/api/tenders/${tender.id}/offers/${alpha}/respondents/${link.id}`
				)
			).status
		).toBe(204);
		for (const [method, path, json] of [
			['GET', `/api/respond/${link.token}`],
			['PATCH', `/api/respond/${link.token}`, { answers: { [Q1]: { option: q1Options[0]! } } }],
			['POST', `/api/respond/${link.token}/submit`],
			['GET', `/api/respond/${link.token}/questionnaire`],
			['POST', `/api/respond/${link.token}/questionnaire`]
		] as [string, string, unknown?][]) {
			const reply = await send(server, method, path, json === undefined ? {} : { json });
			expect(reply.status, `${method} ${path}`).toBe(410);
			expect(apiErrorProblem(reply)).toBeNull();
		}
		const reopen = await send(
			server,
			'POST',
			`/api/tenders/${tender.id}/offers/${alpha}/respondents/${link.id}/reopen`
		);
		expect(reopen.status).toBe(409);
		const listed = ok<{ respondents: Respondent[] }>(
			await send(server, 'GET', `/api/tenders/${tender.id}/offers/${alpha}/respondents`)
		);
		expect(listed.respondents[0]).toMatchObject({ id: link.id, status: 'revoked' });
		// What the vendor saved stays the buyer's to judge.
		const owner = ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`));
		expect(owner.offers[0]!.answers[Q1]).toMatchObject({
			by: 'vendor',
			statement: 'Profiles switch over the air'
		});
		expect((await send(server, 'GET', `/api/respond/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
	});

	it('an expired link answers 410; an expiry in the past is refused', async () => {
		const past = await send(
			server,
			'POST',
			`/api/tenders/${tender.id}/offers/${alpha}/respondents`,
			{ json: { expiresAt: '2001-01-01' } }
		);
		expect(pathsOf(past)).toEqual(['expiresAt']);
		const soon = ok<Created>(
			await send(server, 'POST', `/api/tenders/${tender.id}/offers/${alpha}/respondents`, {
				json: { expiresAt: new Date(Date.now() + 1500).toISOString() }
			}),
			201
		);
		expect((await send(server, 'GET', `/api/respond/${soon.token}`)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1700));
		expect((await send(server, 'GET', `/api/respond/${soon.token}`)).status).toBe(410);
		expect(
			(
				await send(server, 'PATCH', `/api/respond/${soon.token}`, {
					json: { answers: { [Q1]: { option: q1Options[0]! } } }
				})
			).status
		).toBe(410);
		const listed = ok<{ respondents: Respondent[] }>(
			await send(server, 'GET', `/api/tenders/${tender.id}/offers/${alpha}/respondents`)
		);
		expect(listed.respondents.find((r) => r.id === soon.id)!.status).toBe('expired');
	});
});

describe('respondent writes are rate-limited', () => {
	let limited: TestServer;
	beforeAll(async () => {
		limited = await startServer({ env: { RATE_LIMITS: 'save=2,share=1' } });
	});
	afterAll(async () => {
		await limited.stop();
		rmSync(limited.dataDir, { recursive: true, force: true });
	});

	it('vendor saves and submits spend from save; new links from share', async () => {
		const tender = ok<Tender>(
			await send(limited, 'POST', '/api/tenders', {
				json: {
					title: 'Limits',
					fleet: { devices: 10, countries: ['DE'], lifetimeYears: 1 },
					offers: [{ vendor: 'A' }, { vendor: 'B' }]
				}
			}),
			201
		);
		const offer = tender.offers[0]!.id;
		const link = ok<Created>(
			await send(limited, 'POST', `/api/tenders/${tender.id}/offers/${offer}/respondents`, {
				json: {}
			}),
			201
		);
		const second = await send(
			limited,
			'POST',
			`/api/tenders/${tender.id}/offers/${offer}/respondents`,
			{ json: {} }
		);
		expect(second.status).toBe(429);
		expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
		const save = () =>
			send(limited, 'PATCH', `/api/respond/${link.token}`, {
				json: { answers: { [Q1]: { option: 'not_sure' } } }
			});
		expect((await save()).status).toBe(200);
		expect((await save()).status).toBe(200);
		const third = await save();
		expect(third.status).toBe(429);
		expect(apiErrorProblem(third)).toBeNull();
		expect((await send(limited, 'POST', `/api/respond/${link.token}/submit`)).status).toBe(429);
		// Reading is not limited.
		expect((await send(limited, 'GET', `/api/respond/${link.token}`)).status).toBe(200);
	});
});
