/**
 * Builds and checks simulation input in the browser, where the rules are not loaded: the server
 * hands over the few figures needed (country table, defaults, limits) and these pure functions do
 * the rest, mirroring inputFromFleet and the fleet schema so the page and the API agree.
 */
import { parseNumberInput } from '../assessment/number-input';
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import { deviceFieldName, fleetBodyFromForm, type FormLike } from '../assessment/form';
import type { Fleet } from '../assessment/schema';
import type { CostKey, SimulationKey } from '../rules/schema';
import {
	baselineInput,
	EMPTY_SCENARIO,
	type CountryRow,
	type FleetInputParts
} from './fleet-input';
import type { AssumptionMeta, SimulationMeta } from './assumptions';
import type {
	Architecture,
	CostValues,
	Scenario,
	SimulationInput,
	SimulationParams
} from './types';

export type CountryDefault = CountryRow;

export interface FleetLimits {
	maxDevices: number;
	maxLifetimeYears: number;
	maxMonthlyMb: number;
}

/** What the standalone fleet page needs from the server to build an input without the rules. */
export interface TypedFleetDefaults extends FleetInputParts {
	countries: CountryDefault[];
	limits: FleetLimits;
}

/** Messages keyed like the server's form errors ("fleet.devices", "params.usageSpread"). */
export type FieldErrors = Record<string, string>;

export { EMPTY_SCENARIO };

/** As toLocaleString does by default: up to three decimals. */
const fmt = (n: number, locale: Locale) => formatNumber(n, locale, 3);

/** Numbers read exactly as the server reads form fields. */
export const parseNumber = parseNumberInput;

/** Days the engine simulates for a lifetime (it rounds the same way). */
export const simulatedDays = (lifetimeYears: number) =>
	Math.max(1, Math.round(lifetimeYears * 365));

/** The years a provider switch can start in: 1 up to the last whole year of the lifetime. */
export const switchYears = (lifetimeYears: number) =>
	Array.from({ length: Math.max(0, Math.floor(lifetimeYears)) }, (_, i) => i + 1);

/** The problem with a count of devices, for the whole fleet or for one country. */
function wholeNumber(
	value: number | undefined,
	of: 'fleet' | 'country',
	missing: string,
	locale: Locale
): string | null {
	const options = { locale };
	if (value === undefined) return missing;
	if (Number.isNaN(value))
		return of === 'fleet'
			? m.fleetde_in_devices_not_number({}, options)
			: m.fleetde_in_country_devices_not_number({}, options);
	if (!Number.isInteger(value))
		return of === 'fleet'
			? m.fleetde_in_devices_whole({}, options)
			: m.fleetde_in_country_devices_whole({}, options);
	return null;
}

/**
 * Reads the standalone fleet form (the same fields as the assessment's fleet step) with the
 * messages the server's fleet schema gives, plus the browser's device limit.
 */
export function parseTypedFleet(
	form: FormLike,
	defaults: Pick<TypedFleetDefaults, 'countries' | 'limits'>,
	locale: Locale
): { fleet: Fleet; errors: null } | { fleet: null; errors: FieldErrors } {
	const options = { locale };
	const body = fleetBodyFromForm(form).fleet;
	const { limits } = defaults;
	const known = new Set(defaults.countries.map((c) => c.code));
	const errors: FieldErrors = {};

	const devices = body.devices;
	const deviceProblem =
		wholeNumber(devices, 'fleet', m.fleetde_in_enter_devices({}, options), locale) ??
		(devices! < 1 ? m.fleetde_in_one_device({}, options) : null) ??
		(devices! > limits.maxDevices
			? m.fleetde_in_browser_max({ max: fmt(limits.maxDevices, locale) }, options)
			: null);
	if (deviceProblem) errors['fleet.devices'] = deviceProblem;

	if (body.countries.length === 0)
		errors['fleet.countries'] = m.fleetde_in_pick_country({}, options);
	const unknown = body.countries.find((code) => !known.has(code));
	if (unknown) errors['fleet.countries'] = m.fleetde_in_unknown_country({ code: unknown }, options);

	let assigned = 0;
	for (const [code, count] of Object.entries(body.devicesByCountry ?? {})) {
		const problem =
			wholeNumber(count, 'country', '', locale) ??
			(count < 0 ? m.fleetde_in_not_negative({}, options) : null);
		if (problem) errors[`fleet.devicesByCountry.${code}`] = problem;
		else assigned += count;
	}
	const everyCountryCounted = body.countries.every(
		(code) => body.devicesByCountry?.[code] !== undefined
	);
	if (!deviceProblem && assigned > devices!) {
		errors['fleet.devicesByCountry'] = m.fleetde_in_devices_over(
			{ assigned: fmt(assigned, locale), devices: fmt(devices!, locale) },
			options
		);
	} else if (
		!deviceProblem &&
		everyCountryCounted &&
		body.countries.length > 0 &&
		assigned < devices!
	) {
		errors['fleet.devicesByCountry'] = m.fleetde_in_devices_under(
			{ assigned: fmt(assigned, locale), devices: fmt(devices!, locale) },
			options
		);
	}

	const lifetime = body.lifetimeYears;
	if (lifetime === undefined)
		errors['fleet.lifetimeYears'] = m.fleetde_in_enter_lifetime({}, options);
	else if (Number.isNaN(lifetime))
		errors['fleet.lifetimeYears'] = m.fleetde_in_lifetime_not_number({}, options);
	else if (lifetime <= 0)
		errors['fleet.lifetimeYears'] = m.fleetde_in_lifetime_above_zero({}, options);
	else if (lifetime > limits.maxLifetimeYears) {
		errors['fleet.lifetimeYears'] = m.fleetde_in_lifetime_max(
			{ max: fmt(limits.maxLifetimeYears, locale) },
			options
		);
	}

	const mb = body.monthlyMbPerDevice;
	if (mb !== undefined) {
		if (Number.isNaN(mb))
			errors['fleet.monthlyMbPerDevice'] = m.fleetde_in_mb_not_number({}, options);
		else if (mb < 0) errors['fleet.monthlyMbPerDevice'] = m.fleetde_in_mb_negative({}, options);
		else if (mb > limits.maxMonthlyMb) {
			errors['fleet.monthlyMbPerDevice'] = m.fleetde_in_mb_max(
				{ max: fmt(limits.maxMonthlyMb, locale) },
				options
			);
		}
	}

	if (Object.keys(errors).length > 0) return { fleet: null, errors };
	return {
		fleet: {
			devices: devices!,
			countries: body.countries,
			...(body.devicesByCountry ? { devicesByCountry: body.devicesByCountry } : {}),
			lifetimeYears: lifetime!,
			...(mb !== undefined ? { monthlyMbPerDevice: mb } : {})
		},
		errors: null
	};
}

/** The fleet as URL parameters, in the form's own field names, so a typed fleet can be bookmarked. */
export function fleetSearchParams(fleet: Fleet): URLSearchParams {
	const params = new URLSearchParams();
	params.set('devices', String(fleet.devices));
	for (const code of fleet.countries) params.append('countries', code);
	for (const [code, count] of Object.entries(fleet.devicesByCountry ?? {})) {
		params.set(deviceFieldName(code), String(count));
	}
	params.set('lifetimeYears', String(fleet.lifetimeYears));
	if (fleet.monthlyMbPerDevice !== undefined)
		params.set('monthlyMbPerDevice', String(fleet.monthlyMbPerDevice));
	return params;
}

/**
 * A typed-in fleet with no assessment: the recommendation against the single-carrier baseline,
 * built exactly as the server's inputFromFleet builds it.
 */
/** The same input the server builds for a typed-in fleet (inputFromFleet), from the page's table. */
export function inputFromTypedFleet(
	defaults: TypedFleetDefaults,
	fleet: Fleet,
	options: { seed: number; scenario?: Scenario }
): SimulationInput {
	return baselineInput(defaults, fleet, options);
}

/** What the scenario and assumption controls hold: text as typed, events as added. */
export interface ControlValues {
	seed: string;
	/** A year of the lifetime, or '' for no switch. */
	switchYear: string;
	params: Record<SimulationKey, string>;
	costs: Record<CostKey, string>;
	outages: Scenario['outages'];
	roamingEnforcements: Scenario['roamingEnforcements'];
}

export function initialControls(base: SimulationInput): ControlValues {
	const text = <K extends string>(values: Record<K, number>) =>
		Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) as Record<K, string>;
	return {
		seed: String(base.seed),
		switchYear: base.scenario.switchYear === null ? '' : String(base.scenario.switchYear),
		params: text(base.params),
		costs: text(base.costs),
		outages: base.scenario.outages.map((o) => ({ ...o })),
		roamingEnforcements: base.scenario.roamingEnforcements.map((e) => ({ ...e }))
	};
}

export const MAX_SEED = 0xffffffff;

function inRange(
	raw: string,
	meta: Pick<AssumptionMeta, 'lower' | 'upper'>,
	locale: Locale
): { value?: number; error?: string } {
	const options = { locale };
	const value = parseNumber(raw);
	if (value === undefined) return { error: m.fleetde_in_enter_value({}, options) };
	if (!Number.isFinite(value)) return { error: m.fleetde_in_enter_number({}, options) };
	if (value < meta.lower || value > meta.upper) {
		return {
			error: m.fleetde_in_value_range(
				{ lower: fmt(meta.lower, locale), upper: fmt(meta.upper, locale) },
				options
			)
		};
	}
	return { value };
}

/**
 * The exit fee grows with the monthly fee and the months left on the commitment (costs.ts):
 * when the user edits those, every architecture's fee scales with them.
 */
function rescaleExitFee(
	architecture: Architecture,
	before: CostValues,
	after: CostValues
): Architecture {
	const was = before.monthlyFeePerDevice * before.remainingCommitmentMonths;
	const now = after.monthlyFeePerDevice * after.remainingCommitmentMonths;
	if (was === now || was <= 0) return architecture;
	return { ...architecture, exitFee: (architecture.exitFee * now) / was };
}

/** Applies the controls to the page's base input, or says which fields to fix. */
export function readControls(
	base: SimulationInput,
	values: ControlValues,
	meta: SimulationMeta,
	locale: Locale
): { input: SimulationInput; errors: null } | { input: null; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const seed = parseNumber(values.seed);
	if (seed === undefined) errors.seed = m.fleetde_in_enter_seed({}, { locale });
	else if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
		errors.seed = m.fleetde_in_seed_range({ max: fmt(MAX_SEED, locale) }, { locale });
	}

	const params: SimulationParams = { ...base.params };
	for (const figure of meta.simulation) {
		const read = inRange(values.params[figure.key] ?? '', figure, locale);
		if (read.error) errors[`params.${figure.key}`] = read.error;
		else params[figure.key] = read.value!;
	}
	const costs: CostValues = { ...base.costs };
	for (const figure of meta.costs) {
		const read = inRange(values.costs[figure.key] ?? '', figure, locale);
		if (read.error) errors[`costs.${figure.key}`] = read.error;
		else costs[figure.key] = read.value!;
	}

	const year = parseNumber(values.switchYear);
	const switchYear =
		year !== undefined && switchYears(base.fleet.lifetimeYears).includes(year) ? year : null;

	if (Object.keys(errors).length > 0) return { input: null, errors };
	return {
		input: {
			...base,
			seed: seed!,
			params,
			costs,
			architectures: {
				assessed: rescaleExitFee(base.architectures.assessed, base.costs, costs),
				recommended: rescaleExitFee(base.architectures.recommended, base.costs, costs)
			},
			scenario: {
				outages: values.outages.map((o) => ({ ...o })),
				roamingEnforcements: values.roamingEnforcements.map((e) => ({ ...e })),
				switchYear
			}
		},
		errors: null
	};
}

/** A day of the lifetime as typed: the first day of an outage, or the day a restriction starts. */
function dayOf(
	raw: string,
	days: number,
	which: 'first' | 'day',
	locale: Locale
): { day?: number; error?: string } {
	const options = { locale };
	const first = which === 'first';
	const day = parseNumber(raw);
	if (day === undefined)
		return {
			error: first ? m.fleetde_in_enter_first_day({}, options) : m.fleetde_in_enter_day({}, options)
		};
	if (!Number.isInteger(day))
		return {
			error: first ? m.fleetde_in_first_day_whole({}, options) : m.fleetde_in_day_whole({}, options)
		};
	if (day < 1 || day > days) {
		const last = fmt(days, locale);
		return {
			error: first
				? m.fleetde_in_first_day_range({ last }, options)
				: m.fleetde_in_day_range({ last }, options)
		};
	}
	return { day };
}

/** The longest scripted outage the API accepts, in days. */
export const MAX_OUTAGE_DAYS = 365;

/**
 * An outage as the user types it (day 1 is the deployment day) turned into the engine's
 * zero-based days.
 */
export function readOutage(
	draft: { country: string; startDay: string; days: string },
	input: SimulationInput,
	locale: Locale
): { outage: Scenario['outages'][number]; errors: null } | { outage: null; errors: FieldErrors } {
	const options = { locale };
	const errors: FieldErrors = {};
	const days = simulatedDays(input.fleet.lifetimeYears);
	if (!input.fleet.countries.some((c) => c.code === draft.country))
		errors.country = m.fleetde_in_fleet_country({}, options);
	const start = dayOf(draft.startDay, days, 'first', locale);
	if (start.error) errors.startDay = start.error;
	const length = parseNumber(draft.days);
	if (length === undefined) errors.days = m.fleetde_in_outage_days({}, options);
	else if (!Number.isFinite(length) || length <= 0 || length > MAX_OUTAGE_DAYS) {
		errors.days = m.fleetde_in_outage_range({ max: fmt(MAX_OUTAGE_DAYS, locale) }, options);
	}
	if (Object.keys(errors).length > 0) return { outage: null, errors };
	return {
		outage: { country: draft.country, startDay: start.day! - 1, days: length! },
		errors: null
	};
}

/** A roaming restriction enforced from a chosen day (1 = deployment day). */
export function readEnforcement(
	draft: { country: string; day: string },
	input: SimulationInput,
	locale: Locale
):
	| { enforcement: Scenario['roamingEnforcements'][number]; errors: null }
	| { enforcement: null; errors: FieldErrors } {
	const errors: FieldErrors = {};
	if (!input.fleet.countries.some((c) => c.code === draft.country))
		errors.country = m.fleetde_in_fleet_country({}, { locale });
	const day = dayOf(draft.day, simulatedDays(input.fleet.lifetimeYears), 'day', locale);
	if (day.error) errors.day = day.error;
	if (Object.keys(errors).length > 0) return { enforcement: null, errors };
	return { enforcement: { country: draft.country, day: day.day! - 1 }, errors: null };
}
