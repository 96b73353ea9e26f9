import { gone, openForRoute, submitted } from '$lib/server/respond-guard';
import {
	applied,
	preview,
	questionnaireDownload,
	readUpload
} from '$lib/server/questionnaire-route';
import { LinkGoneError, saveRows, SubmittedError } from '$lib/server/respondents';
import { vendorOnlyOffer } from '$lib/tender/respondent';
import type { RequestHandler } from './$types';

/** The offer's questionnaire as an .xlsx, with the vendor's own answers so far. */
export const GET: RequestHandler = async ({ params }) => {
	const link = await openForRoute(params.token);
	if (!link.ok) return link.response;
	return questionnaireDownload(link.opened.record, vendorOnlyOffer(link.opened.offer));
};

/** The filled questionnaire: previewed, or with `?apply=true` saved as the vendor's claims (409 once submitted). */
export const POST: RequestHandler = async ({ params, request, url }) => {
	const link = await openForRoute(params.token);
	if (!link.ok) return link.response;
	if (link.opened.respondent.submittedAt) return submitted(new SubmittedError().message);
	const upload = await readUpload(request, url, link.opened.record);
	if (!upload.ok) return upload.response;
	if (!upload.apply) return preview(upload);
	try {
		await saveRows(link.opened, upload.answers);
	} catch (error) {
		if (error instanceof SubmittedError) return submitted(error.message);
		if (error instanceof LinkGoneError) return gone();
		throw error;
	}
	// The vendor is not told the tender's revision: it belongs to the buyer's record.
	return applied(upload);
};
