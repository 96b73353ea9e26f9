import { json } from '@sveltejs/kit';
import { createShareBodySchema } from '$lib/assessment/schema';
import { missingAssessment } from '$lib/server/api-guards';
import { apiError, readJson, validate } from '$lib/server/http';
import { shareUrl } from '$lib/server/origin';
import { createShare, listShares, ShareInputError, ShareLimitError } from '$lib/server/shares';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'private, no-store' };

export const GET: RequestHandler = async ({ params }) => {
	const shares = await listShares(params.id);
	if (!shares) return missingAssessment(params.id);
	return json({ shares }, { headers: noStore });
};

export const POST: RequestHandler = async ({ params, request, url }) => {
	if (!(await listShares(params.id))) return missingAssessment(params.id);
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const input = validate(createShareBodySchema, body.body);
	if (!input.ok) return input.response;
	try {
		const created = await createShare(params.id, input.data);
		if (!created) return missingAssessment(params.id);
		return json(
			{ ...created.share, token: created.token, url: shareUrl(request, url, created.token) },
			{ status: 201, headers: noStore }
		);
	} catch (error) {
		if (error instanceof ShareLimitError) return apiError(409, error.message);
		if (error instanceof ShareInputError) {
			return apiError(400, 'The request is invalid', [
				{ path: error.path, message: error.message }
			]);
		}
		throw error;
	}
};
