/**
 * The spreadsheet route, shared by the buyer's (/api/tenders/{id}/offers/{offerId}/questionnaire)
 * and the vendor's (/api/respond/{token}/questionnaire) endpoints: the download, and reading an
 * upload with every row checked before anything is saved.
 */
import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import type { Offer, StoredTender } from '$lib/tender/schema';
import { readQuestionnaire, WorkbookError, XLSX_LIMITS, type ParsedAnswer } from '$lib/tender/xlsx';
import { apiError, type FieldIssue } from './http';
import * as tenders from './tenders';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The offer's questionnaire as an .xlsx attachment, with the answers `offer` carries. */
export async function questionnaireDownload(record: StoredTender, offer: Offer): Promise<Response> {
	const workbook = await tenders.questionnaireWorkbook(record, offer, getLocale());
	const name = `${offer.vendor || 'offer'}-questionnaire`
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.slice(0, 80);
	return new Response(new Uint8Array(workbook), {
		headers: {
			...tenders.NO_STORE,
			'content-type': XLSX_TYPE,
			'content-disposition': `attachment; filename="${name}.xlsx"`,
			'x-content-type-options': 'nosniff'
		}
	});
}

export type ReadUpload =
	| { ok: false; response: Response }
	/** `apply` false: answer with `preview`. */
	| { ok: true; apply: boolean; answers: ParsedAnswer[]; issues: FieldIssue[] };

/**
 * Reads a filled questionnaire sent as the .xlsx bytes and checks every row against the tender's
 * questions: 415 for another content type, 413 past the size limit, 400 for a file that is not the
 * workbook, and with `?apply=true` 422 when any row has an issue (nothing may then be saved).
 */
export async function readUpload(
	request: Request,
	url: URL,
	record: StoredTender
): Promise<ReadUpload> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith(XLSX_TYPE)) {
		return {
			ok: false,
			response: apiError(415, 'Send the filled questionnaire as the .xlsx file itself', [
				{ path: '', message: `Content-Type was "${type || 'missing'}"; expected ${XLSX_TYPE}` }
			])
		};
	}
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await request.arrayBuffer());
	} catch (error) {
		if ((error as { status?: number } | null)?.status === 413)
			return {
				ok: false,
				response: apiError(413, 'The file is too large', [
					{ path: '', message: (error as Error).message }
				])
			};
		return {
			ok: false,
			response: apiError(400, 'The file could not be read', [
				{ path: '', message: (error as Error).message }
			])
		};
	}
	if (bytes.byteLength > XLSX_LIMITS.bytes)
		return {
			ok: false,
			response: apiError(413, 'The file is too large', [
				{ path: '', message: `At most ${XLSX_LIMITS.bytes} bytes` }
			])
		};
	let read;
	try {
		read = await readQuestionnaire(bytes, tenders.templateQuestions(record), getLocale());
	} catch (error) {
		if (error instanceof WorkbookError)
			return {
				ok: false,
				response: apiError(400, error.message, [{ path: '', message: error.message }])
			};
		throw error;
	}
	const issues = read.issues.map((i) => ({
		path: `rows.${i.row}.${i.column}`,
		message: i.message
	}));
	const apply = url.searchParams.get('apply') === 'true';
	if (apply && issues.length > 0) {
		return {
			ok: false,
			response: apiError(
				422,
				'Some rows have problems: nothing was saved. Fix them and upload again.',
				issues
			)
		};
	}
	return { ok: true, apply, answers: read.answers, issues };
}

/** The answer to an upload that was only read. */
export const preview = (upload: Extract<ReadUpload, { ok: true }>) =>
	json(
		{ applied: false, answers: upload.answers, issues: upload.issues },
		{ headers: tenders.NO_STORE }
	);

/** The answer to an upload whose rows were saved. */
export const applied = (upload: Extract<ReadUpload, { ok: true }>, revision?: number) =>
	json(
		{
			applied: true,
			answers: upload.answers,
			issues: [],
			...(revision !== undefined ? { revision } : {})
		},
		{ headers: tenders.NO_STORE }
	);
