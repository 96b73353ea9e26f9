import { json } from '@sveltejs/kit';
import { readJson, validate } from '$lib/server/http';
import { gone, openForRoute, RESPOND_HEADERS, submitted } from '$lib/server/respond-guard';
import {
	LinkGoneError,
	respondentView,
	saveResponse,
	SubmittedError
} from '$lib/server/respondents';
import { tenderSchemasFor } from '$lib/server/tenders';
import type { RequestHandler } from './$types';

/** The vendor's view: the questions and this offer's own answers, nothing else of the tender. */
export const GET: RequestHandler = async ({ params }) => {
	const link = await openForRoute(params.token);
	if (!link.ok) return link.response;
	const { record, offer, respondent } = link.opened;
	return json(respondentView(record, offer, respondent), { headers: RESPOND_HEADERS });
};

/** Saves the vendor's answers as claims; 409 once submitted, until the buyer reopens the link. */
export const PATCH: RequestHandler = async ({ params, request }) => {
	const link = await openForRoute(params.token);
	if (!link.ok) return link.response;
	if (link.opened.respondent.submittedAt) return submitted(new SubmittedError().message);
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const input = validate(
		tenderSchemasFor(link.opened.record.rulesetVersion).respondBody,
		body.body
	);
	if (!input.ok) return input.response;
	try {
		return json(await saveResponse(link.opened, input.data), { headers: RESPOND_HEADERS });
	} catch (error) {
		if (error instanceof SubmittedError) return submitted(error.message);
		if (error instanceof LinkGoneError) return gone();
		throw error;
	}
};
