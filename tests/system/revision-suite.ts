/**
 * Optimistic concurrency on a record's revision, through the real built server (`npm run build`
 * first): a PATCH based on the revision it read (If-Match or `revision` in the body) is written
 * only while the record is still at that revision; a stale one answers 409 with the current
 * revision and changes nothing. Run on both stores:
 * revision.test.ts (lowdb) and postgres-revision.test.ts (PostgreSQL, three servers' worth of
 * guarantees in one).
 *
 * Expected revisions by hand: a new record is at 1 and every accepted save adds one, so after the
 * create and n accepted saves the record is at n + 1; a refused save (409, 400) adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, send, type ApiError, type Reply, type SendOptions } from './http';
import { ok, pathsOf } from './replies';
import { type TestServer } from './server';

interface Revisioned {
	id: string;
	revision: number;
	title: string;
}
interface Conflict extends ApiError {
	currentRevision: number;
}

/** The suite, on whichever store `start` gives the server. */
export function revisionSuite(storeName: string, start: () => Promise<TestServer>): void {
	let server: TestServer;
	beforeAll(async () => {
		server = await start();
	});
	afterAll(async () => {
		await server.stop();
	});

	/** Uncompressed, so the ETag is the server's own strong tag (compression would weaken it to W/). */
	const IDENTITY = { 'accept-encoding': 'identity' };

	const call = (method: string, path: string, options: SendOptions = {}) =>
		send(server, method, path, { ...options, headers: { ...IDENTITY, ...options.headers } });
	const patch = (path: string, json: unknown, ifMatch?: string) =>
		call('PATCH', path, { json, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });

	/** A 409 for a stale change: the API's error shape, currentRevision, and the same revision as the ETag. */
	function conflictOf(reply: Reply, currentRevision: number, path: string): Conflict {
		expect(reply.status, reply.text.slice(0, 500)).toBe(409);
		expect(pathsOf(reply)).toEqual([path]);
		const body = jsonOf<Conflict>(reply);
		expect(body.currentRevision).toBe(currentRevision);
		expect(reply.headers.get('etag')).toBe(`"${currentRevision}"`);
		expect(reply.headers.get('cache-control')).toBe('private, no-store');
		return body;
	}

	/** 10 changes, all based on `revision`, sent at once: exactly one may win. */
	async function storm(path: string, revision: number, change: (n: number) => unknown) {
		const replies = await Promise.all(
			Array.from({ length: 10 }, (_, n) => patch(path, change(n), `"${revision}"`))
		);
		const won = replies.filter((r) => r.status === 200);
		const refused = replies.filter((r) => r.status === 409);
		expect(
			replies.map((r) => r.status).sort(),
			replies.map((r) => r.text.slice(0, 200)).join('\n')
		).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
		for (const reply of refused) conflictOf(reply, revision + 1, 'If-Match');
		expect(won[0]!.headers.get('etag')).toBe(`"${revision + 1}"`);
		return won[0]!;
	}

	/**
	 * The whole story for one kind of record at `path`, created at revision 1; `change(n)` is a valid
	 * change whose title is `title(n)`.
	 */
	function revisionStory(kind: string, create: () => Promise<string>) {
		describe(`${kind} (${storeName})`, () => {
			let path = '';
			beforeAll(async () => {
				path = await create();
			});

			it('reads with its revision as the ETag', async () => {
				const read = await call('GET', path);
				expect(ok<Revisioned>(read).revision).toBe(1);
				expect(read.headers.get('etag')).toBe('"1"');
			});

			it('takes a change based on the current revision (If-Match "1"): revision 2, ETag "2"', async () => {
				const reply = await patch(path, { title: 'First change, based on 1' }, '"1"');
				const changed = ok<Revisioned>(reply);
				expect(changed.revision).toBe(2);
				expect(changed.title).toBe('First change, based on 1');
				expect(reply.headers.get('etag')).toBe('"2"');
			});

			it('refuses a second change based on revision 1 with 409 and currentRevision 2, writing nothing', async () => {
				conflictOf(await patch(path, { title: 'Second change, based on 1' }, '"1"'), 2, 'If-Match');
				const read = await call('GET', path);
				const record = ok<Revisioned>(read);
				expect(record.title).toBe('First change, based on 1');
				expect(record.revision).toBe(2);
				expect(read.headers.get('etag')).toBe('"2"');
			});

			it('takes the revision in the body (revision 2): revision 3, and refuses it once stale', async () => {
				const reply = await patch(path, { title: 'Third change, based on 2', revision: 2 });
				expect(ok<Revisioned>(reply).revision).toBe(3);
				expect(reply.headers.get('etag')).toBe('"3"');
				conflictOf(await patch(path, { title: 'Stale', revision: 2 }), 3, 'revision');
			});

			it('applies a change without a revision after the others, as before: revision 4', async () => {
				const reply = await patch(path, { title: 'Fourth change, no revision' });
				expect(ok<Revisioned>(reply).revision).toBe(4);
				expect(reply.headers.get('etag')).toBe('"4"');
			});

			it('refuses a malformed If-Match, or a body that disagrees with it, with 400 and writes nothing', async () => {
				const malformed = await patch(path, { title: 'Malformed' }, 'revision-4');
				expect(malformed.status).toBe(400);
				expect(pathsOf(malformed)).toEqual(['If-Match']);
				const unquoted = await patch(path, { title: 'Unquoted' }, '4');
				expect(unquoted.status).toBe(400);
				expect(pathsOf(unquoted)).toEqual(['If-Match']);
				const disagree = await patch(path, { title: 'Disagree', revision: 3 }, '"4"');
				expect(disagree.status).toBe(400);
				expect(pathsOf(disagree)).toEqual(['revision']);
				const record = ok<Revisioned>(await call('GET', path));
				expect(record.revision).toBe(4);
				expect(record.title).toBe('Fourth change, no revision');
			});

			it('takes the weak ETag a compressed answer carries back as the same revision: revision 5', async () => {
				const read = await send(server, 'GET', path, { headers: { 'accept-encoding': 'gzip' } });
				expect(read.headers.get('content-encoding')).toBe('gzip');
				expect(read.headers.get('etag')).toBe('W/"4"');
				const reply = await patch(path, { title: 'Fifth change, based on W/4' }, 'W/"4"');
				expect(ok<Revisioned>(reply).revision).toBe(5);
			});

			it('lets exactly one of 10 concurrent changes based on revision 5 win; nine get 409 with revision 6', async () => {
				const won = await storm(path, 5, (n) => ({ title: `Storm ${n}, based on 5` }));
				const winner = ok<Revisioned>(won);
				expect(winner.revision).toBe(6);
				expect(winner.title).toMatch(/^Storm \d, based on 5$/);
				const record = ok<Revisioned>(await call('GET', path));
				expect(record.revision).toBe(6);
				expect(record.title).toBe(winner.title);
			});

			it('answers * (any revision) like no revision: revision 7', async () => {
				expect(ok<Revisioned>(await patch(path, { title: 'Any revision' }, '*')).revision).toBe(7);
			});
		});
	}

	revisionStory('an assessment', async () => {
		const created = ok<Revisioned>(
			await call('POST', '/api/assessments', {
				json: {
					title: 'Revision proof',
					fleet: { devices: 500, countries: ['DE', 'BR'], lifetimeYears: 8 }
				}
			}),
			201
		);
		expect(created.revision).toBe(1);
		return `/api/assessments/${created.id}`;
	});

	/** Offers with a few claims each, so a read is large enough to be compressed (over 1 KB). */
	const tenderBody = {
		title: 'Revision proof tender',
		fleet: { devices: 500, countries: ['DE'], lifetimeYears: 8 },
		offers: [
			{
				vendor: 'Alpha',
				answers: {
					network_sunset_readiness: { option: 'legacy' },
					network_core_redundancy: { option: 'single_point' }
				}
			},
			{
				vendor: 'Bravo',
				answers: {
					data_overage_rate: { option: 'provider_discretion' },
					data_minimum_session_charge: { option: 'large' },
					data_fee_basis: { option: 'all_issued' }
				}
			}
		]
	};
	revisionStory('a tender', async () => {
		const created = ok<Revisioned>(await call('POST', '/api/tenders', { json: tenderBody }), 201);
		expect(created.revision).toBe(1);
		return `/api/tenders/${created.id}`;
	});

	describe(`an answer of a tender's offer, on the tender's revision (${storeName})`, () => {
		interface Tender extends Revisioned {
			offers: { id: string }[];
		}
		interface AnswerView {
			revision: number;
			questionId: string;
			answer: { note?: string } | null;
		}
		/** A question of the ruleset (rules/ruleset.yaml), asked of every fleet. */
		const question = 'network_sunset_readiness';
		let tender: Tender;
		const answerPath = (questionId: string) =>
			`/api/tenders/${tender.id}/offers/${tender.offers[0]!.id}/answers/${questionId}`;

		beforeAll(async () => {
			tender = ok<Tender>(await call('POST', '/api/tenders', { json: tenderBody }), 201);
		});

		it('takes a note based on the current revision, refuses one based on the old, with 409', async () => {
			const reply = await patch(answerPath(question), { note: 'Based on 1' }, '"1"');
			const view = ok<AnswerView>(reply);
			expect(view.revision).toBe(2);
			expect(view.answer?.note).toBe('Based on 1');
			expect(reply.headers.get('etag')).toBe('"2"');
			conflictOf(await patch(answerPath(question), { note: 'Stale', revision: 1 }), 2, 'revision');
			const read = ok<{ offers: { answers: Record<string, { note?: string }> }[] }>(
				await call('GET', `/api/tenders/${tender.id}`)
			);
			expect(read.offers[0]!.answers[question]!.note).toBe('Based on 1');
		});

		it('lets exactly one of 10 concurrent notes on different questions based on revision 2 win', async () => {
			// Valid questions of the ruleset: a 400 here would hide the race the test is about.
			const rules = ok<{ areas: { questions: { id: string }[] }[] }>(
				await call('GET', '/api/rules')
			);
			const known = new Set(rules.areas.flatMap((a) => a.questions.map((q) => q.id)));
			const ids = [...known].slice(0, 10);
			expect(ids).toHaveLength(10);
			const replies = await Promise.all(
				ids.map((id) => patch(answerPath(id), { note: `Storm on ${id}` }, '"2"'))
			);
			expect(replies.map((r) => r.status).sort()).toEqual([
				200, 409, 409, 409, 409, 409, 409, 409, 409, 409
			]);
			for (const reply of replies.filter((r) => r.status === 409)) conflictOf(reply, 3, 'If-Match');
			const winner = ok<AnswerView>(replies.find((r) => r.status === 200)!);
			const read = ok<Tender & { offers: { answers: Record<string, { note?: string }> }[] }>(
				await call('GET', `/api/tenders/${tender.id}`)
			);
			expect(read.revision).toBe(3);
			const notes = Object.entries(read.offers[0]!.answers)
				.filter(([, a]) => a.note?.startsWith('Storm on '))
				.map(([id]) => id);
			expect(notes).toEqual([winner.questionId]);
		});
	});
}
