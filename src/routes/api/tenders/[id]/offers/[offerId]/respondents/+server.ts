import { json } from '@sveltejs/kit';
import { apiError, readJson, validate } from '$lib/server/http';
import { respondUrl } from '$lib/server/origin';
import { createRespondent, listRespondents, RespondentLimitError } from '$lib/server/respondents';
import { ShareInputError } from '$lib/server/shares';
import * as tenders from '$lib/server/tenders';
import { createRespondentBodySchema } from '$lib/tender/schema';
import type { RequestHandler } from './$types';

const noOffer = () => apiError(404, 'No offer with this id in this tender');

/** The offer's respondent links, without their tokens. */
export const GET: RequestHandler = async ({ params }) => {
	const respondents = await listRespondents(params.id, params.offerId);
	if (!respondents) return tenders.missingTender();
	if (respondents === 'no-offer') return noOffer();
	return json({ respondents }, { headers: tenders.NO_STORE });
};

/** A new link for the vendor's bid team: the only answer that carries its token. */
export const POST: RequestHandler = async ({ params, request, url }) => {
	const current = await tenders.read(params.id);
	if (!current) return tenders.missingTender();
	if (!current.offers.some((o) => o.id === params.offerId)) return noOffer();
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const input = validate(createRespondentBodySchema, body.body);
	if (!input.ok) return input.response;
	try {
		const created = await createRespondent(params.id, params.offerId, input.data);
		if (!created) return tenders.missingTender();
		if (created === 'no-offer') return noOffer();
		return json(
			{ ...created.respondent, token: created.token, url: respondUrl(request, url, created.token) },
			{ status: 201, headers: tenders.NO_STORE }
		);
	} catch (error) {
		if (error instanceof RespondentLimitError)
			return apiError(409, error.message, [{ path: '', message: error.message }]);
		if (error instanceof ShareInputError)
			return apiError(400, 'The request is invalid', [
				{ path: error.path, message: error.message }
			]);
		throw error;
	}
};
