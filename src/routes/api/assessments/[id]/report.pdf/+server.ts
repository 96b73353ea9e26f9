import * as assessments from '$lib/server/assessments';
import { missingAssessment } from '$lib/server/api-guards';
import { reportPdfResponse } from '$lib/server/report';
import type { RequestHandler } from './$types';

/** The owner's consultant report, notes included. */
export const GET: RequestHandler = async ({ params, url }) => {
	const record = await assessments.read(params.id);
	if (!record) return missingAssessment(params.id);
	return reportPdfResponse(record, url, { includeNotes: true });
};
