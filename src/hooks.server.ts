import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dataDir } from '$lib/server/store';
import { lockDataDir } from '$lib/server/store/data-dir-lock';
import { redactPath } from '$lib/server/redact';
import { rules } from '$lib/server/rules';

// Importing the rules here validates them when the server starts, not on the first request.
void rules;

/** One process per data directory: a second server on the same DATA_DIR refuses to start. */
export const init: ServerInit = () => {
	const release = lockDataDir(dataDir());
	process.once('exit', release);
};

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	// Not no-referrer: that makes browsers send `Origin: null` on form posts, which fails CSRF checks.
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/**
 * Pages and data behind a share token: the token must not travel to other sites in a Referer,
 * be indexed, or sit in a shared cache. `same-origin` still lets our own forms send their Origin.
 */
const CAPABILITY_HEADERS: Record<string, string> = {
	'referrer-policy': 'same-origin',
	'x-robots-tag': 'noindex, nofollow',
	'cache-control': 'private, no-store'
};

const isCapabilityPath = (path: string) => path.startsWith('/s/') || path.startsWith('/api/shared/');

function withHeaders(response: Response, path: string): Response {
	if (isCapabilityPath(path)) {
		for (const [name, value] of Object.entries(CAPABILITY_HEADERS)) response.headers.set(name, value);
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		return withHeaders(response, event.url.pathname);
	} catch {
		// Some responses (e.g. fetch results) have immutable headers: copy them first.
		return withHeaders(new Response(response.body, response), event.url.pathname);
	}
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		console.error(`${event.request.method} ${redactPath(event.url.pathname)} failed: ${redactPath(detail)}`);
	}
	return { message: status >= 500 ? 'Something went wrong on our side. Nothing you saved was lost.' : message };
};
