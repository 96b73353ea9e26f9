import { json } from '@sveltejs/kit';
import { gone, openForRoute, RESPOND_HEADERS } from '$lib/server/respond-guard';
import { LinkGoneError, submitResponse } from '$lib/server/respondents';
import type { RequestHandler } from './$types';

/** The vendor submits its answers: the link then reads only, until the buyer reopens it. */
export const POST: RequestHandler = async ({ params }) => {
	const link = await openForRoute(params.token);
	if (!link.ok) return link.response;
	try {
		return json(await submitResponse(link.opened), { headers: RESPOND_HEADERS });
	} catch (error) {
		if (error instanceof LinkGoneError) return gone();
		throw error;
	}
};
