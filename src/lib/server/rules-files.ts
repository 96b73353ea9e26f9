/**
 * The rules files read from disk, for code that runs outside the bundle (the data CLI under tsx,
 * tests). The server itself bundles the same files (rules.ts); both hand the texts to the one pure
 * loadRegistry, so a ruleset loads the same way everywhere. Relative imports only: tsx has no $lib.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawRules } from '../rules/load';
import type { OverlayTexts } from '../rules/localize';
import { RULE_LOCALES, SOURCE_LOCALE, type RuleLocale } from '../rules/locales';
import { loadRegistry, type RulesRegistry } from '../rules/registry';

export interface RulesTexts {
	raw: RawRules;
	/** rules/history/ruleset-<version>.yaml texts, keyed by their path. */
	history: Record<string, string>;
	/** rules/history/costs-1.1.1.yaml, the cost model of rulesets before 2.1.0. */
	legacyCosts?: string;
	/** rules/i18n/<locale>/*.yaml for every language but English. */
	translations: Partial<Record<RuleLocale, OverlayTexts>>;
}

/**
 * Reads ruleset, countries, costs, simulation, regulations, every rules/history/ruleset-*.yaml and
 * every translation (rules/i18n/<locale>/) under `dir`.
 */
export function readRulesTexts(dir = 'rules'): RulesTexts {
	const read = (name: string) => readFileSync(join(dir, `${name}.yaml`), 'utf8');
	const raw: RawRules = {
		ruleset: read('ruleset'),
		countries: read('countries'),
		costs: read('costs'),
		simulation: read('simulation'),
		regulations: read('regulations')
	};
	const historyDir = join(dir, 'history');
	const history: Record<string, string> = {};
	if (existsSync(historyDir)) {
		for (const file of readdirSync(historyDir)
			.filter((f) => /^ruleset-.*\.yaml$/.test(f))
			.sort()) {
			history[join(historyDir, file)] = readFileSync(join(historyDir, file), 'utf8');
		}
	}
	const legacyCostsPath = join(historyDir, 'costs-1.1.1.yaml');
	const legacyCosts = existsSync(legacyCostsPath)
		? readFileSync(legacyCostsPath, 'utf8')
		: undefined;
	const translations: Partial<Record<RuleLocale, OverlayTexts>> = {};
	for (const locale of RULE_LOCALES) {
		if (locale === SOURCE_LOCALE) continue;
		const at = (name: string) => readFileSync(join(dir, 'i18n', locale, `${name}.yaml`), 'utf8');
		translations[locale] = {
			ruleset: at('ruleset'),
			countries: at('countries'),
			regulations: at('regulations'),
			costs: at('costs'),
			simulation: at('simulation')
		};
	}
	return { raw, history, legacyCosts, translations };
}

/** The registry (current ruleset and every earlier one) from the rules folder on disk. */
export function registryFromDisk(dir = 'rules'): RulesRegistry {
	const { raw, history, legacyCosts, translations } = readRulesTexts(dir);
	return loadRegistry(raw, history, legacyCosts, translations);
}
