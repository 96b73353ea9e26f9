import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Writer } from './layout';
import { COLORS, MARGINS, SIZES } from './theme';

/**
 * The table of contents, written onto the page reserved for it once every section knows its
 * page. Each entry links to its page, and the PDF outline (bookmarks) lists the same sections.
 */
export function drawContents(w: Writer, page: number, locale: Locale = 'en') {
	const { doc } = w;
	doc.setPage(page);
	w.y = MARGINS.top;
	w.heading(m.report_contents({}, { locale }), 1);
	const rowHeight = 8.5;
	for (const section of w.sections) {
		const pageLabel = String(section.page);
		w.line(section.title, w.left, w.y, { size: SIZES.body });
		w.line(pageLabel, w.left + w.width, w.y, { size: SIZES.body }, 'right');
		// Dotted leader between the title and its page number.
		w.style({ size: SIZES.body });
		const from = w.left + doc.getTextWidth(section.title) + 2;
		const to = w.left + w.width - doc.getTextWidth(pageLabel) - 2;
		if (to > from) {
			doc.setDrawColor(COLORS.line);
			doc.setLineWidth(0.3);
			doc.setLineDashPattern([0.4, 1.2], 0);
			doc.line(from, w.y + 3, to, w.y + 3);
			doc.setLineDashPattern([], 0);
		}
		doc.link(w.left, w.y - 1, w.width, rowHeight - 1, { pageNumber: section.page });
		doc.outline.add(null, section.title, { pageNumber: section.page });
		w.y += rowHeight;
	}
}
