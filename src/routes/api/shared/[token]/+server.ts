import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http';
import { openShare, sharedView } from '$lib/server/shares';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const opened = await openShare(params.token);
	if (opened.status === 'unknown') return apiError(404, 'This link is no longer valid');
	if (opened.status !== 'active')
		return apiError(410, `This link is no longer valid: it was ${opened.status}`);
	return json(sharedView(opened.record, opened.share), {
		headers: { 'cache-control': 'private, no-store' }
	});
};

/** A share link reads; it never writes. */
const readOnly: RequestHandler = () => apiError(403, 'Share links are read-only');
export const PATCH = readOnly;
export const PUT = readOnly;
export const POST = readOnly;
export const DELETE = readOnly;
