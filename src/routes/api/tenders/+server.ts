import { json } from '@sveltejs/kit';
import * as assessments from '$lib/server/assessments';
import { apiError, readJson, validate } from '$lib/server/http';
import { isShareToken } from '$lib/server/shares';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, url }) => {
	const body = await readJson(request);
	if (!body.ok) return body.response;
	const input = validate(tenders.tenderSchemasFor().createBody, body.body);
	if (!input.ok) return input.response;
	let assessment = null;
	if (input.data.fromAssessment !== undefined) {
		assessment = await assessments.read(input.data.fromAssessment);
		if (!assessment) {
			if (await isShareToken(input.data.fromAssessment)) {
				return apiError(
					403,
					'fromAssessment is a read-only share link: name the assessment by its id',
					[{ path: 'fromAssessment', message: 'A share token cannot be used as an assessment id' }]
				);
			}
			return apiError(404, 'No assessment with this id', [
				{ path: 'fromAssessment', message: 'No assessment with this id' }
			]);
		}
	}
	let record;
	try {
		record = await tenders.create(input.data, assessment);
	} catch (error) {
		if (error instanceof tenders.StaleAssessmentError) {
			return apiError(409, error.message, [{ path: 'fromAssessment', message: error.message }]);
		}
		throw error;
	}
	return json(tenders.withResults(record), {
		status: 201,
		headers: { ...tenders.NO_STORE, location: new URL(`/api/tenders/${record.id}`, url).pathname }
	});
};
