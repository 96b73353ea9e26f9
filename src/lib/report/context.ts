import type { jsPDF } from 'jspdf';
import { baseLocale, type Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { StoredAssessment } from '../assessment/schema';
import type { Ruleset } from '../rules/schema';
import type { ScoreResult } from '../scoring/types';
import type { Branding } from './branding';
import type { Writer } from './layout';

/** The parts of an assessment a report shows; a shared view without ids or notes fits too. */
export type ReportAssessment = Pick<
	StoredAssessment,
	| 'title'
	| 'organisation'
	| 'vendor'
	| 'buyerCountry'
	| 'fleet'
	| 'answers'
	| 'rulesetVersion'
	| 'updatedAt'
>;

/** Versions of the other rules files, for the methodology page, when the caller knows them. */
export interface DataVersions {
	countries?: string;
	costs?: string;
}

/** Everything a section needs to draw itself. */
export interface ReportContext {
	doc: jsPDF;
	w: Writer;
	assessment: ReportAssessment;
	result: ScoreResult;
	ruleset: Ruleset;
	branding: Branding;
	includeNotes: boolean;
	dataVersions: DataVersions;
	/** The title on the cover and in the running header. */
	title: string;
	/** The report date, already in words. */
	date: string;
	/** Numbers top-level sections as they are opened. */
	numbered: { next: number };
}

/**
 * The report's language, the consultant's choice in the branding (the base locale when none is
 * given): every fixed word, number, amount and date is written in it.
 */
export const reportLocale = (ctx: Pick<ReportContext, 'branding'>): Locale =>
	ctx.branding.locale ?? baseLocale;

/** Opens a numbered top-level section on a new page ("3  Network coverage"). */
export function openSection(ctx: ReportContext, title: string) {
	ctx.w.section(`${ctx.numbered.next++}  ${title}`);
}

export function openAppendix(ctx: ReportContext, letter: string, title: string) {
	ctx.w.section(m.report_appendix_heading({ letter, title }, { locale: reportLocale(ctx) }));
}

/**
 * What a page hands to the browser so it can build the report itself (the result travels
 * separately). The ruleset carries the rule texts (questions, options, recommendations) in the
 * language it was read for, so the report says them as given.
 */
export interface ReportSource {
	assessment: ReportAssessment;
	ruleset: Ruleset;
	/** The assessment scored with `ruleset`, its texts in `locale`. */
	result: ScoreResult;
	dataVersions?: DataVersions;
	/** The language the rule texts were asked for (the report's). */
	locale?: Locale;
}
