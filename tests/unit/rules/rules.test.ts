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

	it('cover the six areas with 4-8 questions each', () => {
		const { ruleset } = shippedRules();
		expect(ruleset.areas.map((a) => a.id)).toEqual([...AREA_IDS]);
		for (const area of ruleset.areas) {
			expect(area.questions.length).toBeGreaterThanOrEqual(4);
			expect(area.questions.length).toBeLessThanOrEqual(8);
		}
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

	it('reject a time-limited country without a number of days', () => {
		const raw = readRawRules();
		const countries = parseYaml(raw.countries) as { rules: { kind: string; afterDays?: number }[] };
		const timeLimited = countries.rules.find((rule) => rule.kind === 'time_limited')!;
		delete timeLimited.afterDays;
		expect(() => loadRules({ ...raw, countries: stringifyYaml(countries) })).toThrow(/afterDays/);
	});

	it('reject a commitment table that names an option its question does not have', () => {
		const raw = readRawRules();
		const costs = parseYaml(raw.costs) as { commitments: { noticeDays: Record<string, Record<string, number>> } };
		costs.commitments.noticeDays.contract_notice_period!.two_weeks = 14;
		expect(() => loadRules({ ...raw, costs: stringifyYaml(costs) })).toThrow(
			/commitments\.noticeDays\.contract_notice_period names unknown option "two_weeks"/
		);
	});

	it('reject a costs file without a dated rate for every currency an assessment can pick', () => {
		const raw = readRawRules();
		const costs = parseYaml(raw.costs) as { conversions: { rates: Record<string, number>; asOf?: string } };
		delete costs.conversions.rates.GBP;
		expect(() => loadRules({ ...raw, costs: stringifyYaml(costs) })).toThrow(/no rate for GBP/);
		const undated = parseYaml(raw.costs) as { conversions: { asOf?: string } };
		delete undated.conversions.asOf;
		expect(() => loadRules({ ...raw, costs: stringifyYaml(undated) })).toThrow(/asOf/);
	});

	it('reject a commitment table that names a question no known ruleset asks', () => {
		const raw = readRawRules();
		const costs = parseYaml(raw.costs) as { commitments: { monthsOwed: Record<string, Record<string, number>> } };
		costs.commitments.monthsOwed.contract_lock_in_years = { none: 0 };
		expect(() => loadRegistry({ ...raw, costs: stringifyYaml(costs) })).toThrow(RulesError);
		expect(() => loadRegistry({ ...raw, costs: stringifyYaml(costs) })).toThrow(/contract_lock_in_years/);
	});
});
