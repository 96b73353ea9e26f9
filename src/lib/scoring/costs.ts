import type { CostOverrides, Fleet } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { COST_KEYS, type Capability, type CostKey } from '../rules/schema';
import type { OfferCapabilities } from './capabilities';
import type { CostAssumption, CostLine, SwitchingCost } from './types';

export interface ExitFactors {
	/** 0-1: how closed the platform is (its area score / 100). */
	platform: number;
	/** 0-1: how binding the contract is (its area score / 100). */
	contract: number;
	platformAssumed: boolean;
	contractAssumed: boolean;
}

const round = (n: number) => Math.round(n);
/** Percentages to one decimal, so the formula shown reproduces the amount. */
const pct = (n: number) => `${(Math.round(n * 1000) / 10).toLocaleString('en')}%`;

export function costAssumptions(rules: Rules, overrides: CostOverrides): CostAssumption[] {
	return COST_KEYS.map((key) => {
		const d = rules.costs.defaults[key];
		const override = overrides[key];
		return {
			key,
			label: d.label,
			value: override ?? d.value,
			defaultValue: d.value,
			unit: d.unit,
			basis: d.basis,
			confidence: d.confidence,
			sources: d.sources,
			overridden: override !== undefined && override !== d.value
		};
	});
}

/**
 * What leaving the provider would cost: site visits when SIMs cannot switch over the air,
 * plus platform and contract exit costs scaled by how locking those areas scored.
 */
export function switchingCost(
	rules: Rules,
	fleet: Fleet,
	overrides: CostOverrides,
	capabilities: OfferCapabilities,
	factors: ExitFactors
): SwitchingCost {
	const assumptions = costAssumptions(rules, overrides);
	const v = Object.fromEntries(assumptions.map((a) => [a.key, a.value])) as Record<CostKey, number>;
	const currency = rules.costs.currency;
	// Unit prices keep their cents (USD 1.50 a month); totals are whole.
	const money = (n: number) =>
		`${currency} ${n.toLocaleString('en', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
	const n = fleet.devices;

	const otaProven = capabilities.proven.has('ota_profile_switch');
	const otaUnconfirmed = capabilities.unconfirmed.has('ota_profile_switch');
	const otaUnanswered = capabilities.unanswered.has('ota_profile_switch');
	// From ruleset 2.0.0 the exit terms say whether the SIMs may stay: a duty to return or destroy
	// them means a new SIM in every device, however well profiles switch over the air.
	const asksAboutSims = capabilityOffered(rules, 'keep_sims');
	const simsKept = !asksAboutSims || capabilities.proven.has('keep_sims');
	const simsUnanswered = asksAboutSims && capabilities.unanswered.has('keep_sims') && !capabilities.unconfirmed.has('keep_sims');
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

	const platformBase = v.platformMigrationFixed + n * v.integrationRebuildPerDevice;
	const platform: CostLine = {
		id: 'platform_exit',
		label: 'Rebuilding platform data, integrations and automation',
		applies: factors.platform > 0,
		assumed: factors.platformAssumed,
		amount: round(factors.platform * platformBase),
		formula: `${pct(factors.platform)} platform lock-in × (${money(v.platformMigrationFixed)} + ${n.toLocaleString('en')} devices × ${money(v.integrationRebuildPerDevice)})`,
		reason: factors.platformAssumed
			? 'Platform questions are unanswered, so the platform is assumed closed.'
			: 'Scaled by the platform area score: the less API and export, the more must be rebuilt by hand.'
	};

	const contractBase = n * v.monthlyFeePerDevice * v.remainingCommitmentMonths;
	const contract: CostLine = {
		id: 'contract_exit',
		label: 'Commitments paid out on exit',
		applies: factors.contract > 0,
		assumed: factors.contractAssumed,
		amount: round(factors.contract * contractBase),
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
				assumptions.map((a) => [a.key, a.overridden ? a.value : rules.costs.defaults[a.key][bound]])
			) as Record<CostKey, number>,
			n,
			noSwap,
			factors
		);
	const low = at('min');
	const high = at('max');
	return {
		currency,
		total,
		lines,
		assumptions,
		rated: ratedAmounts(lines, exitAmounts(v, n, noSwap, factors), n),
		estimate: {
			total: significant(total),
			low: significant(low.total),
			high: significant(high.total),
			perDevice: significant(total / n),
			perDeviceLow: significant(low.total / n),
			perDeviceHigh: significant(high.total / n)
		}
	};
}

/**
 * The model's arithmetic on its own, for the range: the same three lines as above. `variable` is
 * what grows with each device (everything but the platform's fixed migration).
 */
function exitAmounts(v: Record<CostKey, number>, n: number, noSwap: boolean, factors: ExitFactors) {
	const swap = noSwap ? 0 : n * (v.fieldVisitPerDevice * v.revisitFactor + v.replacementSimPerDevice);
	const platformVariable = factors.platform * n * v.integrationRebuildPerDevice;
	const platformFixed = factors.platform * v.platformMigrationFixed;
	const contract = factors.contract * n * v.monthlyFeePerDevice * v.remainingCommitmentMonths;
	return {
		total: round(swap) + round(platformFixed + platformVariable) + round(contract),
		variable: { sim_swap: swap, platform_exit: platformVariable, contract_exit: contract }
	};
}

function ratedAmounts(lines: CostLine[], amounts: ReturnType<typeof exitAmounts>, n: number) {
	const answered = lines.filter((line) => !line.assumed);
	return {
		total: answered.reduce((sum, line) => sum + line.amount, 0),
		perDevice: answered.reduce((sum, line) => sum + amounts.variable[line.id], 0) / n
	};
}

/** Whether any answer of the ruleset can prove a capability (rulesets before 2.0.0 never ask about some). */
function capabilityOffered(rules: Rules, capability: Capability): boolean {
	for (const question of rules.questionsById.values()) {
		if (question.options.some((o) => o.provides.includes(capability))) return true;
	}
	return false;
}

/** Two significant figures: 3,650,000 stays 3,700,000, 48,960 becomes 49,000, 12.4 becomes 12. */
export function significant(n: number): number {
	return n === 0 || !Number.isFinite(n) ? 0 : Number(n.toPrecision(2));
}
