import { json } from '@sveltejs/kit';
import { apiError, readJson, validate } from '$lib/server/http';
import {
	etagOf,
	expectedRevision,
	revisionConflict,
	RevisionConflictError
} from '$lib/server/revision';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

const noOffer = () => apiError(404, 'No offer with this id in this tender');

export const PATCH: RequestHandler = async ({ params, request }) => {
	const current = await tenders.read(params.id);
	if (!current) return tenders.missingTender();
	if (!current.offers.some((o) => o.id === params.offerId)) return noOffer();
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const patch = validate(
		tenders.tenderSchemasFor(current.rulesetVersion).answerPatchBody,
		body.body
	);
	if (!patch.ok) return patch.response;
	const issues = tenders.answerIssues(current, params.questionId, patch.data);
	if (issues.length > 0) return apiError(400, 'The request is invalid', issues);
	// The tender's revision: an answer is part of the tender, and its ETag is the tender's.
	const expected = expectedRevision(request, patch.data.revision);
	if (!expected.ok) return expected.response;
	let outcome;
	try {
		outcome = await tenders.patchAnswer(params.id, params.offerId, params.questionId, {
			...patch.data,
			revision: expected.expected?.revision
		});
	} catch (error) {
		if (error instanceof RevisionConflictError && expected.expected)
			return revisionConflict(error, expected.expected.source, tenders.NO_STORE);
		if (error instanceof tenders.NothingToJudgeError)
			return apiError(409, error.message, [{ path: 'state', message: error.message }]);
		throw error;
	}
	if (!outcome) return tenders.missingTender();
	if (outcome === 'no-offer') return noOffer();
	return json(outcome, { headers: { ...tenders.NO_STORE, etag: etagOf(outcome.revision) } });
};
