import { json } from '@sveltejs/kit';
import * as assessments from '$lib/server/assessments';
import { readJson, validate } from '$lib/server/http';
import { inputSchemas } from '$lib/server/rules';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, url }) => {
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const input = validate(inputSchemas.createBody, body.body);
	if (!input.ok) return input.response;
	const record = await assessments.create(input.data);
	return json(assessments.withResult(record), {
		status: 201,
		headers: { location: new URL(`/api/assessments/${record.id}`, url).pathname }
	});
};
