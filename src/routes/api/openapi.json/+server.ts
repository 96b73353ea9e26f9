import { openApiDocument } from '$lib/api/openapi';
import { rules } from '$lib/server/rules';
import type { RequestHandler } from './$types';

/** Built once: the document depends only on the rules, fixed when the server starts. */
const document = JSON.stringify(openApiDocument(rules));

/** The API contract (OpenAPI 3.1), generated from the zod schemas; readable at /docs/api. */
export const GET: RequestHandler = () =>
	new Response(document, {
		headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }
	});
