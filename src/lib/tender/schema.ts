/**
 * Tenders: one fleet, 2-8 offers, each offer's answers with who gave them and whether the buyer
 * verified them. The zod schemas are the one source of truth; the types are inferred from them.
 *
 * Pure: no I/O. Request schemas are bound to a ruleset through the assessment's own input schemas
 * (fleet, answers, buyer country), so a tender rejects exactly what an assessment rejects.
 */
import { z } from 'zod';
import { MAX_EVIDENCE_BYTES } from './evidence-size';
import {
	basedOnRevisionSchema,
	changesSomething,
	costOverridesSchema,
	LIMITS,
	optionalNameSchema,
	storedAssessmentSchema,
	type InputSchemas
} from '../assessment/schema';
import { AREA_IDS, areaIdSchema, COST_KEYS, currencySchema } from '../rules/schema';
import { customParams } from '../validation/custom-issue';

/** Bump (and add a migration) whenever the stored shape changes. */
export const TENDER_SCHEMA_VERSION = 1;
export const MIN_OFFERS = 2;
export const MAX_OFFERS = 8;

const idSchema = z
	.string()
	.regex(/^[A-Za-z0-9_-]{22}$/, 'Use an id of 22 characters (letters, digits, - and _)');

const trimmed = (max: number, label: string) =>
	z
		.string({ error: `${label} must be text` })
		.trim()
		.max(max, `${label} must be at most ${max} characters`);

export const tenderTitleSchema = trimmed(LIMITS.titleLength, 'Title').min(
	1,
	'Give the tender a title'
);
export const vendorNameSchema = trimmed(LIMITS.nameLength, 'Vendor').min(1, 'Name the vendor');

export const SCORING_MODES = ['as_given', 'unverified_as_not_sure'] as const;
/** How the ranking reads claims: as the vendor gave them, or every unverified claim as "not sure". */
export const scoringModeSchema = z.enum(SCORING_MODES, {
	error: 'Use as_given or unverified_as_not_sure'
});
export type ScoringMode = z.infer<typeof scoringModeSchema>;

export const ANSWER_STATES = ['claimed', 'verified', 'disputed', 'rejected'] as const;
export const answerStateSchema = z.enum(ANSWER_STATES);
export type AnswerState = z.infer<typeof answerStateSchema>;
/** The states a buyer sets; `claimed` is where a vendor's answer starts. */
export const buyerStateSchema = z.enum(['verified', 'disputed', 'rejected'], {
	error: 'Use verified, disputed or rejected'
});

export const answeredBySchema = z.enum(['vendor', 'buyer']);
export type AnsweredBy = z.infer<typeof answeredBySchema>;

/** What-if area weights: an area's weight in the overall score, in place of the ruleset's. */
export const areaWeightSchema = z
	.number({ error: 'A weight must be a number' })
	.positive('A weight must be more than zero')
	.max(10, 'A weight must be at most 10');
export const weightsSchema = z.partialRecord(areaIdSchema, areaWeightSchema);
export type AreaWeights = Partial<Record<(typeof AREA_IDS)[number], number>>;

/** A reference to a document and section, not the document itself. */
export const EVIDENCE_LENGTH = 500;

/** Evidence files a vendor may attach to one answer, and how large each may be. */
export const MAX_EVIDENCE_FILES = 3;
export { MAX_EVIDENCE_BYTES };
/** The kinds of evidence file accepted, recognised by their content, never by name or claimed type. */
export const EVIDENCE_MEDIA_TYPES = [
	'application/pdf',
	'image/png',
	'image/jpeg',
	'text/plain',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
] as const;

/** A file attached to an answer as evidence: stored apart from the tender, served only to the buyer. */
export const evidenceFileSchema = z.strictObject({
	id: idSchema,
	/** The uploaded name, cleaned for display and downloads. */
	name: z.string().min(1).max(200),
	mediaType: z.enum(EVIDENCE_MEDIA_TYPES),
	size: z.number().int().positive().max(MAX_EVIDENCE_BYTES),
	sha256: z.string().regex(/^[a-f0-9]{64}$/),
	uploadedAt: z.iso.datetime()
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

/** One answer of one offer: what was answered, by whom, and what the buyer made of it. */
export const offerAnswerSchema = z.strictObject({
	/** An option id of the question, or "not_sure"; absent while only a note is written. */
	option: z.string().min(1).optional(),
	/** The buyer's note. */
	note: z.string().max(LIMITS.noteLength).optional(),
	/** The vendor's statement backing the answer. */
	statement: z.string().max(LIMITS.noteLength).optional(),
	/** Where the vendor's evidence is: a document and section. */
	evidence: z.string().max(EVIDENCE_LENGTH).optional(),
	/** Files the vendor attached as evidence (absent: none). */
	files: z.array(evidenceFileSchema).max(MAX_EVIDENCE_FILES).optional(),
	by: answeredBySchema,
	state: answerStateSchema,
	/** The buyer's reason for the state (the evidence seen, or what is disputed). */
	stateNote: z.string().max(LIMITS.noteLength).optional(),
	updatedAt: z.iso.datetime()
});
export type OfferAnswer = z.infer<typeof offerAnswerSchema>;

/** The fields of an answer whose changes the history keeps, value by value. */
export const ANSWER_HISTORY_FIELDS = [
	'option',
	'note',
	'statement',
	'evidence',
	'by',
	'state',
	'stateNote'
] as const;
/** `file`: an evidence file attached (old null, new its name) or removed (old its name, new null). */
export const HISTORY_FIELDS = [...ANSWER_HISTORY_FIELDS, 'file'] as const;
/** One change of one field of one answer. `old`/`new` null: the field was absent. */
export const historyEntrySchema = z.strictObject({
	at: z.iso.datetime(),
	by: answeredBySchema,
	questionId: z.string(),
	field: z.enum(HISTORY_FIELDS),
	old: z.string().nullable(),
	new: z.string().nullable()
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Most live (not revoked, not expired) respondent links one offer may have. */
export const MAX_LIVE_RESPONDENTS = 5;
/**
 * Most respondent links one offer ever holds, revoked and expired ones included: they stay in the
 * record (their tokens must answer 410, not 404), so without this a create-and-revoke loop would
 * grow the tender file for ever. Ten times the live cap is far past any real bid round.
 */
export const MAX_RESPONDENTS_PER_OFFER = 50;

/**
 * A vendor's respondent link to one offer, as the tender keeps it: the token itself is never
 * stored, only its hash (the respondent index maps that hash to the tender and offer).
 */
export const respondentSchema = z.strictObject({
	id: idSchema,
	tokenHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
	label: z.string(),
	createdAt: z.iso.datetime(),
	expiresAt: z.iso.datetime().nullable(),
	revokedAt: z.iso.datetime().nullable(),
	/** When the vendor submitted; null while the link may still write (never submitted, or reopened). */
	submittedAt: z.iso.datetime().nullable(),
	/** When the buyer last reopened the link after a submission. */
	reopenedAt: z.iso.datetime().nullable()
});
export type Respondent = z.infer<typeof respondentSchema>;

export const offerSchema = z.strictObject({
	id: idSchema,
	vendor: z.string(),
	createdAt: z.iso.datetime(),
	answers: z.record(z.string(), offerAnswerSchema),
	history: z.array(historyEntrySchema),
	/** Absent in records made before respondent links existed: read as none. */
	respondents: z.array(respondentSchema).default([])
});
export type Offer = z.infer<typeof offerSchema>;

/** Most live (not revoked, not expired) read-only comparison links one tender may have. */
export const MAX_LIVE_COMPARISON_SHARES = 20;
/** Most comparison links one tender ever holds, revoked and expired ones included (as MAX_RESPONDENTS_PER_OFFER). */
export const MAX_COMPARISON_SHARES = 100;

/**
 * A read-only link to the tender's comparison: the token itself is never stored, only its hash
 * (the comparison-share index maps that hash to the tender).
 */
export const comparisonShareSchema = z.strictObject({
	id: idSchema,
	tokenHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
	label: z.string(),
	createdAt: z.iso.datetime(),
	expiresAt: z.iso.datetime().nullable(),
	revokedAt: z.iso.datetime().nullable(),
	lastOpenedAt: z.iso.datetime().nullable()
});
export type ComparisonShare = z.infer<typeof comparisonShareSchema>;

export const storedTenderSchema = z.strictObject({
	schemaVersion: z.literal(TENDER_SCHEMA_VERSION),
	id: idSchema,
	revision: z.number().int().nonnegative(),
	rulesetVersion: z.string(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	title: z.string(),
	organisation: z.string(),
	buyerCountry: storedAssessmentSchema.shape.buyerCountry,
	currency: currencySchema.optional(),
	fleet: storedAssessmentSchema.shape.fleet,
	costs: costOverridesSchema,
	scoring: scoringModeSchema,
	weights: weightsSchema.optional(),
	offers: z.array(offerSchema).min(MIN_OFFERS).max(MAX_OFFERS),
	/** Read-only comparison links. Absent in records made before they existed: read as none. */
	shares: z.array(comparisonShareSchema).default([])
});
export type StoredTender = z.infer<typeof storedTenderSchema>;

/**
 * Request schemas bound to a ruleset, built on the assessment's (`createInputSchemas` for the
 * same ruleset): unknown countries, questions and options fail with the field path.
 */
export function createTenderSchemas(
	input: Pick<InputSchemas, 'fleetSchema' | 'buyerCountrySchema' | 'answersSchema'>
) {
	const offerBody = z.strictObject({
		vendor: vendorNameSchema,
		/** The vendor's claims, as the bid states them: stored as given by the vendor, state `claimed`. */
		answers: input.answersSchema.optional()
	});

	const createBody = z
		.strictObject({
			title: tenderTitleSchema,
			organisation: optionalNameSchema('Organisation'),
			buyerCountry: input.buyerCountrySchema.nullable().optional(),
			currency: currencySchema.optional(),
			/** Required unless `fromAssessment` names an assessment whose fleet is taken. */
			fleet: input.fleetSchema.optional(),
			costs: costOverridesSchema.optional(),
			scoring: scoringModeSchema.default('as_given'),
			weights: weightsSchema.optional(),
			offers: z
				.array(offerBody)
				.min(MIN_OFFERS, `A tender compares at least ${MIN_OFFERS} offers`)
				.max(MAX_OFFERS, `A tender compares at most ${MAX_OFFERS} offers`),
			/** An assessment id: its answers become the first offer's (the buyer's, verified). */
			fromAssessment: idSchema.optional()
		})
		.superRefine((body, ctx) => {
			if (body.fleet === undefined && body.fromAssessment === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['fleet'],
					message: 'Describe the fleet, or name an assessment in fromAssessment to take its fleet'
				});
			}
			if (body.fromAssessment !== undefined && body.offers[0]?.answers !== undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['offers', 0, 'answers'],
					message:
						'The first offer takes its answers from the assessment: send them there, or leave fromAssessment out'
				});
			}
		});

	const patchBody = z
		.strictObject({
			title: tenderTitleSchema.optional(),
			organisation: trimmed(LIMITS.nameLength, 'Organisation').optional(),
			/** null clears it. */
			buyerCountry: input.buyerCountrySchema.nullable().optional(),
			/** Changing it converts the saved cost overrides at the rules' rate. */
			currency: currencySchema.optional(),
			/** Replaces the whole fleet; every offer is scored with it from then on. */
			fleet: input.fleetSchema.optional(),
			/** null clears an override. */
			costs: z
				.partialRecord(z.enum(COST_KEYS), costOverridesSchema.valueType.nullable())
				.optional(),
			scoring: scoringModeSchema.optional(),
			/** Replaces the saved what-if weights; null goes back to the ruleset's. */
			weights: weightsSchema.nullable().optional(),
			/** The tender's revision this change was based on: 409 when it is at another. */
			revision: basedOnRevisionSchema.optional()
		})
		.refine(changesSomething, 'Send at least one field to change');

	/** The answer is the URL's question; its id and option are checked against the ruleset. */
	const answerPatchBody = z
		.strictObject({
			/** An option id or "not_sure": the buyer's own answer (it counts as verified). null clears it. */
			option: z.string().min(1, 'Choose an answer').nullable().optional(),
			/** The buyer's note; null clears it. */
			note: trimmed(LIMITS.noteLength, 'Note').nullable().optional(),
			state: buyerStateSchema.optional(),
			/** Why: the evidence seen, or what is disputed. null clears it. */
			stateNote: trimmed(LIMITS.noteLength, 'State note').nullable().optional(),
			/** The tender's revision this change was based on: 409 when it is at another. */
			revision: basedOnRevisionSchema.optional()
		})
		.refine(changesSomething, 'Send at least one field to change');

	/** One vendor answer through a respondent link: the option, and what backs it. */
	const vendorAnswerBody = z.strictObject({
		/** Required: checked with the ruleset below, so a missing option is named with every other problem. */
		option: z.string({ error: 'Choose an answer' }).min(1, 'Choose an answer').optional(),
		statement: trimmed(LIMITS.noteLength, 'Statement').optional(),
		evidence: trimmed(EVIDENCE_LENGTH, 'Evidence').optional()
	});

	/**
	 * PATCH /api/respond/{token}: answers by question id; null withdraws the vendor's answer. Question
	 * ids and options are checked with the assessment's answer rules (paths `answers.<id>.option`).
	 */
	const respondBody = z.strictObject({
		answers: z
			.record(z.string(), vendorAnswerBody.nullable())
			.refine((answers) => Object.keys(answers).length > 0, 'Send at least one answer')
			.superRefine((answers, ctx) => {
				for (const [id, answer] of Object.entries(answers)) {
					if (answer && answer.option === undefined)
						ctx.addIssue({
							code: 'custom',
							path: [id, 'option'],
							message: 'Choose an answer',
							params: customParams('choose_answer')
						});
				}
				const probe = Object.fromEntries(
					Object.entries(answers).map(([id, a]) => [id, a ? { option: a.option } : null])
				);
				const parsed = input.answersSchema.safeParse(probe);
				if (parsed.success) return;
				for (const issue of parsed.error.issues)
					ctx.addIssue({
						code: 'custom',
						path: issue.path,
						message: issue.message,
						params: 'params' in issue ? issue.params : undefined
					});
			})
	});

	return { createBody, patchBody, offerBody, answerPatchBody, respondBody };
}

export type TenderSchemas = ReturnType<typeof createTenderSchemas>;
export type CreateTenderBody = z.infer<TenderSchemas['createBody']>;
export type PatchTenderBody = z.infer<TenderSchemas['patchBody']>;
export type OfferBody = z.infer<TenderSchemas['offerBody']>;
export type AnswerPatchBody = z.infer<TenderSchemas['answerPatchBody']>;
export type RespondBody = z.infer<TenderSchemas['respondBody']>;

/** POST .../respondents: a link for the vendor's bid team. `expiresAt` as for a share link. */
export const createRespondentBodySchema = z.strictObject({
	label: trimmed(LIMITS.shareLabelLength, 'Label').default(''),
	expiresAt: z
		.union([z.iso.datetime({ offset: true }), z.iso.date()], {
			error:
				'Use a date such as 2027-01-31, or a date and time with its time zone, such as 2027-01-31T17:00:00Z'
		})
		.nullable()
		.optional()
});
export type CreateRespondentBody = z.infer<typeof createRespondentBodySchema>;

/** POST /api/tenders/{id}/shares: a read-only comparison link takes the same label and expiry. */
export const createComparisonShareBodySchema = createRespondentBodySchema.extend({});
export type CreateComparisonShareBody = CreateRespondentBody;

/**
 * Reads `network:2,sim:1` (the comparison's query). Every problem is named on the path `weights`.
 */
export function parseWeightsQuery(
	value: string
): { ok: true; weights: AreaWeights } | { ok: false; issues: { path: string; message: string }[] } {
	const raw: Record<string, number> = {};
	const issues: { path: string; message: string }[] = [];
	for (const part of value.split(',')) {
		const match = /^\s*([a-z]+)\s*:\s*([^,\s]+)\s*$/.exec(part);
		if (!match) {
			issues.push({
				path: 'weights',
				message: `Cannot read "${part}": write area:weight pairs such as network:2,sim:1`
			});
			continue;
		}
		const [, area, number] = match as unknown as [string, string, string];
		if (!(AREA_IDS as readonly string[]).includes(area)) {
			issues.push({
				path: 'weights',
				message: `Unknown area "${area}": use ${AREA_IDS.join(', ')}`
			});
			continue;
		}
		if (area in raw) issues.push({ path: 'weights', message: `"${area}" is given twice` });
		raw[area] = /^[0-9]+(\.[0-9]+)?$/.test(number) ? Number(number) : Number.NaN;
	}
	if (issues.length > 0) return { ok: false, issues };
	const parsed = weightsSchema.safeParse(raw);
	if (!parsed.success) {
		return {
			ok: false,
			issues: parsed.error.issues.map((issue) => ({
				path: 'weights',
				message: `${issue.path.join('.')}: ${issue.message}`
			}))
		};
	}
	return { ok: true, weights: parsed.data };
}
