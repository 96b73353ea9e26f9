import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scorable } from '../../../src/lib/scoring/score';
import { score } from '../../../src/lib/scoring/score';
import { registryFromDisk } from '../../../src/lib/server/rules-files';

/**
 * Ruleset 1.1.0 scored by the engine as it was before ruleset 2.0.0 (commit c16e4b9), captured by
 * tests/fixtures/legacy/capture-1.1.0.ts. An assessment pinned to 1.1.0 must keep exactly that
 * score: today's engine reading rules/history/ruleset-1.1.0.yaml gives the same rating, score,
 * findings and roaming. The cost to leave is not pinned: like country data it is a fact about the
 * world, priced by today's rules/costs.yaml (2.0.0 added the over-the-air, double-fee and payout
 * lines), and a format-1 ruleset has no cost bands, so the rating never depends on it.
 */
interface LegacyCase {
	name: string;
	assessment: Scorable;
	expected: {
		score: number;
		rating: string;
		answersScore: number;
		findings: [string, string][];
		roaming: [string, string][];
		switchingCostTotal: number;
	};
}
const fixture = JSON.parse(
	readFileSync(new URL('../../fixtures/legacy/scores-1.1.0.json', import.meta.url), 'utf8')
) as { ruleset: string; cases: LegacyCase[] };

const registry = registryFromDisk(fileURLToPath(new URL('../../../rules', import.meta.url)));
const legacy = registry.versions.get('1.1.0')!;

describe('ruleset 1.1.0 scores as it did before 2.0.0', () => {
	it('loads 1.1.0 from rules/history as a format-1 ruleset', () => {
		expect(fixture.ruleset).toBe('1.1.0');
		expect(legacy.ruleset.version).toBe('1.1.0');
		expect(legacy.ruleset.floors).toBeUndefined();
		expect(legacy.ruleset.localProfiles).toBeUndefined();
		expect(fixture.cases.length).toBeGreaterThanOrEqual(20);
	});

	it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, { assessment, expected }) => {
		const result = score(legacy, assessment);
		expect(result.rulesetVersion).toBe('1.1.0');
		const { switchingCostTotal: _pricedToday, ...pinned } = expected;
		expect({
			score: result.overall.score,
			rating: result.overall.rating,
			answersScore: result.overall.answersScore,
			findings: result.findings.map((f) => [f.id, f.severity]),
			roaming: result.roaming.map((r) => [r.country, r.severity])
		}).toEqual(pinned);
	});

	it('prices the cost to leave with today\'s cost model', () => {
		const empty = fixture.cases.find((c) => c.name === 'empty, Brazil and Germany')!;
		const cost = score(legacy, empty.assessment).switchingCost;
		// 100 devices, nothing answered: visits 100 × 365 = 36,500; the longest notice, 180 days of
		// double fees 100 × 1.50 × 6 = 900; a closed platform 0.9 × (40,000 + 100 × 2) = 36,180; the
		// longest commitment 100 × 1.50 × 24 = 3,600. Before costs.yaml 2.0.0: 75,920.
		expect(cost.lines.map((l) => [l.id, l.amount])).toEqual([
			['sim_swap', 36_500],
			['ota_switch', 0],
			['double_fees', 900],
			['platform_exit', 36_180],
			['contract_exit', 3_600],
			['termination_fees', 0]
		]);
		expect(empty.expected.switchingCostTotal).toBe(75_920);
	});
});
