import type { Rules } from '../rules/load';
import type { CostKey, Currency, SimulationKey } from '../rules/schema';
import { convertAmount, rateFor } from '../scoring/money';

/** One editable figure as the fleet page shows it: the value, what it means and where it comes from. */
export interface AssumptionMeta<K extends string = string> {
	key: K;
	label: string;
	/** The default from the rules files. */
	value: number;
	unit: string;
	/** The range the rules file gives for the figure. */
	min: number;
	max: number;
	/** What the page accepts: the rules range for simulation figures, any sane amount for costs. */
	lower: number;
	upper: number;
	basis: string;
	confidence: string;
	sources: string[];
}

export interface SimulationMeta {
	simulation: AssumptionMeta<SimulationKey>[];
	costs: AssumptionMeta<CostKey>[];
}

/** Cost values the simulation reads; the others only feed the switching-cost estimate. */
export const SIMULATED_COST_KEYS: readonly CostKey[] = [
	'fieldVisitPerDevice',
	'revisitFactor',
	'replacementSimPerDevice',
	'monthlyFeePerDevice',
	'remainingCommitmentMonths',
	'routineVisitPerDevice',
	'otaProfileFeePerDevice',
	'eimMoveFixed',
	'otaFailureShare'
];

type Default = Rules['costs']['defaults'][CostKey];

function meta<K extends string>(
	key: K,
	d: Default,
	lower: number,
	upper: number,
	currency: string,
	rate: number
): AssumptionMeta<K> {
	const money = (n: number) => (d.money ? convertAmount(n, rate) : n);
	return {
		key,
		label: d.label,
		value: money(d.value),
		unit: d.money ? `${currency} ${d.unit}` : d.unit,
		min: money(d.min),
		max: money(d.max),
		lower: money(lower),
		upper,
		basis: d.basis,
		confidence: d.confidence,
		sources: d.sources
	};
}

/**
 * The simulation defaults and the cost values the simulation uses, in the order of the rules files.
 * Costs may be overridden on an assessment beyond the usual range (a cheap field team is real), so
 * only the bounds the assessment schema enforces apply to them; `costLimit` is that upper bound.
 */
export function simulationMeta(
	rules: Rules,
	costLimit: number,
	currency: Currency = rules.costs.currency
): SimulationMeta {
	const rate = rateFor(rules.costs, currency);
	const simulation = Object.entries(rules.simulation.defaults) as [SimulationKey, Default][];
	const costs = Object.entries(rules.costs.defaults) as [CostKey, Default][];
	return {
		simulation: simulation.map(([key, d]) => ({
			...meta(key, d, d.min, d.max, currency, rate),
			upper: d.money ? convertAmount(d.max, rate) : d.max
		})),
		costs: costs
			.filter(([key]) => SIMULATED_COST_KEYS.includes(key))
			.map(([key, d]) =>
				meta(
					key,
					d,
					key === 'revisitFactor' ? 1 : 0,
					key === 'otaFailureShare' ? 1 : costLimit,
					currency,
					rate
				)
			)
	};
}
