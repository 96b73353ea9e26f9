/**
 * Reads a number as people type it, refusing what could mean two things. "8000", "8 000",
 * "8,000" and "1,234,567" group thousands; "1.5" and "1,5" are decimals. "8.000" (eight, or eight
 * thousand?) is refused, as is any mix of dots and commas: NaN, which the schemas report.
 * Empty means "not given".
 */
export function parseNumberInput(raw: string | number | null | undefined): number | undefined {
	if (typeof raw === 'number') return raw;
	const text = (raw ?? '').trim().replace(/[\s\u00a0\u202f_]/g, '');
	if (text === '') return undefined;
	if (/^-?\d+(\.\d+)?$/.test(text) && !/^-?[1-9]\d{0,2}\.\d{3}$/.test(text)) return Number(text);
	if (/^-?\d{1,3}(,\d{3})+$/.test(text)) return Number(text.replaceAll(',', ''));
	if (/^-?\d+,\d{1,2}$/.test(text) || /^-?\d+,\d{4,}$/.test(text))
		return Number(text.replace(',', '.'));
	return Number.NaN;
}

/** The hint every number field can show: what the parser above accepts. */
export const NUMBER_FORMAT_HINT = 'digits, e.g. 8000 or 1.5';
