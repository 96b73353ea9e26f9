import type { jsPDF } from 'jspdf';
import { FONT_FAMILY } from './theme';

/** The report's TrueType fonts, as bytes: the server reads them once, the browser fetches them. */
export interface ReportFont {
	regular: Uint8Array;
	bold: Uint8Array;
}

/** jsPDF takes a TrueType file as a "binary string": one character per byte. */
function binaryString(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return out;
}

const isTrueType = (b: Uint8Array) => b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0;

/** The fonts as jsPDF's binary strings. */
export interface FontFiles {
	normal: string;
	bold: string;
}

/**
 * Converting both TrueType files to binary strings cost a fifth of a report's CPU when it ran for
 * every report; the result depends only on the bytes, so it is made once per font (per process
 * on the server, per page in the browser) and reused.
 */
const prepared = new WeakMap<ReportFont, FontFiles>();

export function fontFiles(font: ReportFont): FontFiles {
	let files = prepared.get(font);
	if (!files) {
		if (!isTrueType(font.regular))
			throw new Error('The normal report font is not a TrueType (.ttf) file');
		if (!isTrueType(font.bold))
			throw new Error('The bold report font is not a TrueType (.ttf) file');
		files = { normal: binaryString(font.regular), bold: binaryString(font.bold) };
		prepared.set(font, files);
	}
	return files;
}

/**
 * Embeds the Unicode font (Identity-H, so any character the font has can be drawn; jsPDF writes
 * only the glyphs used into the file). The bytes come from the app, never from a user.
 */
export function registerFonts(doc: jsPDF, font: ReportFont): void {
	const files = fontFiles(font);
	for (const style of ['normal', 'bold'] as const) {
		const file = `${FONT_FAMILY}-${style}.ttf`;
		doc.addFileToVFS(file, files[style]);
		doc.addFont(file, FONT_FAMILY, style, undefined, 'Identity-H');
	}
	doc.setFont(FONT_FAMILY, 'normal');
}
