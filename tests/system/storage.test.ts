import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proveConcurrentSaves, proveCrashSafety } from './proofs';
import { startServer, tempDataDir } from './server';

describe('storage under load and crashes (production build, real files)', () => {
	it('keeps every acknowledged write of 1,000 concurrent saves, through the API and on disk', async () => {
		const report = await proveConcurrentSaves({ saves: 1000, hot: 3, patchShare: 0.6 });

		expect(report.refused).toEqual([]);
		expect(report.acknowledged).toBe(1000);
		expect(report.missingThroughApi).toEqual([]);
		expect(report.missingOnDisk).toEqual([]);
		expect(report.unexpectedRecords).toBe(0);
		// Each hot record saw 200 PATCHes, each got its own revision, and none was lost to another.
		for (const hot of report.hot) {
			expect(hot).toEqual({
				revision: 201,
				expectedRevision: 201,
				distinctRevisions: true,
				notes: expect.any(Number)
			});
			expect(hot.notes).toBeGreaterThan(30);
		}
		expect(report.disk).toMatchObject({ filesChecked: 403, parseFailures: 0, tempFiles: 0 });
	});

	it('loses no acknowledged write when the server is killed with SIGKILL in the middle of write storms', async () => {
		const report = await proveCrashSafety({
			rounds: 15,
			timeBudgetMs: 45_000,
			hot: 3,
			clients: 16,
			killAfterMs: [30, 400]
		});

		expect(report.rounds.length).toBeGreaterThanOrEqual(5);
		for (const round of report.rounds) {
			expect(round.missingOnDisk, `round ${round.round}`).toEqual([]);
			expect(round.missingThroughApi, `round ${round.round}`).toEqual([]);
			expect(round.violations, `round ${round.round}`).toEqual([]);
			expect(round.disk.failures, `round ${round.round}`).toEqual([]);
		}
		expect(report.lost).toBe(0);
		expect(report.parseFailures).toBe(0);
		// The kills really landed mid-storm: writes were acknowledged and others still in flight.
		expect(report.acknowledged).toBeGreaterThan(report.rounds.length * 5);
		expect(report.rounds.filter((r) => r.inFlightAtKill === 0)).toEqual([]);
	});

	it('refuses a second server on a data directory that a live server holds, and starts once it is gone', async () => {
		const dataDir = tempDataDir();
		const first = await startServer({ dataDir });
		try {
			await expect(startServer({ dataDir })).rejects.toThrow(
				/Another Lock-in Radar process \(pid \d+\) is using/
			);
			expect((await first.fetch('/api/rules')).status).toBe(200);
			await first.kill();
			const second = await startServer({ dataDir });
			expect((await second.fetch('/api/rules')).status).toBe(200);
			await second.stop();
		} finally {
			await first.kill();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
