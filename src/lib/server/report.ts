import { publicContent } from '$lib/assessment/public-content';
import type { StoredAssessment } from '$lib/assessment/schema';
import { brandingQuerySchema, type BrandingInput } from '$lib/report/branding';
import { ReportInputError } from '$lib/report/errors';
import { contentDisposition } from '$lib/report/filename';
import { apiError, validate } from './http';
import { buildReport } from '$lib/report/build-report';
import type { ReportAssessment, ReportSource } from '$lib/report/context';
import { score } from '$lib/scoring/score';
import { reportFont } from './report-font';
import { rulesFor } from './rules';

/** What a report is built from: the assessment's content (no id, no share list) and its costs. */
export type ReportRecord = ReportAssessment & Pick<StoredAssessment, 'costs'>;

const contentOf = (record: ReportRecord, includeNotes: boolean): ReportRecord =>
	publicContent(record, { includeNotes });

/**
 * Builds the consultant PDF for a record, scored with the ruleset it is pinned to (its
 * `rulesetVersion`; the current rules for a version this server does not know). The owner's endpoint
 * includes notes; a share link passes its own `includeNotes`. Throws ReportInputError on bad branding.
 */
export function renderReportPdf(
	record: ReportRecord,
	branding: BrandingInput,
	options: { includeNotes: boolean; generatedAt?: Date }
): Promise<Uint8Array> {
	const assessment = contentOf(record, options.includeNotes);
	const rules = rulesFor(record.rulesetVersion);
	return buildReport({
		assessment,
		result: score(rules, assessment),
		ruleset: rules.ruleset,
		branding,
		generatedAt: options.generatedAt ?? new Date(),
		font: reportFont,
		includeNotes: options.includeNotes,
		dataVersions: { countries: rules.countries.version, costs: rules.costs.version }
	});
}

/**
 * What the results page passes to <DownloadReport> so the browser can build the same PDF:
 * the assessment's content and the ruleset (the result is already on the page).
 */
export function reportSource(
	record: ReportRecord,
	options: { includeNotes: boolean } = { includeNotes: true }
): ReportSource {
	const rules = rulesFor(record.rulesetVersion);
	return {
		assessment: contentOf(record, options.includeNotes),
		ruleset: rules.ruleset,
		dataVersions: { countries: rules.countries.version, costs: rules.costs.version }
	};
}

/** Repeated parameters are refused rather than one of them silently winning. */
function queryObject(url: URL): { ok: true; query: Record<string, string> } | { ok: false; response: Response } {
	const query: Record<string, string> = {};
	for (const [key, value] of url.searchParams) {
		if (key in query) {
			return {
				ok: false,
				response: apiError(400, 'The request is invalid', [{ path: key, message: `"${key}" is given more than once` }])
			};
		}
		query[key] = value;
	}
	return { ok: true, query };
}

/**
 * The consultant report as a PDF download. Branding comes as query parameters (`title`,
 * `consultant`, `firm`, `paper=a4|letter`); a logo cannot travel in a URL, so it is only offered
 * by the in-browser download.
 */
export async function reportPdfResponse(record: ReportRecord, url: URL, options: { includeNotes: boolean }) {
	const query = queryObject(url);
	if (!query.ok) return query.response;
	const branding = validate(brandingQuerySchema, query.query);
	if (!branding.ok) return branding.response;
	let pdf: Uint8Array;
	try {
		pdf = await renderReportPdf(record, branding.data, options);
	} catch (error) {
		if (error instanceof ReportInputError) return apiError(400, 'The request is invalid', error.issues);
		throw error;
	}
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.byteLength),
			'content-disposition': contentDisposition(branding.data.reportTitle ?? record.title),
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex'
		}
	});
}
