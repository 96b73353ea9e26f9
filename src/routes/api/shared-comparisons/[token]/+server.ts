import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http';
import { openComparisonShare, sharedComparison } from '$lib/server/comparison-shares';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const opened = await openComparisonShare(params.token);
	if (opened.status === 'unknown') return apiError(404, 'This link is no longer valid');
	if (opened.status !== 'active')
		return apiError(410, `This link is no longer valid: it was ${opened.status}`);
	return json(sharedComparison(opened.record, opened.share), {
		headers: { 'cache-control': 'private, no-store' }
	});
};

/** A comparison link reads; it never writes. */
const readOnly: RequestHandler = () => apiError(403, 'Comparison links are read-only');
export const PATCH = readOnly;
export const PUT = readOnly;
export const POST = readOnly;
export const DELETE = readOnly;
