import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/lib/assessment/schema';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { score } from '../../../src/lib/scoring/score';
import { registryFromDisk } from '../../../src/lib/server/rules-files';

/*
 * Ruleset 1.1.0 (format 1) still scores the assessments pinned to it: one global local-profile
 * answer decides every country, and any blocking country without local profiles forces critical.
 * These are the old roaming tests' intents, kept for the format that still has them.
 */

const legacy = registryFromDisk(
	fileURLToPath(new URL('../../../rules', import.meta.url))
).versions.get('1.1.0')!;
const run = (given: Record<string, string>, countries: string[]) =>
	score(legacy, {
		fleet: { devices: 1_000, countries, lifetimeYears: 10 },
		answers: Object.fromEntries(
			Object.entries(given).map(([id, option]) => [id, { option } satisfies Answer])
		),
		costs: {}
	});

describe('format 1: one global local-profile answer', () => {
	it('does not count multi-IMSI or an eUICC as local profiles, and says why', () => {
		const result = run(
			{
				sim_local_profiles: 'foreign_multi_imsi_only',
				network_multi_imsi: 'multi_imsi_automatic',
				sim_euicc_standard: 'sgp32'
			},
			['BR']
		);
		expect(result.roaming[0]).toMatchObject({
			severity: 'critical',
			mitigated: false,
			mitigation: 'none',
			localProfile: null,
			forces: 'critical'
		});
		expect(result.roaming[0]!.mitigationNote).toBe(
			'The offer has no local profiles for this market. Multi-IMSI switches networks, but a foreign IMSI stays foreign, so it does not satisfy the rule. The eUICC could hold a local profile, but the offer does not provide one.'
		);
		expect(result.overall.floors).toEqual([
			{
				id: 'roaming:BR',
				rating: 'critical',
				reason: 'Permanent-roaming exposure in Brazil without local profiles',
				confidence: 'high', // country data 2.0.0: the ban is well documented (audit F7)
				source: 'roaming',
				raises: true
			}
		]);
		expect(result.overall).toMatchObject({ rating: 'critical', score: 75 });
	});

	it('clears every blocking country with one global yes, and only warns for conditional ones', () => {
		const cleared = run({ sim_local_profiles: 'local_profile_ota' }, ['BR', 'TR']);
		expect(cleared.roaming.map((r) => [r.severity, r.mitigation])).toEqual([
			['info', 'local_profiles'],
			['info', 'local_profiles']
		]);
		expect(cleared.roaming[0]!.mitigationNote).toBe(
			'The offer can move devices to a local operator profile, which meets the rule.'
		);
		const us = run({ sim_local_profiles: 'roaming_only' }, ['US']);
		expect(us.roaming[0]).toMatchObject({ severity: 'warning', forces: null });
		expect(us.roaming[0]!.mitigationNote).toBe('The offer has no local profiles for this market.');
		expect(us.overall.floors.filter((f) => f.source === 'roaming')).toEqual([]);
	});

	it('treats "not sure" and "not answered" as unproven, with their own words', () => {
		const unsure = run({ sim_local_profiles: NOT_SURE }, ['IN']);
		expect(unsure.roaming[0]).toMatchObject({ severity: 'critical', mitigation: 'not_proven' });
		expect(unsure.roaming[0]!.mitigationNote).toMatch(
			/^You are not sure the offer has local profiles/
		);
		const open = run({}, ['IN']);
		expect(open.roaming[0]).toMatchObject({ severity: 'critical', mitigation: 'not_proven' });
		expect(open.roaming[0]!.mitigationNote).toMatch(
			/^Not answered yet whether the offer has local profiles/
		);
		// "Not sure" is 0.9 in format 1, even where the worst option is 0.8 (no cap before 2.0.0).
		const rbac = run({ platform_rbac: NOT_SURE }, ['DE']);
		expect(rbac.areas.find((a) => a.id === 'platform')!.score).toBe(90);
	});
});
