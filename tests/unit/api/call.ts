/** Calls a SvelteKit +server.ts handler the way the server would, with just what it reads. */
export async function call(
	handler: (event: never) => Response | Promise<Response>,
	init: {
		method?: string;
		path: string;
		params?: Record<string, string>;
		body?: unknown;
		rawBody?: string;
		contentType?: string;
	}
) {
	const url = new URL(init.path, 'http://localhost:3000');
	const hasBody = init.body !== undefined || init.rawBody !== undefined;
	const request = new Request(url, {
		method: init.method ?? 'GET',
		// A browser or curl always names the Host; share links are built from it when it is allowed.
		headers: {
			host: url.host,
			...(hasBody ? { 'content-type': init.contentType ?? 'application/json' } : {})
		},
		body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined)
	});
	const response = await handler({ request, url, params: init.params ?? {} } as never);
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? JSON.parse(text) : null
	};
}
