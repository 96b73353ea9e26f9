import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Writer } from './layout';
import { COLORS, MARGINS, RUNNING, SIZES } from './theme';

export interface RunningText {
	/** Left of the header: the report title. */
	title: string;
	/** Right of the header: the client. */
	client: string;
	/** Left of the footer: product, ruleset and date. */
	footer: string;
}

/** Shortens one line to a width with an ellipsis. */
function fit(w: Writer, text: string, width: number, size: number): string {
	const [first = '', ...rest] = w.split(text, width, { size });
	if (rest.length === 0) return first;
	const [shorter = ''] = w.split(text, width - w.doc.getTextWidth('…') - 1, { size });
	return `${shorter.trimEnd()}…`;
}

/**
 * Header on every page after the cover, footer with "Page N of M" ("Seite N von M") on every page. Drawn last, when
 * the page count is known.
 */
export function drawRunningText(w: Writer, text: RunningText, locale: Locale = 'en') {
	const { doc } = w;
	const total = doc.getNumberOfPages();
	const size = SIZES.tiny;
	const half = w.width / 2 - 4;
	const title = fit(w, text.title, text.client ? half + 20 : w.width, size);
	const client = text.client ? fit(w, text.client, half - 20, size) : '';
	const footer = fit(w, text.footer, w.width - 30, size);
	for (let page = 1; page <= total; page++) {
		doc.setPage(page);
		doc.setDrawColor(COLORS.line);
		doc.setLineWidth(0.2);
		if (page > 1) {
			w.line(title, MARGINS.left, RUNNING.header - 3.5, { size, color: COLORS.muted });
			if (client)
				w.line(
					client,
					w.left + w.width,
					RUNNING.header - 3.5,
					{ size, color: COLORS.muted },
					'right'
				);
			doc.line(MARGINS.left, RUNNING.header + 0.5, w.left + w.width, RUNNING.header + 0.5);
		}
		const footerY = w.pageHeight - RUNNING.footer;
		doc.line(MARGINS.left, footerY - 1.5, w.left + w.width, footerY - 1.5);
		w.line(footer, MARGINS.left, footerY, { size, color: COLORS.muted });
		w.line(
			m.report_page_of({ page: String(page), total: String(total) }, { locale }),
			w.left + w.width,
			footerY,
			{ size, color: COLORS.muted },
			'right'
		);
	}
}
