/**
 * The shape of a scored result. The zod schemas are the one source of truth: the TypeScript types
 * are inferred from them, and the API's OpenAPI document is generated from them (src/lib/api).
 */
import { z } from 'zod';
import {
	areaIdSchema,
	capabilitySchema,
	confidenceSchema,
	costKeySchema,
	currencySchema,
	ratingSchema,
	regulationKindSchema,
	regulationScopeSchema,
	restrictionKindSchema
} from '../rules/schema';

export const severitySchema = z.enum(['critical', 'high', 'medium']);
export type Severity = z.infer<typeof severitySchema>;

export const areaScoreSchema = z.object({
	id: areaIdSchema,
	title: z.string(),
	/** 0-100, null while no question of the area is answered. */
	score: z.number().nullable(),
	rating: ratingSchema.nullable(),
	answered: z.number().int(),
	notSure: z.number().int(),
	total: z.number().int()
});
export type AreaScore = z.infer<typeof areaScoreSchema>;

export const findingSchema = z.object({
	id: z.string(),
	kind: z.enum(['answer', 'roaming', 'conflict']),
	severity: severitySchema,
	/** What the answer means, said as a finding; never the question repeated (ruleset 2.0.0 on). */
	title: z.string(),
	detail: z.string(),
	recommendation: z.string(),
	/** Ranking weight: area weight x question weight x risk, or above every answer for roaming. */
	impact: z.number(),
	areaId: areaIdSchema.optional(),
	questionId: z.string().optional(),
	answer: z.string().optional(),
	notSure: z.boolean().optional(),
	country: z.string().optional()
});
export type Finding = z.infer<typeof findingSchema>;

export const askVendorItemSchema = z.object({
	questionId: z.string(),
	areaId: areaIdSchema,
	question: z.string(),
	ask: z.string(),
	why: z.string()
});
export type AskVendorItem = z.infer<typeof askVendorItemSchema>;

export const roamingMitigationSchema = z.enum([
	'local_profiles',
	'on_request',
	'not_proven',
	'none',
	'not_needed'
]);
export type RoamingMitigation = z.infer<typeof roamingMitigationSchema>;

export const roamingExposureSchema = z.object({
	country: z.string(),
	name: z.string(),
	devices: z.number().int(),
	kind: restrictionKindSchema,
	restricted: z.boolean(),
	severity: z.enum(['critical', 'warning', 'info', 'none']),
	afterDays: z.number().int().nullable(),
	/** Plain words: when the rule bites relative to the fleet's lifetime. */
	byWhen: z.string(),
	summary: z.string(),
	whatHappens: z.string(),
	mitigated: z.boolean(),
	mitigation: roamingMitigationSchema,
	mitigationNote: z.string(),
	/** The per-country local-profile answer (ruleset 2.0.0 on), or null where none is asked. */
	localProfile: z.enum(['available', 'on_request', 'none', 'not_sure', 'open']).nullable(),
	/** The minimum rating this country forces on the offer, after the confidence limit. */
	forces: ratingSchema.nullable(),
	/** Facts that can defeat the local-profile cure or change the question (device registration, data localisation, sanctions). */
	caveats: z.array(
		z.object({
			kind: z.enum([
				'imei_registration',
				'sim_registration',
				'data_localisation',
				'local_control',
				'local_entity',
				'sanctions',
				'other'
			]),
			text: z.string(),
			sources: z.array(z.string()),
			confidence: confidenceSchema
		})
	),
	confidence: confidenceSchema,
	/** Confidence in when the rule bites, where it differs from the rule's own. */
	timingConfidence: confidenceSchema,
	sources: z.array(z.string()),
	reviewed: z.string()
});
export type RoamingExposure = z.infer<typeof roamingExposureSchema>;

export const signEvidenceSchema = z.object({
	questionId: z.string(),
	/** Said from the answer itself: its finding, the "not sure" finding, or the answer's words. */
	statement: z.string(),
	risky: z.boolean(),
	open: z.boolean()
});
export type SignEvidence = z.infer<typeof signEvidenceSchema>;

export const lockInSignStatusSchema = z.object({
	id: z.string(),
	title: z.string(),
	text: z.string(),
	status: z.enum(['present', 'partly', 'absent', 'unknown']),
	questions: z.array(z.string()),
	evidence: z.array(signEvidenceSchema)
});
export type LockInSignStatus = z.infer<typeof lockInSignStatusSchema>;

/** Why the rating is at least what it is: one entry per rule, band or country that applies. */
export const appliedFloorSchema = z.object({
	id: z.string(),
	rating: ratingSchema,
	reason: z.string(),
	confidence: confidenceSchema,
	source: z.enum(['answers', 'cost', 'roaming']),
	/** True when this floor lifts the rating above what the answers alone give. */
	raises: z.boolean()
});
export type AppliedFloor = z.infer<typeof appliedFloorSchema>;

const answerRefSchema = z.object({ questionId: z.string(), option: z.string(), label: z.string() });

export const answerConflictSchema = z.object({
	id: z.string(),
	/** The doubted answer: scored as "not sure" until resolved. */
	claim: answerRefSchema,
	contradictedBy: answerRefSchema,
	message: z.string()
});
export type AnswerConflict = z.infer<typeof answerConflictSchema>;

export const architectureComparisonSchema = z.object({
	id: z.string(),
	title: z.string(),
	description: z.string(),
	status: z.enum(['met', 'partial', 'missing']),
	have: z.array(capabilitySchema),
	missing: z.array(capabilitySchema),
	/** Alternatives of which the offer has none, and needs one ("private APN or Zero Trust"). */
	missingOneOf: z.array(capabilitySchema),
	/** Missing capabilities the offer might still have: answered "not sure", or not answered yet. */
	unconfirmed: z.array(capabilitySchema)
});
export type ArchitectureComparison = z.infer<typeof architectureComparisonSchema>;

export const costAssumptionSchema = z.object({
	key: costKeySchema,
	label: z.string(),
	value: z.number(),
	defaultValue: z.number(),
	unit: z.string(),
	basis: z.string(),
	confidence: confidenceSchema,
	sources: z.array(z.string()),
	overridden: z.boolean()
});
export type CostAssumption = z.infer<typeof costAssumptionSchema>;

export const costLineSchema = z.object({
	id: z.enum([
		'sim_swap',
		'ota_switch',
		'double_fees',
		'platform_exit',
		'contract_exit',
		'termination_fees'
	]),
	label: z.string(),
	amount: z.number(),
	applies: z.boolean(),
	/** The amount rests on questions not answered yet (assumed at their worst), not on answers. */
	assumed: z.boolean(),
	formula: z.string(),
	reason: z.string()
});
export type CostLine = z.infer<typeof costLineSchema>;

export const costEstimateSchema = z.object({
	/** Rounded to two significant figures: the precision the assumptions allow. */
	total: z.number(),
	low: z.number(),
	high: z.number(),
	perDevice: z.number(),
	perDeviceLow: z.number(),
	perDeviceHigh: z.number()
});
export type CostEstimate = z.infer<typeof costEstimateSchema>;

export const switchingCostSchema = z.object({
	currency: currencySchema,
	/** Exact sum of the lines, so the formulas shown reproduce it. */
	total: z.number(),
	lines: z.array(costLineSchema),
	assumptions: z.array(costAssumptionSchema),
	/**
	 * What the cost bands read: only lines that rest on answers given (open questions are the
	 * provisional range's business), only what the offer adds to any switch (not the profile fees,
	 * missed devices and shortest notice every switch pays), and per device only what grows with
	 * each device.
	 */
	rated: z.object({ total: z.number(), perDevice: z.number() }),
	/** What to show: rounded, with a low-high range from the assumptions' ranges. */
	estimate: costEstimateSchema,
	/**
	 * How the model's figures (in `from`) became this currency: units per unit of `from`, dated.
	 * null when no conversion was needed.
	 */
	conversion: z
		.object({
			from: currencySchema,
			rate: z.number(),
			asOf: z.iso.date(),
			confidence: confidenceSchema,
			basis: z.string(),
			sources: z.array(z.string())
		})
		.nullable()
});
export type SwitchingCost = z.infer<typeof switchingCostSchema>;

/** A rule that gives the buyer a switching or exit right, or puts a duty on them, and why it applies here. */
export const applicableRegulationSchema = z.object({
	id: z.string(),
	title: z.string(),
	region: z.string(),
	kind: regulationKindSchema,
	appliesTo: z.array(regulationScopeSchema),
	/** ISO date; null when not in force or not verified (appliesFromNote says which). */
	appliesFrom: z.string().nullable(),
	appliesFromNote: z.string().nullable(),
	summary: z.string(),
	whatItGivesTheBuyer: z.string(),
	confidence: confidenceSchema,
	sources: z.array(z.string()),
	reviewed: z.string(),
	/** What was actually read, and what was not. */
	checked: z.string().nullable(),
	/** Why it applies: "Deployment in Germany", "Your organisation in Germany". */
	reasons: z.array(z.string()).min(1),
	/** The fleet or buyer countries it applies through. */
	countries: z.array(z.string())
});
export type ApplicableRegulation = z.infer<typeof applicableRegulationSchema>;

export const scoreResultSchema = z.object({
	rulesetVersion: z.string(),
	overall: z.object({
		score: z.number(),
		rating: ratingSchema,
		/** The answers' weighted score before any floor. */
		answersScore: z.number(),
		answersRating: ratingSchema,
		/** Every floor that applies, highest first; `raises` marks those above the answers' rating. */
		floors: z.array(appliedFloorSchema),
		/** The first raising floor's reason, for older clients; read `floors` instead. */
		raisedBy: z.string().nullable(),
		/** Questions are still open: the final score will lie within `range`. */
		provisional: z.boolean(),
		/** [min, max] of the final score with the open questions at their best and worst answers. */
		range: z.tuple([z.number(), z.number()]).nullable()
	}),
	completeness: z.object({
		answered: z.number().int(),
		notSure: z.number().int(),
		total: z.number().int()
	}),
	conflicts: z.array(answerConflictSchema),
	areas: z.array(areaScoreSchema),
	findings: z.array(findingSchema),
	askVendor: z.array(askVendorItemSchema),
	roaming: z.array(roamingExposureSchema),
	lockInSigns: z.array(lockInSignStatusSchema),
	architecture: z.array(architectureComparisonSchema),
	capabilities: z.object({
		proven: z.array(capabilitySchema),
		unconfirmed: z.array(capabilitySchema),
		unanswered: z.array(capabilitySchema)
	}),
	/** The currency of every amount in this result (ISO 4217): the assessment's, USD when it names none. */
	currency: currencySchema,
	switchingCost: switchingCostSchema,
	/** Switching or exit rights and duties for the fleet's countries and the buyer's, rights first. */
	regulations: z.array(applicableRegulationSchema)
});
export type ScoreResult = z.infer<typeof scoreResultSchema>;
