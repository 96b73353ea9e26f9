import type { Fleet } from '../assessment/schema';
import { devicesPerCountry } from '../scoring/roaming';
import { recommendedArchitecture, singleCarrierBaseline } from './architecture';
import { DAYS_PER_MONTH } from './engine';
import type {
	CostValues,
	Scenario,
	SimulationFleet,
	SimulationInput,
	SimulationParams
} from './types';

/**
 * Building a simulation input from a fleet, given a country table and the defaults. No rules
 * object and no zod here: the server (inputs.ts) and the browser (client-input.ts) share it.
 */
export interface CountryRow {
	code: string;
	name: string;
	/** Day a roaming-only SIM is blocked there, or null. */
	roamingBlockDay: number | null;
	/** Hours of each intermittent block on a foreign SIM (Russia), or absent. */
	intermittentHours?: number;
}

export interface FleetInputParts {
	countries: readonly CountryRow[];
	costs: CostValues;
	params: SimulationParams;
	defaultMonthlyMb: number;
	/** The shortest notice in the rules: the recommended architecture's overlap in a switch. */
	shortestNoticeDays: number;
}

export const EMPTY_SCENARIO: Scenario = { outages: [], roamingEnforcements: [], switchYear: null };

export function fleetFromTable(
	countries: readonly CountryRow[],
	fleet: Fleet,
	defaultMonthlyMb: number
): SimulationFleet {
	const byCode = new Map(countries.map((c) => [c.code, c]));
	const devices = devicesPerCountry(fleet);
	return {
		devices: fleet.countries.reduce((sum, code) => sum + (devices.get(code) ?? 0), 0),
		lifetimeYears: fleet.lifetimeYears,
		monthlyMbPerDevice: fleet.monthlyMbPerDevice || defaultMonthlyMb,
		...(fleet.siteVisits ? { siteVisits: fleet.siteVisits } : {}),
		countries: fleet.countries.map((code) => ({
			code,
			name: byCode.get(code)?.name ?? code,
			devices: devices.get(code) ?? 0,
			roamingBlockDay: byCode.get(code)?.roamingBlockDay ?? null,
			...intermittent(byCode.get(code))
		}))
	};
}

/** A typed-in fleet with no assessment: the recommendation against a single-carrier baseline. */
export function baselineInput(
	parts: FleetInputParts,
	fleet: Fleet,
	options: { seed: number; scenario?: Scenario }
): SimulationInput {
	const { costs } = parts;
	return {
		seed: options.seed,
		fleet: fleetFromTable(parts.countries, fleet, parts.defaultMonthlyMb),
		costs: { ...costs },
		params: { ...parts.params },
		architectures: {
			assessed: singleCarrierBaseline({
				exitFee: fleet.devices * costs.monthlyFeePerDevice * costs.remainingCommitmentMonths,
				exitPaidDays: costs.remainingCommitmentMonths * DAYS_PER_MONTH,
				overlapDays: costs.switchOverlapDays
			}),
			recommended: recommendedArchitecture(parts.shortestNoticeDays)
		},
		scenario: options.scenario ?? EMPTY_SCENARIO
	};
}

function intermittent(row: CountryRow | undefined): { intermittentHours?: number } {
	return row?.intermittentHours === undefined ? {} : { intermittentHours: row.intermittentHours };
}
