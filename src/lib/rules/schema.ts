import { z } from 'zod';

/** Stable identifiers: lower snake case, so they read well in URLs, JSON and YAML alike. */
const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case');
/** Answer options may start with a digit too ("13_to_36_months"): they are values, never names. */
const optionIdSchema = z
	.string()
	.regex(/^[a-z0-9][a-z0-9_]*$/, 'use lower_snake_case (a leading digit is allowed)');

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
	/** An eUICC holding profiles from more than one operator or provider (e.g. SGP.32), from ruleset 2.1.0. */
	'multi_operator_profiles',
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
	'keep_sims',
	'private_apn',
	/** A private network on the buyer's own IP ranges, tunnelled to its own cloud (ruleset 2.1.0). */
	'portable_private_network',
	/** Network setup that a change of provider does not make the buyer re-engineer (ruleset 2.1.0). */
	'portable_network_setup',
	'zero_trust',
	'no_device_client'
] as const;
export const capabilitySchema = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof capabilitySchema>;

export const confidenceSchema = z.enum(['high', 'medium', 'low', 'unverified']);
export type Confidence = z.infer<typeof confidenceSchema>;

const riskSchema = z.number().min(0).max(1);

import { CURRENCIES, NOT_SURE } from './constants';

export { NOT_SURE };

export const optionSchema = z.strictObject({
	id: optionIdSchema.refine((id) => id !== NOT_SURE, `"${NOT_SURE}" is added to every question`),
	label: z.string().min(1),
	/** 0 keeps the buyer flexible, 1 locks them in. */
	risk: riskSchema,
	provides: z.array(capabilitySchema).default([]),
	/**
	 * What this answer means, stated as a finding ("Changing provider needs a site visit for each of
	 * {devices} devices."). Required from format 2 on for every answer that becomes a finding.
	 */
	finding: z.string().min(1).optional(),
	/** Advice for this answer where the question's general recommendation would not fit it. */
	recommendation: z.string().min(1).optional()
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
	basis: z.array(z.string().min(1)).min(1),
	/** The finding when the buyer answers "not sure" (format 2). */
	unknown: z.string().min(1).optional()
});

export const areaSchema = z.strictObject({
	id: areaIdSchema,
	title: z.string().min(1),
	summary: z.string().min(1),
	locksIn: z.string().min(1),
	keepsFlexible: z.string().min(1),
	weight: z.number().positive().max(10),
	/** Up to 12 from ruleset 2.1.0 (the contract area has 10); earlier rulesets had at most 8. */
	questions: z.array(questionSchema).min(4).max(12)
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
	/** A neutral name ("Closed management platform"); the evidence comes from the answers. */
	title: z.string().min(1).optional(),
	text: z.string().min(1),
	/** The sign is present when any of these questions is answered at or above the risk threshold. */
	questions: z.array(idSchema).min(1)
});

const questionRefSchema = z.strictObject({
	question: idSchema,
	/** Any of these answers. */
	options: z.array(optionIdSchema).min(1)
});

/** Every per-country local-profile question at once (`local_profile_br`, `local_profile_tr`, …). */
export const EVERY_LOCAL_PROFILE = 'local_profile_*';

/** When a floor applies: every condition given must hold. */
export const floorConditionSchema = z
	.strictObject({
		/** Each question answered with one of its listed options. */
		answers: z.record(idSchema, z.array(optionIdSchema).min(1)).optional(),
		/** At least one question answered with one of its listed options. */
		anyAnswers: z.record(idSchema, z.array(optionIdSchema).min(1)).optional(),
		/** Any of the five lock-in signs has this status; the floor applies once per such sign. */
		lockInSign: z.enum(['present', 'partly']).optional(),
		/** The fleet has at least this many devices. */
		devicesAtLeast: z.number().int().positive().optional()
	})
	.refine(
		(when) =>
			when.answers !== undefined || when.anyAnswers !== undefined || when.lockInSign !== undefined,
		{ message: 'a floor needs answers, anyAnswers or a lockInSign to apply to' }
	);

/** A minimum rating that answers force, whatever the weighted average says. */
export const floorSchema = z.strictObject({
	id: idSchema,
	when: floorConditionSchema,
	rating: ratingSchema,
	/** Plain words, shown wherever the rating is; placeholders: {devices}, {sign}, {answer}. */
	reason: z.string().min(1),
	confidence: confidenceSchema
});
export type Floor = z.infer<typeof floorSchema>;

const costBandSchema = z.strictObject({ atLeast: z.number().positive(), rating: ratingSchema });

/** The cost to leave feeds the rating: the higher band reached, total or per device, applies. */
export const costBandsSchema = z.strictObject({
	total: z.array(costBandSchema),
	/** Per device, only the costs that grow with each device, so a bigger fleet never rates lower. */
	perDevice: z.array(costBandSchema),
	/** Placeholders: {total}, {perDevice}, {currency}. */
	reasonTotal: z.string().min(1),
	reasonPerDevice: z.string().min(1),
	/** In the currency of the cost defaults. */
	basis: z.string().min(1),
	confidence: confidenceSchema
});
export type CostBands = z.infer<typeof costBandsSchema>;

const ratingByConfidenceSchema = z.strictObject({
	high: ratingSchema,
	medium: ratingSchema,
	low: ratingSchema,
	unverified: ratingSchema
});

/** What a country rule forces when the offer relies on roaming there. */
export const roamingFloorsSchema = z.strictObject({
	/** Blocking kinds (banned, time-limited, local profile required). */
	blocking: z.strictObject({ rating: ratingSchema, reason: z.string().min(1) }),
	/** Approval or carrier terms: the rating goes up by this many bands. */
	conditional: z.strictObject({
		raiseBands: z.number().int().min(1).max(3),
		reason: z.string().min(1)
	}),
	/** A conditional rule that bars the offer's way of working (e.g. above a carrier's device count). */
	barred: z.strictObject({ rating: ratingSchema, reason: z.string().min(1) }),
	/** Blocks that come and go: service drops for hours, no device is lost for good. */
	intermittent: z
		.strictObject({ raiseBands: z.number().int().min(1).max(3), reason: z.string().min(1) })
		.optional(),
	/** The most a rule of each confidence may force: weak evidence never makes an offer critical. */
	maxRatingByConfidence: ratingByConfidenceSchema
});
export type RoamingFloors = z.infer<typeof roamingFloorsSchema>;

/** Two answers that cannot both be true: the stronger claim counts as unproven ("not sure"). */
export const conflictSchema = z.strictObject({
	id: idSchema,
	/** The claim that is doubted and scored as "not sure" (`local_profile_*`: each country's). */
	claim: questionRefSchema.extend({ question: z.union([idSchema, z.literal('local_profile_*')]) }),
	/** The answer that contradicts it. */
	contradictedBy: questionRefSchema,
	message: z.string().min(1)
});
export type Conflict = z.infer<typeof conflictSchema>;

export const LOCAL_PROFILE_OPTIONS = ['available', 'on_request', 'none'] as const;
export type LocalProfileOption = (typeof LOCAL_PROFILE_OPTIONS)[number];

const localProfileOptionSchema = z.strictObject({
	label: z.string().min(1),
	finding: z.string().min(1).optional()
});

/**
 * One question per deployment country whose rule restricts roaming: does the offer have a local
 * profile there? Texts take {country}.
 */
export const localProfilesSchema = z.strictObject({
	area: areaIdSchema,
	text: z.string().min(1),
	why: z.string().min(1),
	recommendation: z.string().min(1),
	askVendor: z.string().min(1),
	unknown: z.string().min(1),
	options: z.strictObject({
		available: localProfileOptionSchema,
		on_request: localProfileOptionSchema,
		none: localProfileOptionSchema
	})
});
export type LocalProfiles = z.infer<typeof localProfilesSchema>;

export const rulesetSchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use semantic versioning, e.g. 1.0.0'),
	published: z.iso.date(),
	/**
	 * 2: floors, cost bands, conflicts, per-country local profiles and findings as data. Rulesets
	 * before 2.0.0 have no format and are scored as they were then (see rules/history/).
	 */
	format: z.literal(2).optional(),
	notSure: z.strictObject({
		label: z.string().min(1),
		risk: riskSchema,
		/** "Not sure" never scores worse than the question's worst answer. */
		capAtWorstOption: z.boolean().default(false)
	}),
	/** Lower bounds of each rating on the 0-100 score. */
	ratingThresholds: z.strictObject({
		moderate: z.number().min(0).max(100),
		high: z.number().min(0).max(100),
		critical: z.number().min(0).max(100)
	}),
	/** An answer at or above this risk becomes a finding. */
	findingRiskThreshold: riskSchema,
	/** A finding at or above this risk is ranked high rather than medium (0.75 before 1.1.0). */
	highRiskThreshold: riskSchema.default(0.75),
	areas: z.array(areaSchema).length(AREA_IDS.length),
	lockInSigns: z.array(lockInSignSchema).length(5),
	architecture: z.array(architectureElementSchema).length(5),
	floors: z.array(floorSchema).optional(),
	costBands: costBandsSchema.optional(),
	roamingFloors: roamingFloorsSchema.optional(),
	conflicts: z.array(conflictSchema).default([]),
	localProfiles: localProfilesSchema.optional()
});

export const RATINGS = ratingSchema.options;

export const RESTRICTION_KINDS = [
	'banned',
	'time_limited',
	'local_profile_required',
	'intermittent',
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
	/** When the restriction bites, in days after a foreign SIM starts roaming there (the low end). */
	afterDays: z.number().int().positive().optional(),
	/** The upper end of a reported window ("7 to 30 days"). */
	afterDaysMax: z.number().int().positive().optional(),
	/** Blocks that come and go (kind `intermittent` only): how long, what, and what starts one. */
	intermittent: z
		.strictObject({
			blockHours: z.number().int().positive(),
			services: z.array(z.enum(['data', 'sms', 'voice'])).min(1),
			triggers: z.array(z.enum(['arrival', 'idle', 'network_change'])).min(1),
			/** Days without traffic after which the block starts again (trigger `idle`). */
			idleDays: z.number().int().positive().optional()
		})
		.optional(),
	/** Confidence in the timing, where it differs from the confidence that the rule exists. */
	timingConfidence: confidenceSchema.optional(),
	/**
	 * Facts that do not change the kind but can defeat the cure or change the question: device
	 * registration that a local profile alone does not satisfy, data localisation, sanctions.
	 */
	caveats: z
		.array(
			z.strictObject({
				kind: z.enum([
					'imei_registration',
					'sim_registration',
					'data_localisation',
					'local_control',
					'local_entity',
					'sanctions',
					'other'
				]),
				text: z.string().min(1),
				confidence: confidenceSchema,
				sources: z.array(z.url()).default([])
			})
		)
		.optional(),
	summary: z.string().min(1),
	/** What happens to a device on a foreign (roaming) SIM. */
	foreignSimImpact: z.string().min(1),
	enforcedBy: z.string().min(1).optional(),
	confidence: confidenceSchema,
	/**
	 * Where a conditional rule rules out a roaming-only offer outright: always, or above a number
	 * of devices in the country (a carrier's threshold). Such exposure rates at least high.
	 */
	barsRoaming: z
		.strictObject({
			devicesOver: z.number().int().nonnegative().optional(),
			reason: z.string().min(1)
		})
		.optional(),
	sources: z.array(z.url()).min(1),
	/** The day the rule was last re-checked against its sources; `checked` says what was read. */
	reviewed: z.iso.date(),
	checked: z.string().min(1).optional()
});
export type CountryCaveat = NonNullable<CountryRule['caveats']>[number];

export const countriesFileSchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/),
	/** Every country a user can pick; those without a rule get an honest "none known". */
	all: z.array(z.strictObject({ code: countryCodeSchema, name: z.string().min(1) })).min(200),
	/** Other names the country search accepts (UK, USA, Holland), by code; checked by the loader. */
	aliases: z.record(countryCodeSchema, z.array(z.string().trim().min(1)).min(1)).default({}),
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
	/** An amount in the file's currency (converted for an assessment in another); `unit` then omits it. */
	money: z.literal(true).optional(),
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
	'remainingCommitmentMonths',
	'routineVisitPerDevice',
	'otaProfileFeePerDevice',
	'eimMoveFixed',
	'otaFailureShare',
	'switchOverlapDays',
	'terminationFeePerSim'
] as const;
export const costKeySchema = z.enum(COST_KEYS);
export type CostKey = z.infer<typeof costKeySchema>;

/** One sourced default per key, no key missing and none extra. */
function defaultsSchema<K extends string>(keys: readonly K[]) {
	return z.strictObject(
		Object.fromEntries(keys.map((key) => [key, costDefaultSchema])) as Record<
			K,
			typeof costDefaultSchema
		>
	);
}

/** The currencies an assessment can be priced in (ISO 4217). */
export { CURRENCIES };
export const currencySchema = z.enum(CURRENCIES, { error: 'Use USD, EUR or GBP' });
export type Currency = z.infer<typeof currencySchema>;

/** Months of fees owed on exit per answer: a number, or "commitment" (the remainingCommitmentMonths figure). */
const monthsOwedSchema = z.union([z.number().int().nonnegative(), z.literal('commitment')]);

export const costsFileSchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/),
	currency: currencySchema,
	/** Units of each other currency per unit of `currency`, on a stated date. */
	conversions: z.strictObject({
		asOf: z.iso.date(),
		rates: z.partialRecord(currencySchema, z.number().positive()),
		basis: z.string().min(1),
		confidence: confidenceSchema,
		sources: z.array(z.url())
	}),
	/** Which area's score scales the platform exit cost. */
	exitFactorAreas: z.strictObject({ platform: areaIdSchema }),
	/** The contract's exit costs, from the commitment answers only. Keyed by question, then option. */
	commitments: z.strictObject({
		basis: z.string().min(1),
		confidence: confidenceSchema,
		monthsOwed: z.record(idSchema, z.record(optionIdSchema, monthsOwedSchema)),
		noticeDays: z.record(idSchema, z.record(optionIdSchema, z.number().int().nonnegative())),
		terminationFee: z.record(idSchema, z.array(optionIdSchema).min(1))
	}),
	defaults: defaultsSchema(COST_KEYS)
});
export type MonthsOwed = z.infer<typeof monthsOwedSchema>;

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
	'allowanceFactor',
	'usageSpread',
	'overagePerMb',
	'localProfileLeadDaysOnRequest',
	'localProfileLeadDaysAvailable',
	'coreOutageRatePerYear',
	'coreOutageMeanHours'
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

export const REGULATION_KINDS = ['right', 'duty'] as const;
export const regulationKindSchema = z.enum(REGULATION_KINDS);
export const REGULATION_SCOPES = ['platform', 'connectivity', 'sim', 'device'] as const;
export const regulationScopeSchema = z.enum(REGULATION_SCOPES);

/** A rule that gives the buyer a switching or exit right, or puts a duty on them that shapes exit. */
export const regulationSchema = z.strictObject({
	id: idSchema,
	title: z.string().min(1),
	/** Display name of where it applies, e.g. "EU/EEA", "India". */
	region: z.string().min(1),
	/** Deployment or buyer countries it reaches (checked against countries.yaml by the loader). */
	countries: z.array(countryCodeSchema).min(1),
	kind: regulationKindSchema,
	appliesTo: z.array(regulationScopeSchema).min(1),
	/** null: not in force, or the date was not verified (appliesFromNote says which). */
	appliesFrom: z.iso.date().nullable(),
	appliesFromNote: z.string().min(1).optional(),
	summary: z.string().min(1),
	whatItGivesTheBuyer: z.string().min(1),
	confidence: confidenceSchema,
	sources: z.array(z.url()).min(1),
	reviewed: z.iso.date(),
	/** What was actually read, and what was not. */
	checked: z.string().min(1).optional()
});
export type Regulation = z.infer<typeof regulationSchema>;

export const regulationsFileSchema = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/),
	regulations: z.array(regulationSchema)
});
export type RegulationsFile = z.infer<typeof regulationsFileSchema>;
