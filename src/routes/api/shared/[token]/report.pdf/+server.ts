import { apiError } from '$lib/server/http';
import { reportPdfResponse } from '$lib/server/report';
import { openShare, sharedView } from '$lib/server/shares';
import type { RequestHandler } from './$types';

/** The report behind a share link: built from what the link may show, notes only if shared. */
export const GET: RequestHandler = async ({ params, url }) => {
	const opened = await openShare(params.token);
	if (opened.status === 'unknown') return apiError(404, 'This link is no longer valid');
	if (opened.status !== 'active')
		return apiError(410, `This link is no longer valid: it was ${opened.status}`);
	const { assessment } = sharedView(opened.record, opened.share);
	return reportPdfResponse(assessment, url, { includeNotes: opened.share.includeNotes });
};
