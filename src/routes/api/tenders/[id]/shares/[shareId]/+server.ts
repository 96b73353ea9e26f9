import { apiError } from '$lib/server/http';
import { revokeComparisonShare } from '$lib/server/comparison-shares';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

/** Revokes a comparison link for good; its token then answers 410. */
export const DELETE: RequestHandler = async ({ params }) => {
	const revoked = await revokeComparisonShare(params.id, params.shareId);
	if (revoked === null) return tenders.missingTender();
	if (!revoked) return apiError(404, 'No such comparison link on this tender');
	return new Response(null, { status: 204 });
};
