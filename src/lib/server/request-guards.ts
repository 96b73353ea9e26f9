import { apiError } from './http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SvelteKit's CSRF check covers form posts only. The JSON API refuses writes a browser sends from
 * another site: a foreign Origin, or Sec-Fetch-Site saying cross-site. Clients that send neither
 * (curl, servers) are not browsers acting for a visitor, and may write.
 */
export function crossSiteWrite(request: Request, url: URL): Response | null {
	if (SAFE_METHODS.has(request.method) || !url.pathname.startsWith('/api/')) return null;
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	if ((origin !== null && origin !== url.origin) || site === 'cross-site') {
		return apiError(403, 'Cross-site writes to the API are refused', [
			{ path: '', message: `Origin ${origin ?? 'unknown'} may not write here` }
		]);
	}
	return null;
}
