import { json } from '@sveltejs/kit';
import { z } from 'zod';
import * as assessments from '$lib/server/assessments';
import { missingAssessment as missing } from '$lib/server/api-guards';
import { apiError, readJson, validate } from '$lib/server/http';
import { rules } from '$lib/server/rules';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'private, no-store' };

const bodySchema = z.strictObject({
	/** The ruleset the preview showed as `to.version`: refused with 409 when the server's is another. */
	expectedVersion: z
		.string({ error: 'expectedVersion must be text, such as "2.0.0"' })
		.min(1)
		.optional()
});

/**
 * What re-scoring with the current ruleset would change: `from` (the version the assessment is
 * pinned to) and `to` (the current one), each with score, rating, floors, provisional and range;
 * `changed` (rating, score, floors added and removed); `newQuestions`. `needed` is false when the
 * assessment already uses the current ruleset. Nothing is written.
 */
export const GET: RequestHandler = async ({ params }) => {
	const record = await assessments.read(params.id);
	if (!record) return missing(params.id);
	return json(assessments.previewRescore(record), { headers: noStore });
};

/**
 * Re-scores the assessment with the current ruleset: its `rulesetVersion` becomes the current one
 * and its revision goes up. The body is optional; `{ "expectedVersion": "2.0.0" }` makes the call
 * fail with 409 if the server's ruleset is no longer the one previewed. Answers 200 with the
 * assessment and its result (as GET /api/assessments/{id}) plus `rescoredFrom`: the version it had,
 * or null when it was already current (nothing changed; calling twice is safe).
 */
export const POST: RequestHandler = async ({ params, request }) => {
	if (!(await assessments.read(params.id))) return missing(params.id);
	// The body is optional: none, or an empty one, means "re-score to whatever is current".
	let body: unknown = {};
	const hasBody = request.body !== null && (await request.clone().text()).trim() !== '';
	if (hasBody) {
		const read = await readJson(request);
		if (!read.ok) return read.response;
		body = read.body;
	}
	const parsed = validate(bodySchema, body);
	if (!parsed.ok) return parsed.response;
	const current = rules.ruleset.version;
	const { expectedVersion } = parsed.data;
	if (expectedVersion !== undefined && expectedVersion !== current) {
		return apiError(409, 'The current ruleset is not the one expected', [
			{
				path: 'expectedVersion',
				message: `The current ruleset is ${current}, not ${expectedVersion}: preview again (GET) before re-scoring`
			}
		]);
	}
	const done = await assessments.rescore(params.id);
	if (!done) return missing(params.id);
	return json(
		{
			...assessments.withResult(done.record),
			rescoredFrom: done.from === current ? null : done.from
		},
		{ headers: noStore }
	);
};
