import { apiError } from './http';
import { openRespondent, type OpenedRespondent } from './respondents';

/** Every answer behind a respondent token: never cached, never sent on in a Referer. */
export const RESPOND_HEADERS = { 'cache-control': 'private, no-store' };

/** Opens a respondent link for a route: 404 for an unknown token, 410 for a revoked or expired one. */
export async function openForRoute(
	token: string
): Promise<
	| { ok: true; opened: Extract<OpenedRespondent, { status: 'active' }> }
	| { ok: false; response: Response }
> {
	const opened = await openRespondent(token);
	if (opened.status === 'unknown')
		return { ok: false, response: apiError(404, 'This link is not valid') };
	if (opened.status !== 'active') return { ok: false, response: gone(opened.status) };
	return { ok: true, opened };
}

export const gone = (status = 'revoked or expired') =>
	apiError(410, `This link is no longer valid: it was ${status}`);
export const submitted = (message: string) => apiError(409, message, [{ path: '', message }]);
