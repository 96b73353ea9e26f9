import type { CostOverrides, Fleet } from '../assessment/schema';
import {
	LEGACY_COST_KEYS,
	LEGACY_MONEY_KEYS,
	type LegacyCostKey,
	type LegacyCostsFile
} from '../rules/legacy-costs';
import type { Rules } from '../rules/load';
import type { Currency } from '../rules/schema';
import type { OfferCapabilities } from './capabilities';
import { significant } from './costs';
import { convertAmount, formatMoney, rateFor } from './money';
import type { CostAssumption, CostLine, SwitchingCost } from './types';

/**
 * The 1.x cost model, kept verbatim in its arithmetic for rulesets before 2.1.0: an assessment
 * pinned to one keeps its cost to leave (and the cost bands it feeds) until its owner re-scores.
 * Only the currency is new: amounts are converted at the current dated rate, as in costs.ts.
 */
export interface LegacyExitFactors {
	/** 0-1: how closed the platform is (its area score / 100). */
	platform: number;
	/** 0-1: how binding the contract is (its area score / 100). */
	contract: number;
	platformAssumed: boolean;
	contractAssumed: boolean;
}

type Values = Record<LegacyCostKey, number>;
const round = (n: number) => Math.round(n);
const pct = (n: number) => `${(Math.round(n * 1000) / 10).toLocaleString('en')}%`;

function legacyAssumptions(
	file: LegacyCostsFile,
	overrides: CostOverrides,
	rate: number,
	currency: Currency
): CostAssumption[] {
	return LEGACY_COST_KEYS.map((key) => {
		const d = file.defaults[key];
		const money = LEGACY_MONEY_KEYS.has(key);
		const defaultValue = money ? convertAmount(d.value, rate) : d.value;
		const override = overrides[key];
		return {
			key,
			label: d.label,
			value: override ?? defaultValue,
			defaultValue,
			// The 1.x file wrote its currency into the unit ("USD per device").
			unit: money ? d.unit.replace(/^USD\b/, currency) : d.unit,
			basis: d.basis,
			confidence: d.confidence,
			sources: d.sources,
			overridden: override !== undefined && override !== defaultValue
		};
	});
}

export function legacySwitchingCost(
	rules: Rules & { legacyCosts: LegacyCostsFile },
	fleet: Fleet,
	overrides: CostOverrides,
	currency: Currency,
	capabilities: OfferCapabilities,
	factors: LegacyExitFactors
): SwitchingCost {
	const file = rules.legacyCosts;
	const rate = rateFor(rules.costs, currency);
	const assumptions = legacyAssumptions(file, overrides, rate, currency);
	const v = Object.fromEntries(assumptions.map((a) => [a.key, a.value])) as Values;
	const money = (n: number) => formatMoney(currency, n);
	const n = fleet.devices;

	const otaProven = capabilities.proven.has('ota_profile_switch');
	const otaUnconfirmed = capabilities.unconfirmed.has('ota_profile_switch');
	const otaUnanswered = capabilities.unanswered.has('ota_profile_switch');
	const asksAboutSims = [...rules.questionsById.values()].some((q) =>
		q.options.some((o) => o.provides.includes('keep_sims'))
	);
	const simsKept = !asksAboutSims || capabilities.proven.has('keep_sims');
	const simsUnanswered =
		asksAboutSims &&
		capabilities.unanswered.has('keep_sims') &&
		!capabilities.unconfirmed.has('keep_sims');
	const noSwap = otaProven && simsKept;
	const perDeviceSwap = v.fieldVisitPerDevice * v.revisitFactor + v.replacementSimPerDevice;
	const simSwap: CostLine = {
		id: 'sim_swap',
		label: 'Site visits to swap SIMs',
		applies: !noSwap,
		assumed: otaProven ? simsUnanswered : otaUnanswered && !otaUnconfirmed,
		amount: noSwap ? 0 : round(n * perDeviceSwap),
		formula: `${n.toLocaleString('en')} devices × (${money(v.fieldVisitPerDevice)} visit × ${v.revisitFactor} visits + ${money(v.replacementSimPerDevice)} SIM)`,
		reason: noSwap
			? 'SIMs can switch provider over the air and stay in the devices: no site visits needed.'
			: otaProven
				? simsUnanswered
					? 'Not answered yet whether the SIMs may stay when the contract ends, so every device is assumed to need a new SIM.'
					: 'The contract makes you return or destroy the SIMs (or this is not confirmed): every device needs a new SIM and a visit to fit it.'
				: otaUnconfirmed
					? 'Not confirmed that SIMs can switch over the air, so every device is assumed to need a visit.'
					: otaUnanswered
						? 'Not answered yet whether SIMs can switch over the air, so every device is assumed to need a visit.'
						: 'SIMs cannot switch provider over the air: every device needs a visit.'
	};

	const platform: CostLine = {
		id: 'platform_exit',
		label: 'Rebuilding platform data, integrations and automation',
		applies: factors.platform > 0,
		assumed: factors.platformAssumed,
		amount: round(
			factors.platform * (v.platformMigrationFixed + n * v.integrationRebuildPerDevice)
		),
		formula: `${pct(factors.platform)} platform lock-in × (${money(v.platformMigrationFixed)} + ${n.toLocaleString('en')} devices × ${money(v.integrationRebuildPerDevice)})`,
		reason: factors.platformAssumed
			? 'Platform questions are unanswered, so the platform is assumed closed.'
			: 'Scaled by the platform area score: the less API and export, the more must be rebuilt by hand.'
	};

	const contract: CostLine = {
		id: 'contract_exit',
		label: 'Commitments paid out on exit',
		applies: factors.contract > 0,
		assumed: factors.contractAssumed,
		amount: round(factors.contract * n * v.monthlyFeePerDevice * v.remainingCommitmentMonths),
		formula: `${pct(factors.contract)} contract lock-in × ${n.toLocaleString('en')} devices × ${money(v.monthlyFeePerDevice)} a month × ${v.remainingCommitmentMonths} months`,
		reason: factors.contractAssumed
			? 'Contract questions are unanswered, so the terms are assumed binding.'
			: 'Scaled by the contract area score: minimums, lock-in periods and exit clauses.'
	};

	const lines = [simSwap, platform, contract];
	const total = lines.reduce((sum, line) => sum + line.amount, 0);
	const at = (bound: 'min' | 'max') =>
		exitAmounts(
			Object.fromEntries(
				assumptions.map((a) => {
					const d = file.defaults[a.key as LegacyCostKey];
					return [
						a.key,
						a.overridden
							? a.value
							: d[bound] * (LEGACY_MONEY_KEYS.has(a.key as LegacyCostKey) ? rate : 1)
					];
				})
			) as Values,
			n,
			noSwap,
			factors
		);
	const low = at('min');
	const high = at('max');
	const now = exitAmounts(v, n, noSwap, factors);
	const answered = lines.filter((line) => !line.assumed);
	const { asOf, confidence, basis, sources } = rules.costs.conversions;
	return {
		currency,
		total,
		lines,
		assumptions,
		rated: {
			total: answered.reduce((sum, line) => sum + line.amount, 0),
			perDevice:
				answered.reduce(
					(sum, line) => sum + now.variable[line.id as keyof typeof now.variable],
					0
				) / n
		},
		estimate: {
			total: significant(total),
			low: significant(low.total),
			high: significant(high.total),
			perDevice: significant(total / n),
			perDeviceLow: significant(low.total / n),
			perDeviceHigh: significant(high.total / n)
		},
		conversion:
			currency === rules.costs.currency
				? null
				: { from: rules.costs.currency, rate, asOf, confidence, basis: basis.trim(), sources }
	};
}

function exitAmounts(v: Values, n: number, noSwap: boolean, factors: LegacyExitFactors) {
	const swap = noSwap
		? 0
		: n * (v.fieldVisitPerDevice * v.revisitFactor + v.replacementSimPerDevice);
	const platformVariable = factors.platform * n * v.integrationRebuildPerDevice;
	const platformFixed = factors.platform * v.platformMigrationFixed;
	const contract = factors.contract * n * v.monthlyFeePerDevice * v.remainingCommitmentMonths;
	return {
		total: round(swap) + round(platformFixed + platformVariable) + round(contract),
		variable: { sim_swap: swap, platform_exit: platformVariable, contract_exit: contract }
	};
}
