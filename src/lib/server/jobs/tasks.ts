/**
 * The CPU-heavy work of a request, as plain data in and plain data out, so it can run in a worker
 * thread (worker.ts) as well as inline. Nothing here touches the store or the HTTP layer: the
 * request handler reads and validates, the job only computes.
 */
import type { Locale } from '$lib/paraglide/runtime';
import { publicContent } from '$lib/assessment/public-content';
import type { StoredAssessment } from '$lib/assessment/schema';
import type { BrandingInput } from '$lib/report/branding';
import { baseLocale, isLocale } from '$lib/paraglide/runtime';
import { buildReport } from '$lib/report/build-report';
import type { ReportAssessment } from '$lib/report/context';
import { ReportInputError, ReportTooLongError, type ReportIssue } from '$lib/report/errors';
import { buildTenderReport } from '$lib/report/tender/build';
import type { ReportTender } from '$lib/report/tender/model';
import type { AreaWeights } from '$lib/tender/schema';
import { score, type Scorable } from '$lib/scoring/score';
import { simulate } from '$lib/simulation/engine';
import { inputFromAssessment, inputFromFleet } from '$lib/simulation/inputs';
import type { createSimulateBodySchema } from '$lib/simulation/request';
import { resultJson } from '$lib/simulation/serialise';
import { summarise } from '$lib/simulation/summary';
import { DEFAULT_CURRENCY } from '$lib/scoring/costs';
import type { z } from 'zod';
import { reportFont } from '../report-font';
import { rules as currentRules, rulesFor } from '../rules';
import type { Rules } from '$lib/rules/load';

/** What a report is built from: the assessment's content (no id, no share list) and its costs. */
export type ReportRecord = ReportAssessment & Pick<StoredAssessment, 'costs'>;

export interface ReportJob {
	kind: 'report';
	record: ReportRecord;
	branding: BrandingInput;
	includeNotes: boolean;
	/** ISO date-time: the report's date (the job reads no clock). */
	generatedAt: string;
}

export type SimulateBody = z.output<ReturnType<typeof createSimulateBodySchema>>;

export interface SimulateJob {
	kind: 'simulate';
	body: SimulateBody;
	/** The assessment named by `body.assessmentId`, read by the request handler. */
	record: Omit<StoredAssessment, 'shares'> | null;
}

/** The tender report: the tender's content (no respondent links, no history) and a what-if. */
export interface TenderReportJob {
	kind: 'tender-report';
	tender: ReportTender;
	/** What-if weights over the tender's saved ones; absent: the saved ones. */
	weights?: AreaWeights;
	branding: BrandingInput;
	/** ISO date-time: the report's date (the job reads no clock). */
	generatedAt: string;
	/** The report's language. */
	locale: Locale;
}

export type Job = ReportJob | SimulateJob | TenderReportJob;

export type ReportOutcome =
	| { ok: true; pdf: Uint8Array }
	| { ok: false; reason: 'input'; issues: ReportIssue[] }
	| { ok: false; reason: 'too-long'; message: string };

/** The response body of POST /api/simulate, already serialised (a worker sends a string cheaply). */
export type SimulateOutcome = { ok: true; json: string };

export type Outcome<J extends Job> = J extends ReportJob | TenderReportJob
	? ReportOutcome
	: SimulateOutcome;

/**
 * Errors do not keep their class across a thread boundary, so the expected refusals travel as
 * outcomes; anything else is a bug and is thrown.
 */
async function reportPdf(job: ReportJob): Promise<ReportOutcome> {
	const assessment = publicContent(job.record, { includeNotes: job.includeNotes });
	// Scored with the ruleset the assessment is pinned to, as on its results page, its texts
	// (findings, questions, country rules) in the report's language like the report's own words.
	// Explicit: a worker thread has no request whose language it could read.
	const rules = rulesFor(
		job.record.rulesetVersion,
		isLocale(job.branding.locale) ? job.branding.locale : baseLocale
	);
	try {
		const pdf = await buildReport({
			assessment,
			result: score(rules, assessment),
			ruleset: rules.ruleset,
			branding: job.branding,
			generatedAt: new Date(job.generatedAt),
			font: reportFont,
			includeNotes: job.includeNotes,
			dataVersions: { countries: rules.countries.version, costs: rules.costs.version }
		});
		return { ok: true, pdf };
	} catch (error) {
		if (error instanceof ReportInputError)
			return { ok: false, reason: 'input', issues: error.issues };
		if (error instanceof ReportTooLongError)
			return { ok: false, reason: 'too-long', message: error.message };
		throw error;
	}
}

/** The tender report, with the ruleset the tender is pinned to. */
function tenderReportPdf(job: TenderReportJob): Promise<ReportOutcome> {
	// Rule texts (questions, options, floors) in the report's language, like its own words.
	const rules = rulesFor(job.tender.rulesetVersion, job.locale);
	return reportOutcome(() =>
		buildTenderReport({
			tender: job.tender,
			rules,
			weights: job.weights,
			branding: job.branding,
			generatedAt: new Date(job.generatedAt),
			font: reportFont,
			dataVersions: { countries: rules.countries.version, costs: rules.costs.version },
			locale: job.locale
		})
	);
}

/** A tender report's expected refusals as outcomes, as reportPdf's; anything else is thrown. */
async function reportOutcome(build: () => Promise<Uint8Array>): Promise<ReportOutcome> {
	try {
		return { ok: true, pdf: await build() };
	} catch (error) {
		if (error instanceof ReportInputError)
			return { ok: false, reason: 'input', issues: error.issues };
		if (error instanceof ReportTooLongError)
			return { ok: false, reason: 'too-long', message: error.message };
		throw error;
	}
}

function simulation({ body, record }: SimulateJob): SimulateOutcome {
	const { seed, scenario, params, costs, resolution } = body;
	const rules = record ? rulesFor(record.rulesetVersion) : currentRules;
	const input = record
		? withCosts(
				rules,
				{ ...record, costs: { ...record.costs, ...costs } },
				{ seed, scenario, params }
			)
		: inputFromFleet(rules, body.fleet!, { seed, scenario, params, ...(costs ? { costs } : {}) });
	const { result } = simulate(input);
	const currency = record?.currency ?? DEFAULT_CURRENCY;
	const json = JSON.stringify({
		seed,
		currency,
		// The API answers in English, as its documentation does.
		summary: summarise(result, input.fleet.countries, currency, 'en'),
		countries: input.fleet.countries,
		...resultJson(result, resolution)
	});
	return { ok: true, json };
}

/** An assessment's simulation with the request's cost figures on top of its own. */
function withCosts(
	rules: Rules,
	record: Scorable,
	options: Parameters<typeof inputFromAssessment>[3]
) {
	return inputFromAssessment(rules, record, score(rules, record), options);
}

export async function runTask<J extends Job>(job: J): Promise<Outcome<J>> {
	if (job.kind === 'report') return (await reportPdf(job)) as Outcome<J>;
	if (job.kind === 'tender-report') return (await tenderReportPdf(job)) as Outcome<J>;
	return simulation(job) as Outcome<J>;
}
