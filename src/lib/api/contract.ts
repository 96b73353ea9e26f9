/**
 * The JSON API's response bodies as zod schemas, next to the request schemas that already exist.
 * The OpenAPI document (./openapi.ts) is generated from these; the compile-time checks at the end
 * hold each schema to the TypeScript type the route really returns, so neither can drift.
 *
 * Pure: no I/O and no server modules at run time (server types are imported as types only).
 */
import { z } from 'zod';
import { storedAssessmentSchema, shareSchema } from '../assessment/schema';
import {
	architectureElementSchema,
	areaSchema,
	conflictSchema,
	costBandsSchema,
	costsFileSchema,
	currencySchema,
	countryRuleSchema,
	floorSchema,
	localProfilesSchema,
	lockInSignSchema,
	NOT_SURE,
	ratingSchema,
	roamingFloorsSchema,
	rulesetSchema
} from '../rules/schema';
import { appliedFloorSchema, scoreResultSchema } from '../scoring/types';
import { CAUSES } from '../simulation/types';
import { exportDocumentSchema } from '../assessment/export-format';
import type { FieldIssue } from '../validation/issues';
import type { PublicContent } from '../assessment/public-content';
import type { RescorePreview } from '../scoring/rescore';
import type { ScoreResult } from '../scoring/types';
import type { Architecture, ArchitectureTotals, SimulationCountry } from '../simulation/types';
import type { resultJson } from '../simulation/serialise';
import type { previewRescore, withResult } from '../server/assessments';
import type { ShareSummary, SharedView } from '../server/shares';
import type { ImportOutcome } from '../server/transfer';
import type { answerView, comparison, withResults as tenderWithResults } from '../server/tenders';
import {
	comparisonShareSchema,
	evidenceFileSchema,
	historyEntrySchema,
	offerAnswerSchema,
	offerSchema,
	respondentSchema,
	storedTenderSchema
} from '../tender/schema';
import {
	COMPARISON_SHARE_STATUSES,
	type ComparisonShareSummary,
	type SharedComparisonView
} from '../tender/comparison-share';
import { RESPONDENT_STATUSES, type RespondentSummary } from '../tender/respondent';
import type { RespondentView } from '../server/respondents';
import type { RevisionConflictBody } from '../server/revision';
import { comparisonSchema, scoreSummarySchema } from '../tender/compare';

/** The one error shape of the API (src/lib/server/http.ts). */
export const fieldIssueSchema = z.object({
	/** Dotted path of the field, e.g. "fleet.countries.0"; empty for the body or request as a whole. */
	path: z.string(),
	message: z.string()
});
export const errorBodySchema = z.object({
	error: z.string(),
	issues: z.array(fieldIssueSchema)
});

/**
 * 409 for a change based on a revision the record has moved on from (If-Match or the body's
 * `revision`): the error, and the revision to read and base the change on again (also the ETag).
 */
export const revisionConflictSchema = errorBodySchema.extend({
	currentRevision: z.number().int().nonnegative()
});

/** What an owner reads: the stored record without share-token hashes, with its scored result. */
export const assessmentWithResultSchema = storedAssessmentSchema.omit({ shares: true }).extend({
	result: scoreResultSchema
});

/** POST /api/assessments/{id}/rescore: the assessment as above, plus the version it left (or null). */
export const rescoredAssessmentSchema = assessmentWithResultSchema.extend({
	rescoredFrom: z.string().nullable()
});

export const shareStatusSchema = z.enum(['active', 'expired', 'revoked']);
/** A share link as its owner sees it: never the token or its hash. */
export const shareSummarySchema = shareSchema
	.omit({ tokenHash: true })
	.extend({ status: shareStatusSchema });
export const shareListSchema = z.object({ shares: z.array(shareSummarySchema) });
/** The only time the token is shown: the creating client keeps the URL. */
export const createdShareSchema = shareSummarySchema.extend({
	token: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
	/** Absolute when the server knows its public origin, otherwise a path (`/s/{token}`). */
	url: z.string()
});

/** The parts of an assessment a share link shows: no id, no share list, notes only if shared. */
export const publicContentSchema = storedAssessmentSchema.pick({
	title: true,
	organisation: true,
	vendor: true,
	buyerCountry: true,
	currency: true,
	fleet: true,
	answers: true,
	costs: true,
	rulesetVersion: true,
	updatedAt: true
});
export const sharedViewSchema = z.object({
	assessment: publicContentSchema,
	result: scoreResultSchema,
	share: z.object({
		label: z.string(),
		includeNotes: z.boolean(),
		expiresAt: z.iso.datetime().nullable()
	})
});

/** GET /api/assessments/{id}/export: the owner's copy, in the format POST /api/import takes back. */
export const exportDownloadSchema = exportDocumentSchema.extend({
	exportedAt: z.iso.datetime(),
	assessments: z.array(storedAssessmentSchema)
});

/** POST /api/import's body: records are checked one by one (and migrated from older schema versions). */
export const importBodySchema = exportDocumentSchema;

/**
 * POST /api/assessments/{id}/rescore's optional body. The route keeps its own copy (routes/api/
 * assessments/[id]/rescore/+server.ts); the contract test sends both shapes through the route.
 */
export const rescoreBodySchema = z.strictObject({
	expectedVersion: z.string().min(1).optional()
});

export const importOutcomeSchema = z.object({
	id: z.string(),
	title: z.string(),
	status: z.enum(['created', 'unchanged', 'conflict'])
});
export const importResultSchema = z.object({ imported: z.array(importOutcomeSchema) });

export const floorSummarySchema = appliedFloorSchema.pick({
	id: true,
	rating: true,
	reason: true,
	raises: true
});
export const rescoreSideSchema = z.object({
	version: z.string(),
	/** False when this server does not know the version (it is then scored with the current rules). */
	known: z.boolean(),
	score: z.number(),
	rating: ratingSchema,
	floors: z.array(floorSummarySchema),
	provisional: z.boolean(),
	range: z.tuple([z.number(), z.number()]).nullable()
});
export const rescorePreviewSchema = z.object({
	needed: z.boolean(),
	revision: z.number().int(),
	from: rescoreSideSchema,
	to: rescoreSideSchema,
	changed: z.object({
		any: z.boolean(),
		rating: z.boolean(),
		score: z.boolean(),
		floors: z.object({ added: z.array(floorSummarySchema), removed: z.array(floorSummarySchema) })
	}),
	newQuestions: z.number().int().nonnegative()
});

/** A country without a recorded rule: an honest "none known", unverified, without sources. */
const noKnownRestrictionSchema = z.object({
	kind: z.literal('none_known'),
	summary: z.string(),
	foreignSimImpact: z.string(),
	reviewed: z.iso.date(),
	confidence: z.literal('unverified'),
	sources: z.array(z.string()).max(0)
});

const rulesetShape = rulesetSchema.shape;

/** GET /api/rules: the current ruleset as clients need it to ask, score and explain. */
export const rulesResponseSchema = z.object({
	version: z.string(),
	published: z.iso.date(),
	/** 2 from ruleset 2.0.0 on (floors, cost bands, conflicts, local profiles); null before. */
	format: z.literal(2).nullable(),
	notSure: z.object({
		id: z.literal(NOT_SURE),
		label: z.string(),
		risk: z.number(),
		capAtWorstOption: z.boolean()
	}),
	ratingThresholds: rulesetShape.ratingThresholds,
	findingRiskThreshold: z.number(),
	highRiskThreshold: z.number(),
	areas: z.array(areaSchema),
	lockInSigns: z.array(lockInSignSchema),
	architecture: z.array(architectureElementSchema),
	floors: z.array(floorSchema),
	costBands: costBandsSchema.nullable(),
	roamingFloors: roamingFloorsSchema.nullable(),
	conflicts: z.array(conflictSchema),
	localProfiles: localProfilesSchema.nullable(),
	countriesVersion: z.string(),
	countries: z.array(
		z.object({
			code: z.string(),
			name: z.string(),
			restriction: z.union([countryRuleSchema, noKnownRestrictionSchema])
		})
	),
	costs: costsFileSchema
});

const causesSchema = <T extends z.ZodType>(value: T) =>
	z.object(
		Object.fromEntries(CAUSES.map((cause) => [cause, value])) as Record<(typeof CAUSES)[number], T>
	);

export const simulationArchitectureSchema = z.object({
	label: z.string(),
	subject: z.string(),
	networksPerMarket: z.union([z.literal(1), z.literal(2)]),
	automaticFailover: z.boolean(),
	otaSwitch: z.boolean(),
	localProfiles: z.boolean(),
	otaCure: z.record(z.string(), z.enum(['available', 'on_request'])),
	dataPlan: z.enum(['pooled', 'pooled_block', 'per_sim_continue', 'per_sim_block']),
	realtimeData: z.boolean(),
	privateNetwork: z.boolean(),
	/** Exit payouts and termination fees, as in the results' cost to leave. */
	exitFee: z.number(),
	/** Days the old provider keeps serving and billing after a switch starts. */
	overlapDays: z.number(),
	/** Days of fees the exit payout already covers, not billed twice. */
	exitPaidDays: z.number(),
	/** Whether a switch must first move the eUICCs' eIM or SM-SR away from the provider. */
	eimMove: z.boolean()
});
export const simulationTotalsSchema = z.object({
	offlineDeviceDays: causesSchema(z.number()).extend({ total: z.number() }),
	offlineByCountry: z.record(z.string(), z.number()),
	cost: z.object({
		fieldVisits: z.number(),
		overTheAir: z.number(),
		doubleFees: z.number(),
		overage: z.number(),
		exitFees: z.number(),
		total: z.number()
	}),
	fieldVisits: z.number(),
	switch: z.object({ startDay: z.number(), days: z.number(), cost: z.number() }).nullable(),
	exposedDevices: z.number(),
	availability: z.number()
});
const simulationRunSchema = z.object({
	architecture: simulationArchitectureSchema,
	totals: simulationTotalsSchema,
	/** One value per period (day, week or month): averages, and running totals for the cost. */
	series: z.object({
		online: z.array(z.number()),
		offline: causesSchema(z.array(z.number())),
		cumulativeCost: z.array(z.number())
	})
});
export const simulationCountrySchema = z.object({
	code: z.string(),
	name: z.string(),
	devices: z.number(),
	roamingBlockDay: z.number().nullable(),
	intermittentHours: z.number().optional()
});
export const simulationResponseSchema = z.object({
	seed: z.number().int(),
	/** The currency of every amount (ISO 4217): the assessment's, or USD for a typed-in fleet. */
	currency: currencySchema,
	summary: z.string(),
	countries: z.array(simulationCountrySchema),
	days: z.number().int(),
	devices: z.number().int(),
	outageEvents: z.number().int(),
	resolution: z.enum(['day', 'week', 'month']),
	periods: z.number().int(),
	assessed: simulationRunSchema,
	recommended: simulationRunSchema
});

/* ---- Tenders ---- */

/** An offer's overall score twice: its answers as given, and with unverified claims as "not sure". */
export const offerResultSchema = z.object({
	claimed: scoreSummarySchema,
	verified: scoreSummarySchema
});

/** A respondent link as the buyer sees it: never its token or the token's hash. */
export const respondentSummarySchema = respondentSchema
	.omit({ tokenHash: true })
	.extend({ status: z.enum(RESPONDENT_STATUSES) });
export const respondentListSchema = z.object({ respondents: z.array(respondentSummarySchema) });
/** The only time a respondent token is shown: the buyer sends the URL to the vendor. */
export const createdRespondentSchema = respondentSummarySchema.extend({
	token: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
	/** Absolute when the server knows its public origin, otherwise a path (`/respond/{token}`). */
	url: z.string()
});

/** What a vendor reads through its link: the questions and its own answers, nothing else of the tender. */
/** An evidence file as its vendor sees it: what it attached, no way to fetch it back. */
export const vendorFileSchema = evidenceFileSchema.pick({
	id: true,
	name: true,
	mediaType: true,
	size: true
});

export const respondentViewSchema = z.object({
	tender: z.object({ title: z.string(), organisation: z.string() }),
	vendor: z.string(),
	questions: z.array(
		z.object({
			id: z.string(),
			area: z.string(),
			text: z.string(),
			why: z.string(),
			options: z.array(z.object({ id: z.string(), label: z.string() }))
		})
	),
	answers: z.record(
		z.string(),
		z.object({
			option: z.string().optional(),
			statement: z.string().optional(),
			evidence: z.string().optional(),
			/** The files the vendor attached: never a download URL (see vendorFileSchema). */
			files: z.array(vendorFileSchema).optional()
		})
	),
	submittedAt: z.iso.datetime().nullable(),
	expiresAt: z.iso.datetime().nullable()
});

/* ---- Read-only comparison links (POST/GET /api/tenders/{id}/shares, GET /api/shared-comparisons/{token}) ---- */

/** A comparison link as the buyer sees it: never its token or the token's hash. */
export const comparisonShareSummarySchema = comparisonShareSchema
	.omit({ tokenHash: true })
	.extend({ status: z.enum(COMPARISON_SHARE_STATUSES) });
export const comparisonShareListSchema = z.object({
	shares: z.array(comparisonShareSummarySchema)
});
/** The only time a comparison link's token is shown: the buyer keeps the URL. */
export const createdComparisonShareSchema = comparisonShareSummarySchema.extend({
	token: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
	/** Absolute when the server knows its public origin, otherwise a path (`/c/{token}`). */
	url: z.string()
});
/** What a comparison link shows: no tender id, respondent links, notes, state notes, history or files. */
export const sharedComparisonSchema = z.object({
	tender: z.object({
		title: z.string(),
		organisation: z.string(),
		currency: currencySchema,
		fleet: z.object({
			devices: z.number().int(),
			countries: z.array(z.string()),
			lifetimeYears: z.number()
		}),
		updatedAt: z.iso.datetime(),
		/** True: `comparison.weights` include the ones the buyer saved with the tender; false: the ruleset's. */
		weightsSaved: z.boolean()
	}),
	comparison: comparisonSchema,
	matrix: z.object({
		offers: z.array(z.object({ id: z.string(), vendor: z.string() })),
		rows: z.array(
			z.object({
				questionId: z.string(),
				area: z.string(),
				question: z.string(),
				/** The offers' answers are not all the same (no answer counts as its own answer). */
				differs: z.boolean(),
				/** Per offer: the answer's label ('' when none), its state and who gave it ('' when none). */
				cells: z.array(
					z.object({ offerId: z.string(), answer: z.string(), state: z.string(), by: z.string() })
				)
			})
		)
	}),
	share: z.object({ label: z.string(), expiresAt: z.iso.datetime().nullable() })
});

/** A tender as its owner reads it: the stored record, each offer with its claimed and verified score. */
export const tenderWithResultsSchema = storedTenderSchema.extend({
	offers: z.array(
		offerSchema.extend({ respondents: z.array(respondentSummarySchema), result: offerResultSchema })
	),
	shares: z.array(comparisonShareSummarySchema)
});

/** POST /api/tenders/{id}/offers: the new offer's id. */
export const createdOfferSchema = z.object({ id: z.string(), vendor: z.string() });

/** PATCH .../answers/{questionId}: the answer after the change, its history and the offer's scores. */
export const answerViewSchema = z.object({
	tenderId: z.string(),
	revision: z.number().int(),
	offerId: z.string(),
	questionId: z.string(),
	/** null when the question has no answer (any more). */
	answer: offerAnswerSchema.nullable(),
	history: z.array(historyEntrySchema),
	result: offerResultSchema
});

export const tenderComparisonSchema = comparisonSchema;

/** POST /api/tenders/{id}/offers/{offerId}/questionnaire: the rows read from a vendor's .xlsx, and what is wrong. */
/** POST /api/respond/{token}/evidence/{questionId}: the file as stored on the answer. */
export const evidenceUploadedSchema = z.object({ file: evidenceFileSchema });

export const questionnaireImportSchema = z.object({
	/** True when the rows were saved as the vendor's claims (`?apply=true` and no issues). */
	applied: z.boolean(),
	answers: z.array(
		z.object({
			row: z.number().int(),
			questionId: z.string(),
			option: z.string().optional(),
			statement: z.string().optional(),
			evidence: z.string().optional()
		})
	),
	/** Every problem by row and column, e.g. path `rows.12.Your answer`. */
	issues: z.array(fieldIssueSchema),
	/** The tender's revision after the save. */
	revision: z.number().int().optional()
});

/* ---- Compile-time checks: each schema and the type its route returns are mutually assignable. ---- */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile (the argument is `false`) when the two types drift apart. */
function same<A, B>(check: Same<A, B>): void {
	void check;
}
/** One direction only, where the route's type is looser than what it really sends. */
function fits<A, B>(check: [A] extends [B] ? true : false): void {
	void check;
}

same<z.output<typeof errorBodySchema>, { error: string; issues: FieldIssue[] }>(true);
same<z.output<typeof revisionConflictSchema>, RevisionConflictBody>(true);
same<z.output<typeof assessmentWithResultSchema>, ReturnType<typeof withResult>>(true);
same<z.output<typeof assessmentWithResultSchema>['result'], ScoreResult>(true);
same<z.output<typeof shareSummarySchema>, ShareSummary>(true);
same<z.output<typeof publicContentSchema>, PublicContent>(true);
same<z.output<typeof sharedViewSchema>, SharedView>(true);
same<z.output<typeof importOutcomeSchema>, ImportOutcome>(true);
same<z.output<typeof rescorePreviewSchema>, ReturnType<typeof previewRescore>>(true);
same<
	Omit<z.output<typeof rescorePreviewSchema>, 'needed' | 'revision' | 'from' | 'to'>,
	Omit<RescorePreview, 'from' | 'to'>
>(true);
same<Omit<z.output<typeof rescoreSideSchema>, 'known'>, RescorePreview['from']>(true);
same<z.output<typeof simulationArchitectureSchema>, Architecture>(true);
same<z.output<typeof simulationTotalsSchema>, ArchitectureTotals>(true);
same<z.output<typeof simulationCountrySchema>, SimulationCountry>(true);
// resultJson types the per-cause series as a string-keyed record; the schema names every cause.
fits<
	Omit<z.output<typeof simulationResponseSchema>, 'seed' | 'summary' | 'countries'>,
	ReturnType<typeof resultJson>
>(true);

same<z.output<typeof tenderWithResultsSchema>, ReturnType<typeof tenderWithResults>>(true);
same<z.output<typeof answerViewSchema>, ReturnType<typeof answerView>>(true);
same<z.output<typeof tenderComparisonSchema>, ReturnType<typeof comparison>>(true);
same<z.output<typeof respondentSummarySchema>, RespondentSummary>(true);
same<z.output<typeof comparisonShareSummarySchema>, ComparisonShareSummary>(true);
same<z.output<typeof sharedComparisonSchema>, SharedComparisonView>(true);
// The view's questions carry readonly option lists; the schema's arrays are their writable twin.
fits<RespondentView, z.output<typeof respondentViewSchema>>(true);

export type ErrorBody = z.output<typeof errorBodySchema>;
export type RulesResponse = z.output<typeof rulesResponseSchema>;
export type SimulationResponse = z.output<typeof simulationResponseSchema>;
