import { parse as parseYaml } from 'yaml';
import { normaliseCountryText } from '../assessment/country-search';
import { libraryKnows, searchAliases } from './country-names';
import type { LegacyCostsFile } from './legacy-costs';
import type { RuleLocale } from './locales';
import type { z } from 'zod';
import {
	CURRENCIES,
	EVERY_LOCAL_PROFILE,
	LOCAL_PROFILE_OPTIONS,
	costsFileSchema,
	countriesFileSchema,
	rulesetSchema,
	regulationsFileSchema,
	simulationFileSchema,
	type CostsFile,
	type CountriesFile,
	type CountryRule,
	type Question,
	type RegulationsFile,
	type Ruleset,
	type SimulationFile
} from './schema';

/** Everything the scorer needs, validated and indexed once. */
export interface Rules {
	ruleset: Ruleset;
	countries: CountriesFile;
	costs: CostsFile;
	/** The 1.x cost model's file, for rulesets before 2.1.0 only (see legacy-costs.ts). */
	legacyCosts?: LegacyCostsFile;
	simulation: SimulationFile;
	/** Switching and exit rights and duties by country (rules/regulations.yaml). */
	regulations: RegulationsFile;
	questionsById: ReadonlyMap<string, Question & { areaId: string }>;
	countryNames: ReadonlyMap<string, string>;
	countryRules: ReadonlyMap<string, CountryRule>;
	/** The language of every text here (see localize.ts). */
	locale: RuleLocale;
	/** The language of the ruleset's texts: English for a frozen earlier ruleset in any locale. */
	rulesetLocale: RuleLocale;
	/**
	 * The aliases as rules/countries.yaml gives them; `countries.aliases` adds every name
	 * i18n-iso-countries knows in English and German (country-names.ts searchAliases).
	 */
	sourceAliases: CountriesFile['aliases'];
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
	regulations: string;
}

export function parseFile<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
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
			if (!known.has(id))
				problems.push(`lock-in sign "${sign.id}" refers to unknown question "${id}"`);
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
	if (ruleset.format === 2) problems.push(...crossCheckFormat2(ruleset, known));
	if (ruleset.highRiskThreshold < ruleset.findingRiskThreshold) {
		problems.push('highRiskThreshold must not be below findingRiskThreshold');
	}
	const { moderate, high, critical } = ruleset.ratingThresholds;
	if (!(moderate < high && high < critical)) {
		problems.push('ratingThresholds must rise: moderate < high < critical');
	}
	return problems;
}

/** Placeholders each kind of text may use; any other `{name}` would reach a page unfilled. */
export const PLACEHOLDERS = {
	answer: ['devices', 'restrictedCountries'],
	floor: ['devices', 'sign', 'answer'],
	costBand: ['total', 'perDevice', 'range', 'currency'],
	roaming: ['country', 'kind', 'confidence', 'devices', 'barred'],
	localProfile: ['country', 'kind']
} as const;

function placeholderProblems(where: string, text: string, allowed: readonly string[]): string[] {
	const problems: string[] = [];
	for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
		if (!allowed.includes(match[1]!))
			problems.push(`${where} uses unknown placeholder {${match[1]}}`);
	}
	if (/[[\]]/.test(text))
		problems.push(`${where} contains square brackets, which read as unfilled template text`);
	return problems;
}

/** Format 2 puts findings, floors, bands, conflicts and local profiles in data: all must resolve. */
function crossCheckFormat2(ruleset: Ruleset, questionIds: Set<string>): string[] {
	const problems: string[] = [];
	const optionsOf = new Map(
		ruleset.areas.flatMap((a) =>
			a.questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))] as const)
		)
	);
	const checkRefs = (where: string, refs: Record<string, string[]> | undefined) => {
		for (const [questionId, options] of Object.entries(refs ?? {})) {
			const known = optionsOf.get(questionId);
			if (!known) problems.push(`${where} refers to unknown question "${questionId}"`);
			else
				for (const o of options)
					if (!known.has(o))
						problems.push(`${where} refers to unknown option "${questionId}.${o}"`);
		}
	};
	for (const area of ruleset.areas) {
		for (const question of area.questions) {
			const where = `question "${question.id}"`;
			if (!question.unknown) problems.push(`${where} needs an "unknown" finding for "not sure"`);
			for (const [field, text] of [
				['text', question.text],
				['why', question.why],
				['recommendation', question.recommendation],
				['askVendor', question.askVendor],
				['unknown', question.unknown ?? '']
			] as const) {
				problems.push(...placeholderProblems(`${where} ${field}`, text, PLACEHOLDERS.answer));
			}
			for (const option of question.options) {
				if (option.risk >= ruleset.findingRiskThreshold && !option.finding) {
					problems.push(`${where} option "${option.id}" needs a finding (its risk makes it one)`);
				}
				for (const text of [option.label, option.finding ?? '', option.recommendation ?? '']) {
					problems.push(
						...placeholderProblems(`${where} option "${option.id}"`, text, PLACEHOLDERS.answer)
					);
				}
			}
		}
	}
	for (const sign of ruleset.lockInSigns)
		if (!sign.title) problems.push(`lock-in sign "${sign.id}" needs a title`);
	if (!ruleset.floors) problems.push('format 2 needs floors');
	if (!ruleset.costBands) problems.push('format 2 needs costBands');
	if (!ruleset.roamingFloors) problems.push('format 2 needs roamingFloors');
	if (!ruleset.localProfiles) problems.push('format 2 needs localProfiles');
	for (const id of duplicates((ruleset.floors ?? []).map((f) => f.id)))
		problems.push(`floor "${id}" appears twice`);
	for (const floor of ruleset.floors ?? []) {
		checkRefs(`floor "${floor.id}"`, floor.when.answers);
		checkRefs(`floor "${floor.id}"`, floor.when.anyAnswers);
		problems.push(
			...placeholderProblems(`floor "${floor.id}" reason`, floor.reason, PLACEHOLDERS.floor)
		);
	}
	if (ruleset.costBands) {
		for (const band of ['total', 'perDevice'] as const) {
			const limits = ruleset.costBands[band].map((b) => b.atLeast);
			if (limits.some((limit, i) => i > 0 && limit <= limits[i - 1]!)) {
				problems.push(`costBands.${band} must rise`);
			}
		}
		for (const text of [ruleset.costBands.reasonTotal, ruleset.costBands.reasonPerDevice]) {
			problems.push(...placeholderProblems('costBands reason', text, PLACEHOLDERS.costBand));
		}
	}
	if (ruleset.roamingFloors) {
		const { blocking, conditional, barred, intermittent } = ruleset.roamingFloors;
		for (const [name, text] of [
			['blocking', blocking.reason],
			['conditional', conditional.reason],
			['barred', barred.reason],
			['intermittent', intermittent?.reason ?? '']
		] as const) {
			problems.push(
				...placeholderProblems(`roamingFloors.${name} reason`, text, PLACEHOLDERS.roaming)
			);
		}
	}
	for (const id of duplicates(ruleset.conflicts.map((c) => c.id)))
		problems.push(`conflict "${id}" appears twice`);
	for (const conflict of ruleset.conflicts) {
		if (conflict.claim.question === EVERY_LOCAL_PROFILE) {
			for (const option of conflict.claim.options) {
				if (!(LOCAL_PROFILE_OPTIONS as readonly string[]).includes(option)) {
					problems.push(
						`conflict "${conflict.id}" refers to unknown local-profile option "${option}"`
					);
				}
			}
		} else {
			checkRefs(`conflict "${conflict.id}"`, { [conflict.claim.question]: conflict.claim.options });
		}
		checkRefs(`conflict "${conflict.id}"`, {
			[conflict.contradictedBy.question]: conflict.contradictedBy.options
		});
		if (conflict.claim.question === conflict.contradictedBy.question) {
			problems.push(`conflict "${conflict.id}" must name two different questions`);
		}
	}
	if (ruleset.localProfiles) {
		const lp = ruleset.localProfiles;
		for (const [field, text] of Object.entries({
			text: lp.text,
			why: lp.why,
			recommendation: lp.recommendation,
			askVendor: lp.askVendor,
			unknown: lp.unknown,
			...Object.fromEntries(
				Object.entries(lp.options).flatMap(([id, o]) => [
					[`${id}.label`, o.label],
					[`${id}.finding`, o.finding ?? '']
				])
			)
		})) {
			problems.push(
				...placeholderProblems(`localProfiles.${field}`, text, PLACEHOLDERS.localProfile)
			);
		}
		for (const id of questionIds) {
			if (id.startsWith('local_profile_'))
				problems.push(
					`question id "${id}": local_profile_<cc> is reserved for per-country questions`
				);
		}
	}
	return problems;
}

/**
 * An alias must find exactly one country when typed in full: not an unknown code, not a name,
 * code or alias another entry already answers to (as the search compares them: no case, accents
 * or punctuation), and not a repeat of its own country's name or code.
 */
function aliasProblems(countries: CountriesFile): string[] {
	const problems: string[] = [];
	const owner = new Map<string, string>();
	for (const { code, name } of countries.all) {
		owner.set(code.toLowerCase(), code);
		owner.set(normaliseCountryText(name), code);
	}
	for (const [code, aliases] of Object.entries(countries.aliases)) {
		if (!countries.all.some((c) => c.code === code)) {
			problems.push(`aliases for "${code}": not in the list of countries`);
			continue;
		}
		for (const alias of aliases) {
			const key = normaliseCountryText(alias);
			const taken = owner.get(key);
			if (!key) problems.push(`alias "${alias}" of "${code}" has no letters or digits`);
			else if (taken === code)
				problems.push(`alias "${alias}" of "${code}" repeats its name, code or another alias`);
			else if (taken) problems.push(`alias "${alias}" of "${code}" already names "${taken}"`);
			else owner.set(key, code);
		}
	}
	return problems;
}

function crossCheckCountries(countries: CountriesFile): string[] {
	const problems: string[] = [];
	const all = new Set(countries.all.map((c) => c.code));
	for (const { code } of countries.all) {
		if (!libraryKnows(code))
			problems.push(`country "${code}" is not a code i18n-iso-countries knows`);
	}
	for (const code of duplicates(countries.all.map((c) => c.code))) {
		problems.push(`country "${code}" is listed twice in all`);
	}
	for (const code of duplicates(countries.rules.map((c) => c.code))) {
		problems.push(`country "${code}" has two rules`);
	}
	problems.push(...aliasProblems(countries));
	for (const rule of countries.rules) {
		if (!all.has(rule.code))
			problems.push(`rule for "${rule.code}" is not in the list of countries`);
		if (rule.kind === 'time_limited' && rule.afterDays === undefined) {
			problems.push(`time-limited rule for "${rule.code}" needs afterDays`);
		}
		if (
			rule.afterDaysMax !== undefined &&
			(rule.afterDays === undefined || rule.afterDaysMax < rule.afterDays)
		) {
			problems.push(
				`rule for "${rule.code}": afterDaysMax needs afterDays and must not be below it`
			);
		}
		if ((rule.kind === 'intermittent') !== (rule.intermittent !== undefined)) {
			problems.push(
				`rule for "${rule.code}": "intermittent" details belong to kind intermittent, and it needs them`
			);
		}
		if (rule.kind === 'intermittent' && rule.afterDays !== undefined) {
			problems.push(`intermittent rule for "${rule.code}" has no day limit: drop afterDays`);
		}
		if (rule.intermittent?.triggers.includes('idle') && rule.intermittent.idleDays === undefined) {
			problems.push(`rule for "${rule.code}": the idle trigger needs idleDays`);
		}
	}
	return problems;
}

function crossCheckRegulations(regulations: RegulationsFile, countries: CountriesFile): string[] {
	const problems: string[] = [];
	const known = new Set(countries.all.map((c) => c.code));
	for (const id of duplicates(regulations.regulations.map((r) => r.id)))
		problems.push(`regulation id "${id}" is not unique`);
	for (const regulation of regulations.regulations) {
		for (const code of regulation.countries) {
			if (!known.has(code))
				problems.push(`regulation "${regulation.id}" names unknown country "${code}"`);
		}
		for (const code of duplicates(regulation.countries))
			problems.push(`regulation "${regulation.id}" lists "${code}" twice`);
	}
	return problems;
}

/**
 * The cost model's answer tables name questions of several ruleset versions: a question this
 * ruleset does not ask is skipped, but one it asks must list only its options, and every
 * currency must have a rate.
 */
function crossCheckCommitments(costs: CostsFile, ruleset: Ruleset): string[] {
	const problems: string[] = [];
	const questions = new Map(ruleset.areas.flatMap((a) => a.questions.map((q) => [q.id, q])));
	const { monthsOwed, noticeDays, terminationFee } = costs.commitments;
	const tables: [string, Record<string, readonly string[]>][] = [
		[
			'monthsOwed',
			Object.fromEntries(Object.entries(monthsOwed).map(([q, o]) => [q, Object.keys(o)]))
		],
		[
			'noticeDays',
			Object.fromEntries(Object.entries(noticeDays).map(([q, o]) => [q, Object.keys(o)]))
		],
		['terminationFee', terminationFee]
	];
	for (const [table, entries] of tables) {
		for (const [questionId, optionIds] of Object.entries(entries)) {
			const question = questions.get(questionId);
			if (!question) continue;
			for (const optionId of optionIds) {
				if (!question.options.some((o) => o.id === optionId)) {
					problems.push(`commitments.${table}.${questionId} names unknown option "${optionId}"`);
				}
			}
		}
	}
	for (const code of CURRENCIES) {
		if (code !== costs.currency && costs.conversions.rates[code] === undefined) {
			problems.push(`conversions.rates has no rate for ${code}`);
		}
	}
	return problems;
}

function crossCheckDefaults(
	defaults: CostsFile['defaults'] | SimulationFile['defaults']
): string[] {
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
	const regulations = parseFile('rules/regulations.yaml', raw.regulations, regulationsFileSchema);

	const checks: [string, string[]][] = [
		['rules/ruleset.yaml', crossCheckRuleset(ruleset)],
		['rules/countries.yaml', crossCheckCountries(countries)],
		[
			'rules/costs.yaml',
			[...crossCheckDefaults(costs.defaults), ...crossCheckCommitments(costs, ruleset)]
		],
		['rules/simulation.yaml', crossCheckDefaults(simulation.defaults)],
		['rules/regulations.yaml', crossCheckRegulations(regulations, countries)]
	];
	for (const [file, problems] of checks) {
		if (problems.length > 0) throw new RulesError(file, problems);
	}

	return {
		ruleset,
		countries: { ...countries, aliases: searchAliases(countries.all, countries.aliases) },
		locale: 'en',
		rulesetLocale: 'en',
		sourceAliases: countries.aliases,
		costs,
		simulation,
		regulations,
		questionsById: new Map(
			ruleset.areas.flatMap((area) => area.questions.map((q) => [q.id, { ...q, areaId: area.id }]))
		),
		countryNames: new Map(countries.all.map((c) => [c.code, c.name])),
		countryRules: new Map(countries.rules.map((rule) => [rule.code, rule]))
	};
}
