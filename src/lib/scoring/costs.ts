import type { Answer, CostOverrides, Fleet, SiteVisits } from '../assessment/schema';
import { m } from '../paraglide/messages';
import type { Rules } from '../rules/load';
import type { RuleLocale } from '../rules/locales';
import {
	COST_KEYS,
	NOT_SURE,
	type Capability,
	type CostKey,
	type Currency,
	type MonthsOwed
} from '../rules/schema';
import type { OfferCapabilities } from './capabilities';
import { convertAmount, formatMoney, rateFor } from './money';
import { visitPerDevice } from './visit-cost';
import type { CostAssumption, CostLine, SwitchingCost } from './types';

export const DEFAULT_CURRENCY: Currency = 'USD';
/** Fees are quoted per month; overlaps are counted in days. */
const DAYS_PER_MONTH = 30;

export interface CostInputs {
	fleet: Fleet;
	overrides: CostOverrides;
	currency: Currency;
	/** The answers as scored (conflicts already doubted). */
	answers: Readonly<Record<string, Answer>>;
	capabilities: OfferCapabilities;
	/** 0-1: how closed the platform is (its area score / 100), and whether that rests on open questions. */
	platform: { factor: number; assumed: boolean };
}

type Values = Record<CostKey, number>;

const round = (n: number) => Math.round(n);
const INTL = { en: 'en', de: 'de-DE' } as const;
/** Percentages to one decimal, so the formula shown reproduces the amount: "24.6%", "24,6 %". */
const pct = (n: number, locale: RuleLocale) => {
	const figure = (Math.round(n * 1000) / 10).toLocaleString(INTL[locale]);
	return locale === 'en' ? `${figure}%` : `${figure} %`;
};
const count = (n: number, locale: RuleLocale) => n.toLocaleString(INTL[locale]);

/**
 * The figures the model uses, in the assessment's currency: the user's override, else the rules'
 * default converted at the dated rate. Two figures follow the answers rather than a fixed default:
 * the months owed on exit and the days both providers bill (see `commitmentTerms`).
 */
export function costAssumptions(
	rules: Rules,
	overrides: CostOverrides,
	currency: Currency = DEFAULT_CURRENCY
): CostAssumption[] {
	const rate = rateFor(rules.costs, currency);
	return COST_KEYS.map((key) => {
		const d = rules.costs.defaults[key];
		const defaultValue = d.money ? convertAmount(d.value, rate) : d.value;
		const override = overrides[key];
		return {
			key,
			label: d.label,
			value: override ?? defaultValue,
			defaultValue,
			unit: d.money ? `${currency} ${d.unit}` : d.unit,
			basis: d.basis,
			confidence: d.confidence,
			sources: d.sources,
			overridden: override !== undefined && override !== defaultValue
		};
	});
}

/** The assumptions' values at the low or high end of their ranges; any figure the user entered stays as given. */
function boundValues(
	rules: Rules,
	assumptions: readonly CostAssumption[],
	overrides: CostOverrides,
	currency: Currency,
	bound: 'min' | 'max'
): Values {
	const rate = rateFor(rules.costs, currency);
	return Object.fromEntries(
		assumptions.map((a) => {
			const d = rules.costs.defaults[a.key];
			return [a.key, overrides[a.key] !== undefined ? a.value : d[bound] * (d.money ? rate : 1)];
		})
	) as Values;
}

/** What a commitment answer table says for the answers given, and whether an open question set it. */
interface Resolved<T> {
	/** The worst entry over every question the table reads, blank ones at their worst. */
	value: T;
	/** The worst entry over the answered questions ("not sure" at its worst): what the rating reads. */
	answered: T;
	/** A blank question could raise the value above what the answers say. */
	assumed: boolean;
	/** A question the table reads is answered "not sure": its worst entry counts, as a risk like any answer. */
	unsure: boolean;
}

function readTable<T>(
	rules: Rules,
	answers: Readonly<Record<string, Answer>>,
	table: Readonly<Record<string, Readonly<Record<string, T>>>>,
	worst: (values: T[]) => T,
	none: T
): Resolved<T> {
	const answered: T[] = [];
	const blank: T[] = [];
	let unsure = false;
	for (const [questionId, byOption] of Object.entries(table)) {
		const question = rules.questionsById.get(questionId);
		if (!question) continue;
		const option = answers[questionId]?.option;
		const given = option !== undefined && option !== NOT_SURE ? byOption[option] : undefined;
		if (given !== undefined) {
			answered.push(given);
		} else if (option === NOT_SURE) {
			answered.push(worst(Object.values(byOption)));
			unsure = true;
		} else if (option === undefined || !question.options.some((o) => o.id === option)) {
			blank.push(worst(Object.values(byOption)));
		}
	}
	const fromAnswers = answered.length > 0 ? worst(answered) : none;
	const value = worst([fromAnswers, ...blank]);
	// Answering more must never lower the rating (audit F12): a blank question leaves the line open
	// only where it could add to what the answers already say.
	return {
		value,
		answered: fromAnswers,
		assumed: blank.length > 0 && value !== fromAnswers,
		unsure
	};
}

/**
 * The contract's side of leaving, from the commitment answers only (audit F10): months of fees
 * owed, days both providers bill, and whether a termination fee per SIM applies.
 */
export function commitmentTerms(rules: Rules, answers: Readonly<Record<string, Answer>>) {
	const { monthsOwed, noticeDays, terminationFee } = rules.costs.commitments;
	// "commitment" counts as the longest owed: it is at least the 12 months the range starts from.
	const rank = (m: MonthsOwed) => (m === 'commitment' ? Number.POSITIVE_INFINITY : m);
	const owed = readTable<MonthsOwed>(
		rules,
		answers,
		monthsOwed,
		(all) => all.reduce((a, b) => (rank(b) > rank(a) ? b : a), 0),
		0
	);
	const notice = readTable<number>(rules, answers, noticeDays, (all) => Math.max(...all), -1);
	let perSimFee = false;
	for (const [questionId, options] of Object.entries(terminationFee)) {
		const question = rules.questionsById.get(questionId);
		const option = answers[questionId]?.option;
		if (!question || option === undefined) continue;
		// An exit term at least as binding as a fee per SIM (returning the SIMs, or "not sure",
		// which counts at its worst) costs at least that fee: a riskier answer never costs less.
		const feeRisk = Math.min(
			...question.options.filter((o) => options.includes(o.id)).map((o) => o.risk)
		);
		const risk =
			option === NOT_SURE
				? Number.POSITIVE_INFINITY
				: question.options.find((o) => o.id === option)?.risk;
		if (options.includes(option) || (risk !== undefined && risk >= feeRisk)) perSimFee = true;
	}
	return { owed, notice, perSimFee };
}

interface Plan {
	devices: number;
	/** A site visit per device (no over-the-air switch, or SIMs that must go back). */
	physical: boolean;
	/** The eUICCs' eIM or SM-SR must move away from the provider. */
	eimMove: boolean;
	platformFactor: number;
	/** null: the "commitment" figure applies. */
	monthsOwed: number | null;
	/** The same from the answered questions only (blank ones left out): what the rating reads. */
	monthsOwedAnswered: number | null;
	overlapDays: number;
	/** The notice from the answered questions only, or the shortest when none is answered. */
	overlapDaysAnswered: number;
	perSimFee: boolean;
}

/** Each line's amount, and the part that grows with every device, at one set of values. */
function amounts(v: Values, plan: Plan, visits: SiteVisits) {
	const n = plan.devices;
	const visit = visitPerDevice(v, visits);
	const months = plan.monthsOwed ?? v.remainingCommitmentMonths;
	// The old provider bills through the notice, but months already owed on exit cover that time:
	// only the notice beyond them is paid twice.
	const doubleMonths = Math.max(0, plan.overlapDays / DAYS_PER_MONTH - months);
	const swap = plan.physical ? n * visit : 0;
	const otaVariable = plan.physical
		? 0
		: n * v.otaProfileFeePerDevice + n * v.otaFailureShare * visit;
	const otaFixed = !plan.physical && plan.eimMove ? v.eimMoveFixed : 0;
	const double = n * v.monthlyFeePerDevice * doubleMonths;
	const platformVariable = plan.platformFactor * n * v.integrationRebuildPerDevice;
	const platformFixed = plan.platformFactor * v.platformMigrationFixed;
	const contract = n * v.monthlyFeePerDevice * months;
	const termination = plan.perSimFee ? n * v.terminationFeePerSim : 0;
	return {
		sim_swap: { amount: round(swap), variable: swap },
		ota_switch: { amount: round(otaVariable + otaFixed), variable: otaVariable },
		double_fees: { amount: round(double), variable: double },
		platform_exit: { amount: round(platformFixed + platformVariable), variable: platformVariable },
		contract_exit: { amount: round(contract), variable: contract },
		termination_fees: { amount: round(termination), variable: termination }
	} satisfies Record<CostLine['id'], { amount: number; variable: number }>;
}

/**
 * What leaving the provider would cost, line by line: SIMs swapped by hand or switched over the
 * air (with its fees, an eIM move and the devices it misses), both providers billing while the
 * switch runs, the platform rebuilt, and what the contract still owes. All in the assessment's
 * currency.
 */
export function switchingCost(rules: Rules, inputs: CostInputs): SwitchingCost {
	const { fleet, overrides, currency, answers, capabilities, platform: platformFactor } = inputs;
	const n = fleet.devices;
	const terms = commitmentTerms(rules, answers);

	// Two defaults follow the answers: the overlap is the notice period answered, and a commitment
	// of fixed length owes its own months; the user's override still wins.
	const base = costAssumptions(rules, overrides, currency);
	const fixedMonths = terms.owed.value === 'commitment' ? null : terms.owed.value;
	const noticeAsked = terms.notice.value >= 0;
	const assumptions = base.map((a) => {
		if (a.key === 'switchOverlapDays' && noticeAsked)
			return followAnswer(a, terms.notice.value, overrides);
		if (a.key === 'remainingCommitmentMonths' && fixedMonths !== null)
			return followAnswer(a, fixedMonths, overrides);
		return a;
	});
	const v = Object.fromEntries(assumptions.map((a) => [a.key, a.value])) as Values;
	const { locale } = rules;
	const say = { locale };
	const money = (x: number) => formatMoney(currency, x, locale);
	const devices = count(n, locale);

	const otaProven = capabilities.proven.has('ota_profile_switch');
	const otaUnconfirmed = capabilities.unconfirmed.has('ota_profile_switch');
	const otaUnanswered = capabilities.unanswered.has('ota_profile_switch');
	// From ruleset 2.0.0 the exit terms say whether the SIMs may stay: a duty to return or destroy
	// them means a new SIM in every device, however well profiles switch over the air.
	const asksAboutSims = capabilityOffered(rules, 'keep_sims');
	const simsKept = !asksAboutSims || capabilities.proven.has('keep_sims');
	const simsUnanswered =
		asksAboutSims &&
		capabilities.unanswered.has('keep_sims') &&
		!capabilities.unconfirmed.has('keep_sims');
	const physical = !(otaProven && simsKept);
	const eimControlled = capabilities.proven.has('customer_controlled_eim');
	const commitmentOverridden = overrides.remainingCommitmentMonths !== undefined;
	const plan: Plan = {
		devices: n,
		physical,
		eimMove: !eimControlled,
		platformFactor: platformFactor.factor,
		// Without any commitment nothing is owed, whatever the override; with one, the override is the contract's figure.
		monthsOwed: owedMonths(terms.owed.value, commitmentOverridden),
		monthsOwedAnswered: owedMonths(terms.owed.answered, commitmentOverridden),
		overlapDays: v.switchOverlapDays,
		overlapDaysAnswered:
			overrides.switchOverlapDays !== undefined || !noticeAsked
				? v.switchOverlapDays
				: terms.notice.answered >= 0
					? terms.notice.answered
					: shortestNoticeDays(rules.costs),
		perSimFee: terms.perSimFee
	};
	const visits = fleet.siteVisits;
	const now = amounts(v, plan, visits ?? 'dedicated');
	const visitWords = visitFormula(v, visits ?? 'dedicated', money, locale);

	const simSwap: CostLine = {
		id: 'sim_swap',
		label: m.textde_cost_sim_swap({}, say),
		applies: physical,
		assumed: otaProven ? simsUnanswered : otaUnanswered && !otaUnconfirmed,
		amount: now.sim_swap.amount,
		formula: m.textde_cost_sim_swap_formula({ devices, visit: visitWords }, say),
		reason: !physical
			? m.textde_cost_sim_swap_not_needed({}, say)
			: `${swapReason(otaProven, simsUnanswered, otaUnconfirmed, otaUnanswered, locale)} ${visitReason(visits, locale)}`
	};

	const failing = n * v.otaFailureShare;
	const otaSwitch: CostLine = {
		id: 'ota_switch',
		label: m.textde_cost_ota({}, say),
		applies: !physical,
		assumed: false,
		amount: now.ota_switch.amount,
		formula: m.textde_cost_ota_formula(
			{
				devices,
				fee: money(v.otaProfileFeePerDevice),
				eimMove: plan.eimMove
					? m.textde_cost_ota_formula_eim({ amount: money(v.eimMoveFixed) }, say)
					: '',
				failing: count(round(failing), locale),
				share: pct(v.otaFailureShare, locale),
				visit: visitWords
			},
			say
		),
		reason: physical
			? m.textde_cost_ota_not_used({}, say)
			: `${(eimControlled ? m.textde_cost_eim_controlled : m.textde_cost_eim_provider)({}, say)} ${visitReason(visits, locale)}`
	};

	const double: CostLine = {
		id: 'double_fees',
		label: m.textde_cost_double({}, say),
		applies: true,
		assumed: noticeAsked && terms.notice.assumed && overrides.switchOverlapDays === undefined,
		amount: now.double_fees.amount,
		formula: m.textde_cost_double_formula(
			{
				devices,
				fee: money(v.monthlyFeePerDevice),
				days: count(v.switchOverlapDays, locale),
				perMonth: String(DAYS_PER_MONTH),
				months: count(plan.monthsOwed ?? v.remainingCommitmentMonths, locale)
			},
			say
		),
		reason: (overrides.switchOverlapDays !== undefined
			? m.textde_cost_double_entered
			: !noticeAsked
				? m.textde_cost_double_not_asked
				: terms.notice.assumed
					? m.textde_cost_double_assumed
					: terms.notice.unsure
						? m.textde_cost_double_unsure
						: m.textde_cost_double_answered)({}, say)
	};

	const platform: CostLine = {
		id: 'platform_exit',
		label: m.textde_cost_platform({}, say),
		applies: platformFactor.factor > 0,
		assumed: platformFactor.assumed,
		amount: now.platform_exit.amount,
		formula: m.textde_cost_platform_formula(
			{
				share: pct(platformFactor.factor, locale),
				fixed: money(v.platformMigrationFixed),
				devices,
				perDevice: money(v.integrationRebuildPerDevice)
			},
			say
		),
		reason: (platformFactor.assumed
			? m.textde_cost_platform_assumed
			: m.textde_cost_platform_scaled)({}, say)
	};

	const months = plan.monthsOwed ?? v.remainingCommitmentMonths;
	const contract: CostLine = {
		id: 'contract_exit',
		label: m.textde_cost_contract({}, say),
		applies: months > 0,
		assumed: terms.owed.assumed && !commitmentOverridden,
		amount: now.contract_exit.amount,
		formula: m.textde_cost_contract_formula(
			{ devices, fee: money(v.monthlyFeePerDevice), months: count(months, locale) },
			say
		),
		reason: (terms.owed.value === 0
			? m.textde_cost_contract_none
			: terms.owed.assumed && !commitmentOverridden
				? m.textde_cost_contract_assumed
				: terms.owed.unsure && !commitmentOverridden
					? m.textde_cost_contract_unsure
					: commitmentOverridden
						? m.textde_cost_contract_entered
						: m.textde_cost_contract_answered)({}, say)
	};

	const termination: CostLine = {
		id: 'termination_fees',
		label: m.textde_cost_termination({}, say),
		applies: terms.perSimFee,
		assumed: false,
		amount: now.termination_fees.amount,
		formula: m.textde_cost_termination_formula(
			{ sims: devices, fee: money(v.terminationFeePerSim) },
			say
		),
		reason: (terms.perSimFee
			? m.textde_cost_termination_counted
			: exitTermsOpen(rules, answers)
				? m.textde_cost_termination_open
				: m.textde_cost_termination_none)({}, say)
	};

	const lines = [simSwap, otaSwitch, double, platform, contract, termination];
	const total = lines.reduce((sum, line) => sum + line.amount, 0);
	const low = amounts(
		boundValues(rules, assumptions, overrides, currency, 'min'),
		plan,
		visits ?? 'routine'
	);
	const high = amounts(
		boundValues(rules, assumptions, overrides, currency, 'max'),
		plan,
		visits ?? 'dedicated'
	);
	const sum = (a: ReturnType<typeof amounts>) => Object.values(a).reduce((s, x) => s + x.amount, 0);
	const lockIn = lockInPart(now, v, plan, rules);
	// The contract and notice lines are rated on what the answers say, blank questions left out.
	const answered = lines.filter(
		(line) => !line.assumed || line.id === 'contract_exit' || line.id === 'double_fees'
	);
	return {
		currency,
		total,
		lines,
		assumptions,
		rated: {
			total: answered.reduce((s, line) => s + lockIn[line.id].amount, 0),
			perDevice: n > 0 ? answered.reduce((s, line) => s + lockIn[line.id].variable, 0) / n : 0
		},
		estimate: {
			total: significant(total),
			low: significant(sum(low)),
			high: significant(sum(high)),
			perDevice: significant(total / n),
			perDeviceLow: significant(sum(low) / n),
			perDeviceHigh: significant(sum(high) / n)
		},
		conversion: conversionUsed(rules, currency)
	};
}

function conversionUsed(rules: Rules, currency: Currency): SwitchingCost['conversion'] {
	const { costs } = rules;
	if (currency === costs.currency) return null;
	const { asOf, confidence, basis, sources } = costs.conversions;
	return {
		from: costs.currency,
		rate: rateFor(costs, currency),
		asOf,
		confidence,
		basis: basis.trim(),
		sources
	};
}

/**
 * What the cost bands read: the part of leaving the offer adds. Any switch, even from the most open
 * offer, pays profile fees, visits to the devices an over-the-air campaign misses and the shortest
 * notice; a large fleet must not rate as locked in for those alone.
 */
function lockInPart(now: ReturnType<typeof amounts>, v: Values, plan: Plan, rules: Rules) {
	const months = plan.monthsOwedAnswered ?? v.remainingCommitmentMonths;
	const perDevice = v.monthlyFeePerDevice;
	const billedTwice = (days: number) => Math.max(0, days / DAYS_PER_MONTH - months);
	const avoidable =
		plan.devices *
		perDevice *
		Math.max(
			0,
			billedTwice(plan.overlapDaysAnswered) - billedTwice(shortestNoticeDays(rules.costs))
		);
	const owed = plan.devices * perDevice * months;
	return {
		...now,
		ota_switch: { amount: !plan.physical && plan.eimMove ? round(v.eimMoveFixed) : 0, variable: 0 },
		double_fees: { amount: round(avoidable), variable: avoidable },
		contract_exit: { amount: round(owed), variable: owed }
	};
}

/** Months owed for a table value: 0 without a commitment, null where the commitment figure (or the user's months) applies. */
function owedMonths(value: MonthsOwed, overridden: boolean): number | null {
	if (value === 0) return 0;
	return overridden || value === 'commitment' ? null : value;
}

/** The shortest notice any answer gives: what the recommended, flexible contract bills through in a switch. */
export function shortestNoticeDays(costs: Rules['costs']): number {
	const all = Object.values(costs.commitments.noticeDays).flatMap((o) => Object.values(o));
	return all.length > 0 ? Math.min(...all) : 0;
}

function followAnswer(
	a: CostAssumption,
	fromAnswer: number,
	overrides: CostOverrides
): CostAssumption {
	const override = overrides[a.key];
	return {
		...a,
		value: override ?? fromAnswer,
		defaultValue: fromAnswer,
		overridden: override !== undefined && override !== fromAnswer
	};
}

function visitFormula(
	v: Values,
	visits: SiteVisits,
	money: (x: number) => string,
	locale: RuleLocale
): string {
	const sim = money(v.replacementSimPerDevice);
	return visits === 'routine'
		? m.textde_cost_visit_routine({ visit: money(v.routineVisitPerDevice), sim }, { locale })
		: m.textde_cost_visit_dedicated(
				{
					visit: money(v.fieldVisitPerDevice),
					factor: v.revisitFactor.toLocaleString(INTL[locale]),
					sim
				},
				{ locale }
			);
}

function visitReason(visits: SiteVisits | undefined, locale: RuleLocale): string {
	const reason =
		visits === 'routine'
			? m.textde_cost_visits_routine
			: visits === 'dedicated'
				? m.textde_cost_visits_dedicated
				: m.textde_cost_visits_unknown;
	return reason({}, { locale });
}

function swapReason(
	otaProven: boolean,
	simsUnanswered: boolean,
	otaUnconfirmed: boolean,
	otaUnanswered: boolean,
	locale: RuleLocale
): string {
	const reason = otaProven
		? simsUnanswered
			? m.textde_cost_swap_sims_open
			: m.textde_cost_swap_sims_returned
		: otaUnconfirmed
			? m.textde_cost_swap_ota_unsure
			: otaUnanswered
				? m.textde_cost_swap_ota_open
				: m.textde_cost_swap_ota_none;
	return reason({}, { locale });
}

/** The exit-terms question is asked but not answered. */
function exitTermsOpen(rules: Rules, answers: Readonly<Record<string, Answer>>): boolean {
	return Object.keys(rules.costs.commitments.terminationFee).some((id) => {
		const question = rules.questionsById.get(id);
		const option = answers[id]?.option;
		return (
			question !== undefined &&
			(option === undefined || !question.options.some((o) => o.id === option))
		);
	});
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
