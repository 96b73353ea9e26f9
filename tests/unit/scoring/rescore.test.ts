import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StoredAssessment } from '../../../src/lib/assessment/schema';
import { rescorePreview } from '../../../src/lib/scoring/rescore';
import { registryFromDisk } from '../../../src/lib/server/rules-files';

const registry = registryFromDisk(fileURLToPath(new URL('../../../rules', import.meta.url)));
const v110 = registry.versions.get('1.1.0')!;
const v200 = registry.versions.get('2.0.0')!;

/**
 * 1,000 devices, all in Brazil (banned after 90 days, medium confidence); answered: no local
 * profiles at all ("roaming_only", risk 1, weight 3) and over-the-air switching to any provider
 * (risk 0, weight 3). Nothing else.
 */
const record = JSON.parse(
	readFileSync(
		new URL('../../fixtures/records/ruleset-1.1.0-assessment.json', import.meta.url),
		'utf8'
	)
) as StoredAssessment;

describe('rescorePreview', () => {
	/*
	 * The numbers below are worked out by hand from the YAML (weights and risks are the same in
	 * 1.1.0 and 2.0.0; area weights network 1, sim 1.5, data 0.8, platform 1.2, contract 1,
	 * security 0.8, sum 6.3):
	 *
	 * Answers: SIM area = (3 x 1 + 3 x 0) / 6 = 50, the only area answered, so 50 (high).
	 *
	 * 1.1.0 (format 1): Brazil blocks and the offer has no local profiles, so the legacy roaming
	 * floor forces critical: score raised to the critical threshold, 75.
	 *   Range, open questions at their best: answers 6.2 (below), but the Brazil floor still holds
	 *   (the global answer is given) -> 75. At their worst (no conflicts in format 1): network 96.5,
	 *   SIM (2 + 0 + 3 + 2.5 + 2 + 1.35) / 14 = 77.5, data 7.24 / 7.8 = 92.8, platform 11.4 / 12 = 95,
	 *   contract 10.8 / 11 = 98.2, security 7.1 / 8 = 88.8 -> 570.23 / 6.3 = 90.5. Range [75, 90.5].
	 *
	 * 2.0.0 (format 2): the roaming check reads Brazil's own question (local_profile_br), not the
	 * global one; it is unanswered, so open: no floor. Lock-in signs are "unknown" (one side open),
	 * the SIM swap costs nothing (over-the-air switching proven) and the platform and contract lines
	 * are assumed (not rated), so no floor at all: score 50, high, provisional.
	 *   Best: network 0.25 / 10 = 2.5, SIM (0.2 + 3) / 14 = 22.9, data, platform, contract 0,
	 *   security 0.2 / 8 = 2.5 -> (2.5 + 34.35 + 2) / 6.3 = 6.2; Brazil "available", no floor.
	 *   Worst: no eUICC, a single-profile SIM and no remote management contradict the over-the-air
	 *   claim, which then counts as "not sure" (0.9, capped at the worst option's 1): SIM
	 *   (2 + 2.7 + 3 + 2.5 + 2 + 1.35) / 14 = 96.8; other areas as above -> 599.18 / 6.3 = 95.1,
	 *   critical (Brazil "none" and lock-in signs). Range [6.2, 95.1].
	 */
	it('shows a 1.1.0 record with roaming only in Brazil going from critical (legacy floor) to provisional high', () => {
		const preview = rescorePreview(v110, v200, record);
		expect(preview.from).toEqual({
			version: '1.1.0',
			score: 75,
			rating: 'critical',
			floors: [
				{
					id: 'roaming:BR',
					rating: 'critical',
					reason: 'Permanent-roaming exposure in Brazil without local profiles',
					raises: true
				}
			],
			provisional: true,
			range: [75, 90.5]
		});
		expect(preview.to).toEqual({
			version: '2.0.0',
			score: 50,
			rating: 'high',
			floors: [],
			provisional: true,
			range: [6.2, 95.1]
		});
		expect(preview.changed).toEqual({
			any: true,
			rating: true,
			score: true,
			floors: { added: [], removed: [preview.from.floors[0]] }
		});
		// Brazil's own local-profile question is new in 2.0.0.
		expect(preview.newQuestions).toBe(1);
	});

	it('keeps the Brazil floor (same id and rating, new words) when Brazil has no local profile in 2.0.0 either', () => {
		const answered = {
			...record,
			answers: { ...record.answers, local_profile_br: { option: 'none' } }
		};
		const preview = rescorePreview(v110, v200, answered);
		expect(preview.to.rating).toBe('critical');
		expect(preview.to.score).toBe(75);
		expect(preview.changed.rating).toBe(false);
		// Same id, same rating, different words: neither added nor removed.
		expect(preview.changed.floors.removed).toEqual([]);
		expect(preview.to.floors.map((f) => [f.id, f.rating])).toEqual([['roaming:BR', 'critical']]);
		expect(preview.changed.floors.added).toEqual([]);
	});

	it('reports nothing changed for the same ruleset, and leaves the assessment untouched', () => {
		const before = JSON.stringify(record);
		const preview = rescorePreview(v200, v200, record);
		expect(preview.changed).toEqual({
			any: false,
			rating: false,
			score: false,
			floors: { added: [], removed: [] }
		});
		expect(preview.newQuestions).toBe(0);
		expect(preview.from).toEqual(preview.to);
		expect(JSON.stringify(record)).toBe(before);
	});

	it('counts no new questions for a fleet without restricting countries', () => {
		const germany = { ...record, fleet: { ...record.fleet, countries: ['DE'] } };
		const preview = rescorePreview(v110, v200, germany);
		expect(preview.newQuestions).toBe(0);
		expect(preview.from.floors).toEqual([]);
		expect(preview.from.rating).toBe('high');
	});
});
