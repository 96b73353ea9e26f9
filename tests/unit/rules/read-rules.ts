import { readFileSync } from 'node:fs';
import { loadRules, type RawRules } from '../../../src/lib/rules/load';
import type { OverlayTexts } from '../../../src/lib/rules/localize';

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

/** The shipped translation overlays of one language (rules/i18n/<locale>/). */
export function readTranslations(locale: string): OverlayTexts {
	const read = (name: string) =>
		readFileSync(new URL(`../../../rules/i18n/${locale}/${name}.yaml`, import.meta.url), 'utf8');
	return {
		ruleset: read('ruleset'),
		countries: read('countries'),
		regulations: read('regulations'),
		costs: read('costs'),
		simulation: read('simulation')
	};
}
