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

/**
 * Embeds the Unicode font (Identity-H, so any character the font has can be drawn; jsPDF writes
 * only the glyphs used into the file). The bytes come from the app, never from a user.
 */
export function registerFonts(doc: jsPDF, font: ReportFont): void {
	for (const [style, bytes] of [
		['normal', font.regular],
		['bold', font.bold]
	] as const) {
		if (!isTrueType(bytes)) throw new Error(`The ${style} report font is not a TrueType (.ttf) file`);
		const file = `${FONT_FAMILY}-${style}.ttf`;
		doc.addFileToVFS(file, binaryString(bytes));
		doc.addFont(file, FONT_FAMILY, style, undefined, 'Identity-H');
	}
	doc.setFont(FONT_FAMILY, 'normal');
}
