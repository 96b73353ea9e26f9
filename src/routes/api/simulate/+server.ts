import * as assessments from '$lib/server/assessments';
import { missingAssessment } from '$lib/server/api-guards';
import { apiError, readJson, validate } from '$lib/server/http';
import { jobRefusal, runJob } from '$lib/server/jobs/pool';
import { inputSchemas, rules } from '$lib/server/rules';
import {
	API_MAX_DEVICE_YEARS,
	API_MAX_DEVICES,
	createSimulateBodySchema
} from '$lib/simulation/request';
import type { RequestHandler } from './$types';

const bodySchema = createSimulateBodySchema(rules, inputSchemas);

export const POST: RequestHandler = async ({ request }) => {
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const parsed = validate(bodySchema, body.body);
	if (!parsed.ok) return parsed.response;
	const { assessmentId } = parsed.data;

	let record = null;
	if (assessmentId !== undefined) {
		const stored = await assessments.read(assessmentId);
		if (!stored) return missingAssessment(assessmentId);
		if (
			stored.fleet.devices > API_MAX_DEVICES ||
			stored.fleet.devices * stored.fleet.lifetimeYears > API_MAX_DEVICE_YEARS
		) {
			return apiError(400, 'The request is invalid', [
				{
					path: 'assessmentId',
					message: `The API simulates at most ${API_MAX_DEVICES.toLocaleString('en')} devices and ${API_MAX_DEVICE_YEARS.toLocaleString('en')} device-years; this fleet is bigger: use its fleet page`
				}
			]);
		}
		const { shares: _shares, ...content } = stored;
		record = content;
	}
	// The run itself happens in the job pool, off the event loop.
	try {
		const outcome = await runJob({ kind: 'simulate', body: parsed.data, record });
		return new Response(outcome.json, { headers: { 'content-type': 'application/json' } });
	} catch (error) {
		const refusal = jobRefusal(error, 'simulate');
		if (refusal) return refusal;
		throw error;
	}
};
