/**
 * What a link holder can make a tender record grow by, against the real built server (`npm run
 * build` first): links made and revoked in a loop stop at a total (API and form alike), and a
 * vendor changing its answers thousands of times never pushes the buyer's entries out of the
 * offer's history.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, send, type Reply } from './http';
import { ok } from './replies';
import { startServer, type TestServer } from './server';

interface HistoryEntry {
	by: 'vendor' | 'buyer';
	questionId: string;
	field: string;
	old: string | null;
	new: string | null;
}
interface Tender {
	id: string;
	offers: { id: string; vendor: string; history: HistoryEntry[]; respondents: { id: string }[] }[];
	shares: { id: string }[];
}
interface View {
	questions: { id: string; options: { id: string }[] }[];
}

const fleet = { devices: 1_000, countries: ['DE'], lifetimeYears: 10 };

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

const newTender = async (title: string) =>
	ok<Tender>(
		await send(server, 'POST', '/api/tenders', {
			json: { title, fleet, offers: [{ vendor: 'Alpha' }, { vendor: 'Bravo' }] }
		}),
		201
	);

/** A form post as the tender pages send it, without JavaScript. */
const postForm = (path: string, fields: Record<string, string>): Promise<Reply> =>
	send(server, 'POST', path, {
		body: new URLSearchParams(fields),
		headers: { origin: server.origin, accept: 'text/html' }
	});

describe('links a tender keeps in all, revoked and expired ones included', () => {
	it('stop at 50 respondent links per offer: the 51st is refused with 409 by the API and the form', async () => {
		const tender = await newTender('Link loop');
		const [alpha, bravo] = tender.offers.map((o) => o.id);
		const links = `/api/tenders/${tender.id}/offers/${alpha}/respondents`;
		// Five live at a time is the live cap; create-and-revoke stays under it, fifty times.
		for (let i = 0; i < 50; i++) {
			const { id } = ok<{ id: string }>(
				await send(server, 'POST', links, { json: { label: `Loop ${i}` } }),
				201
			);
			expect((await send(server, 'DELETE', `${links}/${id}`)).status).toBe(204);
		}
		const refused = await send(server, 'POST', links, { json: {} });
		expect(refused.status).toBe(409);
		expect(jsonOf<{ error: string }>(refused).error).toMatch(
			/had 50 respondent links, revoked and expired ones included/
		);
		const form = await postForm(`/t/${tender.id}?/createLink`, {
			offerId: alpha!,
			label: 'One more'
		});
		expect(form.status).toBe(409);
		expect(form.text).toContain('had 50 respondent links, revoked and expired ones included');
		const stored = ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`));
		expect(stored.offers[0]!.respondents).toHaveLength(50);
		// Another offer of the same tender has its own fifty.
		expect(
			(
				await send(server, 'POST', `/api/tenders/${tender.id}/offers/${bravo}/respondents`, {
					json: {}
				})
			).status
		).toBe(201);
	});

	it('stop at 100 comparison links per tender: the 101st is refused with 409 by the API and the form', async () => {
		const tender = await newTender('Share loop');
		const shares = `/api/tenders/${tender.id}/shares`;
		for (let i = 0; i < 100; i++) {
			const { id } = ok<{ id: string }>(await send(server, 'POST', shares, { json: {} }), 201);
			expect((await send(server, 'DELETE', `${shares}/${id}`)).status).toBe(204);
		}
		const refused = await send(server, 'POST', shares, { json: {} });
		expect(refused.status).toBe(409);
		expect(jsonOf<{ error: string }>(refused).error).toMatch(
			/had 100 comparison links, revoked and expired ones included/
		);
		const form = await postForm(`/t/${tender.id}/compare?/share`, { label: 'One more' });
		expect(form.status).toBe(409);
		expect(form.text).toContain('had 100 comparison links, revoked and expired ones included');
		expect(ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`)).shares).toHaveLength(
			100
		);
	});
});

describe("an offer's history under a vendor's flood of changes", () => {
	it("keeps every buyer entry, the vendor's first claim and its latest changes after 3,000 vendor changes", async () => {
		const tender = await newTender('History flood');
		const alpha = tender.offers[0]!.id;
		const { token } = ok<{ token: string }>(
			await send(server, 'POST', `/api/tenders/${tender.id}/offers/${alpha}/respondents`, {
				json: {}
			}),
			201
		);
		const view = ok<View>(await send(server, 'GET', `/api/respond/${token}`));
		// Ten questions, each changed at once: 300 saves make 3,000 statement changes.
		const questions = view.questions.slice(0, 10);
		const save = (statement: (q: string) => string) =>
			send(server, 'PATCH', `/api/respond/${token}`, {
				json: {
					answers: Object.fromEntries(
						questions.map((q) => [q.id, { option: q.options[0]!.id, statement: statement(q.id) }])
					)
				}
			});
		expect((await save((q) => `First claim for ${q}`)).status).toBe(200);
		const disputed = questions[0]!.id;
		const dispute = (note: string) =>
			send(server, 'PATCH', `/api/tenders/${tender.id}/offers/${alpha}/answers/${disputed}`, {
				json: { state: 'disputed', stateNote: note }
			});
		expect((await dispute('Annex 3 shows no second core')).status).toBe(200);
		for (let round = 1; round <= 300; round++) {
			expect((await save((q) => `Revision ${round} for ${q}`)).status).toBe(200);
			if (round === 150)
				expect((await dispute('Still no second core in the revised annex')).status).toBe(200);
		}

		const history = ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`)).offers[0]!
			.history;
		// Every buyer entry is there: two disputes, each a state and a note (the vendor's saves in
		// between set the state back to claimed and cleared the note, in the vendor's entries).
		expect(history.filter((h) => h.by === 'buyer').map((h) => [h.field, h.old, h.new])).toEqual([
			['state', 'claimed', 'disputed'],
			['stateNote', null, 'Annex 3 shows no second core'],
			['state', 'claimed', 'disputed'],
			['stateNote', null, 'Still no second core in the revised annex']
		]);
		const statements = (q: string) =>
			history.filter((h) => h.by === 'vendor' && h.questionId === q && h.field === 'statement');
		for (const q of questions) {
			// The vendor's first claim and its ten latest changes of this field, oldest first.
			expect(statements(q.id).map((h) => h.new)).toEqual([
				`First claim for ${q.id}`,
				...Array.from({ length: 10 }, (_, i) => `Revision ${291 + i} for ${q.id}`)
			]);
		}
		// Bounded: the vendor's entries stay far below the 3,000 changes it made.
		expect(history.filter((h) => h.by === 'vendor').length).toBeLessThanOrEqual(2_000);
	});
});
