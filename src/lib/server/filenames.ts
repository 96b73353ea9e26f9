/** Letters that do not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ı: 'i', þ: 'th', Þ: 'Th' };

/** A download name from a title: ASCII for every browser, plus the UTF-8 name (RFC 5987). */
export function attachmentName(title: string, extension: string): string {
	const ascii =
		title
			.replace(/[łŁøØßæÆœŒđĐıþÞ]/g, (c) => LETTERS[c] ?? c)
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.toLowerCase()
			.slice(0, 60) || 'assessment';
	const utf8 = encodeURIComponent(`lock-in-radar-${title.slice(0, 80)}.${extension}`);
	return `attachment; filename="lock-in-radar-${ascii}.${extension}"; filename*=UTF-8''${utf8}`;
}
