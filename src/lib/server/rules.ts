import countries from '../../../rules/countries.yaml?raw';
import costs from '../../../rules/costs.yaml?raw';
import regulations from '../../../rules/regulations.yaml?raw';
import ruleset from '../../../rules/ruleset.yaml?raw';
import simulation from '../../../rules/simulation.yaml?raw';
import legacyCosts from '../../../rules/history/costs-1.1.1.yaml?raw';
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
	legacyCosts
);
export const rules = registry.current;
export const steps = stepsFor(rules.ruleset);

const schemasFor = versionedInputSchemas(registry);
export const inputSchemas = schemasFor(rules.ruleset.version);

/** The rules a stored assessment is scored with: its own ruleset version when this server knows it. */
export const rulesFor = (version: string): Rules => registry.forVersion(version);

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
		scoredWith: rulesFor(version).ruleset.version
	};
}
export type PinnedRuleset = ReturnType<typeof pinnedRuleset>;
