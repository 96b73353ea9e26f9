/**
 * Read-only comparison links through the real built server (`npm run build` first): the buyer makes
 * a link to a tender's comparison, lists and revokes it; a recipient reads the comparison (JSON and
 * page) and nothing of the tender behind it: not its id (the edit key), notes, state notes, history
 * or respondent links. Revoked and expired links answer 410, unknown ones 404, writes 403.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './http';
import { ok, pathsOf } from './replies';
import { startServer, type TestServer } from './server';

interface Share {
	id: string;
	label: string;
	createdAt: string;
	expiresAt: string | null;
	revokedAt: string | null;
	lastOpenedAt: string | null;
	status: string;
}
interface Created extends Share {
	token: string;
	url: string;
}
interface SharedComparison {
	tender: {
		title: string;
		organisation: string;
		currency: string;
		fleet: { devices: number; countries: string[]; lifetimeYears: number };
		weightsSaved: boolean;
	};
	comparison: {
		offers: {
			id: string;
			vendor: string;
			claimed: { score: number; rating: string };
			roaming: { country: string; severity: string }[];
		}[];
		ranking: string[];
		weights: Record<string, number>;
	};
	matrix: {
		offers: { id: string; vendor: string }[];
		rows: {
			questionId: string;
			differs: boolean;
			cells: { answer: string; state: string; by: string }[];
		}[];
	};
	share: { label: string; expiresAt: string | null };
}

const NOTE = 'BUYER-NOTE-7f3a';
const STATE_NOTE = 'STATE-NOTE-91c2';
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

describe('a read-only link to a tender comparison', () => {
	let tenderId: string;
	let offerIds: string[];
	let respondentToken: string;
	let respondentId: string;
	let link: Created;

	beforeAll(async () => {
		const created = ok<{ id: string; offers: { id: string; vendor: string }[] }>(
			await send(server, 'POST', '/api/tenders', {
				json: {
					title: 'Meters 2027',
					organisation: 'Stadtwerke Test',
					fleet: { devices: 10_000, countries: ['DE', 'BR'], lifetimeYears: 10 },
					weights: { network: 2 },
					offers: [
						{
							vendor: 'Alpha',
							answers: { [Q1]: { option: 'physical_swap' }, local_profile_br: { option: 'none' } }
						},
						{
							vendor: 'Bravo',
							answers: {
								[Q1]: { option: 'any_provider' },
								local_profile_br: { option: 'available' }
							}
						}
					]
				}
			}),
			201
		);
		tenderId = created.id;
		offerIds = created.offers.map((o) => o.id);
		// Buyer's note, a state note (so a history), and a vendor respondent link: none may reach a recipient.
		ok(
			await send(server, 'PATCH', `/api/tenders/${tenderId}/offers/${offerIds[0]}/answers/${Q2}`, {
				json: { option: 'single_point', note: NOTE }
			})
		);
		ok(
			await send(server, 'PATCH', `/api/tenders/${tenderId}/offers/${offerIds[1]}/answers/${Q1}`, {
				json: { state: 'disputed', stateNote: STATE_NOTE }
			})
		);
		const respondent = ok<{ id: string; token: string }>(
			await send(server, 'POST', `/api/tenders/${tenderId}/offers/${offerIds[0]}/respondents`, {
				json: { label: 'Alpha bid team' }
			}),
			201
		);
		respondentToken = respondent.token;
		respondentId = respondent.id;
	});

	it('is created with its token shown once, and listed without it', async () => {
		const created = await send(server, 'POST', `/api/tenders/${tenderId}/shares`, {
			json: { label: 'Steering group', expiresAt: '2099-12-31' }
		});
		link = ok<Created>(created, 201);
		expect(created.headers.get('cache-control')).toBe('private, no-store');
		expect(link.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(link.url).toBe(`${server.origin}/c/${link.token}`);
		expect(link).toMatchObject({
			label: 'Steering group',
			expiresAt: '2099-12-31T23:59:59.999Z',
			status: 'active',
			revokedAt: null,
			lastOpenedAt: null
		});
		expect(link).not.toHaveProperty('tokenHash');

		const listed = ok<{ shares: Share[] }>(
			await send(server, 'GET', `/api/tenders/${tenderId}/shares`)
		);
		expect(listed.shares.map((s) => s.id)).toEqual([link.id]);
		expect(JSON.stringify(listed)).not.toContain(link.token);
		expect(JSON.stringify(listed)).not.toContain('tokenHash');
		const owner = await send(server, 'GET', `/api/tenders/${tenderId}`);
		expect(owner.text).not.toContain(link.token);
		expect(owner.text).not.toContain('tokenHash');
	});

	it('refuses a bad label or expiry with the field path, and an unknown tender with 404', async () => {
		expect(
			pathsOf(
				await send(server, 'POST', `/api/tenders/${tenderId}/shares`, {
					json: { expiresAt: '2001-01-01' }
				})
			)
		).toEqual(['expiresAt']);
		expect(
			pathsOf(
				await send(server, 'POST', `/api/tenders/${tenderId}/shares`, {
					json: { label: 'x'.repeat(500) }
				})
			)
		).toEqual(['label']);
		expect(
			pathsOf(
				await send(server, 'POST', `/api/tenders/${tenderId}/shares`, { json: { token: 'mine' } })
			)
		).toEqual(['token']);
		expect(
			(await send(server, 'POST', '/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/shares', { json: {} }))
				.status
		).toBe(404);
		expect((await send(server, 'GET', '/api/tenders/AAAAAAAAAAAAAAAAAAAAAA/shares')).status).toBe(
			404
		);
	});

	it('shows the recipient the comparison, with the headers of a capability', async () => {
		const reply = await send(server, 'GET', `/api/shared-comparisons/${link.token}`);
		const view = ok<SharedComparison>(reply);
		expect(reply.headers.get('cache-control')).toBe('private, no-store');
		expect(reply.headers.get('referrer-policy')).toBe('same-origin');
		expect(reply.headers.get('x-robots-tag')).toContain('noindex');
		expect(view.tender).toMatchObject({
			title: 'Meters 2027',
			organisation: 'Stadtwerke Test',
			fleet: { devices: 10_000, countries: ['DE', 'BR'], lifetimeYears: 10 },
			weightsSaved: true
		});
		expect(view.share).toEqual({ label: 'Steering group', expiresAt: '2099-12-31T23:59:59.999Z' });
		expect(view.comparison.weights.network).toBe(2);
		expect(view.comparison.offers.map((o) => o.vendor)).toEqual(['Alpha', 'Bravo']);
		// Alpha: Brazil banned and no local profile there: floored to critical, so Bravo ranks first.
		expect(view.comparison.offers[0]!.roaming.find((r) => r.country === 'BR')!.severity).toBe(
			'critical'
		);
		expect(view.comparison.offers[0]!.claimed.rating).toBe('critical');
		expect(view.comparison.ranking).toEqual([offerIds[1], offerIds[0]]);
		const q1 = view.matrix.rows.find((r) => r.questionId === Q1)!;
		expect(q1.differs).toBe(true);
		expect(q1.cells.map((c) => [c.state, c.by])).toEqual([
			['claimed', 'vendor'],
			['disputed', 'vendor']
		]);
	});

	it('leaks nothing of the tender behind it: no id, notes, state notes, history or respondent links', async () => {
		const json = await send(server, 'GET', `/api/shared-comparisons/${link.token}`);
		// The page carries the same data for the browser, written as JavaScript (unquoted keys).
		const html = await send(server, 'GET', `/c/${link.token}`);
		for (const [reply, keys] of [
			[
				json,
				[
					'"id":"' + tenderId,
					'"history"',
					'"respondents"',
					'"note"',
					'"stateNote"',
					'"tokenHash"',
					'"files"',
					'"statement"',
					'"evidence"'
				]
			],
			[
				html,
				[
					'history:',
					'respondents:',
					'note:',
					'stateNote:',
					'tokenHash',
					'files:',
					'statement:',
					'evidence:'
				]
			]
		] as const) {
			expect(reply.status).toBe(200);
			for (const secret of [
				tenderId,
				NOTE,
				STATE_NOTE,
				respondentToken,
				respondentId,
				'Alpha bid team',
				...keys
			]) {
				expect(reply.text, `shows ${secret}`).not.toContain(secret);
			}
		}
		const page = await send(server, 'GET', `/c/${link.token}`);
		expect(page.headers.get('cache-control')).toBe('private, no-store');
		expect(page.headers.get('referrer-policy')).toBe('same-origin');
		expect(page.headers.get('x-robots-tag')).toContain('noindex');
		expect(page.text).toContain('Meters 2027');
		expect(page.text).toContain('Read-only view');
		expect(page.text).not.toContain('Save these weights');
		expect(page.text).not.toContain('Create read-only link');
	});

	it('reads, never writes, and opens nothing but the comparison', async () => {
		for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
			expect(
				(await send(server, method, `/api/shared-comparisons/${link.token}`, { json: {} })).status,
				method
			).toBe(403);
		}
		const t = link.token;
		for (const path of [
			`/api/tenders/${t}`,
			`/api/tenders/${t}/comparison`,
			`/api/tenders/${t}/shares`,
			`/api/tenders/${t}/matrix.csv`,
			`/t/${t}/compare`,
			`/api/shared/${t}`,
			`/api/respond/${t}`,
			`/s/${t}`
		]) {
			expect((await send(server, 'GET', path)).status, path).toBe(404);
		}
		// A vendor's respondent token opens no comparison, and none of the links.
		const r = respondentToken;
		for (const [method, path] of [
			['GET', `/api/shared-comparisons/${r}`],
			['GET', `/c/${r}`],
			['GET', `/api/tenders/${r}/shares`],
			['POST', `/api/tenders/${r}/shares`],
			['DELETE', `/api/tenders/${r}/shares/${link.id}`],
			['GET', `/t/${r}/compare`]
		] as const) {
			expect(
				(await send(server, method, path, method === 'POST' ? { json: {} } : {})).status,
				`${method} ${path}`
			).toBe(404);
		}
		// And the tender's id is no comparison link.
		expect((await send(server, 'GET', `/api/shared-comparisons/${tenderId}`)).status).toBe(404);
		expect((await send(server, 'GET', `/c/${tenderId}`)).status).toBe(404);
	});

	it('records when it was last opened', async () => {
		const listed = ok<{ shares: Share[] }>(
			await send(server, 'GET', `/api/tenders/${tenderId}/shares`)
		);
		expect(listed.shares[0]!.lastOpenedAt).not.toBeNull();
	});

	it('answers 410 once revoked (revoking twice is fine), 404 for a link that never was', async () => {
		expect(
			(await send(server, 'DELETE', `/api/tenders/${tenderId}/shares/${link.id}`)).status
		).toBe(204);
		expect(
			(await send(server, 'DELETE', `/api/tenders/${tenderId}/shares/${link.id}`)).status
		).toBe(204);
		expect(
			(await send(server, 'DELETE', `/api/tenders/${tenderId}/shares/AAAAAAAAAAAAAAAAAAAAAA`))
				.status
		).toBe(404);
		expect((await send(server, 'GET', `/api/shared-comparisons/${link.token}`)).status).toBe(410);
		expect((await send(server, 'GET', `/c/${link.token}`)).status).toBe(410);
		const listed = ok<{ shares: Share[] }>(
			await send(server, 'GET', `/api/tenders/${tenderId}/shares`)
		);
		expect(listed.shares[0]).toMatchObject({ id: link.id, status: 'revoked' });
		expect(
			(await send(server, 'GET', '/api/shared-comparisons/BBBBBBBBBBBBBBBBBBBBBB')).status
		).toBe(404);
		expect((await send(server, 'GET', '/api/shared-comparisons/not-a-token')).status).toBe(404);
		expect((await send(server, 'GET', '/c/BBBBBBBBBBBBBBBBBBBBBB')).status).toBe(404);
	});

	it('answers 410 once expired', async () => {
		const soon = ok<Created>(
			await send(server, 'POST', `/api/tenders/${tenderId}/shares`, {
				json: { expiresAt: new Date(Date.now() + 1500).toISOString() }
			}),
			201
		);
		expect((await send(server, 'GET', `/api/shared-comparisons/${soon.token}`)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1700));
		expect((await send(server, 'GET', `/api/shared-comparisons/${soon.token}`)).status).toBe(410);
		expect((await send(server, 'GET', `/c/${soon.token}`)).status).toBe(410);
		const listed = ok<{ shares: Share[] }>(
			await send(server, 'GET', `/api/tenders/${tenderId}/shares`)
		);
		expect(listed.shares.find((s) => s.id === soon.id)!.status).toBe('expired');
	});

	it('serves the owner page private and unindexed', async () => {
		const page = await send(server, 'GET', `/t/${tenderId}/compare`);
		expect(page.status).toBe(200);
		expect(page.headers.get('cache-control')).toBe('private, no-store');
		expect(page.headers.get('x-robots-tag')).toContain('noindex');
		expect(page.text).toContain('Compare offers');
		expect((await send(server, 'GET', '/t/AAAAAAAAAAAAAAAAAAAAAA/compare')).status).toBe(404);
	});
});
