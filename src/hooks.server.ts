import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dataDir } from '$lib/server/store';
import { lockDataDir } from '$lib/server/store/data-dir-lock';
import { bucketFor, parseLimits, RateLimiter } from '$lib/server/rate-limit';
import { redactPath } from '$lib/server/redact';
import { crossSiteWrite } from '$lib/server/request-guards';
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

const limits = parseLimits(process.env.RATE_LIMITS);
const limiter = limits ? new RateLimiter(limits) : null;

function tooMany(path: string, retryAfter: number): Response {
	const headers = { 'retry-after': String(retryAfter) };
	if (path.startsWith('/api/')) {
		return new Response(
			JSON.stringify({ error: 'Too many requests: try again later', issues: [{ path: '', message: `Retry after ${retryAfter} seconds` }] }),
			{ status: 429, headers: { ...headers, 'content-type': 'application/json' } }
		);
	}
	return new Response(
		`<!doctype html><meta charset="utf-8"><title>Too many requests</title><h1>Too many requests</h1><p>Please wait ${retryAfter} seconds and try again. Nothing you saved was lost.</p>`,
		{ status: 429, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }
	);
}

/** Guards that run before any route: cross-site API writes, then the per-client rate limits. */
function guard(event: Parameters<Handle>[0]['event']): Response | null {
	const refused = crossSiteWrite(event.request, event.url);
	if (refused) return refused;
	const bucket = limiter && bucketFor(event.request.method, event.url.pathname, event.url.search);
	if (limiter && bucket) {
		const taken = limiter.take(bucket, event.getClientAddress());
		if (!taken.ok) return tooMany(event.url.pathname, taken.retryAfter);
	}
	return null;
}

export const handle: Handle = async ({ event, resolve }) => {
	const response = guard(event) ?? (await resolve(event));
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
