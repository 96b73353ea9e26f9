import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
	attachRefusal,
	cleanEvidenceName,
	recogniseEvidence,
	sizeText,
	withFileAdded,
	withFileRemoved,
	zipEntryNames
} from '../../../src/lib/tender/evidence';
import {
	MAX_EVIDENCE_BYTES,
	offerSchema,
	type EvidenceFile,
	type Offer
} from '../../../src/lib/tender/schema';

const bytes = (...parts: (string | number[])[]) => {
	const chunks = parts.map((p) =>
		typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)
	);
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
};

/**
 * A ZIP archive with stored (uncompressed) entries, written by the format's layout (APPNOTE 4.3):
 * local headers and data, then the central directory, then the end record. CRCs are left zero;
 * the recogniser reads names only.
 */
function zip(names: string[]): Uint8Array {
	const enc = new TextEncoder();
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const name of names) {
		const n = enc.encode(name);
		const data = enc.encode('x');
		const local = new DataView(new ArrayBuffer(30));
		local.setUint32(0, 0x04034b50, true);
		local.setUint32(18, data.length, true);
		local.setUint32(22, data.length, true);
		local.setUint16(26, n.length, true);
		locals.push(new Uint8Array(local.buffer), n, data);
		const central = new DataView(new ArrayBuffer(46));
		central.setUint32(0, 0x02014b50, true);
		central.setUint32(20, data.length, true);
		central.setUint32(24, data.length, true);
		central.setUint16(28, n.length, true);
		central.setUint32(42, offset, true);
		centrals.push(new Uint8Array(central.buffer), n);
		offset += 30 + n.length + data.length;
	}
	const centralSize = centrals.reduce((s, c) => s + c.length, 0);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, names.length, true);
	end.setUint16(10, names.length, true);
	end.setUint32(12, centralSize, true);
	end.setUint32(16, offset, true);
	return bytes(...[...locals, ...centrals, new Uint8Array(end.buffer)].map((c) => Array.from(c)));
}

const PDF = bytes(
	'%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0]);
const DOCX = zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);

describe('recogniseEvidence: by the bytes, never the name', () => {
	it('recognises PDF, PNG, JPEG and plain text by their first bytes', () => {
		expect(recogniseEvidence(PDF)).toEqual({ ok: true, mediaType: 'application/pdf' });
		expect(recogniseEvidence(PNG)).toEqual({ ok: true, mediaType: 'image/png' });
		expect(recogniseEvidence(JPEG)).toEqual({ ok: true, mediaType: 'image/jpeg' });
		expect(
			recogniseEvidence(bytes('Contract section 4.2: the eUICC is open.\r\n\tSigned.'))
		).toEqual({ ok: true, mediaType: 'text/plain' });
		expect(recogniseEvidence(bytes([0xef, 0xbb, 0xbf], 'Zürich, § 4 – Kündigung'))).toEqual({
			ok: true,
			mediaType: 'text/plain'
		});
	});

	it('recognises a Word document by its central directory, and a real Excel workbook (exceljs)', async () => {
		expect(zipEntryNames(DOCX)).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'word/document.xml'
		]);
		expect(recogniseEvidence(DOCX)).toEqual({
			ok: true,
			mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		});
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Prices').addRow(['SIM', 1.5]);
		const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
		expect(recogniseEvidence(xlsx)).toEqual({
			ok: true,
			mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		});
	});

	it('refuses HTML, SVG, XML and scripts, even after a BOM or blank lines, with the accepted kinds named', () => {
		for (const text of [
			'<!DOCTYPE html><p>hi',
			'<html><script>alert(1)</script>',
			'\ufeff  <svg xmlns="http://www.w3.org/2000/svg"/>',
			'\n\n<?xml version="1.0"?><a/>',
			' <script>alert(1)</script>',
			'<!-- x --><b>',
			'<iframe src=x>'
		]) {
			const result = recogniseEvidence(bytes(text));
			expect(result, text).toMatchObject({ ok: false, reason: 'refused' });
			if (!result.ok)
				expect(result.message).toContain(
					'PDF, PNG image, JPEG image, plain text, Word document (.docx) or Excel workbook (.xlsx)'
				);
		}
	});

	it('takes text that only mentions markup further on: it is served as text/plain, never sniffed', () => {
		expect(recogniseEvidence(bytes('See the annex: <html> is not used.'))).toEqual({
			ok: true,
			mediaType: 'text/plain'
		});
	});

	it('refuses executables, other archives, macro documents, binary junk and invalid UTF-8', () => {
		const cases: [string, Uint8Array][] = [
			['Windows exe', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0])],
			['ELF', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
			['plain zip', zip(['payload.exe'])],
			['zip without content types', zip(['word/document.xml'])],
			[
				'macro-enabled Word',
				zip(['[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin'])
			],
			['NUL in text', bytes('abc', [0], 'def')],
			['escape in text', bytes('abc', [0x1b], '[31m')],
			['invalid UTF-8', bytes('abc', [0xc3, 0x28])],
			['GIF', bytes('GIF89a', [1, 0, 1, 0])],
			['truncated zip', DOCX.subarray(0, 40)]
		];
		for (const [what, data] of cases)
			expect(recogniseEvidence(data), what).toMatchObject({ ok: false, reason: 'refused' });
	});

	it('refuses an empty file and one over 5 MB; exactly 5 MB is fine', () => {
		expect(recogniseEvidence(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'empty' });
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		big.set(PDF);
		expect(recogniseEvidence(big)).toMatchObject({ ok: false, reason: 'too-large' });
		expect(recogniseEvidence(big.subarray(0, 5 * 1024 * 1024))).toEqual({
			ok: true,
			mediaType: 'application/pdf'
		});
		expect(MAX_EVIDENCE_BYTES).toBe(5_242_880);
	});
});

describe('cleanEvidenceName', () => {
	it('keeps a name whose extension matches the content', () => {
		expect(cleanEvidenceName('Offer annex B.pdf', 'application/pdf')).toBe('Offer annex B.pdf');
		expect(cleanEvidenceName('photo.JPEG', 'image/jpeg')).toBe('photo.jpeg');
		expect(
			cleanEvidenceName(
				'Übersicht Preise.xlsx',
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			)
		).toBe('Übersicht Preise.xlsx');
	});

	it('gives the extension of the recognised kind in place of a wrong one', () => {
		expect(cleanEvidenceName('invoice.html', 'application/pdf')).toBe('invoice.pdf');
		expect(cleanEvidenceName('notes', 'text/plain')).toBe('notes.txt');
		expect(cleanEvidenceName('scan.pdf.exe', 'image/png')).toBe('scan.pdf.png');
	});

	it('strips paths, control and direction characters, and leading dots', () => {
		expect(cleanEvidenceName('C:\\Users\\bid\\..\\secret.pdf', 'application/pdf')).toBe(
			'secret.pdf'
		);
		expect(cleanEvidenceName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
		expect(cleanEvidenceName('a\u0000b\r\nc.pdf', 'application/pdf')).toBe('abc.pdf');
		// U+202E would show "invoice‮fdp.exe" as "invoiceexe.pdf"
		expect(cleanEvidenceName('invoice\u202Efdp.exe', 'application/pdf')).toBe('invoicefdp.pdf');
		expect(cleanEvidenceName('...hidden.txt', 'text/plain')).toBe('hidden.txt');
		expect(cleanEvidenceName('', 'application/pdf')).toBe('evidence.pdf');
		expect(cleanEvidenceName('/', 'image/png')).toBe('evidence.png');
	});

	it('limits the length to 120 characters, the extension kept', () => {
		const name = cleanEvidenceName(`${'a'.repeat(300)}.pdf`, 'application/pdf');
		expect(name).toBe(`${'a'.repeat(116)}.pdf`);
		expect(name.length).toBe(120);
	});
});

describe('files on an answer', () => {
	const AT = '2027-01-01T00:00:00.000Z';
	const file = (id: string, name = `${id}.pdf`): EvidenceFile => ({
		id: id.padEnd(22, 'A'),
		name,
		mediaType: 'application/pdf',
		size: 10,
		sha256: 'a'.repeat(64),
		uploadedAt: AT
	});
	const offer: Offer = offerSchema.parse({
		id: 'offerAAAAAAAAAAAAAAAAA',
		vendor: 'Alpha',
		createdAt: AT,
		answers: {
			q1: { option: 'a', by: 'vendor', state: 'verified', updatedAt: AT },
			q2: { option: 'b', by: 'buyer', state: 'verified', updatedAt: AT },
			q3: { statement: 'no option yet', by: 'vendor', state: 'claimed', updatedAt: AT },
			q4: {
				option: 'a',
				files: [file('f1'), file('f2'), file('f3')],
				by: 'vendor',
				state: 'claimed',
				updatedAt: AT
			}
		},
		history: []
	});

	it("attaches only to the vendor's own chosen answer, at most three files", () => {
		expect(attachRefusal(offer, 'q1')).toBeNull();
		expect(attachRefusal(offer, 'q2')).toBe('not-answered');
		expect(attachRefusal(offer, 'q3')).toBe('not-answered');
		expect(attachRefusal(offer, 'missing')).toBe('not-answered');
		expect(attachRefusal(offer, 'q4')).toBe('too-many');
	});

	it('adds and removes a file with a history entry by the vendor; the answer and its state stay', () => {
		const later = '2027-02-01T00:00:00.000Z';
		const added = withFileAdded(offer, 'q1', file('new', 'Annex.pdf'), later);
		expect(added.answers.q1).toMatchObject({
			option: 'a',
			state: 'verified',
			files: [{ name: 'Annex.pdf' }],
			updatedAt: later
		});
		expect(added.history).toEqual([
			{ at: later, by: 'vendor', questionId: 'q1', field: 'file', old: null, new: 'Annex.pdf' }
		]);
		expect(offerSchema.safeParse(added).success).toBe(true);
		const removed = withFileRemoved(added, 'q1', file('new').id, later)!;
		expect(removed.file.name).toBe('Annex.pdf');
		expect(removed.offer.answers.q1!.files).toBeUndefined();
		expect(removed.offer.history.at(-1)).toEqual({
			at: later,
			by: 'vendor',
			questionId: 'q1',
			field: 'file',
			old: 'Annex.pdf',
			new: null
		});
		expect(withFileRemoved(offer, 'q1', file('f1').id, later)).toBeNull();
	});
});

describe('sizeText', () => {
	it('says sizes in KB below a megabyte, in MB from there', () => {
		expect(sizeText(52)).toBe('1 KB');
		expect(sizeText(448 * 1024)).toBe('448 KB');
		expect(sizeText(5 * 1024 * 1024)).toBe('5 MB');
		expect(sizeText(1.5 * 1024 * 1024)).toBe('1.5 MB');
	});
});
