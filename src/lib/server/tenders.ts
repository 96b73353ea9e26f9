/**
 * Tenders on the server: create, read, change, offers and their answers, and the comparison. The
 * routes under src/routes/api/tenders stay thin: they read, validate and answer with what this
 * module returns. Scores are computed on read, so a changed fleet re-scores every offer.
 */
import type { Locale } from '$lib/paraglide/runtime';
import {
	questionnaireTemplate,
	type ParsedAnswer,
	type TemplateQuestion,
	type VendorAnswer
} from '$lib/tender/xlsx';
import { respondentSummary } from '$lib/tender/respondent';
import { comparisonShareSummary } from '$lib/tender/comparison-share';
import type { StoredAssessment, CostOverrides } from '$lib/assessment/schema';
import { NOT_SURE } from '$lib/rules/constants';
import type { CostKey } from '$lib/rules/schema';
import { DEFAULT_CURRENCY } from '$lib/scoring/costs';
import { convertOverrides } from '$lib/scoring/money';
import { compareOffers, offerSummaries } from '$lib/tender/compare';
import { filesRemovedHistory, offerFiles } from '$lib/tender/evidence';
import { answerMatrix } from '$lib/tender/matrix';
import { tenderQuestionAreas } from '$lib/tender/questions';
import { cappedHistory } from '$lib/tender/history';
import {
	createTenderSchemas,
	ANSWER_HISTORY_FIELDS,
	MAX_OFFERS,
	TENDER_SCHEMA_VERSION,
	type AnswerPatchBody,
	type AreaWeights,
	type CreateTenderBody,
	type HistoryEntry,
	type Offer,
	type OfferAnswer,
	type OfferBody,
	type PatchTenderBody,
	type StoredTender,
	type TenderSchemas
} from '$lib/tender/schema';
import type { FieldIssue } from '$lib/validation/issues';
import { apiError } from './http';
import { newId } from './ids';
import { checkRevision } from './revision';
import { inputSchemasFor, rules, rulesFor } from './rules';
import { getEvidenceStore, getTenderStore } from './store';
import { deleteUnreferenced } from './store/evidence-store';

const schemaCache = new Map<string, TenderSchemas>();

/** Request schemas for a tender pinned to a ruleset version (the current one for a new tender). */
export function tenderSchemasFor(version: string = rules.ruleset.version): TenderSchemas {
	let schemas = schemaCache.get(version);
	if (!schemas) {
		schemas = createTenderSchemas(inputSchemasFor(version));
		schemaCache.set(version, schemas);
	}
	return schemas;
}

/** A tender cannot hold more offers. */
export class TooManyOffersError extends Error {
	constructor() {
		super(`A tender compares at most ${MAX_OFFERS} offers`);
		this.name = 'TooManyOffersError';
	}
}

/** A state or state note for a question the offer has no answer to. */
export class NothingToJudgeError extends Error {
	constructor() {
		super(
			'This offer has no answer to this question yet: answer it, or wait for the vendor, before setting its state'
		);
		this.name = 'NothingToJudgeError';
	}
}

/** The assessment a tender is created from is pinned to an earlier ruleset. */
export class StaleAssessmentError extends Error {
	constructor(version: string) {
		super(
			`The assessment is scored with ruleset ${version}, not the current ${rules.ruleset.version}: re-score it first`
		);
		this.name = 'StaleAssessmentError';
	}
}

const withoutUndefined = <T extends object>(value: T): T =>
	Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A vendor's claims as the bid states them (typed in by the buyer): `claimed` until judged. */
function vendorAnswers(answers: OfferBody['answers'], at: string): Record<string, OfferAnswer> {
	const out: Record<string, OfferAnswer> = {};
	for (const [questionId, answer] of Object.entries(answers ?? {})) {
		if (!answer) continue;
		out[questionId] = withoutUndefined({
			option: answer.option,
			note: answer.note,
			by: 'vendor' as const,
			state: 'claimed' as const,
			updatedAt: at
		});
	}
	return out;
}

/** An assessment's answers are the buyer's own: verified. */
function buyerAnswers(
	answers: StoredAssessment['answers'],
	at: string
): Record<string, OfferAnswer> {
	const out: Record<string, OfferAnswer> = {};
	for (const [questionId, answer] of Object.entries(answers)) {
		out[questionId] = withoutUndefined({
			option: answer.option,
			note: answer.note,
			by: 'buyer' as const,
			state: 'verified' as const,
			updatedAt: at
		});
	}
	return out;
}

/** History entries for every field that changed between two versions of one answer. */
function changes(
	questionId: string,
	before: OfferAnswer | undefined,
	after: OfferAnswer | undefined,
	at: string,
	by: HistoryEntry['by'] = 'buyer'
): HistoryEntry[] {
	const entries: HistoryEntry[] = [];
	for (const field of ANSWER_HISTORY_FIELDS) {
		const old = before?.[field] ?? null;
		const now = after?.[field] ?? null;
		if (old !== now) entries.push({ at, by, questionId, field, old, new: now });
	}
	return entries;
}

const newOffer = (
	body: OfferBody,
	at: string,
	answers = vendorAnswers(body.answers, at)
): Offer => ({
	id: newId(),
	vendor: body.vendor,
	createdAt: at,
	answers,
	history: [],
	respondents: []
});

/**
 * Stores a new tender. With `assessment`, its fleet, currency, buyer country and cost overrides
 * stand in for any the body leaves out, and the first offer takes its answers (the buyer's, verified).
 */
export async function create(
	body: CreateTenderBody,
	assessment: StoredAssessment | null = null,
	now = new Date()
): Promise<StoredTender> {
	if (assessment && assessment.rulesetVersion !== rules.ruleset.version)
		throw new StaleAssessmentError(assessment.rulesetVersion);
	const at = now.toISOString();
	const fleet = body.fleet ?? assessment?.fleet;
	if (!fleet) throw new Error('A tender needs a fleet');
	const buyerCountry =
		body.buyerCountry === undefined ? assessment?.buyerCountry : (body.buyerCountry ?? undefined);
	const currency = body.currency ?? assessment?.currency;
	const record: StoredTender = withoutUndefined({
		schemaVersion: TENDER_SCHEMA_VERSION,
		id: newId(),
		revision: 1,
		rulesetVersion: rules.ruleset.version,
		createdAt: at,
		updatedAt: at,
		title: body.title,
		organisation: body.organisation,
		buyerCountry,
		currency,
		fleet,
		costs: body.costs ?? assessment?.costs ?? {},
		scoring: body.scoring,
		weights: body.weights,
		offers: body.offers.map((offer, index) =>
			index === 0 && assessment
				? newOffer(offer, at, buyerAnswers(assessment.answers, at))
				: newOffer(offer, at)
		),
		shares: []
	});
	await getTenderStore().create(record);
	return record;
}

export function read(id: string): Promise<StoredTender | null> {
	return getTenderStore().read(id);
}

/** Every change goes through here: the revision goes up, and each offer's history stays within its bounds (history.ts: every buyer entry kept, the vendor's bounded). */
const bumped = (record: StoredTender, now: Date): StoredTender => ({
	...record,
	revision: record.revision + 1,
	updatedAt: now.toISOString(),
	offers: record.offers.map((offer) => cappedHistory(offer))
});

/**
 * Applies a validated patch. The ruleset stays the one the tender is pinned to. With
 * `patch.revision`, RevisionConflictError (nothing written) unless the tender is still at it.
 */
export function update(id: string, patch: PatchTenderBody, now = new Date()) {
	return getTenderStore().update(id, (current) => {
		// Under the tender's lock: atomic with the write (see revision.ts).
		checkRevision(current, patch.revision);
		const from = current.currency ?? DEFAULT_CURRENCY;
		const to = patch.currency ?? from;
		// Overrides saved in the old currency move with it; those sent in the same patch are in the new one.
		const costs: CostOverrides = {
			...convertOverrides(rulesFor(current.rulesetVersion).costs, current.costs, from, to)
		};
		for (const [key, value] of Object.entries(patch.costs ?? {}) as [CostKey, number | null][]) {
			if (value === null) delete costs[key];
			else costs[key] = value;
		}
		const {
			buyerCountry: _buyerCountry,
			weights: _weights,
			currency: _currency,
			...rest
		} = current;
		const buyerCountry =
			patch.buyerCountry === undefined ? current.buyerCountry : (patch.buyerCountry ?? undefined);
		const weights = patch.weights === undefined ? current.weights : (patch.weights ?? undefined);
		return bumped(
			withoutUndefined({
				...rest,
				title: patch.title ?? current.title,
				organisation: patch.organisation ?? current.organisation,
				buyerCountry,
				currency: patch.currency ?? current.currency,
				fleet: patch.fleet ?? current.fleet,
				costs,
				scoring: patch.scoring ?? current.scoring,
				weights
			}),
			now
		);
	});
}

/** Adds an offer; TooManyOffersError past the limit. Null for an unknown tender. */
export async function addOffer(id: string, body: OfferBody, now = new Date()) {
	let added: Offer | null = null;
	const record = await getTenderStore().update(id, (current) => {
		if (current.offers.length >= MAX_OFFERS) throw new TooManyOffersError();
		added = newOffer(body, now.toISOString());
		return bumped({ ...current, offers: [...current.offers, added] }, now);
	});
	return record && added ? { record, offer: added as Offer } : null;
}

/**
 * Checks the question (from the URL) and the option against the ruleset the tender is pinned to,
 * with the assessment's own answer rules; issues name `questionId` or `option`.
 */
export function answerIssues(
	record: StoredTender,
	questionId: string,
	body: AnswerPatchBody
): FieldIssue[] {
	const { answersSchema } = inputSchemasFor(record.rulesetVersion);
	const probe = typeof body.option === 'string' ? { option: body.option } : {};
	const parsed = answersSchema.safeParse({ [questionId]: probe });
	if (parsed.success) return [];
	return parsed.error.issues.map((issue) => ({
		path: issue.path.length > 1 ? String(issue.path[1]) : 'questionId',
		message: issue.message
	}));
}

/** The buyer answers and/or judges one answer of one offer; every field that changes goes into the history. */
function judged(offer: Offer, questionId: string, patch: AnswerPatchBody, at: string): Offer {
	const before = offer.answers[questionId];
	let next: OfferAnswer | undefined = before ? { ...before } : undefined;
	const fresh = (): OfferAnswer => ({ by: 'buyer', state: 'verified', updatedAt: at });
	if (patch.option !== undefined) {
		next = { ...(next ?? fresh()), by: 'buyer', state: 'verified' };
		if (patch.option === null) delete next.option;
		else next.option = patch.option;
	}
	if (patch.note !== undefined) {
		next ??= fresh();
		if (patch.note === null) delete next.note;
		else next.note = patch.note;
	}
	if (patch.state !== undefined || patch.stateNote !== undefined) {
		if (!next || next.option === undefined) throw new NothingToJudgeError();
		if (patch.state !== undefined) next.state = patch.state;
		if (patch.stateNote === null) delete next.stateNote;
		else if (patch.stateNote !== undefined) next.stateNote = patch.stateNote;
	}
	// An answer left with nothing in it goes; its history stays.
	if (
		next &&
		next.option === undefined &&
		next.note === undefined &&
		next.statement === undefined &&
		!next.files?.length
	)
		next = undefined;
	const history = changes(questionId, before, next, at);
	if (history.length === 0) return offer;
	const answers = { ...offer.answers };
	if (next) answers[questionId] = { ...next, updatedAt: at };
	else delete answers[questionId];
	return { ...offer, answers, history: [...offer.history, ...history] };
}

/**
 * Applies the buyer's change to one answer. Null: no such tender; 'no-offer': no such offer in it.
 * NothingToJudgeError when a state is set on a question the offer has not answered;
 * RevisionConflictError when `patch.revision` is given and the tender is at another.
 */
export async function patchAnswer(
	id: string,
	offerId: string,
	questionId: string,
	patch: AnswerPatchBody,
	now = new Date()
) {
	let found = false;
	const record = await getTenderStore().update(id, (current) => {
		const index = current.offers.findIndex((o) => o.id === offerId);
		if (index < 0) return current;
		found = true;
		checkRevision(current, patch.revision);
		const offers = [...current.offers];
		offers[index] = judged(offers[index]!, questionId, patch, now.toISOString());
		return offers[index] === current.offers[index] ? current : bumped({ ...current, offers }, now);
	});
	if (!record) return null;
	if (!found) return 'no-offer' as const;
	return answerView(record, offerId, questionId);
}

/** One answer as the buyer reads it after a change: the answer, its history and the offer's scores. */
export function answerView(record: StoredTender, offerId: string, questionId: string) {
	const offer = record.offers.find((o) => o.id === offerId)!;
	return {
		tenderId: record.id,
		revision: record.revision,
		offerId,
		questionId,
		answer: offer.answers[questionId] ?? null,
		history: offer.history.filter((h) => h.questionId === questionId),
		result: offerSummaries(rulesFor(record.rulesetVersion), record).get(offerId)!
	};
}

/** The owner's view: the tender with each offer's claimed and verified score (weights saved with it). */
export function withResults(record: StoredTender, now = new Date()) {
	const summaries = offerSummaries(rulesFor(record.rulesetVersion), record);
	return {
		...record,
		offers: record.offers.map((offer) => ({
			...offer,
			// Respondent links without their token hashes: the owner manages them, never reuses them.
			respondents: offer.respondents.map((r) => respondentSummary(r, now)),
			result: summaries.get(offer.id)!
		})),
		// Comparison links likewise: never their token hashes.
		shares: record.shares.map((share) => comparisonShareSummary(share, now))
	};
}

/** The comparison, with the tender's ruleset; `weights` (a what-if) over the saved ones. */
export function comparison(record: StoredTender, weights?: AreaWeights) {
	return compareOffers(rulesFor(record.rulesetVersion), record, weights);
}

/** The answer for an id that names no tender. */
export const missingTender = () => apiError(404, 'No tender with this id');

/** Owner data carries the edit key: never cached. */
export const NO_STORE = { 'cache-control': 'private, no-store' };

/**
 * The questions as the vendor answers them (its page, the API view, the spreadsheet and the check of
 * an evidence upload): the same questions as the buyer's, local-profile ones included, without the
 * "not sure" option, which each of those adds in its own words.
 */
export function templateQuestions(record: StoredTender): TemplateQuestion[] {
	return askedQuestions(record).flatMap((area) =>
		area.questions.map((q) => ({
			id: q.id,
			area: area.title,
			text: q.text,
			why: q.why,
			options: q.options
		}))
	);
}

/** The offer's questionnaire as an .xlsx in `locale`, with the answers it already has (never the buyer's notes or states). */
export function questionnaireWorkbook(
	record: StoredTender,
	offer: Offer,
	locale: Locale
): Promise<Buffer> {
	const answers = Object.fromEntries(
		Object.entries(offer.answers).map(([id, a]) => [
			id,
			{ option: a.option, statement: a.statement, evidence: a.evidence }
		])
	);
	return questionnaireTemplate({
		title: record.title,
		vendor: offer.vendor,
		questions: templateQuestions(record),
		answers,
		locale
	});
}

/** One vendor answer to save: the question, and what the vendor gave (absent option: keep the one there is). */
export type VendorRow = VendorAnswer & { questionId: string };

/**
 * The offer after the vendor's answers: each answer it gives replaces the offer's answer to that
 * question (the buyer's note stays) and starts again as `claimed`; each question in `withdraw`
 * loses the vendor's answer (a buyer's own answer stays). Every changed field goes into the history
 * as the vendor's.
 */
function withVendorAnswers(
	offer: Offer,
	rows: readonly VendorRow[],
	withdraw: readonly string[],
	at: string
): Offer {
	for (const row of rows) {
		const before = offer.answers[row.questionId];
		const next: OfferAnswer = {
			...(before?.note !== undefined ? { note: before.note } : {}),
			...(row.option !== undefined
				? { option: row.option }
				: before?.option !== undefined
					? { option: before.option }
					: {}),
			...(row.statement !== undefined ? { statement: row.statement } : {}),
			...(row.evidence !== undefined ? { evidence: row.evidence } : {}),
			// Attached files stay with the answer when the vendor saves it again (or imports a spreadsheet).
			...(before?.files?.length ? { files: before.files } : {}),
			by: 'vendor',
			state: 'claimed',
			updatedAt: at
		};
		const history = changes(row.questionId, before, next, at, 'vendor');
		if (history.length === 0) continue;
		offer = {
			...offer,
			answers: { ...offer.answers, [row.questionId]: next },
			history: [...offer.history, ...history]
		};
	}
	for (const questionId of withdraw) {
		const before = offer.answers[questionId];
		if (!before || before.by !== 'vendor') continue;
		const answers = { ...offer.answers };
		// Only the buyer's note is left: it stays, as the buyer's.
		const next: OfferAnswer | undefined =
			before.note !== undefined
				? { note: before.note, by: 'buyer', state: 'verified', updatedAt: at }
				: undefined;
		if (next) answers[questionId] = next;
		else delete answers[questionId];
		// The answer's files go with it; the caller deletes the stored copies once this is written.
		const history = [
			...changes(questionId, before, next, at, 'vendor'),
			...filesRemovedHistory(questionId, before.files ?? [], at)
		];
		offer = { ...offer, answers, history: [...offer.history, ...history] };
	}
	return offer;
}

/**
 * Saves a vendor's answers as claims (see withVendorAnswers). `guard` runs under the tender's lock
 * with the offer as stored, and may throw to refuse the write (a submitted respondent link).
 * Null: no such tender; 'no-offer': no such offer.
 */
export async function saveVendorAnswers(
	id: string,
	offerId: string,
	rows: readonly VendorRow[],
	options: { withdraw?: readonly string[]; guard?: (offer: Offer) => void } = {},
	now = new Date()
) {
	let found = false;
	let dropped: string[] = [];
	const at = now.toISOString();
	const record = await getTenderStore().update(id, (current) => {
		const index = current.offers.findIndex((o) => o.id === offerId);
		if (index < 0) return current;
		found = true;
		options.guard?.(current.offers[index]!);
		const offer = withVendorAnswers(current.offers[index]!, rows, options.withdraw ?? [], at);
		if (offer === current.offers[index]) return current;
		const kept = new Set(offerFiles(offer).map((f) => f.id));
		dropped = offerFiles(current.offers[index]!)
			.filter((f) => !kept.has(f.id))
			.map((f) => f.id);
		const offers = [...current.offers];
		offers[index] = offer;
		return bumped({ ...current, offers }, now);
	});
	if (!record) return null;
	if (!found) return 'no-offer' as const;
	// Only after the record without them is on disk: a crash before leaves an unreferenced file, never a lost one.
	await deleteUnreferenced(getEvidenceStore(), dropped);
	return record;
}

/** Stores a vendor's answers read from its spreadsheet as claims. Null: no such tender; 'no-offer': no such offer. */
export function importVendorAnswers(
	id: string,
	offerId: string,
	rows: readonly ParsedAnswer[],
	now = new Date()
) {
	return saveVendorAnswers(id, offerId, rows, {}, now);
}

/** The question-by-question matrix, with the tender's own ruleset. */
export const matrixOf = (record: StoredTender) =>
	answerMatrix(rulesFor(record.rulesetVersion), record);

/** A download name from a title: letters, digits and dashes only. */
export { fileSlug } from '$lib/simulation/downloads';

/** One question as the buyer's pages show it: its options by label, "not sure" among them. */
export interface OfferQuestion {
	id: string;
	text: string;
	why: string;
	options: { id: string; label: string }[];
}

/** Every question asked of an offer, area by area (tender/questions.ts: the one list the buyer's and the vendor's are drawn from). */
const askedQuestions = (record: StoredTender) =>
	tenderQuestionAreas(rulesFor(record.rulesetVersion), record.fleet.countries);

/** Every question asked of an offer (see askedQuestions), as the buyer's pages show it: the last option is "not sure". */
export function questionSections(
	record: StoredTender
): { id: string; title: string; questions: OfferQuestion[] }[] {
	const notSure = { id: NOT_SURE, label: rulesFor(record.rulesetVersion).ruleset.notSure.label };
	return askedQuestions(record).map((area) => ({
		...area,
		questions: area.questions.map((q) => ({ ...q, options: [...q.options, notSure] }))
	}));
}

/** How far an offer is: questions answered of all asked, and vendor claims the buyer has not judged yet. */
export function offerProgress(record: StoredTender, offer: Offer) {
	const ids = questionSections(record).flatMap((s) => s.questions.map((q) => q.id));
	return {
		answered: ids.filter((id) => offer.answers[id]?.option !== undefined).length,
		total: ids.length,
		awaiting: ids.filter(
			(id) => offer.answers[id]?.option !== undefined && offer.answers[id]?.state === 'claimed'
		).length
	};
}
