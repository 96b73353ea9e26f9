import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fleet } from '../../../src/lib/assessment/schema';
import { answers, BEST } from '../../fixtures/scoring/answers';
import {
	answersArb,
	checkRange,
	fleetArb,
	picksArb,
	rank,
	riskierCaseArb,
	scored
} from './arbitraries';

/*
 * Contradicting answers. A claim another answer contradicts is scored "not sure" (0.9, or the
 * question's worst option if lower). These properties run over every answer, contradictions
 * included.
 *
 * Found by these properties (2026-12): moving a contradicted claim to a riskier option that is not
 * itself a claim ended the contradiction, so the question fell from 0.9 to that option's own,
 * lower risk (local_imsi 0.15, exportable 0.3): a riskier answer lowered the score and the rating,
 * and the provisional range's "best" completion was not the lowest. src/lib/scoring/answers.ts
 * scoredAnswers now caps a doubted claim at the most flexible consistent answer; the shrunk
 * counterexamples below stay as regression cases.
 */

const DE = (devices: number): Fleet => ({ devices, countries: ['DE'], lifetimeYears: 10 });

/** Shrunk counterexamples, checked first on every run. */
const riskierExamples = [
	// 100 devices: no_euicc + local_profile_ota (contradicted: 0.9) scores 94, critical;
	// local_imsi (0.15, riskier than local_profile_ota's 0) is not contradicted: 49, moderate.
	{
		fleet: DE(100),
		change: {
			questionId: 'sim_local_profiles',
			from: 'local_profile_ota',
			to: 'local_imsi',
			country: null
		},
		before: answers({ sim_euicc_standard: 'no_euicc', sim_local_profiles: 'local_profile_ota' }),
		after: answers({ sim_euicc_standard: 'no_euicc', sim_local_profiles: 'local_imsi' })
	},
	// no_api + own_logic (contradicted: 0.8) scores 92, critical; exportable (0.3): 72, high.
	{
		fleet: DE(100),
		change: {
			questionId: 'platform_automation_portability',
			from: 'own_logic',
			to: 'exportable',
			country: null
		},
		before: answers({ platform_api: 'no_api', platform_automation_portability: 'own_logic' }),
		after: answers({ platform_api: 'no_api', platform_automation_portability: 'exportable' })
	}
];

describe('answers that contradict each other', () => {
	it('never lowers the final score or the rating when one answer becomes riskier, contradictions included', () => {
		fc.assert(
			fc.property(riskierCaseArb, ({ fleet, before, after }) => {
				const was = scored(fleet, before);
				const now = scored(fleet, after);
				expect(now.overall.score).toBeGreaterThanOrEqual(was.overall.score);
				expect(rank(now.overall.rating)).toBeGreaterThanOrEqual(rank(was.overall.rating));
			}),
			{ examples: riskierExamples.map((example) => [example] as [typeof example]) }
		);
	});

	it('keeps the final score inside the provisional range for any completion, contradictions included', () => {
		// 1 device: no_euicc, provider_agent, major_rework given; range [25.2, 95.6]. Answering the rest
		// best but sim_local_profiles = local_imsi gives 25: the "best" fill chose local_profile_ota,
		// which no_euicc contradicts (0.9), while local_imsi (0.15) is not contradicted.
		const given = answers({
			sim_euicc_standard: 'no_euicc',
			security_device_client: 'provider_agent',
			security_switch_rework: 'major_rework'
		});
		// Option index per open question, in the rules' order: 0 is each question's best option, and
		// option 1 of sim_local_profiles is local_imsi.
		const open = Object.keys(BEST).filter((id) => !(id in given));
		const picks = open.map((id) => (id === 'sim_local_profiles' ? 1 : 0));
		fc.assert(fc.property(fleetArb, answersArb, picksArb, checkRange), {
			examples: [[DE(1), given, picks]]
		});
	});

	it('scores a contradicted claim no lower than a riskier answer that ends the contradiction', () => {
		const contradicted = scored(
			DE(100),
			answers({ sim_euicc_standard: 'no_euicc', sim_form_factor: 'soldered_euicc' })
		);
		const riskier = scored(
			DE(100),
			answers({ sim_euicc_standard: 'no_euicc', sim_form_factor: 'removable_single_profile' })
		);
		// The contradicted soldered_euicc counts no more than removable_single_profile (0.6), the most
		// flexible form no_euicc allows: sim (1×2 + 0.6×2)/4 = 80, the same as the riskier answer.
		expect(contradicted.overall.answersScore).toBe(80);
		expect(riskier.overall.answersScore).toBeGreaterThanOrEqual(contradicted.overall.answersScore);
	});
});
