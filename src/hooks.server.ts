import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dataDir, getStores, sharedDatabase } from '$lib/server/store';
import { lockDataDir } from '$lib/server/store/data-dir-lock';
import { removeStaleTempFiles } from '$lib/server/store/temp-files';
import {
	actionOf,
	bucketFor,
	clientKey,
	decodedPath,
	inProcessRateLimiter,
	parseLimits,
	type AsyncRateLimiter,
	type Taken
} from '$lib/server/rate-limit';
import { createPostgresRateLimiter } from '$lib/server/rate-limit-postgres';
import { redactPath } from '$lib/server/redact';
import { bodyLimits, carriesEvidence, withBodyLimit } from '$lib/server/body-limit';
import { crossSiteWrite } from '$lib/server/request-guards';
import { apiError } from '$lib/server/http';
import { plainPage } from '$lib/server/plain-page';
import {
	BASELINE_HEADERS,
	HSTS,
	installBaselineHeaders,
	servedOverHttps
} from '$lib/server/baseline-headers';
import { DiskFullError } from '$lib/server/store/durable-json-file';
import { DatabaseUnavailableError } from '$lib/server/store/pg/database';
import { rules } from '$lib/server/rules';
import { checkJobConfig } from '$lib/server/jobs/pool';
import { compressResponse } from '$lib/server/compress';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { languageSwitch } from '$lib/server/language-switch';
import { fillResultsHtml } from '$lib/server/results-html';
import { m } from '$lib/paraglide/messages';

// Importing the rules here validates them when the server starts, not on the first request.
void rules;

/**
 * On PostgreSQL (DATABASE_URL), any number of servers: the schema is brought up to date before
 * the first request (a failed migration stops the start). On files, one process per data
 * directory: a second server on the same DATA_DIR refuses to start.
 */
export const init: ServerInit = async () => {
	checkJobConfig();
	installBaselineHeaders();
	const stores = getStores();
	if (stores.database) {
		try {
			await stores.database.ready;
		} catch (error) {
			// Said plainly, without a stack: the operator's next step is the database, not our code.
			console.error(
				`Cannot start on ${stores.location}: ${error instanceof Error ? error.message : String(error)}`
			);
			process.exit(1);
		}
		console.info(`Storing data in PostgreSQL: ${stores.location}`);
		return;
	}
	const release = lockDataDir(dataDir());
	process.once('exit', release);
	// Safe only now that we are the one writer: temp files left by a killed write are garbage.
	const removed = await removeStaleTempFiles(dataDir());
	if (removed > 0) console.info(`Removed ${removed} temp files left by an interrupted write`);
};

/** Also set on static files and router redirects by installBaselineHeaders (see that module). */
const SECURITY_HEADERS = BASELINE_HEADERS;

/**
 * Pages and data behind a share token: the token must not travel to other sites in a Referer,
 * be indexed, or sit in a shared cache. `same-origin` still lets our own forms send their Origin.
 */
const CAPABILITY_HEADERS: Record<string, string> = {
	'referrer-policy': 'same-origin',
	'x-robots-tag': 'noindex, nofollow',
	'cache-control': 'private, no-store'
};

type RequestEvent = Parameters<Handle>[0]['event'];

/**
 * Where a request goes, as the router decided: the matched route's id (e.g. "/s/[token]"), or for
 * a request no route matched, its percent-decoded path. Guards read this, never the raw path text,
 * which "/%73/{token}" or "/%61pi/..." would otherwise slip past.
 */
interface Destination {
	routeId: string | null;
	path: string;
}

const destinationOf = (event: RequestEvent): Destination => ({
	routeId: event.route.id,
	path: decodedPath(event.url)
});

/** The route id when one matched, else the decoded path: both start with the same prefixes. */
const where = (to: Destination) => to.routeId ?? to.path;

const isApi = (to: Destination) => where(to).startsWith('/api/');
const isCapability = (to: Destination) =>
	/^\/(s|c|respond|api\/shared|api\/shared-comparisons|api\/respond)\//.test(where(to));
/** Uploaded evidence goes back byte for byte as stored, with its stated length, even when it is text. */
const isEvidenceFile = (to: Destination) => /\/evidence\/.*\[fileId\]$/.test(where(to));
/** Edit pages hold the edit key in their address: never index or cache them either. */
const isEditPage = (to: Destination) => /^\/(a\/|t\/|assessments\/[^/]+\/fleet)/.test(where(to));

/**
 * Errors SvelteKit answers itself under /api (unknown path, wrong method, bad encoding, CSRF)
 * come as HTML or plain text; API clients get the one JSON error shape instead.
 */
async function asApiError(response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (response.status < 400 || type.startsWith('application/json')) return response;
	const text = type.startsWith('text/plain') ? (await response.text()).trim() : '';
	const headers = new Headers(response.headers);
	headers.set('content-type', 'application/json');
	headers.delete('content-length');
	const error =
		text ||
		(response.status === 404 ? 'No such API route' : response.statusText || 'Request failed');
	return new Response(JSON.stringify({ error, issues: [] }), { status: response.status, headers });
}

function withHeaders(response: Response, to: Destination, request: Request): Response {
	if (isCapability(to)) {
		for (const [name, value] of Object.entries(CAPABILITY_HEADERS))
			response.headers.set(name, value);
	}
	if (isEditPage(to)) {
		response.headers.set('x-robots-tag', 'noindex, nofollow');
		response.headers.set('cache-control', 'private, no-store');
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (servedOverHttps(process.env, (name) => request.headers.get(name))) {
		response.headers.set('strict-transport-security', HSTS);
	}
	// Dynamic answers are never for shared caches: many carry an edit id (a 201 create, an
	// export, a redirect to /a/{id}) and every page carries a one-time CSP nonce.
	if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
	return response;
}

/** BODY_SIZE_LIMIT for every route but evidence uploads; the adapter itself allows the larger evidence limit. */
const bodyLimit = bodyLimits(process.env);

/**
 * Holds the request's body to its route's limit, failing it as adapter-node would (status 413
 * from the stream), so readJson, formDataOf and the evidence reader answer as they always have.
 */
function limitBody(event: RequestEvent, to: Destination): void {
	const { method } = event.request;
	const evidence = carriesEvidence({ method, routeId: to.routeId, action: actionOf(event.url) });
	event.request = withBodyLimit(event.request, evidence ? bodyLimit.evidence : bodyLimit.ordinary);
}

const limits = parseLimits(process.env.RATE_LIMITS);
let limiter: AsyncRateLimiter | null | undefined;

/**
 * With DATABASE_URL the buckets live in PostgreSQL, so every server spends from one allowance per
 * client (three servers do not triple it); with the file store, one server, they stay in memory.
 * Made on the first request, once the stores are.
 */
function rateLimiter(): AsyncRateLimiter | null {
	if (limiter === undefined) {
		const database = limits && sharedDatabase();
		limiter = !limits
			? null
			: database
				? createPostgresRateLimiter(database, limits)
				: inProcessRateLimiter(limits);
	}
	return limiter;
}

const DATABASE_DOWN =
	'The database cannot be reached, so this request may not have been completed. Everything saved before is safe; reload in a moment and check before trying again.';

/**
 * The database cannot be reached (DatabaseUnavailableError, from a route or the shared rate
 * limits): 503 with Retry-After, JSON in the API's shape or a page in the visitor's language.
 * A write commits whole or not at all, but one cut off at its commit may have been saved: the
 * client reloads before retrying.
 */
function databaseUnavailable(api: boolean): Response {
	const answer = api
		? apiError(503, DATABASE_DOWN)
		: plainPage(503, m.pg_unavailable_title(), m.pg_unavailable_body());
	answer.headers.set('retry-after', '5');
	return answer;
}

function tooMany(api: boolean, retryAfter: number): Response {
	const headers = { 'retry-after': String(retryAfter) };
	if (api) {
		return new Response(
			JSON.stringify({
				error: 'Too many requests: try again later',
				issues: [{ path: '', message: `Retry after ${retryAfter} seconds` }]
			}),
			{ status: 429, headers: { ...headers, 'content-type': 'application/json' } }
		);
	}
	// Pages for people are in the request's language (the middleware has set it); the API's
	// answers stay English.
	return plainPage(
		429,
		m.error_too_many_title(),
		m.error_too_many_body({ seconds: retryAfter }),
		headers
	);
}

/**
 * A form action named like a property every object inherits ("?/__proto__", "?/constructor")
 * would reach Object.prototype inside SvelteKit's lookup and crash the request.
 */
function inheritedActionName(event: RequestEvent): boolean {
	return event.request.method === 'POST' && actionOf(event.url) in Object.prototype;
}

/** Guards that run before any route: cross-site API writes, odd action names, then rate limits. */
async function guard(event: RequestEvent, to: Destination): Promise<Response | null> {
	const api = isApi(to);
	const refused = crossSiteWrite(event.request, event.url, api);
	if (refused) return refused;
	if (inheritedActionName(event)) {
		return plainPage(404, m.error_not_found(), m.error_no_such_action());
	}
	const limiter = rateLimiter();
	const bucket =
		limiter && bucketFor({ method: event.request.method, ...to, action: actionOf(event.url) });
	if (limiter && bucket) {
		let taken: Taken;
		try {
			taken = await limiter.take(bucket, clientKey(event.getClientAddress()));
		} catch (error) {
			if (!(error instanceof DatabaseUnavailableError)) throw error;
			// Refused, never let through unlimited: the shared limits cannot be read.
			console.error(`Rate limits unavailable, request refused: ${error.message}`);
			return databaseUnavailable(api);
		}
		if (!taken.ok) return tooMany(api, taken.retryAfter);
	}
	return null;
}

const DISK_FULL =
	'The server has run out of disk space, so this change was not saved. Everything saved before is safe; please try again later.';

/** A write that hit a full disk (DiskFullError): 507, JSON in the API shape or a readable page. */
function diskFull(api: boolean): Response {
	return api
		? apiError(507, DISK_FULL)
		: plainPage(507, m.error_disk_full_title(), m.error_disk_full_body());
}

/**
 * A store failure a route hit, seen by handleError (which SvelteKit lets answer only 500): the API
 * and pages get `answer`; an enhanced form (use:enhance) reads SvelteKit's JSON error, so only its
 * status and Retry-After change.
 */
function storeFailure(
	to: Destination,
	response: Response,
	answer: (api: boolean) => Response
): Response {
	const fresh = answer(isApi(to));
	if (isApi(to) || !(response.headers.get('content-type') ?? '').startsWith('application/json'))
		return fresh;
	const headers = new Headers(response.headers);
	const retry = fresh.headers.get('retry-after');
	if (retry) headers.set('retry-after', retry);
	return new Response(response.body, { status: fresh.status, headers });
}

/**
 * The request's language (the visitor's cookie, else Accept-Language, else English) is what
 * messages and rule texts read while this request runs; the page says it in `<html lang>`.
 * The original request goes on: nothing in the URL names a language, so nothing is rewritten.
 */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) =>
		handleRequest(event, (e) =>
			resolve(e, {
				transformPageChunk: ({ html }) =>
					fillResultsHtml(html.replace('%lang%', locale), e.locals.resultsHtml)
			})
		)
	);

/**
 * The header's "English" / "Deutsch" links (`?lang=de`): a plain GET, so the switch works without
 * JavaScript and needs no form, CSRF check or rate-limit bucket; it only sets a preference cookie
 * and redirects, and the redirect is no-store like every dynamic answer. Data requests never carry
 * it (the links reload the page), so a hover preload cannot switch the language.
 */
function chosenLanguage(event: RequestEvent): Response | null {
	if (event.isDataRequest || isApi(destinationOf(event))) return null;
	const secure =
		event.url.protocol === 'https:' ||
		servedOverHttps(process.env, (name) => event.request.headers.get(name));
	return languageSwitch(event.request, event.url, secure);
}

async function handleRequest(
	event: RequestEvent,
	resolve: (event: RequestEvent) => Response | Promise<Response>
): Promise<Response> {
	const to = destinationOf(event);
	// Before the guards: a body over its limit is then dropped even when a guard answers.
	limitBody(event, to);
	let response = (await guard(event, to)) ?? chosenLanguage(event) ?? (await resolve(event));
	if (event.locals.diskFull && response.status === 500)
		response = storeFailure(to, response, diskFull);
	if (event.locals.databaseDown && response.status === 500)
		response = storeFailure(to, response, databaseUnavailable);
	if (isApi(to)) response = await asApiError(response);
	try {
		response = withHeaders(response, to, event.request);
	} catch {
		// Some responses (e.g. fetch results) have immutable headers: copy them first.
		response = withHeaders(new Response(response.body, response), to, event.request);
	}
	// Last, so every header above travels with the compressed body too.
	// A load's fetch to our own routes reads the body as is; only the client gets it compressed.
	if (event.isSubRequest || isEvidenceFile(to)) return response;
	return compressResponse(event.request, response);
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (error instanceof DiskFullError) {
		event.locals.diskFull = true;
		console.error(
			`${event.request.method} ${redactPath(event.url.pathname)} not saved: the disk is full`
		);
		return { message: DISK_FULL };
	}
	if (error instanceof DatabaseUnavailableError) {
		event.locals.databaseDown = true;
		console.error(
			`${event.request.method} ${redactPath(event.url.pathname)} failed: ${redactPath(error.message)}`
		);
		return { message: DATABASE_DOWN };
	}
	if (status >= 500) {
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		console.error(
			`${event.request.method} ${redactPath(event.url.pathname)} failed: ${redactPath(detail)}`
		);
	}
	return {
		message:
			status >= 500 ? 'Something went wrong on our side. Nothing you saved was lost.' : message
	};
};
