import type { Answer, Fleet } from '../../../src/lib/assessment/schema';
import type { Rules } from '../../../src/lib/rules/load';
import { NOT_SURE, type CountryRule } from '../../../src/lib/rules/schema';
import type { Scorable } from '../../../src/lib/scoring/score';

export const fleet = (overrides: Partial<Fleet> = {}): Fleet => ({
	devices: 10_000,
	countries: ['DE'],
	lifetimeYears: 10,
	...overrides
});

type Choice = 'flexible' | 'locking' | 'not_sure';

/** Answers every question with its most flexible, most locking, or "not sure" option. */
export function answerAll(rules: Rules, pick: Choice): Record<string, Answer> {
	const answers: Record<string, Answer> = {};
	for (const [id, question] of rules.questionsById) {
		if (pick === 'not_sure') {
			answers[id] = { option: NOT_SURE };
			continue;
		}
		const sorted = [...question.options].sort((a, b) => a.risk - b.risk);
		answers[id] = { option: (pick === 'flexible' ? sorted[0] : sorted.at(-1))!.id };
	}
	return answers;
}

export const assessment = (
	answers: Record<string, Answer>,
	fleetOverrides: Partial<Fleet> = {}
): Scorable => ({ fleet: fleet(fleetOverrides), answers, costs: {} });

/** The shipped rules with the country rules replaced, to test each restriction kind alone. */
export function withCountryRules(rules: Rules, countryRules: CountryRule[]): Rules {
	return { ...rules, countryRules: new Map(countryRules.map((rule) => [rule.code, rule])) };
}

export const countryRule = (
	overrides: Partial<CountryRule> & Pick<CountryRule, 'code' | 'kind'>
): CountryRule => ({
	name: overrides.code,
	summary: `Test rule for ${overrides.code}`,
	foreignSimImpact: 'Test impact',
	confidence: 'high',
	sources: ['https://example.org/source'],
	reviewed: '2026-11-25',
	...overrides
});

/** The first option of a question that provides a capability (to build targeted answers). */
export function optionProviding(rules: Rules, capability: string) {
	for (const [questionId, question] of rules.questionsById) {
		const option = question.options.find((o) => (o.provides as string[]).includes(capability));
		if (option) return { questionId, option: option.id };
	}
	throw new Error(`no option provides ${capability}`);
}
