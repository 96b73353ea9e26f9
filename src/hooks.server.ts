import type { Handle, HandleServerError } from '@sveltejs/kit';
import { rules } from '$lib/server/rules';

// Importing the rules here validates them when the server starts, not on the first request.
void rules;

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	// Not no-referrer: that makes browsers send `Origin: null` on form posts, which fails CSRF checks.
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

function withHeaders(response: Response): Response {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		return withHeaders(response);
	} catch {
		// Some responses (e.g. fetch results) have immutable headers: copy them first.
		return withHeaders(new Response(response.body, response));
	}
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? 'Something went wrong on our side. Nothing you saved was lost.' : message };
};
