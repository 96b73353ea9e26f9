import { json } from '@sveltejs/kit';
import { apiError, readJson } from '$lib/server/http';
import { getStore } from '$lib/server/store';
import { inputSchemasFor, registry } from '$lib/server/rules';
import {
	importRecords,
	validateExport,
	WEB_IMPORT_MAX,
	versionedContentChecker,
	withoutShares
} from '$lib/server/transfer';
import type { RequestHandler } from './$types';

/**
 * Takes back an export. Ids are kept, so a second import of the same file adds nothing; share
 * links are not imported (they belong to the server that made them).
 */
// Each record is checked against the ruleset it is pinned to (and keeps it); an unknown version is refused.
const checkContent = versionedContentChecker(registry, inputSchemasFor);

export const POST: RequestHandler = async ({ request }) => {
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const checked = validateExport(body.body, { maxAssessments: WEB_IMPORT_MAX, checkContent });
	if (!checked.ok)
		return apiError(400, 'The file is not a valid Lock-in Radar export', checked.issues);
	const outcomes = await importRecords(getStore(), checked.records.map(withoutShares), {
		keepShares: false
	});
	return json({ imported: outcomes });
};
