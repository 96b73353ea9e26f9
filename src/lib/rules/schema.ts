import { z } from 'zod';

/** Stable identifiers: lower snake case, so they read well in URLs, JSON and YAML alike. */
const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case');

export const AREA_IDS = ['network', 'sim', 'data', 'platform', 'contract', 'security'] as const;
export const areaIdSchema = z.enum(AREA_IDS);
export type AreaId = z.infer<typeof areaIdSchema>;

/**
 * What an answer proves the offer can do. Roaming mitigation, the recommended-architecture
 * comparison and the switching-cost model read these instead of hard-coding question ids.
 */
export const CAPABILITIES = [
	'multi_carrier',
	'automatic_failover',
	'multi_imsi',
	'euicc',
	'ota_profile_switch',
	'local_profiles',
	'customer_controlled_eim',
	'pooled_data',
	'no_hard_cap',
	'open_api',
	'realtime_data',
	'full_export',
	'rbac',
	'portable_automation',
	'no_volume_minimums',
	'no_country_contracts',
	'pause_unpause',
	'no_lockin_period',
	'clean_exit',
	'private_apn',
	'zero_trust',
	'no_device_client'
] as const;
export const capabilitySchema = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof capabilitySchema>;

export const confidenceSchema = z.enum(['high', 'medium', 'low', 'unverified']);
export type Confidence = z.infer<typeof confidenceSchema>;

const riskSchema = z.number().min(0).max(1);

export const NOT_SURE = 'not_sure';

export const optionSchema = z.strictObject({
	id: idSchema.refine((id) => id !== NOT_SURE, `"${NOT_SURE}" is added to every question`),
	label: z.string().min(1),
	/** 0 keeps the buyer flexible, 1 locks them in. */
	risk: riskSchema,
	provides: z.array(capabilitySchema).default([])
});

export const questionSchema = z.strictObject({
	id: idSchema,
	text: z.string().min(1),
	/** Plain-language reason the question matters, shown as help next to it. */
	why: z.string().min(1),
	weight: z.number().positive().max(10),
	options: z.array(optionSchema).min(2).max(6),
	/** Shown when the answer is risky (or "not sure"). */
	recommendation: z.string().min(1),
	/** What to put to the vendor when the buyer does not know. */
	askVendor: z.string().min(1),
	/** Where the question comes from: DOMAIN.md checklist rows, lock-in signs, sources. */
	basis: z.array(z.string().min(1)).min(1)
});

export const areaSchema = z.strictObject({
	id: areaIdSchema,
	title: z.string().min(1),
	summary: z.string().min(1),
	locksIn: z.string().min(1),
	keepsFlexible: z.string().min(1),
	weight: z.number().positive().max(10),
	questions: z.array(questionSchema).min(4).max(8)
});

export const ratingSchema = z.enum(['low', 'moderate', 'high', 'critical']);
export type Rating = z.infer<typeof ratingSchema>;

export const architectureElementSchema = z.strictObject({
	id: idSchema,
	title: z.string().min(1),
	description: z.string().min(1),
	/** All required capabilities present: met; some: partly met. */
	requires: z.array(capabilitySchema).min(1),
	/** Alternatives: at least one of these must be present too (e.g. private APN or Zero Trust). */
	requiresAny: z.array(capabilitySchema).min(2).optional()
});

export const lockInSignSchema = z.strictObject({
	id: idSchema,
	text: z.string().min(1),
	/** The sign is present when any of these questions is answered at or above the risk threshold. */
	questions: z.array(idSchema).min(1)
});

export const rulesetSchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use semantic versioning, e.g. 1.0.0'),
	published: z.iso.date(),
	notSure: z.strictObject({
		label: z.string().min(1),
		risk: riskSchema
	}),
	/** Lower bounds of each rating on the 0-100 score. */
	ratingThresholds: z.strictObject({
		moderate: z.number().min(0).max(100),
		high: z.number().min(0).max(100),
		critical: z.number().min(0).max(100)
	}),
	/** An answer at or above this risk becomes a finding. */
	findingRiskThreshold: riskSchema,
	/** A finding at or above this risk is ranked high rather than medium. */
	highRiskThreshold: riskSchema,
	areas: z.array(areaSchema).length(AREA_IDS.length),
	lockInSigns: z.array(lockInSignSchema).length(5),
	architecture: z.array(architectureElementSchema).length(5)
});

export const RESTRICTION_KINDS = [
	'banned',
	'time_limited',
	'local_profile_required',
	'approval_required',
	'carrier_specific',
	'registration_only',
	'none_known'
] as const;
export const restrictionKindSchema = z.enum(RESTRICTION_KINDS);
export type RestrictionKind = z.infer<typeof restrictionKindSchema>;

const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case');

export const countryRuleSchema = z.strictObject({
	code: countryCodeSchema,
	name: z.string().min(1),
	kind: restrictionKindSchema,
	/** When the restriction bites, in days after a foreign SIM starts roaming there. */
	afterDays: z.number().int().positive().optional(),
	summary: z.string().min(1),
	/** What happens to a device on a foreign (roaming) SIM. */
	foreignSimImpact: z.string().min(1),
	enforcedBy: z.string().min(1).optional(),
	confidence: confidenceSchema,
	sources: z.array(z.url()).min(1),
	reviewed: z.iso.date()
});

export const countriesFileSchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/),
	/** Every country a user can pick; those without a rule get an honest "none known". */
	all: z.array(z.strictObject({ code: countryCodeSchema, name: z.string().min(1) })).min(200),
	noKnownRestriction: z.strictObject({
		summary: z.string().min(1),
		foreignSimImpact: z.string().min(1),
		reviewed: z.iso.date()
	}),
	rules: z.array(countryRuleSchema).min(14)
});

export const costDefaultSchema = z.strictObject({
	label: z.string().min(1),
	value: z.number().nonnegative(),
	unit: z.string().min(1),
	min: z.number().nonnegative(),
	max: z.number().nonnegative(),
	basis: z.string().min(1),
	confidence: confidenceSchema,
	sources: z.array(z.url())
});

export const COST_KEYS = [
	'fieldVisitPerDevice',
	'revisitFactor',
	'replacementSimPerDevice',
	'platformMigrationFixed',
	'integrationRebuildPerDevice',
	'monthlyFeePerDevice',
	'remainingCommitmentMonths'
] as const;
export const costKeySchema = z.enum(COST_KEYS);
export type CostKey = z.infer<typeof costKeySchema>;

/** One sourced default per key, no key missing and none extra. */
function defaultsSchema<K extends string>(keys: readonly K[]) {
	return z.strictObject(
		Object.fromEntries(keys.map((key) => [key, costDefaultSchema])) as Record<K, typeof costDefaultSchema>
	);
}

export const costsFileSchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/),
	currency: z.string().regex(/^[A-Z]{3}$/),
	/** Which area's score scales each exit cost. */
	exitFactorAreas: z.strictObject({ platform: areaIdSchema, contract: areaIdSchema }),
	defaults: defaultsSchema(COST_KEYS)
});

export const SIMULATION_KEYS = [
	'outageRatePerCarrierPerYear',
	'outageMeanHours',
	'failoverMinutes',
	'detectionHoursRealtime',
	'detectionHoursDelayed',
	'responseHours',
	'fieldVisitsPerDay',
	'otaDevicesPerDay',
	'otaOfflineMinutes',
	'switchOverlapDays',
	'allowanceFactor',
	'usageSpread',
	'overagePerMb'
] as const;
export const simulationKeySchema = z.enum(SIMULATION_KEYS);
export type SimulationKey = z.infer<typeof simulationKeySchema>;

export const simulationFileSchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/),
	defaults: defaultsSchema(SIMULATION_KEYS)
});
export type SimulationFile = z.infer<typeof simulationFileSchema>;

export type Option = z.infer<typeof optionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Ruleset = z.infer<typeof rulesetSchema>;
export type CountryRule = z.infer<typeof countryRuleSchema>;
export type CountriesFile = z.infer<typeof countriesFileSchema>;
export type CostDefault = z.infer<typeof costDefaultSchema>;
export type CostsFile = z.infer<typeof costsFileSchema>;
export type LockInSign = z.infer<typeof lockInSignSchema>;
export type ArchitectureElement = z.infer<typeof architectureElementSchema>;
