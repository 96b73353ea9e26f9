import * as tenders from '$lib/server/tenders';
import { matrixXlsx } from '$lib/tender/matrix';
import type { RequestHandler } from './$types';

/** The offers' answers question by question, as an .xlsx with the rows that differ highlighted. */
export const GET: RequestHandler = async ({ params }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	return new Response(new Uint8Array(await matrixXlsx(tenders.matrixOf(record))), {
		headers: {
			...tenders.NO_STORE,
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${tenders.fileSlug(record.title)}-answers.xlsx"`
		}
	});
};
