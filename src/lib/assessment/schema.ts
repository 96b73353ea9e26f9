import { z } from 'zod';
import type { Rules } from '../rules/load';
import {
	COST_KEYS,
	currencySchema,
	LOCAL_PROFILE_OPTIONS,
	NOT_SURE,
	type CostKey,
	type Currency
} from '../rules/schema';
import type { SiteVisitKind } from '../scoring/visit-cost';
import { asksLocalProfile, countryOfQuestion } from './local-profiles';
import { LIMITS } from './limits';
import { NUMBER_FORMAT_HINT } from './number-input';
import { customParams, type CustomReason } from '../validation/custom-issue';

export { LIMITS };

/** Bump with a step in migrations.ts whenever the stored shape changes. */
export const SCHEMA_VERSION = 2;

const trimmed = (max: number, label: string) =>
	z
		.string({ error: `${label} must be text` })
		.trim()
		.max(max, `${label} must be at most ${max} characters`);

export const titleSchema = trimmed(LIMITS.titleLength, 'Title').min(
	1,
	'Give the assessment a title'
);
export const optionalNameSchema = (label: string) => trimmed(LIMITS.nameLength, label).default('');

/** A note may come before the answer: the buyer writes down what they know, then decides. */
export const answerSchema = z.strictObject({
	option: z.string().min(1, 'Choose an answer').optional(),
	note: trimmed(LIMITS.noteLength, 'Note').optional()
});
export type Answer = z.infer<typeof answerSchema>;

export const costOverridesSchema = z.partialRecord(
	z.enum(COST_KEYS),
	z
		.number({ error: 'Enter a number' })
		.finite()
		.min(0, 'Cannot be negative')
		.max(LIMITS.costValue, 'Too large')
);
export type CostOverrides = Partial<Record<CostKey, number>>;

/** Figures that are not amounts have bounds of their own: a share of devices, visits per swap. */
const COST_BOUNDS: Partial<
	Record<CostKey, { min?: number; max?: number; message: string; reason: CustomReason }>
> = {
	otaFailureShare: {
		max: 1,
		message: 'A share of devices is at most 1 (100%)',
		reason: 'share_at_most_one'
	},
	revisitFactor: { min: 1, message: 'At least 1 visit per swap', reason: 'visits_at_least_one' }
};
function checkCostBounds(costs: Partial<Record<CostKey, number | null>>, ctx: z.RefinementCtx) {
	for (const [key, value] of Object.entries(costs) as [CostKey, number | null][]) {
		const bound = COST_BOUNDS[key];
		if (!bound || value === null) continue;
		if (
			(bound.min !== undefined && value < bound.min) ||
			(bound.max !== undefined && value > bound.max)
		) {
			ctx.addIssue({
				code: 'custom',
				path: [key],
				message: bound.message,
				params: customParams(bound.reason)
			});
		}
	}
}
/** What a client may send: the stored shape plus the per-figure bounds. */
export const costOverridesInputSchema = costOverridesSchema.superRefine(checkCostBounds);

/** Distinguishes "left empty" from "not a number" in the message a user sees. */
const numberError = (label: string, missing: string) => (issue: { input?: unknown }) =>
	issue.input === undefined
		? missing
		: `${label} must be a number, written as ${NUMBER_FORMAT_HINT}`;

const deviceCount = (label: string) =>
	z
		.number({ error: numberError(label, `Enter the ${label.toLowerCase()}`) })
		.int(`${label} must be a whole number`)
		.max(LIMITS.devices, `${label} must be at most ${LIMITS.devices.toLocaleString('en')}`);

export const SITE_VISITS = ['routine', 'dedicated'] as const;
export type SiteVisits = (typeof SITE_VISITS)[number] & SiteVisitKind;

/** Fleet facts, independent of the ruleset; country codes are checked against the rules below. */
const baseFleetSchema = z.strictObject({
	devices: deviceCount('Number of devices').min(1, 'A fleet needs at least one device'),
	countries: z
		.array(z.string().regex(/^[A-Z]{2}$/, 'Use ISO 3166 alpha-2 codes such as BR'))
		.min(1, 'Pick at least one deployment country')
		.max(LIMITS.countries),
	devicesByCountry: z
		.record(z.string(), deviceCount('Devices in a country').min(0, 'Cannot be negative'))
		.optional(),
	lifetimeYears: z
		.number({ error: numberError('Device lifetime', 'Enter the device lifetime in years') })
		.positive('Device lifetime must be more than zero')
		.max(LIMITS.lifetimeYears, `Device lifetime must be at most ${LIMITS.lifetimeYears} years`),
	monthlyMbPerDevice: z
		.number({ error: `Monthly data must be a number, written as ${NUMBER_FORMAT_HINT}` })
		.min(0, 'Monthly data cannot be negative')
		.max(LIMITS.monthlyMb)
		.optional(),
	/**
	 * Whether a SIM swap can ride on a visit made anyway (a meter read, a maintenance round) or
	 * needs its own trip; absent: not known, priced as its own trip with the range reaching down.
	 */
	siteVisits: z.enum(SITE_VISITS, { error: 'Choose routine or dedicated' }).optional()
});
export type Fleet = z.infer<typeof baseFleetSchema>;

/** Where the buyer's organisation is: its rules on switching and exit apply wherever the fleet is. */
const baseBuyerCountrySchema = z
	.string()
	.regex(/^[A-Z]{2}$/, 'Use an ISO 3166 alpha-2 code such as DE');

/** A read-only share link. Only the token's hash is stored, so the data file reveals no link. */
export const shareSchema = z.strictObject({
	id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
	tokenHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
	label: z.string(),
	includeNotes: z.boolean(),
	createdAt: z.iso.datetime(),
	expiresAt: z.iso.datetime().nullable(),
	revokedAt: z.iso.datetime().nullable(),
	lastOpenedAt: z.iso.datetime().nullable()
});
export type Share = z.infer<typeof shareSchema>;

export const createShareBodySchema = z.strictObject({
	label: trimmed(LIMITS.shareLabelLength, 'Label').default(''),
	expiresAt: z
		.union([z.iso.datetime({ offset: true }), z.iso.date()], {
			error:
				'Use a date such as 2027-01-31, or a date and time with its time zone, such as 2027-01-31T17:00:00Z'
		})
		.nullable()
		.optional(),
	includeNotes: z.boolean().default(false)
});
export type CreateShareBody = z.infer<typeof createShareBodySchema>;

/**
 * `revision` in a PATCH body: the revision the change was based on (as If-Match does). The change
 * is refused with 409 when the record has moved on; it is never stored as part of the change.
 */
export const basedOnRevisionSchema = z
	.number({ error: 'revision must be the number of the revision you read, such as 7' })
	.int('revision must be a whole number')
	.nonnegative('revision cannot be negative');

/** "Send at least one field to change": the revision a change is based on is not a change. */
export const changesSomething = (body: object) =>
	Object.keys(body).some((key) => key !== 'revision');

export const storedAssessmentSchema = z.strictObject({
	schemaVersion: z.literal(SCHEMA_VERSION),
	id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
	revision: z.number().int().nonnegative(),
	rulesetVersion: z.string(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	title: z.string(),
	organisation: z.string(),
	vendor: z.string(),
	/** Optional: records made before it existed stay valid without a migration. */
	buyerCountry: baseBuyerCountrySchema.optional(),
	/** The currency of every amount in the result and of the cost overrides; USD when absent. */
	currency: currencySchema.optional(),
	fleet: baseFleetSchema,
	answers: z.record(z.string(), answerSchema),
	costs: costOverridesSchema,
	lastStep: z.string().optional(),
	shares: z.array(shareSchema)
});
export type StoredAssessment = z.infer<typeof storedAssessmentSchema>;

/** The parts of an assessment a client may write; the store adds id, dates and versions. */
export type AssessmentContent = Pick<
	StoredAssessment,
	| 'title'
	| 'organisation'
	| 'vendor'
	| 'buyerCountry'
	| 'currency'
	| 'fleet'
	| 'answers'
	| 'costs'
	| 'lastStep'
>;

/** A custom issue in English (the API's words) with the params another language words it from. */
function addIssue(
	ctx: z.RefinementCtx,
	path: (string | number)[],
	message: string,
	params: ReturnType<typeof customParams>
) {
	ctx.addIssue({ code: 'custom', path, message, params });
}

/**
 * Request schemas bound to a ruleset: unknown countries, questions or options fail with the
 * field path, so the API and the form actions reject exactly the same input.
 */
export function createInputSchemas(rules: Rules, steps: readonly string[]) {
	const fleetSchema = baseFleetSchema.superRefine((fleet, ctx) => {
		const seen = new Set<string>();
		fleet.countries.forEach((code, index) => {
			if (!rules.countryNames.has(code))
				addIssue(
					ctx,
					['countries', index],
					`Unknown country "${code}"`,
					customParams('unknown_country', { code })
				);
			if (seen.has(code))
				addIssue(
					ctx,
					['countries', index],
					`"${code}" is listed twice`,
					customParams('duplicate_country', { code })
				);
			seen.add(code);
		});
		let assigned = 0;
		for (const [code, count] of Object.entries(fleet.devicesByCountry ?? {})) {
			if (!seen.has(code)) {
				addIssue(
					ctx,
					['devicesByCountry', code],
					`"${code}" is not one of the deployment countries`,
					customParams('country_not_deployed', { code })
				);
			}
			assigned += count;
		}
		const fmt = (n: number) => n.toLocaleString('en');
		// A device count that is itself refused (below one, a fraction) has its own message already.
		if (!Number.isInteger(fleet.devices) || fleet.devices < 1) return;
		if (assigned > fleet.devices) {
			addIssue(
				ctx,
				['devicesByCountry'],
				`Devices per country add up to ${fmt(assigned)}, more than the ${fmt(fleet.devices)} in the fleet`,
				customParams('devices_over', { assigned, devices: fleet.devices })
			);
		}
		// With no country at all, "pick a country" is the one thing to say, not "0 devices counted".
		const everyCountryCounted =
			fleet.countries.length > 0 &&
			fleet.countries.every((code) => fleet.devicesByCountry?.[code] !== undefined);
		if (everyCountryCounted && assigned < fleet.devices) {
			// Nowhere left to spread the rest: the devices would silently vanish from the roaming count.
			addIssue(
				ctx,
				['devicesByCountry'],
				`Devices per country add up to ${fmt(assigned)}, not the ${fmt(fleet.devices)} in the fleet: leave one country empty to take the rest`,
				customParams('devices_under', { assigned, devices: fleet.devices })
			);
		}
	});

	const buyerCountrySchema = baseBuyerCountrySchema.superRefine((code, ctx) => {
		if (!rules.countryNames.has(code))
			ctx.addIssue({
				code: 'custom',
				message: `Unknown country "${code}"`,
				params: customParams('unknown_country', { code })
			});
	});

	const answersSchema = z
		.record(z.string(), answerSchema.nullable())
		.superRefine((answers, ctx) => {
			for (const [questionId, answer] of Object.entries(answers)) {
				const question = rules.questionsById.get(questionId);
				const country = countryOfQuestion(questionId);
				if (country && asksLocalProfile(rules, country)) {
					// Kept even when the country later leaves the fleet: it counts again if it comes back.
					const option = answer?.option;
					if (
						option !== undefined &&
						option !== NOT_SURE &&
						!(LOCAL_PROFILE_OPTIONS as readonly string[]).includes(option)
					) {
						addIssue(
							ctx,
							[questionId, 'option'],
							`"${option}" is not an answer to this question`,
							customParams('unknown_option', { option })
						);
					}
				} else if (!question) {
					addIssue(
						ctx,
						[questionId],
						`Unknown question "${questionId}"`,
						customParams('unknown_question', { id: questionId })
					);
				} else if (
					answer?.option !== undefined &&
					answer.option !== NOT_SURE &&
					!question.options.some((o) => o.id === answer.option)
				) {
					addIssue(
						ctx,
						[questionId, 'option'],
						`"${answer.option}" is not an answer to this question`,
						customParams('unknown_option', { option: answer.option })
					);
				}
			}
		});

	const lastStepSchema = z.enum(steps as [string, ...string[]]);

	const createBody = z.strictObject({
		title: titleSchema,
		organisation: optionalNameSchema('Organisation'),
		vendor: optionalNameSchema('Vendor'),
		/** null or absent: not given. */
		buyerCountry: buyerCountrySchema.nullable().optional(),
		currency: currencySchema.optional(),
		fleet: fleetSchema,
		answers: answersSchema.optional(),
		costs: costOverridesInputSchema.optional(),
		lastStep: lastStepSchema.optional()
	});

	const patchBody = z
		.strictObject({
			title: titleSchema.optional(),
			organisation: trimmed(LIMITS.nameLength, 'Organisation').optional(),
			vendor: trimmed(LIMITS.nameLength, 'Vendor').optional(),
			/** null clears it. */
			buyerCountry: buyerCountrySchema.nullable().optional(),
			/** Changing it converts the saved cost overrides (money ones) at the rules' rate. */
			currency: currencySchema.optional(),
			fleet: fleetSchema.optional(),
			/** null clears an answer. */
			answers: answersSchema.optional(),
			/** null clears an override, back to the default. */
			costs: z
				.partialRecord(z.enum(COST_KEYS), costOverridesSchema.valueType.nullable())
				.superRefine(checkCostBounds)
				.optional(),
			lastStep: lastStepSchema.optional(),
			/** The revision this change was based on: 409 when the record is at another. */
			revision: basedOnRevisionSchema.optional()
		})
		.refine(changesSomething, 'Send at least one field to change');

	return { fleetSchema, buyerCountrySchema, answersSchema, createBody, patchBody };
}

export type InputSchemas = ReturnType<typeof createInputSchemas>;
export type CreateBody = z.infer<InputSchemas['createBody']>;
export type PatchBody = z.infer<InputSchemas['patchBody']>;

/** The key only when a country is given, so records without one keep their old shape. */
const withBuyerCountry = (code: string | null | undefined) => (code ? { buyerCountry: code } : {});
const withCurrency = (currency: Currency | undefined) => (currency ? { currency } : {});

/** Applies a validated patch to stored content; pure, so the API and the form actions share it. */
export function applyPatch(current: AssessmentContent, patch: PatchBody): AssessmentContent {
	const answers = { ...current.answers };
	for (const [questionId, answer] of Object.entries(patch.answers ?? {})) {
		if (answer === null) delete answers[questionId];
		else answers[questionId] = answer;
	}
	const costs: CostOverrides = { ...current.costs };
	for (const [key, value] of Object.entries(patch.costs ?? {}) as [CostKey, number | null][]) {
		if (value === null) delete costs[key];
		else costs[key] = value;
	}
	return {
		title: patch.title ?? current.title,
		organisation: patch.organisation ?? current.organisation,
		vendor: patch.vendor ?? current.vendor,
		...withBuyerCountry(
			patch.buyerCountry === undefined ? current.buyerCountry : patch.buyerCountry
		),
		...withCurrency(patch.currency ?? current.currency),
		fleet: patch.fleet ?? current.fleet,
		answers,
		costs,
		lastStep: patch.lastStep ?? current.lastStep
	};
}

export function contentFromCreate(body: CreateBody): AssessmentContent {
	const answers: Record<string, Answer> = {};
	for (const [id, answer] of Object.entries(body.answers ?? {})) if (answer) answers[id] = answer;
	return {
		title: body.title,
		organisation: body.organisation,
		vendor: body.vendor,
		...withBuyerCountry(body.buyerCountry),
		...withCurrency(body.currency),
		fleet: body.fleet,
		answers,
		costs: body.costs ?? {},
		lastStep: body.lastStep
	};
}
