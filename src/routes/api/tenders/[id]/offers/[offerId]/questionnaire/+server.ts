import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http';
import * as tenders from '$lib/server/tenders';
import { readQuestionnaire, WorkbookError, XLSX_LIMITS } from '$lib/tender/xlsx';
import type { RequestHandler } from './$types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const noOffer = () => apiError(404, 'No offer with this id in this tender');

/** The offer's questionnaire as an .xlsx for the vendor's bid team: questions, its answers so far, no buyer data. */
export const GET: RequestHandler = async ({ params }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	const offer = record.offers.find((o) => o.id === params.offerId);
	if (!offer) return noOffer();
	const workbook = await tenders.questionnaireWorkbook(record, offer);
	const name = `${offer.vendor || 'offer'}-questionnaire`.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
	return new Response(new Uint8Array(workbook), {
		headers: {
			...tenders.NO_STORE,
			'content-type': XLSX_TYPE,
			'content-disposition': `attachment; filename="${name}.xlsx"`,
			'x-content-type-options': 'nosniff'
		}
	});
};

/**
 * A filled questionnaire, sent as the .xlsx bytes. Every row is checked first: without `?apply=true`
 * the answer is a preview (the rows read and every issue); with it the rows are saved as the
 * vendor's claims, or, when any row has an issue, nothing is saved (422).
 */
export const POST: RequestHandler = async ({ params, request, url }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	if (!record.offers.some((o) => o.id === params.offerId)) return noOffer();
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith(XLSX_TYPE)) {
		return apiError(415, 'Send the filled questionnaire as the .xlsx file itself', [
			{ path: '', message: `Content-Type was "${type || 'missing'}"; expected ${XLSX_TYPE}` }
		]);
	}
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await request.arrayBuffer());
	} catch (error) {
		if ((error as { status?: number } | null)?.status === 413) return apiError(413, 'The file is too large', [{ path: '', message: (error as Error).message }]);
		return apiError(400, 'The file could not be read', [{ path: '', message: (error as Error).message }]);
	}
	if (bytes.byteLength > XLSX_LIMITS.bytes) return apiError(413, 'The file is too large', [{ path: '', message: `At most ${XLSX_LIMITS.bytes} bytes` }]);
	let read;
	try {
		read = await readQuestionnaire(bytes, tenders.templateQuestions(record));
	} catch (error) {
		if (error instanceof WorkbookError) return apiError(400, error.message, [{ path: '', message: error.message }]);
		throw error;
	}
	const issues = read.issues.map((i) => ({ path: `rows.${i.row}.${i.column}`, message: i.message }));
	if (url.searchParams.get('apply') !== 'true') {
		return json({ applied: false, answers: read.answers, issues }, { headers: tenders.NO_STORE });
	}
	if (issues.length > 0) return apiError(422, 'Some rows have problems: nothing was saved. Fix them and upload again.', issues);
	const outcome = await tenders.importVendorAnswers(params.id, params.offerId, read.answers);
	if (!outcome) return tenders.missingTender();
	if (outcome === 'no-offer') return noOffer();
	return json({ applied: true, answers: read.answers, issues: [], revision: outcome.revision }, { headers: tenders.NO_STORE });
};
