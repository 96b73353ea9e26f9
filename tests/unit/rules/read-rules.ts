import { readFileSync } from 'node:fs';
import { loadRules, type RawRules } from '../../../src/lib/rules/load';

/** The shipped rules files, read from disk as the server bundles them. */
export function readRawRules(): RawRules {
	const read = (name: string) =>
		readFileSync(new URL(`../../../rules/${name}`, import.meta.url), 'utf8');
	return {
		ruleset: read('ruleset.yaml'),
		countries: read('countries.yaml'),
		costs: read('costs.yaml'),
		simulation: read('simulation.yaml'),
		regulations: read('regulations.yaml')
	};
}

export const shippedRules = () => loadRules(readRawRules());
