import countries from '../../../rules/countries.yaml?raw';
import costs from '../../../rules/costs.yaml?raw';
import ruleset from '../../../rules/ruleset.yaml?raw';
import simulation from '../../../rules/simulation.yaml?raw';
import { createInputSchemas } from '$lib/assessment/schema';
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
export const registry = loadRegistry({ ruleset, countries, costs, simulation }, history);
export const rules = registry.current;
export const steps = stepsFor(rules.ruleset);
export const inputSchemas = createInputSchemas(rules, steps);

/** The rules a stored assessment is scored with: its own ruleset version when this server knows it. */
export const rulesFor = (version: string): Rules => registry.forVersion(version);

const schemasByVersion = new Map<string, ReturnType<typeof createInputSchemas>>();
/** Request schemas for an assessment pinned to an earlier ruleset (its questions and options). */
export function inputSchemasFor(version: string) {
	const pinned = rulesFor(version);
	if (pinned === rules) return inputSchemas;
	let schemas = schemasByVersion.get(pinned.ruleset.version);
	if (!schemas) {
		schemas = createInputSchemas(pinned, stepsFor(pinned.ruleset));
		schemasByVersion.set(pinned.ruleset.version, schemas);
	}
	return schemas;
}
