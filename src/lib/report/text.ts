/**
 * User text goes into the PDF literally (jsPDF draws characters, it interprets no markup), so it
 * is never escaped; it is only normalised so that every character has something to draw.
 */

import { displayText } from '../display-text';

// Control characters and zero-width marks have no glyph and no place in a report; bidi overrides
// go through displayText, the one helper pages use too. \p{Cc} is U+0000-U+001F and U+007F-U+009F;
// tab, line feed and carriage return are not invisible: cleanText makes them spaces and line breaks.
const INVISIBLE = /(?![\t\n\r])\p{Cc}|[\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

/** Multi-line text (notes): NFC (so "ø" is one glyph), real line breaks, tabs as spaces. */
export function cleanText(text: string): string {
	return displayText(text)
		.normalize('NFC')
		.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
		.replace(/\t/g, '    ')
		.replace(INVISIBLE, '');
}

/** One-line text (names, titles): like cleanText, with line breaks as spaces. */
export function cleanLine(text: string): string {
	return cleanText(text).replace(/\s+/g, ' ').trim();
}
