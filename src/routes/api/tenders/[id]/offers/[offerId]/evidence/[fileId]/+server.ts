import { evidenceDownload } from '$lib/server/evidence';
import * as tenders from '$lib/server/tenders';
import type { RequestHandler } from './$types';

/** A vendor's evidence file, for the buyer only (the tender's edit key): always a download, never a page. */
export const GET: RequestHandler = async ({ params }) => {
	const record = await tenders.read(params.id);
	if (!record) return tenders.missingTender();
	return evidenceDownload(record, params.offerId, params.fileId);
};
