import type { jsPDF } from 'jspdf';
import type { Locale } from '../../paraglide/runtime';
import type { Rules } from '../../rules/load';
import type { Branding } from '../branding';
import type { DataVersions } from '../context';
import type { Writer } from '../layout';
import type { TenderReportModel } from './model';

/** Everything a section of the tender report needs to draw itself. */
export interface TenderReportContext {
	doc: jsPDF;
	w: Writer;
	model: TenderReportModel;
	rules: Rules;
	branding: Branding;
	dataVersions: DataVersions;
	/** The title on the cover and in the running header. */
	title: string;
	/** The report date, already in words. */
	date: string;
	numbered: { next: number };
	/** The report's language, chosen with the request whatever the page's. */
	locale: Locale;
}

/** Opens a numbered top-level section on a new page, as the assessment report does. */
export function openSection(ctx: TenderReportContext, title: string) {
	ctx.w.section(`${ctx.numbered.next++}  ${title}`);
}
