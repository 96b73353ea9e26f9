import * as tenders from '$lib/server/tenders';
import { matrixCsv } from '$lib/tender/matrix';
import type { RequestHandler } from './$types';

/** The offers' answers question by question, as CSV. */
export const GET: RequestHandler = async ({ params }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	return new Response(matrixCsv(tenders.matrixOf(record)), {
		headers: {
			...tenders.NO_STORE,
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${tenders.fileSlug(record.title)}-answers.csv"`
		}
	});
};
