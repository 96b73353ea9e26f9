/**
 * Evidence files on the server: reading an upload within its size limit, attaching it to the
 * vendor's answer through a respondent link, removing it, and serving it to the buyer only. The
 * routes under /api/respond/{token}/evidence and /api/tenders/{id}/offers/{offerId}/evidence and
 * the vendor's page stay thin.
 */
import { createHash } from 'node:crypto';
import {
	attachRefusal,
	cleanEvidenceName,
	recogniseEvidence,
	sizeText,
	withFileAdded,
	withFileRemoved,
	type AttachRefusal,
	type Recognition
} from '$lib/tender/evidence';
import { cappedHistory } from '$lib/tender/history';
import {
	MAX_EVIDENCE_BYTES,
	MAX_EVIDENCE_FILES,
	type EvidenceFile,
	type Offer,
	type StoredTender
} from '$lib/tender/schema';
import { dropRest } from './body-limit';
import { apiError } from './http';
import { newId } from './ids';
import { LinkGoneError, writable, type OpenedRespondent } from './respondents';
import { getEvidenceStore, getTenderStore } from './store';
import { deleteUnreferenced } from './store/evidence-store';
import { templateQuestions } from './tenders';

type Opened = Extract<OpenedRespondent, { status: 'active' }>;

/** Room for a multipart body's boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The file could not be taken as evidence: empty (400), too large (413) or of a refused kind (415). */
export class EvidenceRefusedError extends Error {
	readonly status: 400 | 413 | 415;
	constructor(refusal: Extract<Recognition, { ok: false }>) {
		super(refusal.message);
		this.name = 'EvidenceRefusedError';
		this.status = refusal.reason === 'empty' ? 400 : refusal.reason === 'too-large' ? 413 : 415;
	}
}

/** The answer cannot take a file: not answered by the vendor yet, or already holding the most files (409). */
export class AttachRefusedError extends Error {
	constructor(readonly refusal: AttachRefusal) {
		super(
			refusal === 'not-answered'
				? 'Answer the question first: a file is attached to your answer, and this question has none yet'
				: `This answer already has ${MAX_EVIDENCE_FILES} files, the most it may have: remove one first`
		);
		this.name = 'AttachRefusedError';
	}
}

/** True when the vendor is asked the question (its ruleset's, or a local-profile one of the tender's fleet). */
export const isQuestionOf = (record: StoredTender, questionId: string) =>
	templateQuestions(record).some((q) => q.id === questionId);

const tooLarge = () =>
	new EvidenceRefusedError({
		ok: false,
		reason: 'too-large',
		message: `The file is too large: this server takes evidence files of at most ${sizeText(MAX_EVIDENCE_BYTES)}`
	});

/**
 * Reads a request body, stopping as soon as it passes `limit` bytes: nothing larger is ever held
 * in memory. The route's own body limit (body-limit.ts: the file and its form) may stop it first.
 */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
	const declared = Number(request.headers.get('content-length'));
	// The rest of a refused body is dropped, never cancelled: cancelling would reset the connection
	// before the client reads the 413.
	if (Number.isFinite(declared) && declared > limit) {
		if (request.body) dropRest(request.body.getReader());
		throw tooLarge();
	}
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > limit) {
				dropRest(reader);
				throw tooLarge();
			}
			chunks.push(value);
		}
	} catch (error) {
		if (error instanceof EvidenceRefusedError) throw error;
		if ((error as { status?: number } | null)?.status === 413) throw tooLarge();
		throw error;
	}
	const bytes = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return bytes;
}

/** The request could not be read as an upload (400): not the sender's file, so not the file's fault. */
export class UploadShapeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UploadShapeError';
	}
}

export interface Upload {
	bytes: Uint8Array;
	/** The name as sent (cleaned when attached). */
	name: string;
}

function headerName(value: string | null): string {
	if (!value) return '';
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/**
 * An upload as the API takes it: multipart/form-data with a `file` field (what a plain HTML form
 * sends), or the raw bytes with the name in an `x-filename` header or `?name=`. The claimed
 * Content-Type of the file is never trusted: the bytes are recognised later.
 */
export async function readUpload(request: Request, url: URL): Promise<Upload> {
	const type = request.headers.get('content-type') ?? '';
	if (/^multipart\/form-data\b/i.test(type)) {
		const body = await readLimited(request, MAX_EVIDENCE_BYTES + MULTIPART_OVERHEAD);
		let form: FormData;
		try {
			form = await new Response(new Uint8Array(body), {
				headers: { 'content-type': type }
			}).formData();
		} catch {
			throw new UploadShapeError(
				'The form could not be read: send the file in a multipart field named "file"'
			);
		}
		return uploadOf(form.get('file'));
	}
	const bytes = await readLimited(request, MAX_EVIDENCE_BYTES);
	return {
		bytes,
		name: headerName(request.headers.get('x-filename')) || url.searchParams.get('name') || ''
	};
}

/** A form's `file` field as an upload; UploadShapeError when there is no file in it. */
export async function uploadOf(value: FormDataEntryValue | null): Promise<Upload> {
	if (!(value instanceof File))
		throw new UploadShapeError('Send the file in a multipart field named "file"');
	if (value.size > MAX_EVIDENCE_BYTES) throw tooLarge();
	return { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
}

/** Refuses early, before a byte is read, when the answer cannot take a file. */
export function checkAttachable(offer: Offer, questionId: string): void {
	const refusal = attachRefusal(offer, questionId);
	if (refusal) throw new AttachRefusedError(refusal);
}

/**
 * Attaches a file to the vendor's own answer to `questionId`: recognised by its content, stored,
 * then recorded on the answer under the tender's lock (checked again there). A write that fails
 * after the file was stored deletes it again. SubmittedError, LinkGoneError, AttachRefusedError,
 * EvidenceRefusedError.
 */
export async function attachEvidence(
	opened: Opened,
	questionId: string,
	upload: Upload,
	now = new Date()
): Promise<EvidenceFile> {
	const recognised = recogniseEvidence(upload.bytes);
	if (!recognised.ok) throw new EvidenceRefusedError(recognised);
	checkAttachable(opened.offer, questionId);
	const at = now.toISOString();
	const file: EvidenceFile = {
		id: newId(),
		name: cleanEvidenceName(upload.name, recognised.mediaType),
		mediaType: recognised.mediaType,
		size: upload.bytes.byteLength,
		sha256: createHash('sha256').update(upload.bytes).digest('hex'),
		uploadedAt: at
	};
	const store = getEvidenceStore();
	await store.put(file.id, upload.bytes);
	try {
		const record = await getTenderStore().update(opened.record.id, (current) => {
			const index = current.offers.findIndex((o) => o.id === opened.offer.id);
			if (index < 0) throw new LinkGoneError();
			const offer = current.offers[index]!;
			writable(opened.respondent.id, now)(offer);
			checkAttachable(offer, questionId);
			const offers = [...current.offers];
			// Within the history's bounds, as every other write (history.ts): a vendor attaching and
			// removing files in a loop never pushes the buyer's entries out.
			offers[index] = cappedHistory(withFileAdded(offer, questionId, file, at));
			return { ...current, offers, revision: current.revision + 1, updatedAt: at };
		});
		if (!record) throw new LinkGoneError();
	} catch (error) {
		await deleteUnreferenced(store, [file.id]);
		throw error;
	}
	return file;
}

/**
 * Removes a file from the vendor's answer, then deletes its bytes once the record without it is
 * written. False when the answer has no such file.
 */
export async function removeEvidence(
	opened: Opened,
	questionId: string,
	fileId: string,
	now = new Date()
): Promise<boolean> {
	let removed: EvidenceFile | null = null;
	const at = now.toISOString();
	const record = await getTenderStore().update(opened.record.id, (current) => {
		const index = current.offers.findIndex((o) => o.id === opened.offer.id);
		if (index < 0) throw new LinkGoneError();
		writable(opened.respondent.id, now)(current.offers[index]!);
		const changed = withFileRemoved(current.offers[index]!, questionId, fileId, at);
		if (!changed) return current;
		removed = changed.file;
		const offers = [...current.offers];
		offers[index] = cappedHistory(changed.offer);
		return { ...current, offers, revision: current.revision + 1, updatedAt: at };
	});
	if (!record) throw new LinkGoneError();
	if (!removed) return false;
	await deleteUnreferenced(getEvidenceStore(), [(removed as EvidenceFile).id]);
	return true;
}

/** The file `fileId` of one of the offer's answers, or null: a file of another offer is not found. */
export function offerFile(offer: Offer, fileId: string): EvidenceFile | null {
	for (const answer of Object.values(offer.answers)) {
		const file = answer.files?.find((f) => f.id === fileId);
		if (file) return file;
	}
	return null;
}

/** `filename*` (RFC 6266/8187) with a plain ASCII `filename` for old clients. */
export function contentDisposition(name: string): string {
	const ascii = name.replace(/[^A-Za-z0-9._ -]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The buyer's download: always an attachment, its recognised type, never sniffed, sandboxed
 * should a browser render it anyway, never cached.
 */
export async function evidenceDownload(
	record: StoredTender,
	offerId: string,
	fileId: string
): Promise<Response> {
	const offer = record.offers.find((o) => o.id === offerId);
	if (!offer) return apiError(404, 'No offer with this id in the tender');
	const file = offerFile(offer, fileId);
	if (!file) return apiError(404, 'No evidence file with this id in the offer');
	const bytes = await getEvidenceStore().get(file.id);
	if (!bytes) return apiError(404, "The evidence file is missing from the server's storage");
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type':
				file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
			'content-length': String(bytes.byteLength),
			'content-disposition': contentDisposition(file.name),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "sandbox; default-src 'none'",
			'cache-control': 'private, no-store'
		}
	});
}

/** The API's answer to an evidence error; null for any other error. */
export function evidenceErrorResponse(error: unknown): Response | null {
	if (error instanceof EvidenceRefusedError)
		return apiError(error.status, error.message, [{ path: 'file', message: error.message }]);
	if (error instanceof AttachRefusedError)
		return apiError(409, error.message, [{ path: 'questionId', message: error.message }]);
	if (error instanceof UploadShapeError)
		return apiError(400, error.message, [{ path: 'file', message: error.message }]);
	return null;
}
