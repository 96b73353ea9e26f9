/**
 * Optimistic concurrency on a record's revision. A client that read revision 7 may send it back
 * with its change (`If-Match: "7"`, or `"revision": 7` in the JSON body); the change is written
 * only if the record is still at 7, otherwise 409 with the current revision. The comparison runs
 * inside the store's `update` callback (`checkRevision`), under the record's lock (file store) or
 * row lock (PostgreSQL), so two servers can never both accept a change based on one revision.
 * Without a revision a save applies after the ones before it, as it always did.
 */
import { json } from '@sveltejs/kit';
import { apiError, type FieldIssue } from './http';

/** Where the client's revision came from, so an error names the field the client sent. */
export type RevisionSource = 'If-Match' | 'revision';

/** The revision a change was based on, as the client sent it. */
export interface ExpectedRevision {
	revision: number;
	source: RevisionSource;
}

/** The record moved on since the revision the change was based on: nothing was written. */
export class RevisionConflictError extends Error {
	constructor(
		readonly currentRevision: number,
		readonly expectedRevision: number
	) {
		super(
			`The record is at revision ${currentRevision}, not ${expectedRevision}: read it again and reapply your change`
		);
		this.name = 'RevisionConflictError';
	}
}

/**
 * Throws RevisionConflictError unless the record is at the expected revision. Call it first thing
 * in the store's `update(id, change)` callback, never on a record read before: only there is the
 * comparison atomic with the write. No expected revision: the change applies to whatever is stored.
 */
export function checkRevision(current: { revision: number }, expected: number | undefined): void {
	if (expected !== undefined && current.revision !== expected)
		throw new RevisionConflictError(current.revision, expected);
}

/** The ETag of a revision: a strong entity tag, the revision in quotes (`"7"`). */
export const etagOf = (revision: number) => `"${revision}"`;

/** What If-Match said: one revision, or `*` (any existing record). */
export type IfMatch = { any: true } | { any: false; revision: number };

/** A strong tag `"7"` or a weak one `W/"7"` (compression weakens the ETag it sends, see compress.ts). */
const ENTITY_TAG = /^(?:W\/)?"(0|[1-9][0-9]*)"$/;

/**
 * Reads an If-Match header. Null when there is none. A list of tags, an empty header or a tag that
 * is not one of our revisions is refused: a change is based on exactly one revision.
 */
export function parseIfMatch(
	header: string | null
): { ok: true; value: IfMatch | null } | { ok: false; message: string } {
	if (header === null) return { ok: true, value: null };
	const value = header.trim();
	if (value === '*') return { ok: true, value: { any: true } };
	const match = ENTITY_TAG.exec(value);
	const revision = match ? Number(match[1]) : NaN;
	if (Number.isSafeInteger(revision)) return { ok: true, value: { any: false, revision } };
	return {
		ok: false,
		message: `If-Match must be one revision as an entity tag, such as "7" with its quotes (the ETag of the record you read), or *; it was ${JSON.stringify(header.slice(0, 40))}`
	};
}

/**
 * The revision a PATCH was based on, from its If-Match header and its body's `revision` (already
 * validated by the body schema). Both may be sent if they agree; `*` adds nothing to a body's
 * revision. Null when neither names one: the change applies in order, as before.
 */
export function expectedRevision(
	request: Request,
	bodyRevision: number | undefined
): { ok: true; expected: ExpectedRevision | null } | { ok: false; response: Response } {
	const header = request.headers.get('if-match');
	const ifMatch = parseIfMatch(header);
	if (!ifMatch.ok)
		return {
			ok: false,
			response: apiError(400, 'The request is invalid', [
				{ path: 'If-Match', message: ifMatch.message }
			])
		};
	const fromHeader = ifMatch.value && !ifMatch.value.any ? ifMatch.value.revision : undefined;
	if (fromHeader !== undefined && bodyRevision !== undefined && fromHeader !== bodyRevision)
		return {
			ok: false,
			response: apiError(400, 'The request is invalid', [
				{
					path: 'revision',
					message: `The body's revision ${bodyRevision} and If-Match ${header} name different revisions: send one, or the same in both`
				}
			])
		};
	if (fromHeader !== undefined)
		return { ok: true, expected: { revision: fromHeader, source: 'If-Match' } };
	if (bodyRevision !== undefined)
		return { ok: true, expected: { revision: bodyRevision, source: 'revision' } };
	return { ok: true, expected: null };
}

/** The body of a 409 for a stale change: the API's error shape, and the record's current revision. */
export interface RevisionConflictBody {
	error: string;
	issues: FieldIssue[];
	currentRevision: number;
}

/**
 * 409 for a stale change, with the current revision in the body and as the ETag, so the client can
 * read the record again and send its change based on that. The issue names the field it sent.
 */
export function revisionConflict(
	conflict: RevisionConflictError,
	source: RevisionSource,
	headers: Record<string, string> = {}
): Response {
	const body: RevisionConflictBody = {
		error: 'The record changed since the revision this change was based on',
		issues: [{ path: source, message: conflict.message }],
		currentRevision: conflict.currentRevision
	};
	return json(body, {
		status: 409,
		headers: { ...headers, etag: etagOf(conflict.currentRevision) }
	});
}
