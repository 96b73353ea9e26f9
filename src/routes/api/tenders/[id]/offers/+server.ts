import { json } from '@sveltejs/kit';
import { apiError, readJson, validate } from '$lib/server/http';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request }) => {
	const current = await tenders.read(params.id);
	if (!current) return tenders.missingTender();
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const input = validate(tenders.tenderSchemasFor(current.rulesetVersion).offerBody, body.body);
	if (!input.ok) return input.response;
	let added;
	try {
		added = await tenders.addOffer(params.id, input.data);
	} catch (error) {
		if (error instanceof tenders.TooManyOffersError)
			return apiError(409, error.message, [{ path: '', message: error.message }]);
		throw error;
	}
	if (!added) return tenders.missingTender();
	return json(
		{ id: added.offer.id, vendor: added.offer.vendor },
		{ status: 201, headers: tenders.NO_STORE }
	);
};
