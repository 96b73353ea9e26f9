import { json } from '@sveltejs/kit';
import * as assessments from '$lib/server/assessments';
import { missingAssessment } from '$lib/server/api-guards';
import { apiError, readJson, validate } from '$lib/server/http';
import { inputSchemas, rules, rulesFor } from '$lib/server/rules';
import { simulate } from '$lib/simulation/engine';
import { inputFromAssessment, inputFromFleet } from '$lib/simulation/inputs';
import { API_MAX_DEVICE_YEARS, API_MAX_DEVICES, createSimulateBodySchema } from '$lib/simulation/request';
import { resultJson } from '$lib/simulation/serialise';
import { summarise } from '$lib/simulation/summary';
import type { RequestHandler } from './$types';

const bodySchema = createSimulateBodySchema(rules, inputSchemas);

export const POST: RequestHandler = async ({ request }) => {
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const parsed = validate(bodySchema, body.body);
	if (!parsed.ok) return parsed.response;
	const { seed, assessmentId, fleet, scenario, params, resolution } = parsed.data;

	let input;
	// An assessment is simulated with the ruleset it is pinned to; a typed fleet with the current one.
	let scoredWith = rules;
	if (assessmentId !== undefined) {
		const record = await assessments.read(assessmentId);
		if (!record) return missingAssessment(assessmentId);
		if (record.fleet.devices > API_MAX_DEVICES || record.fleet.devices * record.fleet.lifetimeYears > API_MAX_DEVICE_YEARS) {
			return apiError(400, 'The request is invalid', [
				{ path: 'assessmentId', message: `The API simulates at most ${API_MAX_DEVICES.toLocaleString('en')} devices and ${API_MAX_DEVICE_YEARS.toLocaleString('en')} device-years; this fleet is bigger: use its fleet page` }
			]);
		}
		scoredWith = rulesFor(record.rulesetVersion);
		input = inputFromAssessment(scoredWith, record, assessments.withResult(record).result, { seed, scenario, params });
	} else {
		input = inputFromFleet(rules, fleet!, { seed, scenario, params });
	}
	const { result } = simulate(input);
	return json({
		seed,
		summary: summarise(result, input.fleet.countries, scoredWith.costs.currency),
		countries: input.fleet.countries,
		...resultJson(result, resolution)
	});
};
