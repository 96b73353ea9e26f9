/**
 * The public origin for links we hand out. ORIGIN when configured, so a spoofed Host header
 * cannot make us print a share link that points elsewhere; the request's origin otherwise.
 */
export function publicOrigin(requestUrl: URL): string {
	const configured = process.env.ORIGIN;
	if (configured) {
		try {
			return new URL(configured).origin;
		} catch {
			/* fall through to the request origin */
		}
	}
	return requestUrl.origin;
}

export const shareUrl = (requestUrl: URL, token: string) => `${publicOrigin(requestUrl)}/s/${token}`;
