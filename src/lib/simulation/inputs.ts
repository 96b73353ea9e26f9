import type { CostOverrides, Fleet } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { BLOCKING_KINDS } from '../rules/restrictions';
import { COST_KEYS, SIMULATION_KEYS, type Currency } from '../rules/schema';
import type { ScoreResult } from '../scoring/types';
import { costAssumptions, shortestNoticeDays } from '../scoring/costs';
import { convertAmount, rateFor } from '../scoring/money';
import { architectureFromCapabilities, recommendedArchitecture } from './architecture';
import { DAYS_PER_MONTH } from './engine';
import { baselineInput, EMPTY_SCENARIO, fleetFromTable, type CountryRow } from './fleet-input';
import type {
	CostValues,
	LocalProfileCure,
	Scenario,
	SimulationFleet,
	SimulationInput,
	SimulationParams
} from './types';

/** Typical monthly data when the assessment does not say (DOMAIN.md: 1 MB for a meter). */
export const DEFAULT_MONTHLY_MB = 1;

export const NO_SCENARIO: Scenario = EMPTY_SCENARIO;

/**
 * Every pickable country with the day a roaming-only SIM is cut off there: only blocking kinds
 * block by default; the others need a scenario to be enforced.
 */
export function countryTable(rules: Rules): CountryRow[] {
	return rules.countries.all.map(({ code, name }) => {
		const rule = rules.countryRules.get(code);
		// A block with no published day (Nigeria) is not simulated on day 0: no source says so; an
		// enforcement scenario can set the day.
		const row: CountryRow = {
			code,
			name,
			roamingBlockDay: rule && BLOCKING_KINDS.has(rule.kind) ? (rule.afterDays ?? null) : null
		};
		// An intermittent block (Russia) that starts on arrival or on a network change: simulated as
		// an outage of its hours on a foreign SIM.
		const triggers = rule?.intermittent?.triggers ?? [];
		if (
			rule?.intermittent &&
			(triggers.includes('arrival') || triggers.includes('network_change'))
		) {
			row.intermittentHours = rule.intermittent.blockHours;
		}
		return row;
	});
}

export function simulationFleet(rules: Rules, fleet: Fleet): SimulationFleet {
	return fleetFromTable(countryTable(rules), fleet, DEFAULT_MONTHLY_MB);
}

/** Cost figures for a typed-in fleet (no assessment): the defaults in the rules' currency, or the user's. */
export function costValues(rules: Rules, overrides: CostOverrides = {}): CostValues {
	return Object.fromEntries(
		COST_KEYS.map((key) => [key, overrides[key] ?? rules.costs.defaults[key].value])
	) as CostValues;
}

/** Simulation figures; the money ones (overage) converted into the currency the costs are in. */
export function simulationParams(
	rules: Rules,
	overrides: Partial<SimulationParams> = {},
	currency: Currency = rules.costs.currency
): SimulationParams {
	const rate = rateFor(rules.costs, currency);
	return Object.fromEntries(
		SIMULATION_KEYS.map((key) => {
			const d = rules.simulation.defaults[key];
			return [key, overrides[key] ?? (d.money ? convertAmount(d.value, rate) : d.value)];
		})
	) as SimulationParams;
}

/** The simulation of an assessed offer: its proven capabilities against the recommendation. */
export function inputFromAssessment(
	rules: Rules,
	assessment: { fleet: Fleet; costs?: CostOverrides },
	result: ScoreResult,
	options: { seed: number; scenario?: Scenario; params?: Partial<SimulationParams> }
): SimulationInput {
	// The exit payouts and the overlap are the results' own figures (costs.ts), in the same currency.
	const cost = result.switchingCost;
	const exitFee = cost.lines
		.filter((l) => l.id === 'contract_exit' || l.id === 'termination_fees')
		.reduce((sum, l) => sum + l.amount, 0);
	const overlapDays =
		cost.assumptions.find((a) => a.key === 'switchOverlapDays')?.value ??
		rules.costs.defaults.switchOverlapDays.value;
	// Months the payout already covers (costs.ts): the old provider's fees in them are not paid twice.
	const owes =
		cost.lines.some((l) => l.id === 'contract_exit' && l.applies) &&
		cost.lines.some((l) => l.id === 'double_fees');
	const monthsOwed = owes
		? (cost.assumptions.find((a) => a.key === 'remainingCommitmentMonths')?.value ?? 0)
		: 0;
	const assessed = architectureFromCapabilities(result.capabilities.proven, {
		exitFee,
		overlapDays,
		exitPaidDays: monthsOwed * DAYS_PER_MONTH
	});
	// From ruleset 2.0.0 the results decide local profiles country by country, and so does the
	// simulation: a country is cured over the air where a local profile is available (or on request,
	// after contracting the local operator) and the SIM can take it over the air; elsewhere by visit.
	const answered = result.roaming.filter((r) => r.localProfile !== null);
	if (answered.length > 0) {
		assessed.localProfiles = false;
		assessed.otaCure = otaCure(
			answered,
			assessed.otaSwitch || result.capabilities.proven.includes('local_profiles')
		);
	}
	// A switch goes over the air only where the results say so: SIMs that must be returned or
	// destroyed need a visit to every device, however well profiles switch.
	const swap = cost.lines.find((l) => l.id === 'sim_swap');
	if (swap) assessed.otaSwitch = !swap.applies;
	return {
		seed: options.seed,
		fleet: simulationFleet(rules, assessment.fleet),
		// The results' figures; a ruleset on the 1.x cost model lacks the newer ones, which come from today's defaults.
		costs: {
			...Object.fromEntries(
				costAssumptions(rules, assessment.costs ?? {}, result.currency).map((a) => [a.key, a.value])
			),
			...Object.fromEntries(cost.assumptions.map((a) => [a.key, a.value]))
		} as CostValues,
		params: simulationParams(rules, options.params, result.currency),
		architectures: {
			assessed,
			recommended: recommendedArchitecture(shortestNoticeDays(rules.costs))
		},
		scenario: options.scenario ?? NO_SCENARIO
	};
}

/** A typed-in fleet with no assessment: the recommendation against a single-carrier baseline. */
export function inputFromFleet(
	rules: Rules,
	fleet: Fleet,
	options: {
		seed: number;
		scenario?: Scenario;
		params?: Partial<SimulationParams>;
		costs?: CostOverrides;
	}
): SimulationInput {
	const parts = {
		countries: countryTable(rules),
		costs: costValues(rules, options.costs),
		params: simulationParams(rules, options.params),
		defaultMonthlyMb: DEFAULT_MONTHLY_MB,
		shortestNoticeDays: shortestNoticeDays(rules.costs)
	};
	return baselineInput(parts, fleet, options);
}

/** Per country, how a local profile cures a roaming block over the air (absent: a site visit). */
export function otaCure(
	roaming: readonly Pick<ScoreResult['roaming'][number], 'country' | 'localProfile'>[],
	overTheAir: boolean
): Record<string, LocalProfileCure> {
	const cure: Record<string, LocalProfileCure> = {};
	if (!overTheAir) return cure;
	for (const r of roaming) {
		if (r.localProfile === 'available' || r.localProfile === 'on_request')
			cure[r.country] = r.localProfile;
	}
	return cure;
}
