import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scorable } from '../../../src/lib/scoring/score';
import { score } from '../../../src/lib/scoring/score';
import { registryFromDisk } from '../../../src/lib/server/rules-files';

/**
 * Ruleset 1.1.0 scored by the engine as it was before ruleset 2.0.0 (commit c16e4b9), captured by
 * tests/fixtures/legacy/capture-1.1.0.ts. An assessment pinned to 1.1.0 must keep exactly that
 * score: today's engine reading rules/history/ruleset-1.1.0.yaml (with today's country and cost
 * data, unchanged since) gives the same rating, score, findings, roaming and switching cost.
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

	it.each(fixture.cases.map((c) => [c.name, c] as const))(
		'%s',
		(_name, { assessment, expected }) => {
			const result = score(legacy, assessment);
			expect(result.rulesetVersion).toBe('1.1.0');
			expect({
				score: result.overall.score,
				rating: result.overall.rating,
				answersScore: result.overall.answersScore,
				findings: result.findings.map((f) => [f.id, f.severity]),
				roaming: result.roaming.map((r) => [r.country, r.severity]),
				switchingCostTotal: result.switchingCost.total
			}).toEqual(expected);
		}
	);
});
