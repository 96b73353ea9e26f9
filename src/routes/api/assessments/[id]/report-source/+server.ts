import * as assessments from '$lib/server/assessments';
import { missingAssessment } from '$lib/server/api-guards';
import { reportSourceResponse } from '$lib/server/report';
import type { RequestHandler } from './$types';

/**
 * What the browser needs to build the owner's consultant report itself (the assessment, notes
 * included, and the ruleset it is pinned to), fetched when "Download PDF" is pressed rather than
 * sent with every results page. Beside report.pdf: the same edit id opens both.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const record = await assessments.read(params.id);
	if (!record) return missingAssessment(params.id);
	return reportSourceResponse(record, url);
};
