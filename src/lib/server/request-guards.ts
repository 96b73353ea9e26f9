import { json } from '@sveltejs/kit';
import { apiError } from './http';
import { sameSiteOrigins } from './origin';
import { plainPage } from './plain-page';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

const isFormPost = (request: Request) => {
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
	return FORM_TYPES.includes(type);
};

/**
 * Refuses writes a browser sends from another site: a foreign Origin, Sec-Fetch-Site saying
 * cross-site, or a form post with no Origin at all (browsers always send one). JSON clients that
 * send neither header (curl, servers) are not browsers acting for a visitor, and may write.
 * This replaces SvelteKit's form check, which cannot know that adapter-node speaks plain HTTP.
 */
export function crossSiteWrite(
	request: Request,
	url: URL,
	api: boolean,
	env: Record<string, string | undefined> = process.env
): Response | null {
	if (SAFE_METHODS.has(request.method)) return null;
	const origin = request.headers.get('origin');
	const crossSite =
		(origin !== null && !sameSiteOrigins(request, url, env).includes(origin)) ||
		request.headers.get('sec-fetch-site') === 'cross-site' ||
		(origin === null && isFormPost(request));
	if (!crossSite) return null;
	if (api) {
		return apiError(403, 'Cross-site writes to the API are refused', [
			{ path: '', message: `Origin ${origin ?? 'unknown'} may not write here` }
		]);
	}
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	// An enhanced form (use:enhance) reads the refusal as JSON, as it would SvelteKit's own.
	if (request.headers.get('accept') === 'application/json')
		return json({ message }, { status: 403 });
	return plainPage(
		403,
		'Refused: sent from another site',
		'This form was sent from a page on another site, so nothing was changed. Open Lock-in Radar at its own address and try again.'
	);
}
