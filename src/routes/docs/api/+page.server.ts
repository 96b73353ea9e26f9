import { describeApi } from '$lib/api/describe';
import { openApiDocument } from '$lib/api/openapi';
import { rules } from '$lib/server/rules';
import type { PageServerLoad } from './$types';

/** Rendered on the server from the same document as GET /api/openapi.json; the page needs no JavaScript. */
export const csr = false;

const view = describeApi(openApiDocument(rules));

export const load: PageServerLoad = () => view;
