import { json } from '@sveltejs/kit';
import { readJson, validate } from '$lib/server/http';
import {
	etagOf,
	expectedRevision,
	revisionConflict,
	RevisionConflictError
} from '$lib/server/revision';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

/** The tender's revision as its ETag: a client sends it back as If-Match with its next change. */
const headersFor = (revision: number) => ({ ...tenders.NO_STORE, etag: etagOf(revision) });

export const GET: RequestHandler = async ({ params }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	return json(tenders.withResults(record), { headers: headersFor(record.revision) });
};

export const PATCH: RequestHandler = async ({ params, request }) => {
	// Unknown ids answer 404 before the body is judged, so a typo in the URL is named as such.
	const current = await tenders.read(params.id);
	if (!current) return tenders.missingTender();
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const patch = validate(tenders.tenderSchemasFor(current.rulesetVersion).patchBody, body.body);
	if (!patch.ok) return patch.response;
	const expected = expectedRevision(request, patch.data.revision);
	if (!expected.ok) return expected.response;
	let record;
	try {
		// The store compares the revision under the tender's lock, not against `current` above.
		record = await tenders.update(params.id, {
			...patch.data,
			revision: expected.expected?.revision
		});
	} catch (error) {
		if (error instanceof RevisionConflictError && expected.expected)
			return revisionConflict(error, expected.expected.source, tenders.NO_STORE);
		throw error;
	}
	if (!record) return tenders.missingTender();
	return json(tenders.withResults(record), { headers: headersFor(record.revision) });
};
