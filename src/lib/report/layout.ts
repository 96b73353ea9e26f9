import type { jsPDF } from 'jspdf';
import type { autoTable as AutoTable, UserOptions } from 'jspdf-autotable';
import { COLORS, FONT_FAMILY, MARGINS, PT, SIZES } from './theme';

export interface TextStyle {
	size?: number;
	bold?: boolean;
	color?: string;
}

interface ParagraphOptions {
	/** Left indent in mm. */
	indent?: number;
	/** Space after, in mm. */
	after?: number;
}

export interface SectionMark {
	/** Shown in the table of contents and the PDF outline. */
	title: string;
	page: number;
}

export const lineHeight = (size: number) => size * PT * 1.35;

/**
 * Flows text down the pages: wraps it to the frame, starts a new page when the next line would
 * cross the bottom margin (so a 5,000-character note simply continues overleaf), and keeps
 * headings with what follows. Tables go through jspdf-autotable with the same margins.
 */
export class Writer {
	y: number = MARGINS.top;
	readonly sections: SectionMark[] = [];

	constructor(
		readonly doc: jsPDF,
		private readonly autoTable: typeof AutoTable
	) {}

	get pageWidth() {
		return this.doc.internal.pageSize.getWidth();
	}
	get pageHeight() {
		return this.doc.internal.pageSize.getHeight();
	}
	get left() {
		return MARGINS.left;
	}
	get width() {
		return this.pageWidth - MARGINS.left - MARGINS.right;
	}
	/** The lowest y a line may reach. */
	get limit() {
		return this.pageHeight - MARGINS.bottom;
	}
	get page() {
		return this.doc.getCurrentPageInfo().pageNumber;
	}

	newPage() {
		this.doc.addPage();
		this.y = MARGINS.top;
	}

	/** Starts a new page unless `height` mm still fit on this one. */
	ensure(height: number) {
		if (this.y + height > this.limit) this.newPage();
	}

	space(mm: number) {
		this.y += mm;
	}

	style({ size = SIZES.body, bold = false, color = COLORS.ink }: TextStyle = {}) {
		this.doc.setFont(FONT_FAMILY, bold ? 'bold' : 'normal');
		this.doc.setFontSize(size);
		this.doc.setTextColor(color);
	}

	/** Wraps text to a width (mm) in a style; long words are broken rather than overflow. */
	split(text: string, width: number, style: TextStyle = {}): string[] {
		this.style(style);
		return this.doc.splitTextToSize(text, width) as string[];
	}

	/** Draws one line with its top at y (jsPDF positions text by its baseline). */
	line(
		text: string,
		x: number,
		y: number,
		style: TextStyle = {},
		align?: 'left' | 'right' | 'center'
	) {
		this.style(style);
		const size = style.size ?? SIZES.body;
		this.doc.text(text, x, y + size * PT * 0.8, align ? { align } : undefined);
	}

	paragraph(text: string, style: TextStyle = {}, { indent = 0, after = 2 }: ParagraphOptions = {}) {
		const size = style.size ?? SIZES.body;
		const height = lineHeight(size);
		for (const line of this.split(text, this.width - indent, style)) {
			this.ensure(height);
			if (line) this.line(line, this.left + indent, this.y, style);
			this.y += height;
		}
		this.y += after;
	}

	/** A bold label and its text as one paragraph; the label stays with the first line. */
	labelled(label: string, text: string, style: TextStyle = {}, options: ParagraphOptions = {}) {
		const size = style.size ?? SIZES.body;
		this.ensure(lineHeight(size) * 2);
		this.paragraph(label, { ...style, bold: true }, { ...options, after: 0.3 });
		this.paragraph(text, style, options);
	}

	/** A numbered or bulleted list with hanging indents. */
	list(items: string[], { numbered = false, style = {} as TextStyle, after = 1.5 } = {}) {
		const size = style.size ?? SIZES.body;
		const height = lineHeight(size);
		const indent = numbered ? 7 : 5;
		items.forEach((item, index) => {
			const lines = this.split(item, this.width - indent, style);
			this.ensure(height * Math.min(lines.length, 2));
			this.line(numbered ? `${index + 1}.` : '•', this.left, this.y, style);
			lines.forEach((line, i) => {
				if (i > 0) this.ensure(height);
				if (line) this.line(line, this.left + indent, this.y, style);
				this.y += height;
			});
			this.y += after;
		});
	}

	heading(text: string, level: 1 | 2 | 3) {
		const size = level === 1 ? SIZES.h1 : level === 2 ? SIZES.h2 : SIZES.h3;
		const before = level === 1 ? 0 : level === 2 ? 4 : 2.5;
		// Keep the heading with at least three lines of what follows.
		const lines = this.split(text, this.width, { size, bold: true });
		this.ensure(before + lines.length * lineHeight(size) + 3 * lineHeight(SIZES.body));
		if (this.y > MARGINS.top) this.y += before; // no gap at the top of a page
		this.paragraph(text, { size, bold: true }, { after: level === 1 ? 3 : 1.5 });
		if (level === 1) {
			this.doc.setDrawColor(COLORS.accent);
			this.doc.setLineWidth(0.6);
			this.doc.line(this.left, this.y - 1.5, this.left + 25, this.y - 1.5);
			this.y += 2;
		}
	}

	/** A numbered top-level section on a new page, recorded for the table of contents. */
	section(title: string) {
		this.newPage();
		this.sections.push({ title, page: this.page });
		this.heading(title, 1);
	}

	/** A table at the current position; continues across pages with its header repeated. */
	table(options: UserOptions, { indent = 0 } = {}) {
		this.autoTable(this.doc, {
			startY: this.y,
			margin: {
				left: MARGINS.left + indent,
				right: MARGINS.right,
				top: MARGINS.top,
				bottom: MARGINS.bottom
			},
			theme: 'grid',
			rowPageBreak: 'auto',
			showHead: 'everyPage',
			...options,
			styles: {
				font: FONT_FAMILY,
				fontSize: SIZES.small,
				cellPadding: 1.6,
				overflow: 'linebreak',
				textColor: COLORS.ink,
				lineColor: COLORS.line,
				lineWidth: 0.2,
				valign: 'top',
				...options.styles
			},
			headStyles: {
				fontStyle: 'bold',
				fillColor: COLORS.faint,
				textColor: COLORS.ink,
				...options.headStyles
			}
		});
		const finalY = (this.doc as jsPDF & { lastAutoTable?: { finalY?: number } }).lastAutoTable
			?.finalY;
		this.y = (finalY ?? this.y) + 4;
	}
}
