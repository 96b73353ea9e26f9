import { apiError } from '$lib/server/http';
import { reportSourceResponse } from '$lib/server/report';
import { openShare } from '$lib/server/shares';
import type { RequestHandler } from './$types';

/**
 * What the browser needs to build a share link's report itself, from what the link may show
 * (notes only if shared), fetched when "Download PDF" is pressed. Beside report.pdf: the token
 * that opens the page and the PDF opens this, and nothing else.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const opened = await openShare(params.token);
	if (opened.status === 'unknown') return apiError(404, 'This link is no longer valid');
	if (opened.status !== 'active')
		return apiError(410, `This link is no longer valid: it was ${opened.status}`);
	// reportSource keeps only what a link may show (publicContent): no id, no share list.
	return reportSourceResponse(opened.record, url, { includeNotes: opened.share.includeNotes });
};
