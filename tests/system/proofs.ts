/**
 * The storage proofs, shared by the system tests (small numbers) and `prove.ts` (big numbers):
 * concurrent saves through the real server, and SIGKILL in the middle of write storms. Each
 * returns a report of what was acknowledged and what was found afterwards; the caller judges it.
 */
import { randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { scanDataDir, tempFileTarget, tokenHash, type DataDirScan } from './data-dir';
import { createBody, fetchRules, jsonOf, pool, questionIds, send, type Reply } from './http';
import { startServer, tempDataDir, type TestServer } from './server';

interface SavedRecord {
	id: string;
	revision: number;
	title: string;
	answers: Record<string, { option?: string; note?: string }>;
}

/** What a run found on disk once the server was gone. */
export interface DiskSummary {
	filesChecked: number;
	parseFailures: number;
	failures: { file: string; problem: string }[];
	tempFiles: number;
}

const diskSummary = (scan: DataDirScan): DiskSummary => ({
	filesChecked: scan.filesChecked,
	parseFailures: scan.failures.length,
	failures: scan.failures.slice(0, 10),
	tempFiles: scan.tempFiles.length
});

async function createAssessment(server: TestServer, title: string): Promise<SavedRecord> {
	const reply = await send(server, 'POST', '/api/assessments', { json: createBody(title) });
	if (reply.status !== 201)
		throw new Error(`Seeding "${title}" answered ${reply.status}: ${reply.text.slice(0, 300)}`);
	return jsonOf<SavedRecord>(reply);
}

function shuffle<T>(items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

const notePatch = (questionId: string, note: string) => ({ answers: { [questionId]: { note } } });

/* ------------------------------------------------------------------------------------------ */
/* Concurrency                                                                                */
/* ------------------------------------------------------------------------------------------ */

export interface ConcurrencyOptions {
	/** Requests fired at once. */
	saves: number;
	/** Assessments that every PATCH lands on (the contended records). */
	hot: number;
	/** Share of the saves that are PATCHes of a hot assessment; the rest create new ones. */
	patchShare: number;
	keepDataDir?: boolean;
}

export interface ConcurrencyReport {
	saves: number;
	acknowledged: number;
	/** Requests without a 2xx, with their status or error. */
	refused: string[];
	patches: { sent: number; acknowledged: number };
	creates: { sent: number; acknowledged: number };
	hot: { revision: number; expectedRevision: number; distinctRevisions: boolean; notes: number }[];
	/** Acknowledged writes the API does not show afterwards (must be empty). */
	missingThroughApi: string[];
	/** Acknowledged writes not in the files after the server stopped (must be empty). */
	missingOnDisk: string[];
	/** Records on disk nobody asked for. */
	unexpectedRecords: number;
	disk: DiskSummary;
	burstMs: number;
	totalMs: number;
}

interface PatchOp {
	kind: 'patch';
	hot: number;
	questionId: string;
	note: string;
}
interface CreateOp {
	kind: 'create';
	title: string;
}

/**
 * Fires `saves` requests at once: PATCHes of distinct question notes on a few hot assessments,
 * and creates. Every acknowledged write must be visible through the API and, after a clean stop,
 * in the files; each hot record's revision must be 1 + its acknowledged PATCHes, and each of its
 * notes must be the one written by the last acknowledged PATCH (the highest revision) of that question.
 */
export async function proveConcurrentSaves(
	options: ConcurrencyOptions
): Promise<ConcurrencyReport> {
	const started = performance.now();
	const dataDir = tempDataDir('lock-in-radar-concurrency-');
	const server = await startServer({ dataDir });
	try {
		const questions = questionIds(await fetchRules(server));
		const hot: SavedRecord[] = [];
		for (let h = 0; h < options.hot; h++) hot.push(await createAssessment(server, `Hot ${h}`));

		const ops: (PatchOp | CreateOp)[] = [];
		const perHot = new Array<number>(options.hot).fill(0);
		for (let i = 0; i < options.saves; i++) {
			if (i % 100 < options.patchShare * 100) {
				const h = i % options.hot;
				const questionId = questions[perHot[h]!++ % questions.length]!;
				ops.push({ kind: 'patch', hot: h, questionId, note: `save ${i} on hot ${h}` });
			} else {
				ops.push({ kind: 'create', title: `Created by save ${i}` });
			}
		}

		const burstStart = performance.now();
		const replies = await Promise.all(
			ops.map(async (op): Promise<Reply | Error> => {
				try {
					return op.kind === 'patch'
						? await send(server, 'PATCH', `/api/assessments/${hot[op.hot]!.id}`, {
								json: notePatch(op.questionId, op.note),
								timeoutMs: 120_000
							})
						: await send(server, 'POST', '/api/assessments', {
								json: createBody(op.title),
								timeoutMs: 120_000
							});
				} catch (error) {
					return error as Error;
				}
			})
		);
		const burstMs = performance.now() - burstStart;

		const refused: string[] = [];
		const ackedPatches: { op: PatchOp; revision: number }[] = [];
		const ackedCreates: { title: string; id: string }[] = [];
		replies.forEach((reply, i) => {
			const op = ops[i]!;
			if (reply instanceof Error) return void refused.push(`${op.kind}: ${reply.message}`);
			if (reply.status < 200 || reply.status > 299)
				return void refused.push(`${op.kind}: ${reply.status} ${reply.text.slice(0, 120)}`);
			const saved = jsonOf<SavedRecord>(reply);
			if (op.kind === 'patch') ackedPatches.push({ op, revision: saved.revision });
			else ackedCreates.push({ title: op.title, id: saved.id });
		});

		// What each hot record must hold: replay the acknowledged PATCHes in revision order.
		const expected = hot.map((record, h) => {
			const mine = ackedPatches
				.filter((p) => p.op.hot === h)
				.sort((a, b) => a.revision - b.revision);
			const notes = new Map<string, string>();
			for (const p of mine) notes.set(p.op.questionId, p.op.note);
			const revisions = new Set(mine.map((p) => p.revision));
			return {
				id: record.id,
				revision: 1 + mine.length,
				notes,
				distinctRevisions: revisions.size === mine.length
			};
		});

		const check = (read: (id: string) => SavedRecord | null, where: string[]) => {
			for (const e of expected) {
				const record = read(e.id);
				if (!record) {
					where.push(`hot ${e.id}: missing`);
					continue;
				}
				if (record.revision !== e.revision)
					where.push(`hot ${e.id}: revision ${record.revision}, expected ${e.revision}`);
				for (const [questionId, note] of e.notes) {
					if (record.answers[questionId]?.note !== note) {
						where.push(
							`hot ${e.id}: ${questionId} holds "${record.answers[questionId]?.note}", expected "${note}"`
						);
					}
				}
			}
			for (const c of ackedCreates) {
				const record = read(c.id);
				if (record?.title !== c.title)
					where.push(
						`create "${c.title}" (${c.id}): ${record ? `title "${record.title}"` : 'missing'}`
					);
			}
		};

		const throughApi = new Map<string, SavedRecord | null>();
		await pool([...expected.map((e) => e.id), ...ackedCreates.map((c) => c.id)], 32, async (id) => {
			const reply = await send(server, 'GET', `/api/assessments/${id}`);
			throughApi.set(id, reply.status === 200 ? jsonOf<SavedRecord>(reply) : null);
		});
		const missingThroughApi: string[] = [];
		check((id) => throughApi.get(id) ?? null, missingThroughApi);

		await server.stop();
		const scan = scanDataDir(dataDir);
		const missingOnDisk: string[] = [];
		check((id) => scan.records.get(id) ?? null, missingOnDisk);

		const patchesSent = ops.filter((op) => op.kind === 'patch').length;
		return {
			saves: ops.length,
			acknowledged: ackedPatches.length + ackedCreates.length,
			refused,
			patches: { sent: patchesSent, acknowledged: ackedPatches.length },
			creates: { sent: ops.length - patchesSent, acknowledged: ackedCreates.length },
			hot: expected.map((e) => ({
				revision: scan.records.get(e.id)?.revision ?? -1,
				expectedRevision: e.revision,
				distinctRevisions: e.distinctRevisions,
				notes: e.notes.size
			})),
			missingThroughApi,
			missingOnDisk,
			unexpectedRecords: scan.records.size - hot.length - ackedCreates.length,
			disk: diskSummary(scan),
			burstMs,
			totalMs: performance.now() - started
		};
	} finally {
		await server.kill();
		if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Crashes                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export interface CrashOptions {
	rounds: number;
	/** Stop starting new rounds after this long (at least one round always runs). */
	timeBudgetMs: number;
	hot: number;
	/** Clients writing at once during a storm. */
	clients: number;
	/** SIGKILL lands this many milliseconds after the storm starts (uniform in the range). */
	killAfterMs: [number, number];
	keepDataDir?: boolean;
	onRound?: (round: CrashRound) => void;
}

export interface CrashRound {
	round: number;
	sent: number;
	acknowledged: number;
	inFlightAtKill: number;
	/** Acknowledged writes not found in the files (must be empty). */
	missingOnDisk: string[];
	/** Acknowledged writes not served by the restarted server (must be empty). */
	missingThroughApi: string[];
	/** Other broken promises: revisions out of range, phantom records, temp files read as records. */
	violations: string[];
	disk: DiskSummary;
	restartMs: number;
}

export interface CrashReport {
	rounds: CrashRound[];
	acknowledged: number;
	lost: number;
	filesChecked: number;
	parseFailures: number;
	tempFilesSeen: number;
	finalRecords: number;
	totalMs: number;
}

type Slot = { hot: number; questionId: string };
/** Bounds a round whose kill comes late: the storm never outgrows this many extra creates. */
const MAX_EXTRA_CREATES = 2_000;
type StormOp =
	| { kind: 'patch'; slot: Slot; note: string }
	| { kind: 'create'; title: string }
	| { kind: 'share'; hot: number; label: string };

/**
 * Kills the server with SIGKILL in the middle of write storms, `rounds` times, restarting it on
 * the same data directory after each 'exit'. After every kill the files are read straight from
 * disk: each must parse, and every acknowledged write must be there; then the restarted server
 * must serve them, and never serve a temp file as a record.
 *
 * Within a round each (hot assessment, question) slot is written at most once, so an acknowledged
 * PATCH's note must be exactly in its slot; a slot whose write was not acknowledged may hold
 * either its old or its new note.
 */
export async function proveCrashSafety(options: CrashOptions): Promise<CrashReport> {
	const started = performance.now();
	const dataDir = tempDataDir('lock-in-radar-crash-');
	let server = await startServer({ dataDir });
	const report: CrashReport = {
		rounds: [],
		acknowledged: 0,
		lost: 0,
		filesChecked: 0,
		parseFailures: 0,
		tempFilesSeen: 0,
		finalRecords: 0,
		totalMs: 0
	};
	const lost = new Set<string>();
	try {
		const questions = questionIds(await fetchRules(server));
		const hot: SavedRecord[] = [];
		for (let h = 0; h < options.hot; h++)
			hot.push(await createAssessment(server, `Crash hot ${h}`));
		const slots: Slot[] = hot.flatMap((_, h) =>
			questions.map((questionId) => ({ hot: h, questionId }))
		);
		const slotKey = (s: Slot) => `${s.hot}/${s.questionId}`;

		// The model: what the files may hold. A slot has one certain note, or candidates after an unacknowledged write.
		const slotNotes = new Map<string, Set<string | undefined>>(
			slots.map((s) => [slotKey(s), new Set([undefined])])
		);
		const revisions = hot.map((r) => r.revision);
		const createdTitles = new Set(hot.map((r) => r.title));
		const ackedCreates = new Map<string, string>();
		const ackedShares: { hot: number; id: string; token: string }[] = [];

		for (let round = 1; round <= options.rounds; round++) {
			if (round > 1 && performance.now() - started > options.timeBudgetMs) break;
			const queue: StormOp[] = [];
			const order = shuffle(slots);
			order.forEach((slot, i) => {
				queue.push({ kind: 'patch', slot, note: `round ${round} slot ${i}` });
				if (i % 3 === 0) queue.push({ kind: 'create', title: `Crash round ${round} create ${i}` });
				if (i % 25 === 0)
					queue.push({ kind: 'share', hot: slot.hot, label: `round ${round} share ${i}` });
			});
			for (const op of queue) if (op.kind === 'create') createdTitles.add(op.title);

			let next = 0;
			let inFlight = 0;
			let killed = false;
			const violations: string[] = [];
			const sent: StormOp[] = [];
			const acked: { op: StormOp; body: Record<string, unknown> }[] = [];
			// Once every slot is written, the storm goes on with creates, so the kill always lands mid-storm.
			const nextOp = (): StormOp => {
				if (next < queue.length) return queue[next++]!;
				const title = `Crash round ${round} extra create ${next++}`;
				createdTitles.add(title);
				return { kind: 'create', title };
			};
			const client = async () => {
				while (!killed && next < queue.length + MAX_EXTRA_CREATES) {
					const op = nextOp();
					sent.push(op);
					inFlight++;
					try {
						const reply =
							op.kind === 'patch'
								? await send(server, 'PATCH', `/api/assessments/${hot[op.slot.hot]!.id}`, {
										json: notePatch(op.slot.questionId, op.note)
									})
								: op.kind === 'create'
									? await send(server, 'POST', '/api/assessments', { json: createBody(op.title) })
									: await send(server, 'POST', `/api/assessments/${hot[op.hot]!.id}/shares`, {
											json: { label: op.label }
										});
						if (reply.status >= 200 && reply.status < 300)
							acked.push({ op, body: JSON.parse(reply.text) });
						else
							violations.push(`${op.kind} answered ${reply.status}: ${reply.text.slice(0, 200)}`);
					} catch (error) {
						if (!killed)
							violations.push(`${op.kind} failed before the kill: ${(error as Error).message}`);
					} finally {
						inFlight--;
					}
				}
			};
			const storm = Promise.all(Array.from({ length: options.clients }, client));
			const delay =
				options.killAfterMs[0] + randomInt(options.killAfterMs[1] - options.killAfterMs[0] + 1);
			await new Promise((resolve) => setTimeout(resolve, delay));
			const inFlightAtKill = inFlight;
			killed = true;
			await server.kill();
			await storm;

			// 1. The files, with no server running.
			const scan = scanDataDir(dataDir);
			const missingOnDisk: string[] = [];
			const roundPatches = new Map<string, { note: string; acked: boolean }>();
			for (const op of sent)
				if (op.kind === 'patch')
					roundPatches.set(slotKey(op.slot), { note: op.note, acked: false });
			const roundCreates: { id: string; title: string }[] = [];
			const roundShares: { hot: number; id: string; token: string }[] = [];
			for (const { op, body } of acked) {
				if (op.kind === 'patch') roundPatches.get(slotKey(op.slot))!.acked = true;
				if (op.kind === 'create') roundCreates.push({ id: body.id as string, title: op.title });
				if (op.kind === 'share')
					roundShares.push({ hot: op.hot, id: body.id as string, token: body.token as string });
			}
			for (const { id, title } of roundCreates) ackedCreates.set(id, title);
			ackedShares.push(...roundShares);
			for (const [key, write] of roundPatches) {
				const candidates = slotNotes.get(key)!;
				slotNotes.set(
					key,
					write.acked ? new Set([write.note]) : new Set([...candidates, write.note])
				);
			}
			hot.forEach((record, h) => {
				const onDisk = scan.records.get(record.id);
				if (!onDisk) return void missingOnDisk.push(`hot ${h}: record missing`);
				const patchesSent = sent.filter((op) => op.kind === 'patch' && op.slot.hot === h).length;
				const patchesAcked = acked.filter(
					({ op }) => op.kind === 'patch' && op.slot.hot === h
				).length;
				if (
					onDisk.revision < revisions[h]! + patchesAcked ||
					onDisk.revision > revisions[h]! + patchesSent
				) {
					violations.push(
						`hot ${h}: revision ${onDisk.revision} outside ${revisions[h]! + patchesAcked}..${revisions[h]! + patchesSent}`
					);
				}
				revisions[h] = onDisk.revision;
			});
			for (const slot of slots) {
				const key = slotKey(slot);
				const found = scan.records.get(hot[slot.hot]!.id)?.answers[slot.questionId]?.note;
				const allowed = slotNotes.get(key)!;
				if (!allowed.has(found)) {
					const list = [...allowed].map((n) => JSON.stringify(n)).join(' or ');
					(allowed.size === 1 ? missingOnDisk : violations).push(
						`slot ${key}: holds ${JSON.stringify(found)}, expected ${list}`
					);
				}
				slotNotes.set(key, new Set([found]));
			}
			for (const [id, title] of ackedCreates) {
				if (scan.records.get(id)?.title !== title) missingOnDisk.push(`create "${title}" (${id})`);
			}
			for (const share of ackedShares) {
				const record = scan.records.get(hot[share.hot]!.id);
				if (!record?.shares.some((s) => s.id === share.id))
					missingOnDisk.push(`share ${share.id} on hot ${share.hot}`);
				if (scan.shareIndex.get(tokenHash(share.token)) !== hot[share.hot]!.id)
					missingOnDisk.push(`share-index entry for share ${share.id}`);
			}
			for (const record of scan.records.values()) {
				if (!createdTitles.has(record.title))
					violations.push(`record ${record.id} ("${record.title}") was never asked for`);
			}
			const orphanTemps = scan.tempFiles
				.map(tempFileTarget)
				.filter((id): id is string => id !== null && !scan.records.has(id));

			// 2. The restarted server: the same data, and no temp file served as a record.
			const restartStart = performance.now();
			server = await startServer({ dataDir });
			const restartMs = performance.now() - restartStart;
			const missingThroughApi: string[] = [];
			await pool(hot, 8, async (record, h) => {
				const reply = await send(server, 'GET', `/api/assessments/${record.id}`);
				const served = reply.status === 200 ? jsonOf<SavedRecord>(reply) : null;
				const onDisk = scan.records.get(record.id);
				if (!served || !onDisk) return void missingThroughApi.push(`hot ${h}: ${reply.status}`);
				if (
					served.revision !== onDisk.revision ||
					JSON.stringify(served.answers) !== JSON.stringify(onDisk.answers)
				) {
					missingThroughApi.push(
						`hot ${h}: served revision ${served.revision} differs from the file's ${onDisk.revision}`
					);
				}
			});
			await pool(roundCreates, 16, async ({ id, title }) => {
				const reply = await send(server, 'GET', `/api/assessments/${id}`);
				if (reply.status !== 200 || jsonOf<SavedRecord>(reply).title !== title)
					missingThroughApi.push(`create "${title}": ${reply.status}`);
			});
			await pool(roundShares, 8, async (share) => {
				const reply = await send(server, 'GET', `/api/shared/${share.token}`);
				if (reply.status !== 200)
					missingThroughApi.push(`share ${share.id}: /api/shared answered ${reply.status}`);
			});
			await pool(orphanTemps, 8, async (id) => {
				const reply = await send(server, 'GET', `/api/assessments/${id}`);
				if (reply.status !== 404)
					violations.push(`temp file of ${id} served as a record (${reply.status})`);
			});

			const result: CrashRound = {
				round,
				sent: sent.length,
				acknowledged: acked.length,
				inFlightAtKill,
				missingOnDisk,
				missingThroughApi,
				violations,
				disk: diskSummary(scan),
				restartMs
			};
			report.rounds.push(result);
			options.onRound?.(result);
		}

		// A last, clean stop: everything acknowledged in every round must still be there.
		await server.stop();
		const final = scanDataDir(dataDir);
		for (const [id, title] of ackedCreates)
			if (final.records.get(id)?.title !== title) lost.add(`create "${title}" (${id})`);
		for (const share of ackedShares)
			if (!final.records.get(hot[share.hot]!.id)?.shares.some((s) => s.id === share.id))
				lost.add(`share ${share.id} on hot ${share.hot}`);
		report.finalRecords = final.records.size;
		report.parseFailures = final.failures.length;
		report.filesChecked = final.filesChecked;
	} finally {
		await server.kill();
		if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
	}
	for (const round of report.rounds) {
		report.acknowledged += round.acknowledged;
		// A write found missing after one kill is still missing after the next: count it once.
		for (const missing of [...round.missingOnDisk, ...round.missingThroughApi]) lost.add(missing);
		report.filesChecked += round.disk.filesChecked;
		report.parseFailures += round.disk.parseFailures;
		report.tempFilesSeen += round.disk.tempFiles;
	}
	report.lost = lost.size;
	report.totalMs = performance.now() - started;
	return report;
}
