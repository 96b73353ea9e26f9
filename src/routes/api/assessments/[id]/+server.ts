import { json } from '@sveltejs/kit';
import * as assessments from '$lib/server/assessments';
import { missingAssessment as missing } from '$lib/server/api-guards';
import { readJson, validate } from '$lib/server/http';
import {
	etagOf,
	expectedRevision,
	revisionConflict,
	RevisionConflictError
} from '$lib/server/revision';
import { inputSchemasFor } from '$lib/server/rules';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'private, no-store' };
/** The record's revision as its ETag: a client sends it back as If-Match with its next change. */
const headersFor = (revision: number) => ({ ...noStore, etag: etagOf(revision) });

export const GET: RequestHandler = async ({ params }) => {
	const record = await assessments.read(params.id);
	if (!record) return missing(params.id);
	return json(assessments.withResult(record), { headers: headersFor(record.revision) });
};

export const PATCH: RequestHandler = async ({ params, request }) => {
	// Unknown ids answer 404 before the body is judged, so a typo in the URL is named as such.
	const current = await assessments.read(params.id);
	if (!current) return missing(params.id);
	const body = await readJson(request);
	if (!body.ok) return body.response;
	// Checked against the ruleset the assessment is pinned to; a save keeps that version.
	const patch = validate(inputSchemasFor(current.rulesetVersion).patchBody, body.body);
	if (!patch.ok) return patch.response;
	const expected = expectedRevision(request, patch.data.revision);
	if (!expected.ok) return expected.response;
	let record;
	try {
		// The store compares the revision under the record's lock, not against `current` above.
		record = await assessments.update(params.id, {
			...patch.data,
			revision: expected.expected?.revision
		});
	} catch (error) {
		if (error instanceof RevisionConflictError && expected.expected)
			return revisionConflict(error, expected.expected.source, noStore);
		throw error;
	}
	if (!record) return missing(params.id);
	return json(assessments.withResult(record), { headers: headersFor(record.revision) });
};
