/**
 * Evidence files a vendor attaches to its answers: what kind of file the bytes are (recognised by
 * their content, never by the name or the type the sender claims), the cleaned display name, and
 * the offer after a file is added or removed. Pure: no I/O.
 *
 * Only kinds a browser will not run are accepted: PDF, PNG, JPEG, plain text, Word and Excel
 * documents. HTML, SVG, XML, scripts, executables and anything unrecognised are refused, so a file
 * served back can never become a page on our origin.
 */
import {
	EVIDENCE_MEDIA_TYPES,
	MAX_EVIDENCE_BYTES,
	MAX_EVIDENCE_FILES,
	type EvidenceFile,
	type HistoryEntry,
	type Offer
} from './schema';

export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Each accepted kind: its name in plain words and the file name extensions it goes by (the first is the default). */
export const EVIDENCE_KINDS: Record<
	EvidenceMediaType,
	{ label: string; extensions: readonly string[] }
> = {
	'application/pdf': { label: 'PDF', extensions: ['pdf'] },
	'image/png': { label: 'PNG image', extensions: ['png'] },
	'image/jpeg': { label: 'JPEG image', extensions: ['jpg', 'jpeg'] },
	'text/plain': { label: 'plain text', extensions: ['txt'] },
	[DOCX]: { label: 'Word document (.docx)', extensions: ['docx'] },
	[XLSX]: { label: 'Excel workbook (.xlsx)', extensions: ['xlsx'] }
};

/** "PDF, PNG image, …, or Excel workbook (.xlsx)": for messages and the vendor's page. */
export const ACCEPTED_KINDS = (() => {
	const labels = EVIDENCE_MEDIA_TYPES.map((t) => EVIDENCE_KINDS[t].label);
	return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
})();

/** The `accept` attribute of the file input: a hint for the browser's picker, not a check. */
export const ACCEPT_ATTRIBUTE = [
	...EVIDENCE_MEDIA_TYPES,
	...EVIDENCE_MEDIA_TYPES.flatMap((t) => EVIDENCE_KINDS[t].extensions.map((e) => `.${e}`))
].join(',');

/** A size in plain words: "5 MB", "448 KB", "1.5 MB". */
export function sizeText(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
	const mb = bytes / 1024 / 1024;
	return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** "5 MB": the size limit in plain words. */
export const MAX_EVIDENCE_SIZE_TEXT = sizeText(MAX_EVIDENCE_BYTES);

export type Recognition =
	| { ok: true; mediaType: EvidenceMediaType }
	/** `empty` and `too-large` are about the size; `refused` is about the kind of content. */
	| { ok: false; reason: 'empty' | 'too-large' | 'refused'; message: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
	bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;

/**
 * The entry names of a ZIP archive, read from its central directory (what unzip tools and Office
 * read), or null when the archive's structure does not hold together.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
	if (!startsWith(bytes, ZIP_LOCAL) || bytes.length < 22) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end record is in the last 22 + 65,535 (the longest comment) bytes.
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
		if (view.getUint32(at, true) === ZIP_END) {
			end = at;
			break;
		}
	}
	if (end < 0) return null;
	const count = view.getUint16(end + 10, true);
	const size = view.getUint32(end + 12, true);
	let at = view.getUint32(end + 16, true);
	if (at + size > end) return null;
	const names: string[] = [];
	const decoder = new TextDecoder('utf-8');
	for (let i = 0; i < count; i += 1) {
		if (at + 46 > end || view.getUint32(at, true) !== ZIP_CENTRAL) return null;
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		if (at + 46 + nameLength > end) return null;
		names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
		at += 46 + nameLength + extraLength + commentLength;
	}
	return names;
}

/** A Word or Excel document (Office Open XML), without macros; null for any other archive. */
function officeDocument(bytes: Uint8Array): EvidenceMediaType | 'macros' | null {
	const names = zipEntryNames(bytes);
	if (!names || !names.includes('[Content_Types].xml')) return null;
	// Macro-enabled documents (.docm, .xlsm) carry their code in vbaProject.bin: never accepted.
	if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return 'macros';
	if (names.includes('word/document.xml')) return DOCX;
	if (names.includes('xl/workbook.xml')) return XLSX;
	return null;
}

/** Control characters other than tab, line feed and carriage return (C0, DEL and C1). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Text a browser could read as markup: HTML, SVG, XML, a script, a comment or a doctype. */
const MARKUP_START = /^<[a-z!?/]/i;

function plainText(bytes: Uint8Array): boolean {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return false;
	}
	if (CONTROL.test(text)) return false;
	return !MARKUP_START.test(text.replace(/^[\ufeff\s]+/, ''));
}

/** Recognises an evidence file by its bytes: one of EVIDENCE_MEDIA_TYPES, or why it is refused. */
export function recogniseEvidence(bytes: Uint8Array): Recognition {
	if (bytes.length === 0) return { ok: false, reason: 'empty', message: 'The file is empty' };
	if (bytes.length > MAX_EVIDENCE_BYTES) {
		return {
			ok: false,
			reason: 'too-large',
			message: `The file is larger than ${MAX_EVIDENCE_SIZE_TEXT}, the most an evidence file may be`
		};
	}
	if (startsWith(bytes, PDF)) return { ok: true, mediaType: 'application/pdf' };
	if (startsWith(bytes, PNG)) return { ok: true, mediaType: 'image/png' };
	if (startsWith(bytes, JPEG)) return { ok: true, mediaType: 'image/jpeg' };
	if (startsWith(bytes, ZIP_LOCAL)) {
		const office = officeDocument(bytes);
		if (office === 'macros')
			return refused(
				'Documents with macros are not accepted: save it as a .docx or .xlsx without macros, or as a PDF'
			);
		if (office) return { ok: true, mediaType: office };
		return refused();
	}
	if (plainText(bytes)) return { ok: true, mediaType: 'text/plain' };
	return refused();
}

const refused = (why = 'This kind of file is not accepted'): Recognition => ({
	ok: false,
	reason: 'refused',
	message: `${why}. Attach a ${ACCEPTED_KINDS}, of at most ${MAX_EVIDENCE_SIZE_TEXT}.`
});

/** The longest cleaned name, extension included (the schema allows 200). */
export const MAX_NAME_LENGTH = 120;

/** Control, format (bidi overrides, zero-width) and separator characters that could disguise a name. */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The name a file is shown and downloaded under: the last part of whatever path was sent, without
 * control or direction-changing characters, at most MAX_NAME_LENGTH characters, and ending in the
 * extension of the kind the content was recognised as (a PDF sent as "x.html" becomes "x.pdf").
 */
export function cleanEvidenceName(raw: string, mediaType: EvidenceMediaType): string {
	const extensions = EVIDENCE_KINDS[mediaType].extensions;
	let name = raw.normalize('NFC').replace(HIDDEN, '');
	name = name.split(/[/\\]/).at(-1) ?? '';
	name = name
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[.\s]+|[.\s]+$/g, '');
	const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
	let extension = extensions[0]!;
	if (match) {
		name = name.slice(0, match.index);
		const given = match[1]!.toLowerCase();
		if (extensions.includes(given)) extension = given;
	}
	name = name.replace(/[.\s]+$/g, '');
	const room = MAX_NAME_LENGTH - extension.length - 1;
	name = Array.from(name).slice(0, room).join('').trim();
	return `${name || 'evidence'}.${extension}`;
}

/** Why a file cannot be attached to an answer. */
export type AttachRefusal = 'not-answered' | 'too-many';

/** The vendor's answer a file may be attached to: the vendor's own, with an answer chosen. */
export function attachRefusal(offer: Offer, questionId: string): AttachRefusal | null {
	const answer = offer.answers[questionId];
	if (!answer || answer.by !== 'vendor' || answer.option === undefined) return 'not-answered';
	if ((answer.files?.length ?? 0) >= MAX_EVIDENCE_FILES) return 'too-many';
	return null;
}

const fileHistory = (
	questionId: string,
	at: string,
	old: string | null,
	now: string | null
): HistoryEntry => ({
	at,
	by: 'vendor',
	questionId,
	field: 'file',
	old,
	new: now
});

/** The offer with `file` attached to the vendor's answer to `questionId` (check attachRefusal first). */
export function withFileAdded(
	offer: Offer,
	questionId: string,
	file: EvidenceFile,
	at: string
): Offer {
	const answer = offer.answers[questionId]!;
	return {
		...offer,
		answers: {
			...offer.answers,
			[questionId]: { ...answer, files: [...(answer.files ?? []), file], updatedAt: at }
		},
		history: [...offer.history, fileHistory(questionId, at, null, file.name)]
	};
}

/** The offer without the file `fileId` on the vendor's answer to `questionId`; null when it has no such file. */
export function withFileRemoved(
	offer: Offer,
	questionId: string,
	fileId: string,
	at: string
): { offer: Offer; file: EvidenceFile } | null {
	const answer = offer.answers[questionId];
	const file = answer?.by === 'vendor' ? answer.files?.find((f) => f.id === fileId) : undefined;
	if (!answer || !file) return null;
	const { files: _files, ...rest } = answer;
	const files = (answer.files ?? []).filter((f) => f !== file);
	return {
		file,
		offer: {
			...offer,
			answers: {
				...offer.answers,
				[questionId]: { ...rest, ...(files.length > 0 ? { files } : {}), updatedAt: at }
			},
			history: [...offer.history, fileHistory(questionId, at, file.name, null)]
		}
	};
}

/** History entries for the files an answer lost (withdrawn or replaced), by the vendor. */
export const filesRemovedHistory = (
	questionId: string,
	files: readonly EvidenceFile[],
	at: string
): HistoryEntry[] => files.map((f) => fileHistory(questionId, at, f.name, null));

/** Every file an offer's answers refer to. */
export const offerFiles = (offer: Offer): EvidenceFile[] =>
	Object.values(offer.answers).flatMap((a) => a.files ?? []);
