import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadRules, RulesError } from '../../../src/lib/rules/load';
import { loadRegistry } from '../../../src/lib/rules/registry';
import { AREA_IDS } from '../../../src/lib/rules/schema';
import { readRawRules, shippedRules } from './read-rules';

describe('shipped rules', () => {
	it('validate against the schema and cross-checks', () => {
		expect(() => shippedRules()).not.toThrow();
	});

	it('cover the six areas with 4-12 questions each (at most 8 before 2.1.0), 44 in all', () => {
		const { ruleset } = shippedRules();
		expect(ruleset.areas.map((a) => a.id)).toEqual([...AREA_IDS]);
		for (const area of ruleset.areas) {
			expect(area.questions.length).toBeGreaterThanOrEqual(4);
			expect(area.questions.length).toBeLessThanOrEqual(12);
		}
		expect(ruleset.areas.map((a) => [a.id, a.questions.length])).toEqual([
			['network', 8],
			['sim', 9],
			['data', 6],
			['platform', 6],
			['contract', 10],
			['security', 5]
		]);
	});

	it('split the minimum term into its length and its renewal, with the option ids the cost model uses (2.1.0)', () => {
		const rules = shippedRules();
		expect(rules.questionsById.has('contract_minimum_term')).toBe(false);
		const ids = (id: string) => rules.questionsById.get(id)!.options.map((o) => o.id);
		expect(ids('contract_term_length')).toEqual([
			'no_term',
			'up_to_12_months',
			'13_to_36_months',
			'over_36_months'
		]);
		expect(ids('contract_auto_renewal')).toEqual([
			'no_auto_renewal',
			'renews_wide_window',
			'renews_narrow_window'
		]);
		// The "no mandatory lock-in period" capability moved with the no-term answer.
		expect(rules.questionsById.get('contract_term_length')!.options[0]!.provides).toEqual([
			'no_lockin_period'
		]);
		// Audit F13: a fixed term over 36 months binds harder than a 12-month term that renews with a
		// fair window: 0.9 × 2 = 1.8 against 0.2 × 2 + 0.2 × 1 = 0.6 (weights 2 and 1).
		const weighted = (question: string, option: string) => {
			const q = rules.questionsById.get(question)!;
			return q.weight * q.options.find((o) => o.id === option)!.risk;
		};
		expect(
			weighted('contract_term_length', 'over_36_months') +
				weighted('contract_auto_renewal', 'no_auto_renewal')
		).toBeGreaterThan(
			weighted('contract_term_length', 'up_to_12_months') +
				weighted('contract_auto_renewal', 'renews_wide_window')
		);
	});

	it('have a rule for the classic permanent-roaming countries', () => {
		const rules = shippedRules();
		for (const code of ['BR', 'TR', 'IN', 'CN']) {
			expect(rules.countryRules.get(code)?.kind).not.toBe('none_known');
		}
		expect(rules.countries.rules.length).toBeGreaterThanOrEqual(14);
	});

	it('let the user pick every ISO country', () => {
		const rules = shippedRules();
		expect(rules.countryNames.size).toBeGreaterThanOrEqual(240);
		expect(rules.countryNames.get('DE')).toBe('Germany');
	});
});

describe('invalid rules', () => {
	it('name the file and the field that is wrong', () => {
		const raw = readRawRules();
		const broken = { ...raw, ruleset: raw.ruleset.replace(/weight: [\d.]+/, 'weight: -1') };
		expect(() => loadRules(broken)).toThrow(RulesError);
		try {
			loadRules(broken);
		} catch (error) {
			expect((error as RulesError).file).toBe('rules/ruleset.yaml');
			expect((error as RulesError).problems.join('\n')).toMatch(/weight/);
		}
	});

	it('allow an answer option, but not a question, to start with a digit', () => {
		const raw = readRawRules();
		expect(() => loadRules(raw)).not.toThrow(); // 13_to_36_months is an option id
		const digitQuestion = raw.ruleset.replace('- id: contract_sla\n', '- id: 9_contract_sla\n');
		expect(() => loadRules({ ...raw, ruleset: digitQuestion })).toThrow(/lower_snake_case/);
		const upper = raw.ruleset.replace('- id: 13_to_36_months\n', '- id: Thirteen_to_36\n');
		expect(() => loadRules({ ...raw, ruleset: upper })).toThrow(/lower_snake_case/);
	});

	it('reject a conflict that names an option its question does not have', () => {
		const raw = readRawRules();
		const broken = raw.ruleset.replace(
			'options: [renews_narrow_window] }',
			'options: [renews_whenever] }'
		);
		expect(broken).not.toBe(raw.ruleset);
		expect(() => loadRules({ ...raw, ruleset: broken })).toThrow(
			/unknown option "contract_auto_renewal.renews_whenever"/
		);
	});

	it('reject an area with more than 12 questions', () => {
		const raw = readRawRules();
		const ruleset = parseYaml(raw.ruleset) as { areas: { questions: { id: string }[] }[] };
		const contract = ruleset.areas[4]!;
		for (let i = 0; contract.questions.length < 13; i++)
			contract.questions.push({ ...contract.questions[0]!, id: `extra_${i}` });
		expect(() => loadRules({ ...raw, ruleset: stringifyYaml(ruleset) })).toThrow(/questions/);
	});

	it('reject a time-limited country without a number of days', () => {
		const raw = readRawRules();
		const countries = parseYaml(raw.countries) as { rules: { kind: string; afterDays?: number }[] };
		const timeLimited = countries.rules.find((rule) => rule.kind === 'time_limited')!;
		delete timeLimited.afterDays;
		expect(() => loadRules({ ...raw, countries: stringifyYaml(countries) })).toThrow(/afterDays/);
	});

	it('reject a commitment table that names an option its question does not have', () => {
		const raw = readRawRules();
		const costs = parseYaml(raw.costs) as {
			commitments: { noticeDays: Record<string, Record<string, number>> };
		};
		costs.commitments.noticeDays.contract_notice_period!.two_weeks = 14;
		expect(() => loadRules({ ...raw, costs: stringifyYaml(costs) })).toThrow(
			/commitments\.noticeDays\.contract_notice_period names unknown option "two_weeks"/
		);
	});

	it('reject a costs file without a dated rate for every currency an assessment can pick', () => {
		const raw = readRawRules();
		const costs = parseYaml(raw.costs) as {
			conversions: { rates: Record<string, number>; asOf?: string };
		};
		delete costs.conversions.rates.GBP;
		expect(() => loadRules({ ...raw, costs: stringifyYaml(costs) })).toThrow(/no rate for GBP/);
		const undated = parseYaml(raw.costs) as { conversions: { asOf?: string } };
		delete undated.conversions.asOf;
		expect(() => loadRules({ ...raw, costs: stringifyYaml(undated) })).toThrow(/asOf/);
	});

	it('reject a commitment table that names a question no known ruleset asks', () => {
		const raw = readRawRules();
		const costs = parseYaml(raw.costs) as {
			commitments: { monthsOwed: Record<string, Record<string, number>> };
		};
		costs.commitments.monthsOwed.contract_lock_in_years = { none: 0 };
		expect(() => loadRegistry({ ...raw, costs: stringifyYaml(costs) })).toThrow(RulesError);
		expect(() => loadRegistry({ ...raw, costs: stringifyYaml(costs) })).toThrow(
			/contract_lock_in_years/
		);
	});
});
