import { json } from '@sveltejs/kit';
import { apiError, readJson, validate } from '$lib/server/http';
import {
	ComparisonShareLimitError,
	comparisonShareUrl,
	createComparisonShare,
	listComparisonShares
} from '$lib/server/comparison-shares';
import { ShareInputError } from '$lib/server/shares';
import * as tenders from '$lib/server/tenders';
import { createComparisonShareBodySchema } from '$lib/tender/schema';
import type { RequestHandler } from './$types';

/** The tender's read-only comparison links, without their tokens. */
export const GET: RequestHandler = async ({ params }) => {
	const shares = await listComparisonShares(params.id);
	if (!shares) return tenders.missingTender();
	return json({ shares }, { headers: tenders.NO_STORE });
};

/** A new read-only link to the comparison: the only answer that carries its token. */
export const POST: RequestHandler = async ({ params, request, url }) => {
	if (!(await tenders.read(params.id))) return tenders.missingTender();
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const input = validate(createComparisonShareBodySchema, body.body);
	if (!input.ok) return input.response;
	try {
		const created = await createComparisonShare(params.id, input.data);
		if (!created) return tenders.missingTender();
		return json(
			{
				...created.share,
				token: created.token,
				url: comparisonShareUrl(request, url, created.token)
			},
			{ status: 201, headers: tenders.NO_STORE }
		);
	} catch (error) {
		if (error instanceof ComparisonShareLimitError)
			return apiError(409, error.message, [{ path: '', message: error.message }]);
		if (error instanceof ShareInputError)
			return apiError(400, 'The request is invalid', [
				{ path: error.path, message: error.message }
			]);
		throw error;
	}
};
