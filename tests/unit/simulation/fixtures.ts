import { inputFromFleet, NO_SCENARIO } from '../../../src/lib/simulation/inputs';
import type { Architecture, SimulationInput } from '../../../src/lib/simulation/types';
import {
	recommendedArchitecture,
	singleCarrierBaseline
} from '../../../src/lib/simulation/architecture';
import type { Fleet } from '../../../src/lib/assessment/schema';
import { shippedRules } from '../rules/read-rules';

export const rules = shippedRules();

export function input(
	fleet: Partial<Fleet> = {},
	overrides: Partial<Omit<SimulationInput, 'fleet'>> = {}
): SimulationInput {
	const base = inputFromFleet(
		rules,
		{ devices: 1000, countries: ['DE'], lifetimeYears: 3, monthlyMbPerDevice: 5, ...fleet },
		{ seed: 42 }
	);
	return { ...base, scenario: NO_SCENARIO, ...overrides };
}

export const withArchitectures = (
	base: SimulationInput,
	assessed: Partial<Architecture>,
	recommended: Partial<Architecture> = {}
): SimulationInput => ({
	...base,
	architectures: {
		assessed: {
			...singleCarrierBaseline({ exitFee: 0, overlapDays: 90, exitPaidDays: 0 }),
			...assessed
		},
		recommended: { ...recommendedArchitecture(30), ...recommended }
	}
});
