import { apiError } from '$lib/server/http';
import { removeEvidence } from '$lib/server/evidence';
import { gone, openForRoute, RESPOND_HEADERS, submitted } from '$lib/server/respond-guard';
import { LinkGoneError, SubmittedError } from '$lib/server/respondents';
import type { RequestHandler } from './$types';

/** Removes one of the vendor's evidence files from its answer; the stored copy is deleted. */
export const DELETE: RequestHandler = async ({ params }) => {
	const link = await openForRoute(params.token);
	if (!link.ok) return link.response;
	if (link.opened.respondent.submittedAt) return submitted(new SubmittedError().message);
	try {
		if (!(await removeEvidence(link.opened, params.questionId, params.fileId))) {
			return apiError(404, 'Your answer to this question has no file with this id');
		}
	} catch (error) {
		if (error instanceof SubmittedError) return submitted(error.message);
		if (error instanceof LinkGoneError) return gone();
		throw error;
	}
	return new Response(null, { status: 204, headers: RESPOND_HEADERS });
};
