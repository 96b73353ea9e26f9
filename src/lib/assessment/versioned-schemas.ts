import type { RulesRegistry } from '../rules/registry';
import { createInputSchemas, type InputSchemas } from './schema';
import { stepsFor } from './steps';

/**
 * Request schemas per ruleset version, built once each: a record pinned to an earlier ruleset is
 * validated against that ruleset's questions and options. An unknown version gets the current
 * ruleset's schemas (as it is scored with the current rules). Shared by the server and the CLI.
 */
export function versionedInputSchemas(
	registry: Pick<RulesRegistry, 'forVersion'>
): (version: string) => InputSchemas {
	const built = new Map<string, InputSchemas>();
	return (version) => {
		const rules = registry.forVersion(version);
		let schemas = built.get(rules.ruleset.version);
		if (!schemas) {
			schemas = createInputSchemas(rules, stepsFor(rules.ruleset));
			built.set(rules.ruleset.version, schemas);
		}
		return schemas;
	};
}
