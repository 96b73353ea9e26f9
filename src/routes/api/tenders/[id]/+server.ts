import { json } from '@sveltejs/kit';
import { readJson, validate } from '$lib/server/http';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	return json(tenders.withResults(record), { headers: tenders.NO_STORE });
};

export const PATCH: RequestHandler = async ({ params, request }) => {
	// Unknown ids answer 404 before the body is judged, so a typo in the URL is named as such.
	const current = await tenders.read(params.id);
	if (!current) return tenders.missingTender();
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const patch = validate(tenders.tenderSchemasFor(current.rulesetVersion).patchBody, body.body);
	if (!patch.ok) return patch.response;
	const record = await tenders.update(params.id, patch.data);
	if (!record) return tenders.missingTender();
	return json(tenders.withResults(record), { headers: tenders.NO_STORE });
};
