import type { Ruleset } from '../rules/schema';

export const FLEET_STEP = 'fleet';
export const RESULTS_STEP = 'results';

/** The questionnaire's order: the fleet, one step per area, then the results. */
export function stepsFor(ruleset: Ruleset): string[] {
	return [FLEET_STEP, ...ruleset.areas.map((area) => area.id), RESULTS_STEP];
}

export function neighbours(steps: readonly string[], step: string) {
	const index = steps.indexOf(step);
	return {
		index,
		previous: index > 0 ? steps[index - 1] : undefined,
		next: index >= 0 && index < steps.length - 1 ? steps[index + 1] : undefined
	};
}
