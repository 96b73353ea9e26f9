/**
 * Security headers on every response the process sends, including the ones SvelteKit's `handle`
 * never sees: static files served by adapter-node's sirv (`/_app/...`, `/favicon.svg`) and the
 * 308 trailing-slash redirect the router answers before any hook runs (audit F13). adapter-node
 * gives no middleware slot under `node build`, so this wraps `ServerResponse.prototype.writeHead`
 * once at start-up and adds each header only where the response has none of its own: what
 * `handle` sets for pages and the API (CSP, capability headers) always wins.
 *
 * Limit: a response written without `writeHead` (implicit headers on the first `write`) is not
 * covered; neither sirv nor adapter-node's handler writes that way.
 */
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';

/** Headers every response gets, static or not. */
export const BASELINE_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	// Not no-referrer: that makes browsers send `Origin: null` on form posts, which fails CSRF checks.
	'referrer-policy': 'strict-origin-when-cross-origin',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** Two years, subdomains included: what OWASP recommends once a site is HTTPS-only. */
export const HSTS = 'max-age=63072000; includeSubDomains';

type Env = Record<string, string | undefined>;

/**
 * Whether the browser reached us over HTTPS: ORIGIN says so, or (behind a proxy) the header named
 * by PROTOCOL_HEADER does. On plain HTTP, HSTS would be ignored at best, so it is sent only then.
 */
export function servedOverHttps(
	env: Env,
	header: (name: string) => string | null | undefined
): boolean {
	if (env.ORIGIN) return env.ORIGIN.trim().toLowerCase().startsWith('https:');
	if (env.PROTOCOL_HEADER) {
		const value = header(env.PROTOCOL_HEADER.toLowerCase());
		return (value ?? '').split(',')[0]!.trim().toLowerCase() === 'https';
	}
	return false;
}

function named(headers: unknown, name: string): boolean {
	if (!headers) return false;
	if (Array.isArray(headers)) {
		// Raw headers: [name, value, name, value, ...] or [[name, value], ...].
		return headers.some((entry, i) =>
			Array.isArray(entry)
				? String(entry[0]).toLowerCase() === name
				: i % 2 === 0 && String(entry).toLowerCase() === name
		);
	}
	return Object.keys(headers as OutgoingHttpHeaders).some((key) => key.toLowerCase() === name);
}

let installed = false;

export function installBaselineHeaders(env: Env = process.env): void {
	if (installed) return;
	installed = true;
	const writeHead = ServerResponse.prototype.writeHead;
	ServerResponse.prototype.writeHead = function (
		this: ServerResponse<IncomingMessage>,
		...args: unknown[]
	) {
		const headers = typeof args[1] === 'string' ? args[2] : args[1];
		const add = (name: string, value: string) => {
			if (!this.hasHeader(name) && !named(headers, name)) this.setHeader(name, value);
		};
		for (const [name, value] of Object.entries(BASELINE_HEADERS)) add(name, value);
		if (servedOverHttps(env, (name) => this.req?.headers[name] as string | undefined))
			add('strict-transport-security', HSTS);
		return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
	} as typeof writeHead;
}
