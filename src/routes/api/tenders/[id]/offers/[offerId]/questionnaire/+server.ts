import { apiError } from '$lib/server/http';
import {
	applied,
	preview,
	questionnaireDownload,
	readUpload
} from '$lib/server/questionnaire-route';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

const noOffer = () => apiError(404, 'No offer with this id in this tender');

/** The offer's questionnaire as an .xlsx for the vendor's bid team: questions, its answers so far, no buyer data. */
export const GET: RequestHandler = async ({ params }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	const offer = record.offers.find((o) => o.id === params.offerId);
	if (!offer) return noOffer();
	return questionnaireDownload(record, offer);
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
	const upload = await readUpload(request, url, record);
	if (!upload.ok) return upload.response;
	if (!upload.apply) return preview(upload);
	const outcome = await tenders.importVendorAnswers(params.id, params.offerId, upload.answers);
	if (!outcome) return tenders.missingTender();
	if (outcome === 'no-offer') return noOffer();
	return applied(upload, outcome.revision);
};
