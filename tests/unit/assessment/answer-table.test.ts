import { describe, expect, it } from 'vitest';
import { answerTable } from '../../../src/lib/assessment/answer-table';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();

describe('the answers list on the results and share pages', () => {
	it('lists each restricting country’s local-profile answer after the SIM questions, with its note', () => {
		const sections = answerTable(
			rules,
			{
				local_profile_br: { option: 'none' },
				local_profile_in: { option: 'on_request', note: '6 months to contract' }
			},
			['DE', 'BR', 'IN']
		);
		const sim = sections.find((s) => s.areaId === 'sim')!;
		// Nine SIM questions in the rules (ruleset 2.1.0), then Brazil and India (Germany has no restricting rule).
		expect(sim.rows.map((r) => r.questionId).slice(-2)).toEqual([
			'local_profile_br',
			'local_profile_in'
		]);
		expect(sim.rows).toHaveLength(11);
		expect(sim.rows.at(-2)).toMatchObject({
			answer: 'No local profile for this country',
			risk: 1,
			notSure: false
		});
		expect(sim.rows.at(-1)).toMatchObject({ note: '6 months to contract', risk: 0.3 });
		// No other area gains rows.
		expect(sections.find((s) => s.areaId === 'network')!.rows).toHaveLength(8);
	});
});
