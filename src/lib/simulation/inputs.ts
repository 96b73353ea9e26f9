import type { CostOverrides, Fleet } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { COST_KEYS, SIMULATION_KEYS, type RestrictionKind } from '../rules/schema';
import { devicesPerCountry } from '../scoring/roaming';
import type { ScoreResult } from '../scoring/types';
import { architectureFromCapabilities, RECOMMENDED, SINGLE_CARRIER_BASELINE } from './architecture';
import type { CostValues, Scenario, SimulationFleet, SimulationInput, SimulationParams } from './types';

/** Kinds that cut off a roaming-only SIM; the others need a scenario to be enforced. */
const BLOCKING: ReadonlySet<RestrictionKind> = new Set(['banned', 'time_limited', 'local_profile_required']);

/** Typical monthly data when the assessment does not say (DOMAIN.md: 1 MB for a meter). */
export const DEFAULT_MONTHLY_MB = 1;

export function simulationFleet(rules: Rules, fleet: Fleet): SimulationFleet {
	const devices = devicesPerCountry(fleet);
	return {
		devices: fleet.countries.reduce((sum, code) => sum + (devices.get(code) ?? 0), 0),
		lifetimeYears: fleet.lifetimeYears,
		monthlyMbPerDevice: fleet.monthlyMbPerDevice || DEFAULT_MONTHLY_MB,
		countries: fleet.countries.map((code) => {
			const rule = rules.countryRules.get(code);
			return {
				code,
				name: rules.countryNames.get(code) ?? code,
				devices: devices.get(code) ?? 0,
				roamingBlockDay: rule && BLOCKING.has(rule.kind) ? (rule.afterDays ?? 0) : null
			};
		})
	};
}

export function costValues(rules: Rules, overrides: CostOverrides = {}): CostValues {
	return Object.fromEntries(
		COST_KEYS.map((key) => [key, overrides[key] ?? rules.costs.defaults[key].value])
	) as CostValues;
}

export function simulationParams(rules: Rules, overrides: Partial<SimulationParams> = {}): SimulationParams {
	return Object.fromEntries(
		SIMULATION_KEYS.map((key) => [key, overrides[key] ?? rules.simulation.defaults[key].value])
	) as SimulationParams;
}

export const NO_SCENARIO: Scenario = { outages: [], roamingEnforcements: [], switchYear: null };

/** The simulation of an assessed offer: its proven capabilities against the recommendation. */
export function inputFromAssessment(
	rules: Rules,
	assessment: { fleet: Fleet; costs: CostOverrides },
	result: ScoreResult,
	options: { seed: number; scenario?: Scenario; params?: Partial<SimulationParams> }
): SimulationInput {
	const exitFee = result.switchingCost.lines.find((l) => l.id === 'contract_exit')?.amount ?? 0;
	return {
		seed: options.seed,
		fleet: simulationFleet(rules, assessment.fleet),
		costs: costValues(rules, assessment.costs),
		params: simulationParams(rules, options.params),
		architectures: {
			assessed: architectureFromCapabilities(result.capabilities.proven, exitFee),
			recommended: RECOMMENDED
		},
		scenario: options.scenario ?? NO_SCENARIO
	};
}

/** A typed-in fleet with no assessment: the recommendation against a single-carrier baseline. */
export function inputFromFleet(
	rules: Rules,
	fleet: Fleet,
	options: { seed: number; scenario?: Scenario; params?: Partial<SimulationParams>; costs?: CostOverrides }
): SimulationInput {
	const costs = costValues(rules, options.costs);
	return {
		seed: options.seed,
		fleet: simulationFleet(rules, fleet),
		costs,
		params: simulationParams(rules, options.params),
		architectures: {
			assessed: {
				...SINGLE_CARRIER_BASELINE,
				exitFee: fleet.devices * costs.monthlyFeePerDevice * costs.remainingCommitmentMonths
			},
			recommended: RECOMMENDED
		},
		scenario: options.scenario ?? NO_SCENARIO
	};
}
