import { parse as parseYaml } from 'yaml';
import { LEGACY_COSTS_FILE, legacyCostsFileSchema, pricedByLegacyCosts } from './legacy-costs';
import { loadRules, parseFile, RulesError, type RawRules, type Rules } from './load';
import { localizeRules, type OverlayTexts } from './localize';
import { RULE_LOCALES, SOURCE_LOCALE, type RuleLocale } from './locales';

/**
 * The current rules and every earlier ruleset still readable. A stored assessment keeps the
 * ruleset version it was scored with; country, cost and simulation data are always the current
 * files (facts about the world, not the scoring model).
 */
export interface RulesRegistry {
	current: Rules;
	/** Every known ruleset by version, the current one included. */
	versions: ReadonlyMap<string, Rules>;
	/**
	 * The rules for a stored version, texts in `locale` (English by default); the current rules for
	 * a version this server does not know. Numbers and ids are the same in every locale.
	 */
	forVersion(version: string, locale?: RuleLocale): Rules;
	knows(version: string): boolean;
}

/**
 * `history` holds the text of each earlier ruleset.yaml (rules/history/ruleset-<version>.yaml);
 * `legacyCosts` the 1.x cost model's file (rules/history/costs-1.1.1.yaml), which rulesets before
 * 2.1.0 keep pricing with.
 */
export function loadRegistry(
	raw: RawRules,
	history: Readonly<Record<string, string>> = {},
	legacyCosts?: string,
	/** rules/i18n/<locale>/*.yaml for every language but English; each is checked here. */
	translations: Partial<Record<RuleLocale, OverlayTexts>> = {}
): RulesRegistry {
	const current = loadRules(raw);
	const versions = new Map<string, Rules>([[current.ruleset.version, current]]);
	for (const [file, text] of Object.entries(history)) {
		const named = /ruleset-(\d+\.\d+\.\d+)\.yaml$/.exec(file)?.[1];
		const declared = (parseYaml(text) as { version?: unknown } | null)?.version;
		if (!named || declared !== named) {
			throw new RulesError(file, [
				`the file name and its version ("${String(declared)}") must agree`
			]);
		}
		if (versions.has(named)) throw new RulesError(file, [`ruleset ${named} is known twice`]);
		const rules = loadRules({ ...raw, ruleset: text });
		if (pricedByLegacyCosts(named)) {
			if (legacyCosts === undefined)
				throw new RulesError(file, [
					'rules/history/costs-1.1.1.yaml is needed to price this ruleset'
				]);
			rules.legacyCosts = parseFile(LEGACY_COSTS_FILE, legacyCosts, legacyCostsFileSchema);
		}
		versions.set(named, rules);
	}
	const asked = new Set([...versions.values()].flatMap((rules) => [...rules.questionsById.keys()]));
	const { monthsOwed, noticeDays, terminationFee } = current.costs.commitments;
	const referenced = [
		...Object.keys(monthsOwed),
		...Object.keys(noticeDays),
		...Object.keys(terminationFee)
	];
	const unknown = referenced.filter((id) => !asked.has(id));
	if (unknown.length > 0) {
		throw new RulesError(
			'rules/costs.yaml',
			unknown.map((id) => `commitments name "${id}", which no ruleset asks`)
		);
	}
	// Every language of every version is built (and so checked) now: a missing or broken
	// translation stops the start, as a broken rules file does, not a request later.
	const localized = new Map<string, Map<RuleLocale, Rules>>();
	for (const [version, rules] of versions) {
		const byLocale = new Map<RuleLocale, Rules>([[SOURCE_LOCALE, rules]]);
		for (const locale of RULE_LOCALES) {
			if (locale === SOURCE_LOCALE) continue;
			const texts = translations[locale];
			if (!texts) continue;
			byLocale.set(
				locale,
				localizeRules(rules, locale, texts, { history: version !== current.ruleset.version })
			);
		}
		localized.set(version, byLocale);
	}
	const inLocale = (rules: Rules, locale: RuleLocale) =>
		localized.get(rules.ruleset.version)?.get(locale) ?? rules;
	return {
		current,
		versions,
		forVersion: (version, locale = SOURCE_LOCALE) =>
			inLocale(versions.get(version) ?? current, locale),
		knows: (version) => versions.has(version)
	};
}
