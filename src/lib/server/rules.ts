import countries from '../../../rules/countries.yaml?raw';
import costs from '../../../rules/costs.yaml?raw';
import regulations from '../../../rules/regulations.yaml?raw';
import ruleset from '../../../rules/ruleset.yaml?raw';
import simulation from '../../../rules/simulation.yaml?raw';
import legacyCosts from '../../../rules/history/costs-1.1.1.yaml?raw';
import deRuleset from '../../../rules/i18n/de/ruleset.yaml?raw';
import deCountries from '../../../rules/i18n/de/countries.yaml?raw';
import deRegulations from '../../../rules/i18n/de/regulations.yaml?raw';
import deCosts from '../../../rules/i18n/de/costs.yaml?raw';
import deSimulation from '../../../rules/i18n/de/simulation.yaml?raw';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { versionedInputSchemas } from '$lib/assessment/versioned-schemas';
import { stepsFor } from '$lib/assessment/steps';
import type { Rules } from '$lib/rules/load';
import { loadRegistry } from '$lib/rules/registry';

const history = import.meta.glob('../../../rules/history/ruleset-*.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

/**
 * The rules files are bundled into the build and validated when the server starts, so a broken
 * rules file stops the deploy instead of failing a user's request later. Earlier rulesets stay
 * loadable: assessments scored with them keep their version until the owner re-scores.
 */
export const registry = loadRegistry(
	{ ruleset, countries, costs, simulation, regulations },
	history,
	legacyCosts,
	{
		de: {
			ruleset: deRuleset,
			countries: deCountries,
			regulations: deRegulations,
			costs: deCosts,
			simulation: deSimulation
		}
	}
);
/**
 * The current rules in English: for versions, ids and numbers, which are the same in every
 * language. Anything a person reads comes from currentRules() or rulesFor() instead.
 */
export const rules = registry.current;
export const steps = stepsFor(rules.ruleset);

const schemasFor = versionedInputSchemas(registry);
export const inputSchemas = schemasFor(rules.ruleset.version);

/**
 * The rules a stored assessment is scored with (its own ruleset version when this server knows
 * it), texts in `locale`: by default the current request's language, as the Paraglide middleware
 * set it (English outside a request). Code that renders for someone else, such as a PDF job,
 * passes the locale explicitly. Scores do not depend on it.
 */
export const rulesFor = (version: string, locale: Locale = getLocale()): Rules =>
	registry.forVersion(version, locale);

/** The current rules, texts in `locale` (by default the current request's language). */
export const currentRules = (locale: Locale = getLocale()): Rules =>
	registry.forVersion(rules.ruleset.version, locale);

/** Request schemas for an assessment pinned to an earlier ruleset (its questions and options). */
export const inputSchemasFor = (version: string) => schemasFor(version);

/** What a record's pinned version means here: whether it is known, current, and the rules it gets. */
export function pinnedRuleset(version: string) {
	return {
		/** The version stored on the record. */
		version,
		/** False when this server has no such ruleset: the record is then scored with the current one. */
		known: registry.knows(version),
		current: rules.ruleset.version,
		isCurrent: version === rules.ruleset.version,
		/** The version that actually scores it. */
		scoredWith: rulesFor(version).ruleset.version,
		/**
		 * The language its questions and findings are shown in: an earlier ruleset is a frozen
		 * record with no translation, so a German page shows it in English and says so.
		 */
		textLocale: rulesFor(version).rulesetLocale
	};
}
export type PinnedRuleset = ReturnType<typeof pinnedRuleset>;
