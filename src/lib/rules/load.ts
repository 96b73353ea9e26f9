import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
	costsFileSchema,
	countriesFileSchema,
	rulesetSchema,
	simulationFileSchema,
	type CostsFile,
	type CountriesFile,
	type CountryRule,
	type Question,
	type Ruleset,
	type SimulationFile
} from './schema';

/** Everything the scorer needs, validated and indexed once. */
export interface Rules {
	ruleset: Ruleset;
	countries: CountriesFile;
	costs: CostsFile;
	simulation: SimulationFile;
	questionsById: ReadonlyMap<string, Question & { areaId: string }>;
	countryNames: ReadonlyMap<string, string>;
	countryRules: ReadonlyMap<string, CountryRule>;
}

export class RulesError extends Error {
	constructor(
		readonly file: string,
		readonly problems: string[]
	) {
		super(`${file} is invalid:\n- ${problems.join('\n- ')}`);
		this.name = 'RulesError';
	}
}

export interface RawRules {
	ruleset: string;
	countries: string;
	costs: string;
	simulation: string;
}

function parseFile<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
	let data: unknown;
	try {
		data = parseYaml(text);
	} catch (error) {
		throw new RulesError(file, [`not valid YAML: ${(error as Error).message}`]);
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		throw new RulesError(
			file,
			parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
		);
	}
	return parsed.data;
}

function duplicates(values: string[]): string[] {
	const seen = new Set<string>();
	return [...new Set(values.filter((value) => seen.has(value) || !seen.add(value)))];
}

/** Checks the schema cannot express: unique ids, references that resolve, thresholds in order. */
function crossCheckRuleset(ruleset: Ruleset): string[] {
	const problems: string[] = [];
	const areaIds = ruleset.areas.map((area) => area.id);
	for (const id of duplicates(areaIds)) problems.push(`area "${id}" appears twice`);
	const questionIds = ruleset.areas.flatMap((area) => area.questions.map((q) => q.id));
	for (const id of duplicates(questionIds)) problems.push(`question id "${id}" is not unique`);
	for (const area of ruleset.areas) {
		for (const question of area.questions) {
			for (const id of duplicates(question.options.map((o) => o.id))) {
				problems.push(`question "${question.id}" has option "${id}" twice`);
			}
			const risks = question.options.map((o) => o.risk);
			if (Math.min(...risks) > 0.2) {
				problems.push(`question "${question.id}" has no flexible answer (lowest risk above 0.2)`);
			}
		}
	}
	const known = new Set(questionIds);
	for (const sign of ruleset.lockInSigns) {
		for (const id of sign.questions) {
			if (!known.has(id)) problems.push(`lock-in sign "${sign.id}" refers to unknown question "${id}"`);
		}
	}
	const provided = new Set(
		ruleset.areas.flatMap((a) => a.questions.flatMap((q) => q.options.flatMap((o) => o.provides)))
	);
	for (const element of ruleset.architecture) {
		for (const capability of [...element.requires, ...(element.requiresAny ?? [])]) {
			if (!provided.has(capability)) {
				problems.push(
					`architecture "${element.id}" requires "${capability}", which no answer provides`
				);
			}
		}
	}
	if (ruleset.highRiskThreshold < ruleset.findingRiskThreshold) {
		problems.push('highRiskThreshold must not be below findingRiskThreshold');
	}
	const { moderate, high, critical } = ruleset.ratingThresholds;
	if (!(moderate < high && high < critical)) {
		problems.push('ratingThresholds must rise: moderate < high < critical');
	}
	return problems;
}

function crossCheckCountries(countries: CountriesFile): string[] {
	const problems: string[] = [];
	const all = new Set(countries.all.map((c) => c.code));
	for (const code of duplicates(countries.all.map((c) => c.code))) {
		problems.push(`country "${code}" is listed twice in all`);
	}
	for (const code of duplicates(countries.rules.map((c) => c.code))) {
		problems.push(`country "${code}" has two rules`);
	}
	for (const rule of countries.rules) {
		if (!all.has(rule.code)) problems.push(`rule for "${rule.code}" is not in the list of countries`);
		if (rule.kind === 'time_limited' && rule.afterDays === undefined) {
			problems.push(`time-limited rule for "${rule.code}" needs afterDays`);
		}
	}
	return problems;
}

function crossCheckDefaults(defaults: CostsFile['defaults'] | SimulationFile['defaults']): string[] {
	return Object.entries(defaults)
		.filter(([, d]) => !(d.min <= d.value && d.value <= d.max))
		.map(([key, d]) => `cost "${key}" default ${d.value} lies outside ${d.min}-${d.max}`);
}

/** Parses and validates the rules files; throws RulesError naming the file and field. */
export function loadRules(raw: RawRules): Rules {
	const ruleset = parseFile('rules/ruleset.yaml', raw.ruleset, rulesetSchema);
	const countries = parseFile('rules/countries.yaml', raw.countries, countriesFileSchema);
	const costs = parseFile('rules/costs.yaml', raw.costs, costsFileSchema);
	const simulation = parseFile('rules/simulation.yaml', raw.simulation, simulationFileSchema);

	const checks: [string, string[]][] = [
		['rules/ruleset.yaml', crossCheckRuleset(ruleset)],
		['rules/countries.yaml', crossCheckCountries(countries)],
		['rules/costs.yaml', crossCheckDefaults(costs.defaults)],
		['rules/simulation.yaml', crossCheckDefaults(simulation.defaults)]
	];
	for (const [file, problems] of checks) {
		if (problems.length > 0) throw new RulesError(file, problems);
	}

	return {
		ruleset,
		countries,
		costs,
		simulation,
		questionsById: new Map(
			ruleset.areas.flatMap((area) => area.questions.map((q) => [q.id, { ...q, areaId: area.id }]))
		),
		countryNames: new Map(countries.all.map((c) => [c.code, c.name])),
		countryRules: new Map(countries.rules.map((rule) => [rule.code, rule]))
	};
}
