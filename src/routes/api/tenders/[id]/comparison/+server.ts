import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http';
import * as tenders from '$lib/server/tenders';
import { parseWeightsQuery } from '$lib/tender/schema';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	const given = url.searchParams.getAll('weights');
	if (given.length > 1)
		return apiError(400, 'The request is invalid', [
			{ path: 'weights', message: 'Give weights once' }
		]);
	let weights;
	if (given.length === 1) {
		const parsed = parseWeightsQuery(given[0]!);
		if (!parsed.ok) return apiError(400, 'The request is invalid', parsed.issues);
		weights = parsed.weights;
	}
	return json(tenders.comparison(record, weights), { headers: tenders.NO_STORE });
};
