/**
 * GET /api/tenders/{id}/report.pdf: the tender report for consultants, built in the job pool
 * (jobs/pool.ts). The query takes the assessment report's branding parameters (`title`,
 * `consultant`, `firm`, `paper`) and `weights=network:2,sim:1` (a what-if over the tender's
 * saved weights; without it, the saved ones) and `lang=en|de`, the report's language (without it,
 * the request's). Every bad parameter is named in one 400.
 */
import { isLocale, type Locale } from '$lib/paraglide/runtime';
import { brandingQuerySchema } from '$lib/report/branding';
import type { ReportTender } from '$lib/report/tender/model';
import { parseWeightsQuery, type AreaWeights, type StoredTender } from '$lib/tender/schema';
import { issuesOf, type FieldIssue } from '$lib/validation/issues';
import { apiError } from './http';
import { pdfJobResponse, queryObject } from './report';

/** What the job needs of the tender: never the respondent links (their token hashes) or the history. */
const reportContent = (record: StoredTender): ReportTender => ({
	...record,
	offers: record.offers.map(({ respondents: _respondents, history: _history, ...offer }) => offer)
});

export async function tenderReportPdfResponse(
	record: StoredTender,
	url: URL,
	requestLocale: Locale
): Promise<Response> {
	const query = queryObject(url);
	if (!query.ok) return query.response;
	const { weights: weightsText, lang, ...rest } = query.query;
	const issues: FieldIssue[] = [];
	if (lang !== undefined && !isLocale(lang))
		issues.push({ path: 'lang', message: 'The report language must be "en" or "de"' });
	let weights: AreaWeights | undefined;
	if (weightsText !== undefined) {
		const parsed = parseWeightsQuery(weightsText);
		if (parsed.ok) weights = parsed.weights;
		else issues.push(...parsed.issues);
	}
	const branding = brandingQuerySchema.safeParse(rest);
	if (!branding.success) issues.push(...issuesOf(branding.error));
	if (issues.length > 0 || !branding.success)
		return apiError(400, 'The request is invalid', issues);

	return pdfJobResponse(
		{
			kind: 'tender-report',
			tender: reportContent(record),
			...(weights ? { weights } : {}),
			branding: branding.data,
			generatedAt: new Date().toISOString(),
			locale: lang !== undefined && isLocale(lang) ? lang : requestLocale
		},
		branding.data.reportTitle ?? record.title
	);
}
