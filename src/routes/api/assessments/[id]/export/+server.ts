import * as assessments from '$lib/server/assessments';
import { missingAssessment } from '$lib/server/api-guards';
import { contentDisposition } from '$lib/report/filename';
import { exportHeader, withoutShares } from '$lib/server/transfer';
import type { RequestHandler } from './$types';

/** The owner's copy of one assessment, in the same format the import takes back. */
export const GET: RequestHandler = async ({ params }) => {
	const record = await assessments.read(params.id);
	if (!record) return missingAssessment(params.id);
	const body = JSON.stringify(
		{ ...exportHeader(new Date()), assessments: [withoutShares(record)] },
		null,
		2
	);
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': contentDisposition(record.title, 'json'),
			'cache-control': 'private, no-store'
		}
	});
};
