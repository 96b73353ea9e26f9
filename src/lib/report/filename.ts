/** File names for downloads (reports, exports): an ASCII slug for every client, a UTF-8 one for modern ones. */

const FOLDED: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ħ: 'h',
	ŋ: 'n'
};

const PREFIX = 'lock-in-radar';
const MAX = 60;

const trimDashes = (s: string) => s.replace(/^-+|-+$/g, '');

/** "Müller & Søn: Łódź 2027" → "muller-son-lodz-2027"; at most 60 characters, never empty. */
export function slugify(text: string, fallback = 'report'): string {
	const slug = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþıħŋ]/g, (c) => FOLDED[c] ?? '')
		.replace(/[^a-z0-9]+/g, '-');
	return trimDashes(trimDashes(slug).slice(0, MAX)) || fallback;
}

/** "Müller & Søn: Łódź 2027" → "müller-søn-łódź-2027": letters of any script kept. */
export function unicodeSlug(text: string): string {
	const lower = text.toLowerCase().replace(/([ij])\u0307/g, '$1'); // "İ" lowers to "i" + a dot above
	const slug = trimDashes(lower.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-'));
	return trimDashes(Array.from(slug).slice(0, MAX).join('')) || slugify(text);
}

/** The download's name: `lock-in-radar-<slug>.pdf`, in ASCII or keeping the title's letters. */
export function reportFileName(title: string, { unicode = false, extension = 'pdf' } = {}): string {
	return `${PREFIX}-${unicode ? unicodeSlug(title) : slugify(title)}.${extension}`;
}

/** RFC 5987 encoding: percent-encodes everything outside attr-char. */
const encodeRfc5987 = (value: string) =>
	encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);

/** A Content-Disposition header with an ASCII `filename` and a UTF-8 `filename*` (RFC 6266). */
export function contentDisposition(title: string, extension = 'pdf'): string {
	const ascii = reportFileName(title, { extension });
	const unicode = reportFileName(title, { unicode: true, extension });
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(unicode)}`;
}
