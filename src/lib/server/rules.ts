import countries from '../../../rules/countries.yaml?raw';
import costs from '../../../rules/costs.yaml?raw';
import ruleset from '../../../rules/ruleset.yaml?raw';
import simulation from '../../../rules/simulation.yaml?raw';
import { createInputSchemas } from '$lib/assessment/schema';
import { stepsFor } from '$lib/assessment/steps';
import { loadRules } from '$lib/rules/load';
import { knownRulesetVersions } from './transfer';

/**
 * The rules files are bundled into the build and validated when the server starts, so a broken
 * rules file stops the deploy instead of failing a user's request later.
 */
export const rules = loadRules({ ruleset, countries, costs, simulation });
export const steps = stepsFor(rules.ruleset);
export const inputSchemas = createInputSchemas(rules, steps);

/** Rulesets kept after a version change (rules/history/ruleset-<version>.yaml), by file name only. */
const history = import.meta.glob('../../../rules/history/ruleset-*.yaml', { query: '?raw' });
/** The ruleset versions an imported record may carry. */
export const rulesetVersions = knownRulesetVersions(rules.ruleset.version, Object.keys(history));
