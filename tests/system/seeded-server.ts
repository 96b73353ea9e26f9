/**
 * A running production server with one seeded assessment (answers, notes, cost overrides, a share
 * link) for the bad-input tests, and the checks every batch ends with: the data directory is
 * byte-for-byte what it was, and the server logged no failure.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { changedFiles, snapshotDataDir } from './data-dir';
import { fetchRules, jsonOf, send, type RulesApi } from './http';
import { rulesFacts, type RulesFacts } from './invalid-input';
import { startServer, type TestServer } from './server';

export interface Seeded {
	server: TestServer;
	rules: RulesApi;
	facts: RulesFacts;
	/** The seeded assessment's id: a valid target, so only the body is wrong. */
	id: string;
	shareId: string;
	token: string;
}

export function useSeededServer(env: Record<string, string> = {}): () => Seeded {
	let seeded: Seeded | undefined;
	beforeAll(async () => {
		const server = await startServer({ env });
		const rules = await fetchRules(server);
		const facts = rulesFacts(rules);
		const [first, second] = facts.questions;
		const created = await send(server, 'POST', '/api/assessments', {
			json: {
				title: 'Seeded fleet',
				organisation: 'Seed Org',
				vendor: 'Seed Vendor',
				fleet: {
					devices: 1000,
					countries: ['DE', 'BR'],
					devicesByCountry: { DE: 600, BR: 400 },
					lifetimeYears: 10
				},
				answers: {
					[first!.id]: { option: first!.options[0], note: 'Seed note' },
					[second!.id]: { option: 'not_sure' }
				},
				costs: { fieldVisitPerDevice: 250 }
			}
		});
		expect(created.status).toBe(201);
		const { id } = jsonOf<{ id: string }>(created);
		const share = await send(server, 'POST', `/api/assessments/${id}/shares`, {
			json: { label: 'seed link', includeNotes: true }
		});
		expect(share.status).toBe(201);
		const { id: shareId, token } = jsonOf<{ id: string; token: string }>(share);
		seeded = { server, rules, facts, id, shareId, token };
	});
	afterAll(async () => {
		if (!seeded) return;
		await seeded.server.stop();
		rmSync(seeded.server.dataDir, { recursive: true, force: true });
	});
	return () => {
		if (!seeded) throw new Error('the seeded server did not start');
		return seeded;
	};
}

/**
 * Runs a batch of requests and proves it stored nothing: every file in DATA_DIR (records and
 * share index) is byte-for-byte the same afterwards, the server is still up, and it logged no
 * failure (a 5xx logs one).
 */
export async function expectNothingStored(
	server: TestServer,
	batch: () => Promise<void>
): Promise<void> {
	const before = snapshotDataDir(server.dataDir);
	const mark = server.logMark();
	await batch();
	expect(
		changedFiles(before, snapshotDataDir(server.dataDir)),
		'files changed by the batch'
	).toEqual([]);
	expect(server.alive, 'server still running').toBe(true);
	expect(server.logSince(mark), 'server log').not.toMatch(/failed:/);
}
