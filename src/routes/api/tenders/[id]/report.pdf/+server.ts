import { getLocale } from '$lib/paraglide/runtime';
import * as tenders from '$lib/server/tenders';
import { tenderReportPdfResponse } from '$lib/server/tender-report';
import type { RequestHandler } from './$types';

/** The tender report for consultants (PDF): the owner's, through the tender's edit key; in `?lang=`, else the request's language. */
export const GET: RequestHandler = async ({ params, url }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	return tenderReportPdfResponse(record, url, getLocale());
};
