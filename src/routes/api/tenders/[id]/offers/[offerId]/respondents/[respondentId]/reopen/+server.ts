import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http';
import { reopenRespondent, RevokedError } from '$lib/server/respondents';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

/** Lets the vendor change its submitted answers again. Reopening a link not submitted changes nothing. */
export const POST: RequestHandler = async ({ params }) => {
	let outcome;
	try {
		outcome = await reopenRespondent(params.id, params.offerId, params.respondentId);
	} catch (error) {
		if (error instanceof RevokedError)
			return apiError(409, error.message, [{ path: '', message: error.message }]);
		throw error;
	}
	if (!outcome) return tenders.missingTender();
	if (outcome === 'no-offer') return apiError(404, 'No offer with this id in this tender');
	if (outcome === 'no-respondent') return apiError(404, 'No such respondent link on this offer');
	return json(outcome, { headers: tenders.NO_STORE });
};
