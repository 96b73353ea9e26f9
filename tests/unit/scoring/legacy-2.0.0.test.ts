import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scorable } from '../../../src/lib/scoring/score';
import { score } from '../../../src/lib/scoring/score';
import { registryFromDisk } from '../../../src/lib/server/rules-files';

/**
 * Ruleset 2.0.0 scored by the engine as it was before ruleset 2.1.0 (commit ceb4dbf), captured by
 * tests/fixtures/legacy/capture-2.0.0.ts. An assessment pinned to 2.0.0 must keep exactly that
 * score: today's engine reading rules/history/ruleset-2.0.0.yaml (with today's country and cost
 * data, unchanged by 2.1.0) gives the same rating, score, findings, roaming, switching cost, floors and
 * architecture comparison.
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
		floors: [string, string][];
		architecture: [string, string][];
	};
}
const fixture = JSON.parse(
	readFileSync(new URL('../../fixtures/legacy/scores-2.0.0.json', import.meta.url), 'utf8')
) as { ruleset: string; cases: LegacyCase[] };

const registry = registryFromDisk(fileURLToPath(new URL('../../../rules', import.meta.url)));
const legacy = registry.versions.get('2.0.0')!;

describe('ruleset 2.0.0 scores as it did before 2.1.0', () => {
	it('loads 2.0.0 from rules/history as a format-2 ruleset that is no longer current', () => {
		expect(fixture.ruleset).toBe('2.0.0');
		expect(legacy.ruleset.version).toBe('2.0.0');
		expect(legacy.ruleset.format).toBe(2);
		expect(registry.current.ruleset.version).not.toBe('2.0.0');
		expect(legacy.questionsById.has('contract_minimum_term')).toBe(true);
		expect(fixture.cases.length).toBeGreaterThanOrEqual(20);
	});

	it.each(fixture.cases.map((c) => [c.name, c] as const))(
		'%s',
		(_name, { assessment, expected }) => {
			const result = score(legacy, assessment);
			expect(result.rulesetVersion).toBe('2.0.0');
			expect({
				score: result.overall.score,
				rating: result.overall.rating,
				answersScore: result.overall.answersScore,
				findings: result.findings.map((f) => [f.id, f.severity]),
				roaming: result.roaming.map((r) => [r.country, r.severity]),
				switchingCostTotal: result.switchingCost.total,
				floors: result.overall.floors.map((f) => [f.id, f.rating]),
				architecture: result.architecture.map((a) => [a.id, a.status])
			}).toEqual(expected);
		}
	);
});
