/**
 * Keep-alive defaults for `node build`. Node closes an idle kept-alive connection after 5 s, the
 * moment a client or reverse proxy may be sending its next request on it: that request dies with
 * ECONNRESET, or a 502 behind a proxy whose own idle timeout is longer (nginx and most load
 * balancers keep upstream connections 60 s). The server must be the side that waits longer, and
 * Node wants the header timeout above the keep-alive one.
 */
export const DEFAULT_KEEP_ALIVE_SECONDS = 65;
export const DEFAULT_HEADERS_SECONDS = 66;

/** The adapter's KEEP_ALIVE_TIMEOUT and HEADERS_TIMEOUT (seconds); an operator's values win. */
export function connectionTimeoutEnv(
	env: Record<string, string | undefined>
): Record<string, string> {
	return {
		KEEP_ALIVE_TIMEOUT: env.KEEP_ALIVE_TIMEOUT ?? String(DEFAULT_KEEP_ALIVE_SECONDS),
		HEADERS_TIMEOUT: env.HEADERS_TIMEOUT ?? String(DEFAULT_HEADERS_SECONDS)
	};
}
