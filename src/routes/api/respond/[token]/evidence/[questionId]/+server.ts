import { json } from '@sveltejs/kit';
import {
	attachEvidence,
	checkAttachable,
	evidenceErrorResponse,
	isQuestionOf,
	readUpload
} from '$lib/server/evidence';
import { apiError } from '$lib/server/http';
import { gone, openForRoute, RESPOND_HEADERS, submitted } from '$lib/server/respond-guard';
import { LinkGoneError, SubmittedError } from '$lib/server/respondents';
import type { RequestHandler } from './$types';

/**
 * Attaches an evidence file to the vendor's answer to the question: the raw bytes (name in
 * `x-filename` or `?name=`) or multipart/form-data with a `file` field. Recognised by content.
 */
export const POST: RequestHandler = async ({ params, request, url }) => {
	const link = await openForRoute(params.token);
	if (!link.ok) return link.response;
	if (link.opened.respondent.submittedAt) return submitted(new SubmittedError().message);
	if (!isQuestionOf(link.opened.record, params.questionId)) {
		return apiError(400, 'The request is invalid', [
			{ path: 'questionId', message: 'No question with this id in the questionnaire' }
		]);
	}
	try {
		// Refused before a byte of the file is read when the answer cannot take one.
		checkAttachable(link.opened.offer, params.questionId);
		const upload = await readUpload(request, url);
		const file = await attachEvidence(link.opened, params.questionId, upload);
		return json({ file }, { status: 201, headers: RESPOND_HEADERS });
	} catch (error) {
		if (error instanceof SubmittedError) return submitted(error.message);
		if (error instanceof LinkGoneError) return gone();
		const refused = evidenceErrorResponse(error);
		if (refused) return refused;
		throw error;
	}
};
