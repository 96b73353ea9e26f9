import { apiError } from '$lib/server/http';
import { revokeRespondent } from '$lib/server/respondents';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

/** Revokes a respondent link for good; its token then answers 410. Revoking twice is fine. */
export const DELETE: RequestHandler = async ({ params }) => {
	const outcome = await revokeRespondent(params.id, params.offerId, params.respondentId);
	if (!outcome) return tenders.missingTender();
	if (outcome === 'no-offer') return apiError(404, 'No offer with this id in this tender');
	if (outcome === 'no-respondent') return apiError(404, 'No such respondent link on this offer');
	return new Response(null, { status: 204, headers: tenders.NO_STORE });
};
