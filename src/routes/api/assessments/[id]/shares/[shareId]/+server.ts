import { missingAssessment } from '$lib/server/api-guards';
import { apiError } from '$lib/server/http';
import * as assessments from '$lib/server/assessments';
import { revokeShare } from '$lib/server/shares';
import type { RequestHandler } from './$types';

/** Revokes a share link for good; its token then answers 410. */
export const DELETE: RequestHandler = async ({ params }) => {
	if (!(await assessments.read(params.id))) return missingAssessment(params.id);
	const revoked = await revokeShare(params.id, params.shareId);
	if (!revoked) return apiError(404, 'No such share link on this assessment');
	return new Response(null, { status: 204 });
};
