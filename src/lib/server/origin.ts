/**
 * Which origin the server is reached at, for CSRF checks and for the share links we hand out.
 *
 * adapter-node serves plain HTTP. With no ORIGIN and no PROTOCOL_HEADER it still reports every
 * request as `https://<Host>`, so SvelteKit's own origin check refuses every browser write on
 * http://localhost. We check origins here instead, from what the request really was.
 */

const DEFAULT_ALLOWED_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

type Env = Record<string, string | undefined>;

function configuredOrigin(env: Env): string | null {
	if (!env.ORIGIN) return null;
	try {
		return new URL(env.ORIGIN).origin;
	} catch {
		return null;
	}
}

/** Behind a proxy that names the scheme or host, adapter-node builds the request URL from them. */
const proxyHeadersConfigured = (env: Env) => Boolean(env.PROTOCOL_HEADER || env.HOST_HEADER);

/**
 * Origins a same-site browser may send in `Origin` for this request. The Host header comes from
 * the browser as surely as Origin does, so a page on another site cannot make them agree.
 */
export function sameSiteOrigins(request: Request, url: URL, env: Env = process.env): string[] {
	const configured = configuredOrigin(env);
	if (configured) return [configured];
	if (proxyHeadersConfigured(env)) return [url.origin];
	const host = request.headers.get('host');
	if (!host) return [url.origin];
	// The server itself speaks HTTP; https://<Host> is a TLS proxy that forwards Host but no scheme.
	return [`http://${host}`, `https://${host}`];
}

function allowedHosts(env: Env): Set<string> {
	const listed = env.ALLOWED_HOSTS?.split(',')
		.map((host) => host.trim().toLowerCase())
		.filter(Boolean);
	return new Set(listed && listed.length > 0 ? listed : DEFAULT_ALLOWED_HOSTS);
}

/**
 * The origin for links we print, or null when it cannot be trusted. ORIGIN when configured; the
 * proxy's scheme and host when those headers are configured; otherwise the request's real scheme
 * (HTTP) and its Host, only when that host is on ALLOWED_HOSTS: a spoofed Host header must never
 * make us hand out a link to someone else's site.
 */
export function publicOrigin(request: Request, url: URL, env: Env = process.env): string | null {
	const configured = configuredOrigin(env);
	if (configured) return configured;
	if (proxyHeadersConfigured(env)) return url.origin;
	const host = request.headers.get('host');
	if (!host) return null;
	let parsed: URL;
	try {
		parsed = new URL(`http://${host}`);
	} catch {
		return null;
	}
	return allowedHosts(env).has(parsed.hostname.toLowerCase()) ? parsed.origin : null;
}

/** A share link: absolute where the origin is trusted, else a path the browser resolves itself. */
export function shareUrl(
	request: Request,
	url: URL,
	token: string,
	env: Env = process.env
): string {
	return `${publicOrigin(request, url, env) ?? ''}/s/${token}`;
}

/** A vendor's respondent link: absolute where the origin is trusted, else a path. */
export function respondUrl(
	request: Request,
	url: URL,
	token: string,
	env: Env = process.env
): string {
	return `${publicOrigin(request, url, env) ?? ''}/respond/${token}`;
}
