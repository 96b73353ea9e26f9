import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { publicContent } from '$lib/assessment/public-content';
import { brandingQuerySchema, reportSourceQuerySchema } from '$lib/report/branding';
import type { ReportSource } from '$lib/report/context';
import { contentDisposition } from '$lib/report/filename';
import { json } from '@sveltejs/kit';
import { apiError, validate } from './http';
import { jobRefusal, runJob } from './jobs/pool';
import type { ReportJob, ReportRecord, TenderReportJob } from './jobs/tasks';
import { rulesFor } from './rules';
import { score } from '$lib/scoring/score';

export type { ReportRecord };

const contentOf = (record: ReportRecord, includeNotes: boolean): ReportRecord =>
	publicContent(record, { includeNotes });

/**
 * What the results page passes to <DownloadReport> so the browser can build the same PDF: the
 * assessment's content and the ruleset whose texts the report says (the result is already on the
 * page), read for `locale`, the request's language unless the caller asks for another.
 */
export function reportSource(
	record: ReportRecord,
	options: { includeNotes?: boolean; locale?: Locale } = {}
): ReportSource {
	const locale = options.locale ?? getLocale();
	// The ruleset the record is pinned to, its texts in the report's language: the browser's PDF
	// must say what the page says in that language.
	const rules = rulesFor(record.rulesetVersion, locale);
	const assessment = contentOf(record, options.includeNotes ?? true);
	return {
		assessment,
		ruleset: rules.ruleset,
		// As the server's PDF scores it (jobs/tasks.ts), so both PDFs say the same in either language.
		result: score(rules, assessment),
		dataVersions: { countries: rules.countries.version, costs: rules.costs.version },
		locale
	};
}

/** Repeated parameters are refused rather than one of them silently winning. */
export function queryObject(
	url: URL
): { ok: true; query: Record<string, string> } | { ok: false; response: Response } {
	const query: Record<string, string> = {};
	for (const [key, value] of url.searchParams) {
		if (key in query) {
			return {
				ok: false,
				response: apiError(400, 'The request is invalid', [
					{ path: key, message: `"${key}" is given more than once` }
				])
			};
		}
		query[key] = value;
	}
	return { ok: true, query };
}

/**
 * A report source as JSON for the browser's PDF, its rule texts in `?locale=` (the language the
 * consultant chose for the report), else the request's; never cached, notes may have changed.
 */
export function reportSourceResponse(
	record: ReportRecord,
	url: URL,
	options: { includeNotes?: boolean } = {}
): Response {
	const query = queryObject(url);
	if (!query.ok) return query.response;
	const parsed = validate(reportSourceQuerySchema, query.query);
	if (!parsed.ok) return parsed.response;
	return json(reportSource(record, { ...options, locale: parsed.data.locale }), {
		headers: { 'cache-control': 'private, no-store' }
	});
}

/**
 * The consultant report as a PDF download, built in the job pool (jobs/pool.ts). Branding comes
 * as query parameters (`title`, `consultant`, `firm`, `paper=a4|letter`, `locale=en|de`); a logo
 * cannot travel in a URL, so it is only offered by the in-browser download. Without `locale` the
 * report is in the request's language.
 */
export async function reportPdfResponse(
	record: ReportRecord,
	url: URL,
	options: { includeNotes: boolean }
) {
	const query = queryObject(url);
	if (!query.ok) return query.response;
	const branding = validate(brandingQuerySchema, query.query);
	if (!branding.ok) return branding.response;
	return pdfJobResponse(
		{
			kind: 'report',
			record: contentOf(record, options.includeNotes),
			branding: { ...branding.data, locale: branding.data.locale ?? getLocale() },
			includeNotes: options.includeNotes,
			generatedAt: new Date().toISOString()
		},
		branding.data.reportTitle ?? record.title
	);
}

/**
 * Builds a PDF in the job pool and answers it as a private download named after `title`, or says
 * why not: the pool's refusals (503, 504), bad input found while building (400), too long (422).
 */
export async function pdfJobResponse(
	job: ReportJob | TenderReportJob,
	title: string
): Promise<Response> {
	let outcome;
	try {
		outcome = await runJob(job);
	} catch (error) {
		const refusal = jobRefusal(error, job.kind);
		if (refusal) return refusal;
		throw error;
	}
	if (!outcome.ok && outcome.reason === 'input')
		return apiError(400, 'The request is invalid', outcome.issues);
	if (!outcome.ok) return apiError(422, outcome.message);
	const { pdf } = outcome;
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.byteLength),
			'content-disposition': contentDisposition(title),
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex'
		}
	});
}
