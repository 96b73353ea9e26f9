/**
 * The API contract as an OpenAPI 3.1 document, generated from the zod schemas: request bodies from
 * the request schemas (their input side), responses from ./contract.ts (their output side).
 * Served at GET /api/openapi.json and rendered at /docs/api; tests/unit/api/openapi.test.ts
 * validates real responses of every endpoint against it.
 *
 * Pure: the same rules give the same document.
 */
import { z } from 'zod';
import pkg from '../../../package.json';
import {
	answerSchema,
	createInputSchemas,
	createShareBodySchema,
	LIMITS,
	storedAssessmentSchema
} from '../assessment/schema';
import { stepsFor } from '../assessment/steps';
import { BRANDING_LIMITS, PAPER_SIZES } from '../report/limits';
import type { Rules } from '../rules/load';
import { LOCAL_PROFILE_OPTIONS, NOT_SURE, rulesetSchema, SIMULATION_KEYS } from '../rules/schema';
import * as scoring from '../scoring/types';
import {
	API_MAX_DEVICE_YEARS,
	API_MAX_DEVICES,
	createSimulateBodySchema
} from '../simulation/request';
import { WEB_IMPORT_MAX } from '../assessment/export-format';
import * as contract from './contract';
import { reportSourceSchema } from './report-source';
import { ACCEPTED_KINDS, MAX_EVIDENCE_SIZE_TEXT } from '../tender/evidence';
import {
	createComparisonShareBodySchema,
	createRespondentBodySchema,
	MAX_LIVE_COMPARISON_SHARES,
	MAX_COMPARISON_SHARES,
	MAX_RESPONDENTS_PER_OFFER,
	createTenderSchemas,
	EVIDENCE_LENGTH,
	EVIDENCE_MEDIA_TYPES,
	evidenceFileSchema,
	MAX_EVIDENCE_FILES,
	historyEntrySchema,
	MAX_LIVE_RESPONDENTS,
	MAX_OFFERS,
	MIN_OFFERS,
	offerAnswerSchema,
	storedTenderSchema,
	weightsSchema
} from '../tender/schema';
import { offerComparisonSchema, scoreSummarySchema } from '../tender/compare';

/** A JSON Schema (2020-12) object, as it appears in the document. */
import {
	componentRef,
	type JsonSchema,
	type Method,
	type OpenApiDocument,
	type Operation,
	type Parameter,
	type PathItem,
	type ResponseObject,
	type MediaType,
	type Header,
	METHODS
} from './document';

export { componentRef, METHODS };
export type {
	JsonSchema,
	Method,
	OpenApiDocument,
	Operation,
	Parameter,
	PathItem,
	ResponseObject,
	MediaType,
	Header
};

const ref = (name: string): JsonSchema => ({ $ref: componentRef(name) });

type Meta = { id?: string; title?: string; description?: string };

/**
 * zod prints its full ISO date regex next to `format`; the format says it, so the pattern goes.
 * Integers without a bound get no ±2^53 bounds either: noise in a generated client. zod's `url()`
 * takes what a WHATWG URL parser takes, non-ASCII included (sources such as ".../regulación"),
 * so it is an `iri`, not an ASCII-only `uri`.
 */
function tidy({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }) {
	if (jsonSchema.format === 'date-time' || jsonSchema.format === 'date') delete jsonSchema.pattern;
	if (jsonSchema.format === 'uri' && (zodSchema._zod.def as { format?: string }).format === 'url')
		jsonSchema.format = 'iri';
	if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
	if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
}

/** Every schema of a registry as components, referring to each other by $ref. */
function componentsOf(
	registry: z.core.$ZodRegistry<Meta>,
	io: 'input' | 'output'
): Record<string, JsonSchema> {
	const { schemas } = z.toJSONSchema(registry, {
		target: 'draft-2020-12',
		io,
		unrepresentable: 'any',
		metadata: registry,
		uri: componentRef,
		override: tidy
	}) as { schemas: Record<string, JsonSchema> };
	if ('__shared' in schemas) throw new Error('A schema was reused in a cycle: give it an id');
	return Object.fromEntries(
		Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...schema }]) => [name, schema])
	);
}

/** The response components: what the API answers, from the zod schemas of ./contract.ts and the scorer. */
function responseComponents(): Record<string, JsonSchema> {
	const r = z.registry<Meta>();
	r.add(contract.errorBodySchema, {
		id: 'Error',
		description:
			'Every error of the API: a sentence, and one issue per field that is wrong (path empty for the request as a whole).'
	});
	r.add(contract.fieldIssueSchema, { id: 'FieldIssue' });
	r.add(contract.revisionConflictSchema, {
		id: 'RevisionConflict',
		description:
			"A change based on a revision the record has moved on from (If-Match, or `revision` in the body): nothing was written. `currentRevision` is the revision now stored (also the `ETag`); read the record again and send the change based on it. The issue's path names what carried the stale revision (`If-Match` or `revision`)."
	});
	r.add(storedAssessmentSchema, {
		id: 'StoredAssessment',
		description:
			'An assessment as stored and exported. `shares` is always empty in an export: links belong to the server that made them.'
	});
	r.add(storedAssessmentSchema.shape.fleet, { id: 'Fleet' });
	r.add(answerSchema, {
		id: 'Answer',
		description: `\`option\` is an option id of the question, or "${NOT_SURE}"; a note may come before the answer.`
	});
	r.add(contract.assessmentWithResultSchema, {
		id: 'Assessment',
		description:
			'An assessment as its owner reads it: the stored record without its share links, and its `result`, scored with the ruleset the assessment is pinned to (`rulesetVersion`).'
	});
	r.add(contract.rescoredAssessmentSchema, {
		id: 'RescoredAssessment',
		description:
			'The assessment after a re-score, and `rescoredFrom`: the ruleset version it had, or null when it was already current (nothing changed).'
	});
	r.add(scoring.scoreResultSchema, {
		id: 'ScoreResult',
		description:
			"The scored result. `overall.rating` is the highest of the answers' rating and every floor in `overall.floors` (lock-in signs, cost bands, country rules); `provisional` with a `range` while questions are open."
	});
	r.add(scoring.areaScoreSchema, { id: 'AreaScore' });
	r.add(scoring.findingSchema, { id: 'Finding' });
	r.add(scoring.askVendorItemSchema, { id: 'AskVendorItem' });
	r.add(scoring.roamingExposureSchema, { id: 'RoamingExposure' });
	r.add(scoring.lockInSignStatusSchema, { id: 'LockInSignStatus' });
	r.add(scoring.appliedFloorSchema, {
		id: 'AppliedFloor',
		description:
			"A minimum rating that applies, and why; `raises` when it lifts the rating above the answers'."
	});
	r.add(scoring.answerConflictSchema, { id: 'AnswerConflict' });
	r.add(scoring.architectureComparisonSchema, { id: 'ArchitectureComparison' });
	r.add(scoring.switchingCostSchema, { id: 'SwitchingCost' });
	r.add(contract.shareSummarySchema, {
		id: 'ShareSummary',
		description: 'A share link as its owner sees it. The token is never shown again after creation.'
	});
	r.add(contract.shareListSchema, { id: 'ShareList' });
	r.add(contract.createdShareSchema, {
		id: 'CreatedShare',
		description:
			'A new share link: the only answer that carries its token. The server keeps only its hash.'
	});
	r.add(contract.publicContentSchema, {
		id: 'PublicContent',
		description:
			'What a share link shows of an assessment: no id, no share list; notes only when the link includes them.'
	});
	r.add(contract.sharedViewSchema, { id: 'SharedView' });
	r.add(reportSourceSchema, {
		id: 'ReportSource',
		description:
			'What a browser needs to build the consultant report itself: the assessment as the reader may see it (notes only when they may), the ruleset it is pinned to, and the versions of the countries and cost files. The result is not included: the page that asks already shows it.'
	});
	r.add(rulesetSchema, {
		id: 'Ruleset',
		description:
			'A ruleset as published in rules/ruleset.yaml (or rules/history/ for older versions).'
	});
	r.add(contract.exportDownloadSchema, {
		id: 'ExportDocument',
		description: 'The export format, read back by POST /api/import.'
	});
	r.add(contract.importResultSchema, {
		id: 'ImportResult',
		description:
			'`created`: stored under its own id; `unchanged`: the same record is already here; `conflict`: the id holds different content, left alone.'
	});
	r.add(contract.rescorePreviewSchema, {
		id: 'RescorePreview',
		description:
			'What re-scoring with the current ruleset would change; nothing is written. `needed` is false when the assessment already uses the current ruleset; `newQuestions` counts questions the current ruleset asks this fleet that the old one did not.'
	});
	r.add(contract.rescoreSideSchema, { id: 'RescoreSide' });
	r.add(contract.rulesResponseSchema, {
		id: 'Rules',
		description:
			'The current ruleset: questions with their options (the ids `answers` takes), the rating rules (thresholds, floors, cost bands, country floors, conflicts, local profiles), every country with its roaming restriction, and the cost defaults.'
	});
	r.add(contract.simulationResponseSchema, {
		id: 'SimulationResponse',
		description:
			"Both architectures over the fleet's lifetime, facing the same random outages and data use: totals, and series with one value per period of `resolution`. Identical for identical input."
	});
	r.add(contract.simulationArchitectureSchema, { id: 'SimulationArchitecture' });
	r.add(contract.simulationTotalsSchema, { id: 'SimulationTotals' });
	r.add(storedTenderSchema, {
		id: 'StoredTender',
		description: `A tender as stored: one fleet, ${MIN_OFFERS}-${MAX_OFFERS} offers, each offer's answers with who gave them (\`by\`) and their \`state\`, and every change in the offer's \`history\`.`
	});
	r.add(offerAnswerSchema, {
		id: 'OfferAnswer',
		description:
			"`by`: who gave the answer. `state`: `claimed` (a vendor's answer not yet judged), `verified`, `disputed` or `rejected`; `stateNote` says why."
	});
	r.add(historyEntrySchema, {
		id: 'HistoryEntry',
		description:
			'One change of one field of one answer: `old` and `new` are null where the field was absent.'
	});
	r.add(contract.tenderWithResultsSchema, {
		id: 'Tender',
		description:
			'A tender as its owner reads it, each offer with `result`: its overall score with claims as given (`claimed`) and with every unverified claim as "not sure" (`verified`); in both, an open question or a rejected answer counts as "not sure", with the tender\'s saved weights. Computed on read, so a changed fleet re-scores every offer.'
	});
	r.add(scoreSummarySchema, { id: 'ScoreSummary' });
	r.add(contract.offerResultSchema, { id: 'OfferResult' });
	r.add(contract.createdOfferSchema, { id: 'CreatedOffer' });
	r.add(contract.answerViewSchema, {
		id: 'OfferAnswerView',
		description:
			"One answer after a change: the answer (null when none is left), its history, and the offer's scores."
	});
	r.add(offerComparisonSchema, {
		id: 'OfferComparison',
		description:
			'`areas`, `floors` and `switchingCost` are those of the view the ranking uses (`scoredAs`).'
	});
	r.add(contract.respondentSummarySchema, {
		id: 'RespondentSummary',
		description:
			"A vendor's respondent link as the buyer sees it: never its token. `submittedAt`: when the vendor submitted (null while it may write); `status`: `active`, `expired` or `revoked`."
	});
	r.add(contract.respondentListSchema, { id: 'RespondentList' });
	r.add(contract.createdRespondentSchema, {
		id: 'CreatedRespondent',
		description:
			'A new respondent link: the only answer that carries its token. The server keeps only its hash.'
	});
	r.add(contract.respondentViewSchema, {
		id: 'RespondentView',
		description:
			"What a vendor reads through its link: the tender's title and organisation, its own vendor name, the questions (the ruleset's, and `local_profile_<cc>` for each fleet country that asks one, as the buyer's pages ask them; `options` leaves out `\"not_sure\"`, which every question also takes), and the answers it gave (option, statement, evidence, and the files it attached: id, name, type and size, never a way to download them). Never the tender id, other offers, the buyer's notes, states, history, scores, weights or costs."
	});
	r.add(contract.evidenceUploadedSchema, { id: 'EvidenceUploaded' });
	r.add(evidenceFileSchema, {
		id: 'EvidenceFile',
		description:
			'A file the vendor attached to an answer as evidence: `name` cleaned, `mediaType` recognised from the content, `size` in bytes, `sha256` of the bytes. The buyer downloads it at /api/tenders/{id}/offers/{offerId}/evidence/{fileId}.'
	});
	r.add(contract.questionnaireImportSchema, {
		id: 'QuestionnaireImport',
		description:
			'The rows read from a filled questionnaire, each with its worksheet row, and every problem by row and column.'
	});
	r.add(contract.comparisonShareSummarySchema, {
		id: 'ComparisonShareSummary',
		description:
			"A read-only comparison link as the buyer sees it: never its token or the token's hash."
	});
	r.add(contract.comparisonShareListSchema, { id: 'ComparisonShareList' });
	r.add(contract.createdComparisonShareSchema, {
		id: 'CreatedComparisonShare',
		description:
			'A new comparison link: the only answer that carries its token. The server keeps only its hash.'
	});
	r.add(contract.sharedComparisonSchema, {
		id: 'SharedComparison',
		description:
			"The comparison as a link's recipient reads it, with the weights saved with the tender: never the tender's id (its edit key), respondent links, the buyer's notes or state notes, the history or evidence files."
	});
	r.add(contract.tenderComparisonSchema, {
		id: 'TenderComparison',
		description:
			"`ranking`: offer ids from the least locked-in to the most, by the tender's scoring mode (`as_given`: claimed scores; `unverified_as_not_sure`: verified scores); ties go by vendor name. `weights`: every area's weight as used (the ruleset's, then the tender's saved ones, then the request's); floors apply whatever the weights."
	});
	return componentsOf(r, 'output');
}

const RULE_BOUND =
	'Checked against the ruleset the assessment is pinned to (GET /api/rules for the current one); a failure answers 400 with the field path.';

/** The request components: the request schemas' input side, with the checks JSON Schema cannot say. */
function requestComponents(rules: Rules): Record<string, JsonSchema> {
	const schemas = createInputSchemas(rules, stepsFor(rules.ruleset));
	const r = z.registry<Meta>();
	r.add(schemas.fleetSchema, {
		id: 'FleetInput',
		description: `The fleet. \`countries\`: ISO 3166 alpha-2 codes this server knows (GET /api/rules, \`countries[].code\`), each once. \`devicesByCountry\` (optional): devices per deployment country; counts add up to at most \`devices\`, and exactly \`devices\` when every country has a count (leave one country out to take the rest). ${RULE_BOUND}`
	});
	r.add(schemas.answersSchema, {
		id: 'AnswersInput',
		description: `Answers by question id. Keys: \`areas[].questions[].id\` of GET /api/rules, or \`local_profile_<cc>\` for a deployment country whose rule restricts roaming (options ${LOCAL_PROFILE_OPTIONS.map((o) => `\`${o}\``).join(', ')}). \`option\`: one of that question's \`options[].id\`, or \`"${NOT_SURE}"\`. In a PATCH, \`null\` clears an answer. ${RULE_BOUND}`
	});
	r.add(schemas.createBody, {
		id: 'CreateAssessmentBody',
		description: `A new assessment. Text limits: title, organisation and vendor ${LIMITS.titleLength} characters (trimmed), notes ${LIMITS.noteLength.toLocaleString('en')}. \`lastStep\` is the questionnaire step to resume at.`
	});
	r.add(schemas.patchBody, {
		id: 'PatchAssessmentBody',
		description:
			'A partial change: send at least one field. `answers` merges by question id (`null` clears one); `costs` merges by key (`null` goes back to the default); `fleet` replaces the whole fleet. `revision` (optional, not a change): the revision the change was based on, as If-Match; 409 when the assessment is at another.'
	});
	r.add(createShareBodySchema, {
		id: 'CreateShareBody',
		description:
			'A read-only link. `expiresAt`: a date (the link works until the end of that day, UTC) or a date-time with its time zone; it must be in the future.'
	});
	r.add(contract.rescoreBodySchema, {
		id: 'RescoreBody',
		description:
			'Optional. `expectedVersion`: the `to.version` the preview showed; 409 if the current ruleset is another.'
	});
	r.add(contract.importBodySchema, {
		id: 'ImportBody',
		description: `An export (GET /api/assessments/{id}/export), at most ${WEB_IMPORT_MAX} assessments. Each record (StoredAssessment; older schema versions are migrated) is checked against the ruleset it is pinned to, and a version this server does not know is refused (400, path \`assessments.<n>.rulesetVersion\`). Nothing is written unless every record passes; ids are kept, so importing twice adds nothing.`
	});
	r.add(createSimulateBodySchema(rules, schemas), {
		id: 'SimulateBody',
		description: `Either \`assessmentId\` (the fleet, answers and ruleset of a stored assessment) or \`fleet\` (the recommended architecture against one carrier with per-SIM caps), not both. At most ${API_MAX_DEVICES.toLocaleString('en')} devices and ${API_MAX_DEVICE_YEARS.toLocaleString('en')} device-years (devices x lifetime). \`params\` (${SIMULATION_KEYS.length} keys) lie within the ranges of rules/simulation.yaml; scenario countries must be known, and \`switchYear\` within the lifetime.`
	});
	const tender = createTenderSchemas(schemas);
	r.add(weightsSchema, {
		id: 'AreaWeightsInput',
		description:
			"What-if area weights by area id (`network`, `sim`, `data`, `platform`, `contract`, `security`): more than 0, at most 10. Areas left out keep the ruleset's weight."
	});
	r.add(tender.offerBody, {
		id: 'OfferInput',
		description: `An offer. \`answers\` (optional): the vendor's claims as the bid states them, by question id as in an assessment; stored as given by the vendor, in state \`claimed\`. ${RULE_BOUND}`
	});
	r.add(tender.createBody, {
		id: 'CreateTenderBody',
		description: `A new tender with ${MIN_OFFERS}-${MAX_OFFERS} offers. \`fleet\` is required unless \`fromAssessment\` names an assessment (by its id), whose fleet, currency, buyer country and cost overrides then stand in for any left out, and whose answers become the first offer's (the buyer's, verified; that offer sends no \`answers\`). \`scoring\`: how the ranking reads claims (default \`as_given\`).`
	});
	r.add(tender.patchBody, {
		id: 'PatchTenderBody',
		description:
			"A partial change: send at least one field. `fleet` replaces the whole fleet (every offer is re-scored with it); `costs` merges by key (`null` goes back to the default); `weights` replaces the saved weights (`null` goes back to the ruleset's); `buyerCountry` `null` clears it. `revision` (optional, not a change): the tender's revision the change was based on, as If-Match; 409 when the tender is at another."
	});
	r.add(tender.answerPatchBody, {
		id: 'PatchOfferAnswerBody',
		description: `The buyer's change to one answer: send at least one field. \`option\` (an option id of the question in the URL, or \`"${NOT_SURE}"\`; \`null\` clears it) is the buyer's own answer and counts as verified. \`state\` judges the answer there is (409 when there is none). Every field that changes is appended to the offer's history. \`revision\` (optional, not a change): the tender's revision the change was based on, as If-Match; 409 when the tender is at another.`
	});
	r.add(createRespondentBodySchema, {
		id: 'CreateRespondentBody',
		description: `A respondent link for one offer's vendor. \`expiresAt\`: a date (the link works until the end of that day, UTC) or a date-time with its time zone; it must be in the future. At most ${MAX_LIVE_RESPONDENTS} live links per offer, and ${MAX_RESPONDENTS_PER_OFFER} in all (revoked and expired ones included).`
	});
	r.add(createComparisonShareBodySchema, {
		id: 'CreateComparisonShareBody',
		description: `A read-only link to the tender's comparison. \`expiresAt\`: a date (the link works until the end of that day, UTC) or a date-time with its time zone; it must be in the future. At most ${MAX_LIVE_COMPARISON_SHARES} live links per tender, and ${MAX_COMPARISON_SHARES} in all (revoked and expired ones included).`
	});
	r.add(tender.respondBody, {
		id: 'RespondBody',
		description: `The vendor's answers by question id (send at least one): \`option\` (required: an option id of the question, or \`"${NOT_SURE}"\`), \`statement\` (at most ${LIMITS.noteLength.toLocaleString('en')} characters) and \`evidence\` (a document and section, at most ${EVIDENCE_LENGTH} characters). \`null\` withdraws the vendor's answer. Unknown questions and options answer 400 with the path (\`answers.<id>\`, \`answers.<id>.option\`). ${RULE_BOUND}`
	});
	return componentsOf(r, 'input');
}

/* ---- Responses ---- */

const JSON_TYPE = 'application/json';

const jsonResponse = (
	description: string,
	schema: string | JsonSchema,
	headers?: Record<string, Header>
): ResponseObject => ({
	description,
	...(headers ? { headers } : {}),
	content: { [JSON_TYPE]: { schema: typeof schema === 'string' ? ref(schema) : schema } }
});

const errorResponse = (description: string, headers?: Record<string, Header>) =>
	jsonResponse(description, 'Error', headers);

const header = (description: string, schema: JsonSchema = { type: 'string' }): Header => ({
	description,
	schema
});

const noStore = { 'Cache-Control': header('`private, no-store`: owner data is never cached.') };

/** The record's revision as an entity tag, on every read and change of an assessment or tender. */
const etag = {
	ETag: header(
		'The revision as a strong entity tag, e.g. `"7"` (`W/"7"` when the answer was compressed): send it back as If-Match with the next change.',
		{ type: 'string', pattern: '^(W/)?"(0|[1-9][0-9]*)"$' }
	)
};
/** 200 of a read or change of a record with a revision: owner data, never cached, with its ETag. */
const revisioned = { ...noStore, ...etag };

/** 409 for a change based on a revision the record has moved on from. */
const staleRevision = (what: string) =>
	jsonResponse(
		`The ${what} is no longer at the revision this change was based on (If-Match or \`revision\`): nothing was written. \`currentRevision\` and the \`ETag\` give the revision now stored.`,
		'RevisionConflict',
		etag
	);

const errors = {
	invalid: errorResponse('The request is invalid: `issues` names every field path that is wrong.'),
	crossSite:
		'A browser sent this write from another site (foreign `Origin`, or `Sec-Fetch-Site: cross-site`).',
	shareToken:
		'The id is a share token: share links read, they never edit (read it at /api/shared/{token}).',
	notFound: errorResponse('No assessment with this id.'),
	tooLarge: errorResponse(
		'The body is larger than the server accepts (`BODY_SIZE_LIMIT`, 512 KB by default).'
	),
	notJson: errorResponse('The body is not sent as `application/json`.'),
	rateLimited: errorResponse(
		'Too many requests from this client for this purpose (`RATE_LIMITS`): wait as `Retry-After` says.',
		{
			'Retry-After': header('Seconds to wait before trying again.', { type: 'integer', minimum: 1 })
		}
	),
	busy: errorResponse(
		'The server is busy: the queue of PDF reports and simulations is full (`JOB_QUEUE`), or this job ran past its time limit (`JOB_TIME_LIMIT`). Try again later.',
		{
			'Retry-After': header('Seconds to wait before trying again (when the queue was full).', {
				type: 'integer',
				minimum: 1
			})
		}
	),
	diskFull: errorResponse(
		'The server is out of disk space: this change was not saved, and everything saved before is intact.'
	),
	reportTooLong: errorResponse(
		'The report would pass its page limit (200 pages): shorten the notes or the country list.'
	),
	linkGone: errorResponse('The share link was revoked or has expired.'),
	linkUnknown: errorResponse('No such share link.'),
	tenderNotFound: errorResponse('No tender with this id.'),
	respondUnknown: errorResponse('No such respondent link.'),
	respondGone: errorResponse('The respondent link was revoked or has expired.'),
	respondSubmitted: errorResponse(
		'The vendor submitted: the link reads only until the buyer reopens it.'
	)
};

/** 403 for the given reasons, in one sentence each. */
const forbidden = (...reasons: string[]) => errorResponse(reasons.join(' Or: '));

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The answers every write with a JSON body can give besides its own. */
const bodyErrors = { '400': errors.invalid, '413': errors.tooLarge, '415': errors.notJson };

/* ---- Parameters ---- */

const idParam: Parameter = {
	name: 'id',
	in: 'path',
	required: true,
	description:
		'The assessment id (22 characters, base64url): also its edit key, so keep it private.',
	schema: { type: 'string' }
};
const tokenParam: Parameter = {
	name: 'token',
	in: 'path',
	required: true,
	description: 'A share token (22 characters, base64url), as in the link `/s/{token}`.',
	schema: { type: 'string' }
};
const shareIdParam: Parameter = {
	name: 'shareId',
	in: 'path',
	required: true,
	description: "The share link's `id` (from GET /api/assessments/{id}/shares), not its token.",
	schema: { type: 'string' }
};

/** The revision a change was based on (the ETag of the read), for PATCH of an assessment or tender. */
const ifMatchParam = (what: string): Parameter => ({
	name: 'If-Match',
	in: 'header',
	required: false,
	description: `The ${what}'s revision this change was based on: the ETag of your read, e.g. \`"7"\` (\`W/"7"\` counts as the same revision), or \`*\` for any revision. Stale: 409, nothing written. Anything else answers 400 (path \`If-Match\`). The body's \`revision\` says the same; when both are sent they must agree (400, path \`revision\`). Without either, changes apply one after another.`,
	schema: { type: 'string', pattern: '^(\\*|(W/)?"(0|[1-9][0-9]*)")$' }
});

const tenderIdParam: Parameter = {
	name: 'id',
	in: 'path',
	required: true,
	description: 'The tender id (22 characters, base64url): also its edit key, so keep it private.',
	schema: { type: 'string' }
};
const offerIdParam: Parameter = {
	name: 'offerId',
	in: 'path',
	required: true,
	description: "An offer's `id` (from the tender's `offers`).",
	schema: { type: 'string' }
};
const questionIdParam: Parameter = {
	name: 'questionId',
	in: 'path',
	required: true,
	description:
		"A question id of the tender's ruleset (GET /api/rules), or `local_profile_<cc>`; an unknown one answers 400 (path `questionId`).",
	schema: { type: 'string' }
};
const comparisonShareIdParam: Parameter = {
	name: 'shareId',
	in: 'path',
	required: true,
	description: "The comparison link's `id` (from GET /api/tenders/{id}/shares), not its token.",
	schema: { type: 'string' }
};
const comparisonTokenParam: Parameter = {
	name: 'token',
	in: 'path',
	required: true,
	description: "A comparison link's token (22 characters, base64url), as in the link `/c/{token}`.",
	schema: { type: 'string' }
};
const respondentIdParam: Parameter = {
	name: 'respondentId',
	in: 'path',
	required: true,
	description: "The respondent link's `id` (from GET .../respondents), not its token.",
	schema: { type: 'string' }
};
const respondTokenParam: Parameter = {
	name: 'token',
	in: 'path',
	required: true,
	description:
		"A respondent token (22 characters, base64url), as in the link `/respond/{token}`. It opens this one offer's questionnaire and nothing else.",
	schema: { type: 'string' }
};
const weightsParam: Parameter = {
	name: 'weights',
	in: 'query',
	required: false,
	description:
		"What-if area weights as `area:weight` pairs, e.g. `network:2,sim:1` (more than 0, at most 10). Not saved; they override the tender's saved weights area by area. A bad value answers 400 (path `weights`).",
	schema: { type: 'string' }
};

const textParam = (name: string, what: string): Parameter => ({
	name,
	in: 'query',
	required: false,
	description: `${what}, one line; at most ${BRANDING_LIMITS.textLength} characters after trimming.`,
	schema: { type: 'string', maxLength: BRANDING_LIMITS.textLength }
});
/** The language of a report's words and rule texts; without it, the request's (cookie, Accept-Language). */
const localeParam: Parameter = {
	name: 'locale',
	in: 'query',
	required: false,
	description:
		"The report's language: `en` or `de`. Without it, the request's language (the `PARAGLIDE_LOCALE` cookie, else Accept-Language, else English). Another value answers 400.",
	schema: { type: 'string', enum: ['en', 'de'] }
};
const brandingParams: Parameter[] = [
	textParam('title', "Report title on the cover (default: the assessment's title)"),
	textParam('consultant', 'Consultant name on the cover'),
	textParam('firm', "Consultant's firm on the cover"),
	{
		name: 'paper',
		in: 'query',
		required: false,
		description: 'Paper size (case-insensitive). Unknown or repeated parameters answer 400.',
		schema: { type: 'string', enum: [...PAPER_SIZES], default: 'a4' }
	},
	localeParam
];

const pdfResponse: ResponseObject = {
	description: 'The consultant report as a PDF download (`lock-in-radar-<title>.pdf`).',
	headers: {
		'Content-Disposition': header('`attachment; filename="lock-in-radar-<title>.pdf"`'),
		...noStore
	},
	content: {
		'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } }
	}
};

const jsonBody = (schema: string, required = true, description?: string) => ({
	required,
	...(description ? { description } : {}),
	content: { [JSON_TYPE]: { schema: ref(schema) } }
});

/* ---- The document ---- */

function paths(rules: Rules): Record<string, PathItem> {
	const assessmentMissing = {
		'403': forbidden(errors.shareToken),
		'404': errors.notFound
	};
	const writeMissing = {
		'403': forbidden(errors.crossSite, errors.shareToken),
		'404': errors.notFound
	};
	return {
		'/api/assessments': {
			post: {
				operationId: 'createAssessment',
				tags: ['Assessments'],
				summary: 'Create an assessment',
				description:
					'Stores the assessment under a new random id, pinned to the current ruleset, and answers it scored.',
				requestBody: jsonBody('CreateAssessmentBody'),
				responses: {
					'201': jsonResponse(
						'Created: the stored assessment with its `id` and `result`.',
						'Assessment',
						{
							Location: header('`/api/assessments/{id}`')
						}
					),
					...bodyErrors,
					'403': forbidden(errors.crossSite),
					'429': errors.rateLimited
				}
			}
		},
		'/api/assessments/{id}': {
			get: {
				operationId: 'getAssessment',
				tags: ['Assessments'],
				summary: 'Read an assessment and its result',
				parameters: [idParam],
				responses: {
					'200': jsonResponse('The assessment and its result.', 'Assessment', revisioned),
					...assessmentMissing
				}
			},
			patch: {
				operationId: 'updateAssessment',
				tags: ['Assessments'],
				summary: 'Change an assessment',
				description:
					'A partial update, checked against the ruleset the assessment is pinned to; the revision goes up and the ruleset stays. An unknown id answers 404 before the body is read. With If-Match (or `revision` in the body) the change is written only if the assessment is still at that revision, compared under the same lock as the write; otherwise 409 with the current revision.',
				parameters: [idParam, ifMatchParam('assessment')],
				requestBody: jsonBody('PatchAssessmentBody'),
				responses: {
					'200': jsonResponse('The changed assessment and its result.', 'Assessment', revisioned),
					...bodyErrors,
					...writeMissing,
					'409': staleRevision('assessment')
				}
			}
		},
		'/api/assessments/{id}/export': {
			get: {
				operationId: 'exportAssessment',
				tags: ['Export and import'],
				summary: 'Download an assessment as a JSON file',
				description:
					"The owner's copy, without share links, in the format POST /api/import takes back.",
				parameters: [idParam],
				responses: {
					'200': jsonResponse('The export document, as a download.', 'ExportDocument', {
						'Content-Disposition': header('`attachment; filename="lock-in-radar-<title>.json"`'),
						...noStore
					}),
					...assessmentMissing
				}
			}
		},
		'/api/assessments/{id}/report.pdf': {
			get: {
				operationId: 'assessmentReportPdf',
				tags: ['Reports'],
				summary: 'The consultant report (PDF), notes included',
				description:
					'Branding comes as query parameters; a logo cannot travel in a URL, so only the in-browser download offers one.',
				parameters: [idParam, ...brandingParams],
				responses: {
					'200': pdfResponse,
					'400': errors.invalid,
					...assessmentMissing,
					'429': errors.rateLimited
				}
			}
		},
		'/api/assessments/{id}/rescore': {
			get: {
				operationId: 'previewRescore',
				tags: ['Assessments'],
				summary: 'Preview re-scoring with the current ruleset',
				description:
					'What moving the assessment to the current ruleset would change. Nothing is written.',
				parameters: [idParam],
				responses: {
					'200': jsonResponse('The preview.', 'RescorePreview', noStore),
					...assessmentMissing
				}
			},
			post: {
				operationId: 'applyRescore',
				tags: ['Assessments'],
				summary: 'Move the assessment to the current ruleset',
				description: `Sets \`rulesetVersion\` to the current ruleset (${rules.ruleset.version} on this server) and bumps \`revision\`. Safe to repeat: an assessment already current is answered unchanged, with \`rescoredFrom: null\`.`,
				parameters: [idParam],
				requestBody: jsonBody(
					'RescoreBody',
					false,
					'Optional: no body, or an empty one, re-scores to whatever is current.'
				),
				responses: {
					'200': jsonResponse('The re-scored assessment.', 'RescoredAssessment', noStore),
					...bodyErrors,
					...writeMissing,
					'409': errorResponse(
						'The current ruleset is not `expectedVersion` (path `expectedVersion`): preview again.'
					)
				}
			}
		},
		'/api/assessments/{id}/shares': {
			get: {
				operationId: 'listShares',
				tags: ['Sharing'],
				summary: "List an assessment's share links",
				parameters: [idParam],
				responses: {
					'200': jsonResponse('Every link, active or not, with its status.', 'ShareList', noStore),
					...assessmentMissing
				}
			},
			post: {
				operationId: 'createShare',
				tags: ['Sharing'],
				summary: 'Create a read-only share link',
				parameters: [idParam],
				requestBody: jsonBody('CreateShareBody'),
				responses: {
					'201': jsonResponse(
						'The new link, with its token and URL (shown only now).',
						'CreatedShare',
						noStore
					),
					...bodyErrors,
					...writeMissing,
					'429': errors.rateLimited
				}
			}
		},
		'/api/assessments/{id}/shares/{shareId}': {
			delete: {
				operationId: 'revokeShare',
				tags: ['Sharing'],
				summary: 'Revoke a share link',
				description: 'For good: the token then answers 410. Revoking twice is fine.',
				parameters: [idParam, shareIdParam],
				responses: {
					'204': { description: 'Revoked.' },
					'403': forbidden(errors.crossSite, errors.shareToken),
					'404': errorResponse('No assessment with this id, or no such share link on it.')
				}
			}
		},
		'/api/shared/{token}': {
			get: {
				operationId: 'readShared',
				tags: ['Sharing'],
				summary: 'Read an assessment through a share link',
				description:
					'Read-only: writes to this path answer 403. Sent with `Referrer-Policy: same-origin`, `X-Robots-Tag: noindex` and `Cache-Control: private, no-store`.',
				parameters: [tokenParam],
				responses: {
					'200': jsonResponse('The shared assessment and its result.', 'SharedView', noStore),
					'404': errors.linkUnknown,
					'410': errors.linkGone
				}
			}
		},
		'/api/shared/{token}/report.pdf': {
			get: {
				operationId: 'sharedReportPdf',
				tags: ['Reports'],
				summary: 'The consultant report (PDF) through a share link',
				description: 'Built from what the link shows: notes only when the link includes them.',
				parameters: [tokenParam, ...brandingParams],
				responses: {
					'200': pdfResponse,
					'400': errors.invalid,
					'404': errors.linkUnknown,
					'410': errors.linkGone,
					'429': errors.rateLimited
				}
			}
		},
		// The report's source for the browser, fetched when a PDF is asked for, not sent with each page.
		'/api/assessments/{id}/report-source': {
			get: {
				operationId: 'assessmentReportSource',
				tags: ['Reports'],
				summary: "What a browser needs to build the owner's report (JSON)",
				description:
					'The assessment with its notes and the ruleset it is pinned to; with the result the page already shows, the browser builds the same PDF as GET /api/assessments/{id}/report.pdf, and can add a logo.',
				parameters: [idParam, localeParam],
				responses: {
					'200': jsonResponse('The report source.', 'ReportSource', noStore),
					'400': errors.invalid,
					...assessmentMissing
				}
			}
		},
		'/api/shared/{token}/report-source': {
			get: {
				operationId: 'sharedReportSource',
				tags: ['Reports'],
				summary: 'What a browser needs to build the report behind a share link (JSON)',
				description:
					'Built from what the link shows: notes only when the link includes them. The token opens this as it opens /s/{token} and its PDF.',
				parameters: [tokenParam, localeParam],
				responses: {
					'200': jsonResponse('The report source.', 'ReportSource', noStore),
					'400': errors.invalid,
					'404': errors.linkUnknown,
					'410': errors.linkGone
				}
			}
		},
		'/api/import': {
			post: {
				operationId: 'importAssessments',
				tags: ['Export and import'],
				summary: 'Import an export file',
				description:
					'Every record is checked before anything is written; one bad record rejects the file with the path of each problem (e.g. `assessments.2.fleet.devices`). Share links are not imported.',
				requestBody: jsonBody('ImportBody'),
				responses: {
					'200': jsonResponse('What happened to each record.', 'ImportResult'),
					...bodyErrors,
					'403': forbidden(errors.crossSite),
					'429': errors.rateLimited
				}
			}
		},
		'/api/rules': {
			get: {
				operationId: 'getRules',
				tags: ['Rules'],
				summary: 'The current ruleset, countries and cost defaults',
				responses: {
					'200': jsonResponse('The rules.', 'Rules', {
						'Cache-Control': header('`public, max-age=300`')
					})
				}
			}
		},
		'/api/simulate': {
			post: {
				operationId: 'simulate',
				tags: ['Simulation'],
				summary: 'Simulate a fleet over its lifetime',
				requestBody: jsonBody('SimulateBody'),
				responses: {
					'200': jsonResponse('The simulation.', 'SimulationResponse'),
					...bodyErrors,
					'403': forbidden(
						errors.crossSite,
						`\`assessmentId\` is a share token. ${errors.shareToken}`
					),
					'404': errorResponse('No assessment with `assessmentId`.'),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders': {
			post: {
				operationId: 'createTender',
				tags: ['Tenders'],
				summary: 'Create a tender',
				description:
					"Stores the tender under a new random id, pinned to the current ruleset, and answers it with each offer's scores.",
				requestBody: jsonBody('CreateTenderBody'),
				responses: {
					'201': jsonResponse(
						"Created: the tender with its `id` and each offer's `id`.",
						'Tender',
						{ Location: header('`/api/tenders/{id}`'), ...noStore }
					),
					...bodyErrors,
					'403': forbidden(errors.crossSite, '`fromAssessment` is a share token.'),
					'404': errorResponse('No assessment with `fromAssessment`.'),
					'409': errorResponse(
						'The assessment of `fromAssessment` is pinned to an earlier ruleset: re-score it first.'
					),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}': {
			get: {
				operationId: 'getTender',
				tags: ['Tenders'],
				summary: "Read a tender and its offers' scores",
				parameters: [tenderIdParam],
				responses: {
					'200': jsonResponse('The tender.', 'Tender', revisioned),
					'404': errors.tenderNotFound,
					'429': errors.rateLimited
				}
			},
			patch: {
				operationId: 'updateTender',
				tags: ['Tenders'],
				summary: 'Change a tender',
				description:
					'A partial update; the revision goes up. A new fleet re-scores every offer (scores are computed on read). An unknown id answers 404 before the body is read. With If-Match (or `revision` in the body) the change is written only if the tender is still at that revision, compared under the same lock as the write; otherwise 409 with the current revision.',
				parameters: [tenderIdParam, ifMatchParam('tender')],
				requestBody: jsonBody('PatchTenderBody'),
				responses: {
					'200': jsonResponse('The changed tender.', 'Tender', revisioned),
					...bodyErrors,
					'403': forbidden(errors.crossSite),
					'404': errors.tenderNotFound,
					'409': staleRevision('tender'),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/offers': {
			post: {
				operationId: 'addTenderOffer',
				tags: ['Tenders'],
				summary: 'Add an offer',
				parameters: [tenderIdParam],
				requestBody: jsonBody('OfferInput'),
				responses: {
					'201': jsonResponse("The new offer's id.", 'CreatedOffer', noStore),
					...bodyErrors,
					'403': forbidden(errors.crossSite),
					'404': errors.tenderNotFound,
					'409': errorResponse(`The tender already has ${MAX_OFFERS} offers.`),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/offers/{offerId}/answers/{questionId}': {
			patch: {
				operationId: 'patchTenderAnswer',
				tags: ['Tenders'],
				summary: 'Answer, verify, dispute or reject one answer of an offer',
				description:
					"The buyer answers directly (`option`, counted as verified) and/or judges the answer there is (`state`, `stateNote`). Every field that changes is appended to the offer's history with who, when, the old and the new value. Saves of different answers of one offer run one after another, so none is lost. With If-Match (or `revision` in the body), the tender's revision the change was based on: written only if the tender is still at it, otherwise 409 with the current revision.",
				parameters: [tenderIdParam, offerIdParam, questionIdParam, ifMatchParam('tender')],
				requestBody: jsonBody('PatchOfferAnswerBody'),
				responses: {
					'200': jsonResponse('The answer after the change.', 'OfferAnswerView', revisioned),
					...bodyErrors,
					'403': forbidden(errors.crossSite),
					'404': errorResponse('No tender with this id, or no such offer in it.'),
					'409': jsonResponse(
						'A `state` or `stateNote` for a question the offer has not answered (Error, path `state`). Or the tender is no longer at the revision this change was based on (RevisionConflict, with the current revision as `currentRevision` and the `ETag`): nothing was written.',
						{ anyOf: [ref('RevisionConflict'), ref('Error')] }
					),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/offers/{offerId}/questionnaire': {
			get: {
				operationId: 'getOfferQuestionnaire',
				tags: ['Tenders'],
				summary: "The offer's questionnaire as an .xlsx for the vendor",
				description:
					"One row per question of the tender's ruleset, with why it matters and the question's own answers as a drop-down; the offer's answers so far (option, statement, evidence) are filled in. No buyer notes, states, scores or weights. Only the answer, statement and evidence columns are editable.",
				parameters: [tenderIdParam, offerIdParam],
				responses: {
					'200': {
						description: 'The workbook (`<vendor>-questionnaire.xlsx`).',
						headers: {
							'Content-Disposition': header('`attachment; filename="<vendor>-questionnaire.xlsx"`'),
							...noStore
						},
						content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } }
					},
					'404': errorResponse('No tender with this id, or no such offer in it.')
				}
			},
			post: {
				operationId: 'importOfferQuestionnaire',
				tags: ['Tenders'],
				summary: "Read a filled questionnaire, and save it as the vendor's claims",
				description:
					"The body is the .xlsx file itself (at most 2 MB). Every row is checked against the tender's questions first. Without `apply=true` nothing is saved: the answer lists the rows read and every issue. With it, the rows are saved as the vendor's claims (state `claimed`, each change in the history as the vendor's), or, when any row has an issue, nothing is saved and the answer is 422 with the issues.",
				parameters: [
					tenderIdParam,
					offerIdParam,
					{
						name: 'apply',
						in: 'query',
						required: false,
						description: '`true` to save the rows; anything else previews.',
						schema: { type: 'string', enum: ['true', 'false'] }
					}
				],
				requestBody: {
					required: true,
					content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } }
				},
				responses: {
					'200': jsonResponse(
						'The rows read, every issue, and whether they were saved.',
						'QuestionnaireImport',
						noStore
					),
					'400': errorResponse(
						'The file is not the questionnaire workbook (not an .xlsx, a sheet or column renamed, unreadable).'
					),
					'403': forbidden(errors.crossSite),
					'404': errorResponse('No tender with this id, or no such offer in it.'),
					'413': errorResponse('The file is larger than 2 MB.'),
					'415': errorResponse('The body is not sent as the .xlsx content type.'),
					'422': errorResponse(
						'`apply=true`, but some rows have problems (`issues`, path `rows.<row>.<column>`): nothing was saved.'
					),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/offers/{offerId}/respondents': {
			get: {
				operationId: 'listRespondents',
				tags: ['Respondents'],
				summary: "List an offer's respondent links",
				parameters: [tenderIdParam, offerIdParam],
				responses: {
					'200': jsonResponse(
						'Every link of the offer, live or not, with its status; never a token.',
						'RespondentList',
						noStore
					),
					'404': errorResponse('No tender with this id, or no such offer in it.')
				}
			},
			post: {
				operationId: 'createRespondent',
				tags: ['Respondents'],
				summary: "Create a respondent link for the offer's vendor",
				description: `The vendor answers the questionnaire through \`url\` (\`/respond/{token}\`): questions and its own answers only. The token is 128 random bits; the server keeps only its hash. At most ${MAX_LIVE_RESPONDENTS} live links per offer, and ${MAX_RESPONDENTS_PER_OFFER} in all (revoked and expired ones included).`,
				parameters: [tenderIdParam, offerIdParam],
				requestBody: jsonBody('CreateRespondentBody'),
				responses: {
					'201': jsonResponse(
						'The new link, with its token and URL (shown only now).',
						'CreatedRespondent',
						noStore
					),
					...bodyErrors,
					'403': forbidden(errors.crossSite),
					'404': errorResponse('No tender with this id, or no such offer in it.'),
					'409': errorResponse(
						`The offer already has ${MAX_LIVE_RESPONDENTS} live respondent links (revoke one first), or has had ${MAX_RESPONDENTS_PER_OFFER} in all.`
					),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/offers/{offerId}/respondents/{respondentId}': {
			delete: {
				operationId: 'revokeRespondent',
				tags: ['Respondents'],
				summary: 'Revoke a respondent link',
				description:
					'For good: the token then answers 410 everywhere. The answers the vendor gave stay. Revoking twice is fine.',
				parameters: [tenderIdParam, offerIdParam, respondentIdParam],
				responses: {
					'204': { description: 'Revoked.' },
					'403': forbidden(errors.crossSite),
					'404': errorResponse(
						'No tender with this id, no such offer in it, or no such link on the offer.'
					),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/offers/{offerId}/respondents/{respondentId}/reopen': {
			post: {
				operationId: 'reopenRespondent',
				tags: ['Respondents'],
				summary: 'Reopen a submitted respondent link',
				description:
					'The vendor may change its answers again (and submit again). A link not submitted is answered unchanged.',
				parameters: [tenderIdParam, offerIdParam, respondentIdParam],
				responses: {
					'200': jsonResponse('The link after reopening.', 'RespondentSummary', noStore),
					'403': forbidden(errors.crossSite),
					'404': errorResponse(
						'No tender with this id, no such offer in it, or no such link on the offer.'
					),
					'409': errorResponse('The link was revoked: create a new one.'),
					'429': errors.rateLimited
				}
			}
		},
		'/api/respond/{token}': {
			get: {
				operationId: 'readRespondent',
				tags: ['Respondents'],
				summary: "The vendor's questionnaire through its link",
				description:
					"The questions and this offer's own answers only. Sent with `Referrer-Policy: same-origin`, `X-Robots-Tag: noindex` and `Cache-Control: private, no-store`.",
				parameters: [respondTokenParam],
				responses: {
					'200': jsonResponse("The vendor's view.", 'RespondentView', noStore),
					'404': errors.respondUnknown,
					'410': errors.respondGone
				}
			},
			patch: {
				operationId: 'saveRespondentAnswers',
				tags: ['Respondents'],
				summary: "Save the vendor's answers",
				description:
					"Each answer is saved as the vendor's claim (state `claimed`, even where the buyer had verified it); every changed field goes into the offer's history as the vendor's. The vendor may save and come back until it submits.",
				parameters: [respondTokenParam],
				requestBody: jsonBody('RespondBody'),
				responses: {
					'200': jsonResponse("The vendor's view after the save.", 'RespondentView', noStore),
					...bodyErrors,
					'403': forbidden(errors.crossSite),
					'404': errors.respondUnknown,
					'409': errors.respondSubmitted,
					'410': errors.respondGone,
					'429': errors.rateLimited
				}
			}
		},
		'/api/respond/{token}/submit': {
			post: {
				operationId: 'submitRespondent',
				tags: ['Respondents'],
				summary: "Submit the vendor's answers",
				description:
					'The link then reads only, until the buyer reopens it. Submitting twice is fine.',
				parameters: [respondTokenParam],
				responses: {
					'200': jsonResponse("The vendor's view, with `submittedAt`.", 'RespondentView', noStore),
					'403': forbidden(errors.crossSite),
					'404': errors.respondUnknown,
					'410': errors.respondGone,
					'429': errors.rateLimited
				}
			}
		},
		'/api/respond/{token}/questionnaire': {
			get: {
				operationId: 'getRespondentQuestionnaire',
				tags: ['Respondents'],
				summary: "The questionnaire as an .xlsx, through the vendor's link",
				description: "As the buyer's download, filled with the vendor's own answers so far.",
				parameters: [respondTokenParam],
				responses: {
					'200': {
						description: 'The workbook (`<vendor>-questionnaire.xlsx`).',
						headers: {
							'Content-Disposition': header('`attachment; filename="<vendor>-questionnaire.xlsx"`'),
							...noStore
						},
						content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } }
					},
					'404': errors.respondUnknown,
					'410': errors.respondGone
				}
			},
			post: {
				operationId: 'importRespondentQuestionnaire',
				tags: ['Respondents'],
				summary: "Read the filled questionnaire, and save it as the vendor's answers",
				description:
					"As the buyer's upload: the .xlsx itself (at most 2 MB), every row checked first; without `apply=true` nothing is saved. With it, the rows are saved as the vendor's claims, or, when any row has an issue, nothing is saved (422). 409 once submitted.",
				parameters: [
					respondTokenParam,
					{
						name: 'apply',
						in: 'query',
						required: false,
						description: '`true` to save the rows; anything else previews.',
						schema: { type: 'string', enum: ['true', 'false'] }
					}
				],
				requestBody: {
					required: true,
					content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } }
				},
				responses: {
					'200': jsonResponse(
						'The rows read, every issue, and whether they were saved.',
						'QuestionnaireImport',
						noStore
					),
					'400': errorResponse(
						'The file is not the questionnaire workbook (not an .xlsx, a sheet or column renamed, unreadable).'
					),
					'403': forbidden(errors.crossSite),
					'404': errors.respondUnknown,
					'409': errors.respondSubmitted,
					'410': errors.respondGone,
					'413': errorResponse('The file is larger than 2 MB.'),
					'415': errorResponse('The body is not sent as the .xlsx content type.'),
					'422': errorResponse(
						'`apply=true`, but some rows have problems (`issues`, path `rows.<row>.<column>`): nothing was saved.'
					),
					'429': errors.rateLimited
				}
			}
		},
		// ---- Evidence files (issue 12): the vendor attaches through its link, only the buyer downloads ----
		'/api/respond/{token}/evidence/{questionId}': {
			post: {
				operationId: 'attachRespondentEvidence',
				tags: ['Respondents'],
				summary: "Attach an evidence file to the vendor's answer",
				description: `The file itself as the body (any Content-Type; the name in an \`X-Filename\` header, percent-encoded if it is not ASCII, or \`?name=\`), or \`multipart/form-data\` with a \`file\` field. The kind is recognised from the bytes, never from the name or the claimed type: ${ACCEPTED_KINDS}; HTML, SVG, XML, scripts, executables and macro documents are refused. At most ${MAX_EVIDENCE_SIZE_TEXT} (this route is not held to the server's \`BODY_SIZE_LIMIT\`), at most ${MAX_EVIDENCE_FILES} files per answer. The file goes on the vendor's own answer to the question, so answer it first. The vendor can list its files (GET /api/respond/{token}) but never download them back; only the buyer can.`,
				parameters: [
					respondTokenParam,
					{
						...questionIdParam,
						description:
							"A question id of the tender's ruleset; an unknown one answers 400 (path `questionId`)."
					},
					{
						name: 'name',
						in: 'query',
						required: false,
						description:
							"The file's name, when the body is the raw file and no `X-Filename` is sent. Cleaned: the last path part, no control characters, at most 120 characters, with the extension of the recognised kind.",
						schema: { type: 'string' }
					}
				],
				requestBody: {
					required: true,
					content: {
						'application/octet-stream': {
							schema: { type: 'string', contentMediaType: 'application/octet-stream' }
						},
						'multipart/form-data': {
							schema: {
								type: 'object',
								properties: {
									file: { type: 'string', contentMediaType: 'application/octet-stream' }
								},
								required: ['file']
							}
						}
					}
				},
				responses: {
					'201': jsonResponse(
						'The file as stored on the answer: cleaned name, recognised `mediaType`, size and SHA-256.',
						'EvidenceUploaded',
						noStore
					),
					'400': errorResponse(
						"The question is not one of the tender's (path `questionId`), the file is empty, or a multipart body has no `file` field (path `file`)."
					),
					'403': forbidden(errors.crossSite),
					'404': errors.respondUnknown,
					'409': errorResponse(
						`The vendor submitted (the link reads only until the buyer reopens it), has not answered this question yet, or the answer already has ${MAX_EVIDENCE_FILES} files.`
					),
					'410': errors.respondGone,
					'413': errorResponse(`The file is larger than ${MAX_EVIDENCE_SIZE_TEXT}.`),
					'415': errorResponse(
						'The content is not one of the accepted kinds: the message names them.'
					),
					'429': errors.rateLimited
				}
			}
		},
		'/api/respond/{token}/evidence/{questionId}/{fileId}': {
			delete: {
				operationId: 'removeRespondentEvidence',
				tags: ['Respondents'],
				summary: "Remove an evidence file from the vendor's answer",
				description:
					'The stored file is deleted once the answer without it is saved. Withdrawing the answer (PATCH with `null`) removes its files too; saving the answer again keeps them.',
				parameters: [
					respondTokenParam,
					questionIdParam,
					{
						name: 'fileId',
						in: 'path',
						required: true,
						description: "The file's `id` (from the answer's `files`).",
						schema: { type: 'string' }
					}
				],
				responses: {
					'204': { description: 'Removed.' },
					'403': forbidden(errors.crossSite),
					'404': errorResponse(
						"No such respondent link, or the vendor's answer to this question has no file with this id."
					),
					'409': errors.respondSubmitted,
					'410': errors.respondGone,
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/offers/{offerId}/evidence/{fileId}': {
			get: {
				operationId: 'downloadOfferEvidence',
				tags: ['Tenders'],
				summary: "Download a vendor's evidence file (the buyer only)",
				description:
					"Always a download, never a page: the recognised `Content-Type`, `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox; default-src 'none'` and `Cache-Control: private, no-store`. Reached only with the tender's edit key; a respondent token never reaches it.",
				parameters: [
					tenderIdParam,
					offerIdParam,
					{
						name: 'fileId',
						in: 'path',
						required: true,
						description: "The file's `id`, from an answer's `files` in GET /api/tenders/{id}.",
						schema: { type: 'string' }
					}
				],
				responses: {
					'200': {
						description: "The file's bytes, as the vendor sent them.",
						headers: {
							'Content-Disposition': header(
								'`attachment; filename="<ASCII name>"; filename*=UTF-8\'\'<name>`'
							),
							'X-Content-Type-Options': header('`nosniff`'),
							'Content-Security-Policy': header("`sandbox; default-src 'none'`"),
							...noStore
						},
						content: Object.fromEntries(
							EVIDENCE_MEDIA_TYPES.map((type) => [
								type,
								{ schema: { type: 'string', contentMediaType: type } }
							])
						)
					},
					'404': errorResponse(
						'No tender with this id, no such offer in it, or no evidence file with this id on that offer.'
					)
				}
			}
		},
		'/api/tenders/{id}/matrix.csv': {
			get: {
				operationId: 'getTenderMatrixCsv',
				tags: ['Tenders'],
				summary: "Every offer's answers question by question, as CSV",
				description:
					"One row per question the tender asks (its ruleset's, and `local_profile_<cc>` for each fleet country that asks one): its id, area and text, whether the offers differ, and per offer the answer's label and its state (and who gave it). Text that would start a spreadsheet formula is prefixed with an apostrophe.",
				parameters: [tenderIdParam],
				responses: {
					'200': {
						description: 'The CSV (`<title>-answers.csv`).',
						headers: {
							'Content-Disposition': header('`attachment; filename="<title>-answers.csv"`'),
							...noStore
						},
						content: { 'text/csv': { schema: { type: 'string' } } }
					},
					'404': errors.tenderNotFound,
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/matrix.xlsx': {
			get: {
				operationId: 'getTenderMatrixXlsx',
				tags: ['Tenders'],
				summary:
					'The same matrix as an .xlsx, the rows where offers differ highlighted and said so in the "Offers differ" column',
				parameters: [tenderIdParam],
				responses: {
					'200': {
						description: 'The workbook (`<title>-answers.xlsx`).',
						headers: {
							'Content-Disposition': header('`attachment; filename="<title>-answers.xlsx"`'),
							...noStore
						},
						content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } }
					},
					'404': errors.tenderNotFound,
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/comparison': {
			get: {
				operationId: 'compareTenderOffers',
				tags: ['Tenders'],
				summary: 'Compare and rank the offers',
				parameters: [tenderIdParam, weightsParam],
				responses: {
					'200': jsonResponse(
						'Every offer scored claimed and verified, and the ranking.',
						'TenderComparison',
						noStore
					),
					'400': errors.invalid,
					'404': errors.tenderNotFound,
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/shares': {
			get: {
				operationId: 'listComparisonShares',
				tags: ['Tenders', 'Sharing'],
				summary: "List the tender's read-only comparison links",
				parameters: [tenderIdParam],
				responses: {
					'200': jsonResponse(
						'Every link, live or not, with its status; never a token.',
						'ComparisonShareList',
						noStore
					),
					'404': errors.tenderNotFound
				}
			},
			post: {
				operationId: 'createComparisonShare',
				tags: ['Tenders', 'Sharing'],
				summary: 'Create a read-only link to the comparison',
				description: `Anyone with \`url\` (\`/c/{token}\`) reads the comparison, never the tender: see GET /api/shared-comparisons/{token}. The token is 128 random bits; the server keeps only its hash. At most ${MAX_LIVE_COMPARISON_SHARES} live links per tender, and ${MAX_COMPARISON_SHARES} in all (revoked and expired ones included).`,
				parameters: [tenderIdParam],
				requestBody: jsonBody('CreateComparisonShareBody'),
				responses: {
					'201': jsonResponse(
						'The new link, with its token and URL (shown only now).',
						'CreatedComparisonShare',
						noStore
					),
					...bodyErrors,
					'403': forbidden(errors.crossSite),
					'404': errors.tenderNotFound,
					'409': errorResponse(
						`The tender already has ${MAX_LIVE_COMPARISON_SHARES} live comparison links (revoke one first), or has had ${MAX_COMPARISON_SHARES} in all.`
					),
					'429': errors.rateLimited
				}
			}
		},
		'/api/tenders/{id}/shares/{shareId}': {
			delete: {
				operationId: 'revokeComparisonShare',
				tags: ['Tenders', 'Sharing'],
				summary: 'Revoke a read-only comparison link',
				description: 'For good: the token then answers 410. Revoking twice is fine.',
				parameters: [tenderIdParam, comparisonShareIdParam],
				responses: {
					'204': { description: 'Revoked.' },
					'403': forbidden(errors.crossSite),
					'404': errorResponse('No tender with this id, or no such link on it.'),
					'429': errors.rateLimited
				}
			}
		},
		'/api/shared-comparisons/{token}': {
			get: {
				operationId: 'readSharedComparison',
				tags: ['Sharing'],
				summary: "Read a tender's comparison through a read-only link",
				description:
					'Read-only: writes to this path answer 403. Sent with `Referrer-Policy: same-origin`, `X-Robots-Tag: noindex` and `Cache-Control: private, no-store`.',
				parameters: [comparisonTokenParam],
				responses: {
					'200': jsonResponse(
						'The comparison, its weights and the answers side by side.',
						'SharedComparison',
						noStore
					),
					'404': errors.linkUnknown,
					'410': errors.linkGone
				}
			}
		},
		'/api/tenders/{id}/report.pdf': {
			get: {
				operationId: 'tenderReportPdf',
				tags: ['Reports'],
				summary: 'The tender report for consultants (PDF)',
				description:
					"The recommendation with its reasons, the ranking with each offer's claimed and verified score, every offer on one radar, scores by area, deal-breakers, cost to leave and roaming exposure per offer, the clarification questions per vendor (a section each, to forward), the weights used and the method. Branding as for the assessment report; `weights` as for the comparison (default: the tender's saved weights). Built in the job pool: 503 with `Retry-After` when it is busy.",
				parameters: [
					tenderIdParam,
					textParam('title', "Report title on the cover (default: the tender's title)"),
					...brandingParams.filter((p) => p.name !== 'title'),
					weightsParam
				],
				responses: {
					'200': {
						...pdfResponse,
						description: 'The tender report as a PDF download (`lock-in-radar-<title>.pdf`).'
					},
					'400': errors.invalid,
					'404': errors.tenderNotFound,
					'429': errors.rateLimited
				}
			}
		},
		'/api/health': {
			get: {
				operationId: 'getHealth',
				tags: ['Contract'],
				summary: 'Whether this server can reach its store',
				description:
					"For a load balancer's health check: 200 while the server can reach its store (PostgreSQL with `DATABASE_URL`, else its data directory), 503 when it cannot. Never cached, never rate-limited.",
				responses: {
					'200': jsonResponse('The store answers.', HEALTH_SCHEMA, {
						'Cache-Control': header('`no-store`')
					}),
					'503': jsonResponse('The store does not answer.', HEALTH_SCHEMA, {
						'Cache-Control': header('`no-store`')
					})
				}
			}
		},
		'/api/openapi.json': {
			get: {
				operationId: 'getOpenApi',
				tags: ['Contract'],
				summary: 'This document',
				description:
					'OpenAPI 3.1, generated from the zod schemas the server validates with. Readable at /docs/api.',
				responses: {
					'200': jsonResponse(
						'The OpenAPI document.',
						{ type: 'object' },
						{ 'Cache-Control': header('`public, max-age=300`') }
					)
				}
			}
		}
	};
}

const HEALTH_SCHEMA = {
	type: 'object',
	properties: {
		status: { type: 'string', enum: ['ok', 'unavailable'] },
		store: { type: 'string', enum: ['files', 'postgresql'] }
	},
	required: ['status', 'store'],
	additionalProperties: false
};

const TAGS = [
	{
		name: 'Assessments',
		description:
			"Create, read, change and re-score assessments. No accounts: an assessment's id is its key."
	},
	{
		name: 'Sharing',
		description: 'Read-only links: tokens are 128 random bits; the server stores only their hash.'
	},
	{ name: 'Reports', description: 'The consultant report as a PDF.' },
	{
		name: 'Export and import',
		description: 'Plain JSON files, so leaving the tool is as easy as using it.'
	},
	{
		name: 'Rules',
		description: 'The versioned ruleset, country data and cost defaults behind every score.'
	},
	{
		name: 'Simulation',
		description: 'The fleet simulation: the offer and the recommended architecture side by side.'
	},
	{
		name: 'Tenders',
		description:
			"One fleet, 2-8 offers: who answered what, what the buyer verified, and the offers ranked. No accounts: a tender's id is its key."
	},
	{
		name: 'Respondents',
		description:
			"Vendor respondent links: a capability token per link that opens one offer's questionnaire and that offer's own answers, nothing else. Tokens are 128 random bits; the server stores only their hash."
	},
	{ name: 'Contract', description: 'This document.' }
];

/** The OpenAPI 3.1 document for a ruleset. */
export function openApiDocument(rules: Rules): OpenApiDocument {
	const components = { ...responseComponents(), ...requestComponents(rules) };
	return {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		info: {
			title: 'Lock-in Radar API',
			version: pkg.version,
			summary: 'Scores lock-in risk in IoT connectivity offers.',
			description: [
				`Ruleset ${rules.ruleset.version} (countries ${rules.countries.version}, costs ${rules.costs.version}).`,
				'Every body is validated; every error is JSON `{ error, issues: [{ path, message }] }`. Unknown API routes answer 404 and wrong methods 405, in the same shape.',
				'Writes from a browser on another site answer 403. Rate-limited requests answer 429 with `Retry-After`.',
				'Bodies that depend on the rules (question ids, options, countries) are described generically; the server checks them against the ruleset and answers 400 with the field path.'
			].join('\n\n')
		},
		tags: TAGS,
		paths: withServerLimits(paths(rules)),
		components: { schemas: components }
	};
}

/** Answers the server gives around the routes themselves: a busy job pool, a full disk, limits. */
const SERVER_LIMITS: Record<string, Record<string, ResponseObject>> = {
	createAssessment: { '507': errors.diskFull },
	updateAssessment: { '507': errors.diskFull },
	applyRescore: { '507': errors.diskFull },
	createShare: {
		'409': errorResponse('This assessment already has 50 live share links: revoke one first.'),
		'507': errors.diskFull
	},
	revokeShare: { '507': errors.diskFull },
	importAssessments: { '507': errors.diskFull },
	assessmentReportPdf: { '422': errors.reportTooLong, '503': errors.busy },
	sharedReportPdf: { '422': errors.reportTooLong, '503': errors.busy },
	simulate: { '503': errors.busy },
	createTender: { '507': errors.diskFull },
	updateTender: { '507': errors.diskFull },
	addTenderOffer: { '507': errors.diskFull },
	patchTenderAnswer: { '507': errors.diskFull },
	createRespondent: { '507': errors.diskFull },
	revokeRespondent: { '507': errors.diskFull },
	reopenRespondent: { '507': errors.diskFull },
	saveRespondentAnswers: { '507': errors.diskFull },
	submitRespondent: { '507': errors.diskFull },
	importRespondentQuestionnaire: { '507': errors.diskFull },
	createComparisonShare: { '507': errors.diskFull },
	revokeComparisonShare: { '507': errors.diskFull }
};

function withServerLimits(all: Record<string, PathItem>): Record<string, PathItem> {
	for (const item of Object.values(all)) {
		for (const operation of Object.values(item)) {
			const extra = operation && SERVER_LIMITS[operation.operationId];
			if (extra) operation.responses = { ...operation.responses, ...extra };
		}
	}
	return all;
}
