/**
 * Bidirectional-override and isolate controls (U+202A-U+202E, U+2066-U+2069) make text draw in an
 * order other than the one it is stored in: "\u202Egnp.exe" shows as "exe.png". People's text is
 * stored exactly as typed; wherever it is shown (pages, the PDF) it goes through displayText, so
 * what a reader sees is what was typed, in typing order (audit F17).
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function displayText(text: string): string;
export function displayText(text: string | null | undefined): string | null | undefined;
export function displayText(text: string | null | undefined) {
	return typeof text === 'string' ? text.replace(BIDI_CONTROLS, '') : text;
}
