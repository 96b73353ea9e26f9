import { z } from 'zod';
import type { Rules } from '../rules/load';
import { SIMULATION_KEYS, type SimulationKey } from '../rules/schema';
import { costOverridesInputSchema, type InputSchemas } from '../assessment/schema';

/** Largest fleet the server simulates per request; the browser's worker has no such limit. */
export const API_MAX_DEVICES = 200_000;
/** Largest fleet the browser is offered, bounded by memory-free design but not by patience. */
export const BROWSER_MAX_DEVICES = 1_000_000;

export function createScenarioSchema(rules: Rules) {
	const country = z.string().refine((code) => rules.countryNames.has(code), 'Unknown country');
	const day = z
		.number()
		.int()
		.min(0)
		.max(40 * 365);
	return z.strictObject({
		outages: z
			.array(z.strictObject({ country, startDay: day, days: z.number().positive().max(365) }))
			.max(50)
			.default([]),
		roamingEnforcements: z.array(z.strictObject({ country, day })).max(250).default([]),
		switchYear: z.number().int().min(1).max(40).nullable().default(null)
	});
}

/** Simulation parameters within the ranges rules/simulation.yaml gives for each. */
export function createParamsSchema(rules: Rules) {
	const shape = Object.fromEntries(
		SIMULATION_KEYS.map((key) => {
			const { label, min, max } = rules.simulation.defaults[key];
			return [
				key,
				z
					.number({ error: `${label} must be a number` })
					.finite()
					.min(min, `${label} must be at least ${min}`)
					.max(max, `${label} must be at most ${max}`)
					.optional()
			];
		})
	);
	return z.strictObject(shape) as unknown as z.ZodType<Partial<Record<SimulationKey, number>>>;
}

/** Device-years the server simulates per request: 200,000 devices over 10 years, about a second. */
export const API_MAX_DEVICE_YEARS = 2_000_000;

export function createSimulateBodySchema(rules: Rules, inputSchemas: InputSchemas) {
	return z
		.strictObject({
			seed: z.number().int().min(0).max(0xffffffff),
			assessmentId: z.string().min(1).max(64).optional(),
			fleet: inputSchemas.fleetSchema.optional(),
			scenario: createScenarioSchema(rules).optional(),
			params: createParamsSchema(rules).optional(),
			/**
			 * Cost figures for this run (the switch's profile fees, notice days, visits...), in the
			 * assessment's currency; for an assessment they go on top of its own overrides.
			 */
			costs: costOverridesInputSchema.optional(),
			resolution: z.enum(['day', 'week', 'month']).default('day')
		})
		.superRefine((body, ctx) => {
			if (body.assessmentId !== undefined && body.fleet !== undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['fleet'],
					message: 'Send either assessmentId or fleet, not both'
				});
			}
			if (body.assessmentId === undefined && body.fleet === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['fleet'],
					message: 'Send a fleet, or the assessmentId of an assessment to take it from'
				});
			}
			if (body.fleet && body.fleet.devices > API_MAX_DEVICES) {
				ctx.addIssue({
					code: 'custom',
					path: ['fleet', 'devices'],
					message: `The API simulates at most ${API_MAX_DEVICES.toLocaleString('en')} devices; use the fleet page for larger fleets`
				});
			}
			if (body.fleet && body.fleet.devices * body.fleet.lifetimeYears > API_MAX_DEVICE_YEARS) {
				ctx.addIssue({
					code: 'custom',
					path: ['fleet', 'lifetimeYears'],
					message: `The API simulates at most ${API_MAX_DEVICE_YEARS.toLocaleString('en')} device-years (devices x lifetime); use the fleet page for larger runs`
				});
			}
			if (
				body.fleet &&
				body.scenario?.switchYear &&
				body.scenario.switchYear > body.fleet.lifetimeYears
			) {
				ctx.addIssue({
					code: 'custom',
					path: ['scenario', 'switchYear'],
					message: 'The switch must fall within the fleet lifetime'
				});
			}
		});
}

export type SimulateBody = z.infer<ReturnType<typeof createSimulateBodySchema>>;
