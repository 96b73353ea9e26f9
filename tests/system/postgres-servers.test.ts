/**
 * Three app servers on one PostgreSQL database, as behind a load balancer: 1,000 concurrent saves
 * spread across them while one is SIGKILLed and restarted, then a race of conditional saves. What
 * a client was told was saved must be there, whichever server it asked and whichever died.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../support/postgres';
import { createBody, fetchRules, jsonOf, questionIds, send, type Reply } from './http';
import { startServer, type TestServer } from './server';

interface SavedRecord {
	id: string;
	revision: number;
	answers: Record<string, { note?: string }>;
}

interface Save {
	record: number;
	questionId: string;
	note: string;
}

const adminUrl = inject('postgresAdminUrl');
let databaseUrl: string;

const startOnDatabase = () =>
	startServer({ env: { DATABASE_URL: databaseUrl }, startTimeoutMs: 60_000 });

beforeAll(async () => {
	databaseUrl = await createTestDatabase(adminUrl);
});

afterAll(async () => {
	await dropTestDatabase(adminUrl, databaseUrl);
});

describe('three app servers on one PostgreSQL database', () => {
	it('keeps every acknowledged save of 1,000 across three servers, one SIGKILLed mid-storm and restarted', async () => {
		const servers: TestServer[] = await Promise.all([1, 2, 3].map(() => startOnDatabase()));
		const everyServer = new Set(servers);
		try {
			const questions = questionIds(await fetchRules(servers[0]!));
			// 25 records × 40 questions: every save has a slot of its own, so each acknowledged note must
			// survive exactly as written, and every save to one record contends for its row.
			const recordCount = 25;
			const ids: string[] = [];
			for (let r = 0; r < recordCount; r++) {
				const reply = await send(servers[r % 3]!, 'POST', '/api/assessments', {
					json: createBody(`Storm ${r}`)
				});
				expect(reply.status).toBe(201);
				ids.push(jsonOf<SavedRecord>(reply).id);
			}
			const slots = Math.min(questions.length, 40);
			expect(recordCount * slots).toBeGreaterThanOrEqual(1000);
			const saves: Save[] = Array.from({ length: 1000 }, (_, i) => ({
				record: i % recordCount,
				questionId: questions[Math.floor(i / recordCount) % slots]!,
				note: `save ${i} of the storm`
			}));

			const acknowledged: { save: Save; revision: number }[] = [];
			const failed: string[] = [];
			let answered = 0;
			let inFlightAtKill = -1;
			let inFlight = 0;
			let restarted: Promise<void> | null = null;

			const killed = servers[1]!;
			let savedByReplacement = 0;
			const runOne = async (save: Save, i: number) => {
				// Round-robin, routing around a server that is down, as a load balancer's health check would.
				const chosen = servers[i % 3]!;
				const server = chosen.alive ? chosen : servers[(i + 1) % 3]!;
				const label = server === killed ? 'the killed server' : 'a live server';
				inFlight++;
				let reply: Reply | Error;
				try {
					reply = await send(server, 'PATCH', `/api/assessments/${ids[save.record]}`, {
						json: { answers: { [save.questionId]: { note: save.note } } },
						timeoutMs: 60_000
					});
				} catch (error) {
					reply = error as Error;
				}
				inFlight--;
				answered++;
				if (reply instanceof Error) failed.push(`${label}: ${reply.message}`);
				else if (reply.status !== 200) failed.push(`${label}: ${reply.status}`);
				else {
					acknowledged.push({ save, revision: jsonOf<SavedRecord>(reply).revision });
					if (server === servers[1] && server !== killed) savedByReplacement++;
				}
				// A third of the way in, pull the plug on the second server, then bring up a new one.
				if (answered === 330 && !restarted) {
					inFlightAtKill = inFlight;
					restarted = (async () => {
						await killed.kill();
						const replacement = await startOnDatabase();
						everyServer.add(replacement);
						servers[1] = replacement;
					})();
				}
			};

			// 50 clients at a time, each taking the next save.
			let next = 0;
			const client = async () => {
				while (next < saves.length) {
					const i = next++;
					// The last 300 wait for the replacement, so it takes its share of the storm.
					if (i >= 700) await restarted;
					await runOne(saves[i]!, i);
				}
			};
			await Promise.all(Array.from({ length: 50 }, client));
			expect(restarted).not.toBeNull();
			await restarted;

			// The kill landed mid-storm, and the storm went on through the other two servers.
			expect(inFlightAtKill).toBeGreaterThan(0);
			expect(acknowledged.length + failed.length).toBe(1000);
			expect(acknowledged.length).toBeGreaterThan(900);
			// Only requests in flight on the killed server failed (no answer): no 409, 500 or 503 anywhere.
			expect(failed.filter((f) => !f.startsWith('the killed server:'))).toEqual([]);
			expect(failed.filter((f) => /: \d{3}$/.test(f))).toEqual([]);
			// The replacement took its share of the storm once it was up.
			expect(savedByReplacement).toBeGreaterThan(0);

			// Every acknowledged save is in the database, whichever server is asked, and in the rows.
			const missing: string[] = [];
			const byRecord = new Map<number, number[]>();
			for (const a of acknowledged)
				byRecord.set(a.save.record, [...(byRecord.get(a.save.record) ?? []), a.revision]);
			for (const [r, id] of ids.entries()) {
				const reply = await send(servers[r % 3]!, 'GET', `/api/assessments/${id}`);
				const record = jsonOf<SavedRecord>(reply);
				const sent = saves.filter((s) => s.record === r).length;
				const revisions = byRecord.get(r) ?? [];
				// No two saves were told they made the same revision: none overwrote another.
				expect(new Set(revisions).size, `record ${r}`).toBe(revisions.length);
				// At least every acknowledged save, at most every sent one (a killed request may have committed).
				expect(record.revision, `record ${r}`).toBeGreaterThanOrEqual(1 + revisions.length);
				expect(record.revision, `record ${r}`).toBeLessThanOrEqual(1 + sent);
				for (const a of acknowledged.filter((x) => x.save.record === r)) {
					if (record.answers[a.save.questionId]?.note !== a.save.note)
						missing.push(`record ${r} ${a.save.questionId}: "${a.save.note}"`);
				}
			}
			expect(missing).toEqual([]);

			const client2 = new pg.Client({ connectionString: databaseUrl });
			await client2.connect();
			try {
				const { rows } = await client2.query<{ id: string; revision: number; body: SavedRecord }>(
					'SELECT id, revision, body FROM assessments'
				);
				expect(rows).toHaveLength(recordCount);
				const lostInRows = acknowledged.filter(({ save }) => {
					const row = rows.find((x) => x.id === ids[save.record]);
					return row?.body.answers[save.questionId]?.note !== save.note;
				});
				expect(lostInRows).toEqual([]);
				for (const row of rows) expect(row.revision).toBe(row.body.revision);
			} finally {
				await client2.end();
			}
		} finally {
			await Promise.all([...everyServer].map((server) => server.kill()));
		}
	});

	it('answers exactly one of 30 conditional saves based on one revision, across three servers, and 409 to the rest', async () => {
		const servers = await Promise.all([1, 2, 3].map(() => startOnDatabase()));
		try {
			const questions = questionIds(await fetchRules(servers[0]!));
			for (let round = 0; round < 3; round++) {
				const created = await send(servers[round]!, 'POST', '/api/assessments', {
					json: createBody(`Race ${round}`)
				});
				const { id, revision } = jsonOf<SavedRecord>(created);
				expect(revision).toBe(1);
				const replies = await Promise.all(
					Array.from({ length: 30 }, (_, i) =>
						send(servers[i % 3]!, 'PATCH', `/api/assessments/${id}`, {
							json: { answers: { [questions[i]!]: { note: `racer ${i}` } } },
							headers: { 'if-match': '"1"' }
						})
					)
				);
				const won = replies.filter((r) => r.status === 200);
				const lost = replies.filter((r) => r.status === 409);
				expect(won).toHaveLength(1);
				expect(lost).toHaveLength(29);
				for (const reply of lost) {
					expect(jsonOf<{ currentRevision: number }>(reply).currentRevision).toBe(2);
					expect(reply.headers.get('etag')).toBe('"2"');
				}
				// Only the winner's note is there, read from another server.
				const winner = replies.indexOf(won[0]!);
				const after = jsonOf<SavedRecord>(
					await send(servers[(round + 1) % 3]!, 'GET', `/api/assessments/${id}`)
				);
				expect(after.revision).toBe(2);
				const notes = Object.values(after.answers).map((a) => a.note);
				expect(notes).toEqual([`racer ${winner}`]);
			}
		} finally {
			await Promise.all(servers.map((server) => server.kill()));
		}
	});
});
