import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { ApplicableRegulation } from '../scoring/types';
import { openSection, type ReportContext, reportLocale } from './context';
import { gradeWord } from '../text/roaming-words';
import { COLORS, SIZES } from './theme';
import { longDate, shortDate } from './wording';

type Say = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const KIND: Record<ApplicableRegulation['kind'], Say> = {
	right: m.report_regulation_right,
	duty: m.report_regulation_duty
};

const SCOPE: Record<ApplicableRegulation['appliesTo'][number], Say> = {
	platform: m.report_scope_platform,
	connectivity: m.report_scope_connectivity,
	sim: m.report_scope_sim,
	device: m.report_scope_device
};

/** When it applies, said honestly: a date, or that none is given and why. */
function appliesFrom(regulation: ApplicableRegulation, locale: Locale): string {
	const day = regulation.appliesFrom && /^\d{4}-\d{2}-\d{2}$/.test(regulation.appliesFrom);
	const when = regulation.appliesFrom
		? m.report_applies_from(
				{
					date: day
						? longDate(new Date(`${regulation.appliesFrom}T00:00:00Z`), 'UTC', locale)
						: regulation.appliesFrom
				},
				{ locale }
			)
		: m.report_applies_not_in_force({}, { locale });
	return regulation.appliesFromNote ? `${when} ${regulation.appliesFromNote}` : when;
}

/**
 * The rules that give the buyer switching or exit rights or put duties on them, for the fleet's
 * countries and the buyer's: the same content as the results page's panel, rights first.
 */
export function drawRegulations(ctx: ReportContext) {
	const { w, result } = ctx;
	const locale = reportLocale(ctx);
	openSection(ctx, m.report_regulations_heading({}, { locale }));
	w.paragraph(m.report_regulations_intro({}, { locale }), { color: COLORS.muted }, { after: 4 });
	if (result.regulations.length === 0) {
		w.paragraph(m.report_regulations_none({}, { locale }));
		return;
	}
	for (const regulation of result.regulations) {
		const scope = regulation.appliesTo.map((s) => SCOPE[s]({}, { locale })).join(', ');
		w.ensure(26);
		w.paragraph(regulation.title, { bold: true, size: SIZES.h3 }, { after: 1 });
		w.table(
			{
				theme: 'plain',
				showHead: false,
				body: [
					[
						m.report_row_kind({}, { locale }),
						m.report_regulation_kind_line(
							{ kind: KIND[regulation.kind]({}, { locale }), region: regulation.region, scope },
							{ locale }
						)
					],
					[m.report_row_why_applies({}, { locale }), regulation.reasons.join('; ')],
					[m.report_row_gives_you({}, { locale }), regulation.whatItGivesTheBuyer],
					[m.report_row_says({}, { locale }), regulation.summary],
					[m.report_row_when({}, { locale }), appliesFrom(regulation, locale)],
					[
						m.report_row_sources({}, { locale }),
						[
							m.report_sources_line(
								{
									grade: gradeWord(regulation.confidence, locale),
									reviewed: shortDate(regulation.reviewed, locale)
								},
								{ locale }
							),
							...(regulation.checked
								? [m.report_what_was_read({ checked: regulation.checked }, { locale })]
								: []),
							...regulation.sources
						].join('\n')
					]
				],
				styles: {
					fontSize: SIZES.small,
					lineWidth: 0,
					cellPadding: { top: 0.5, bottom: 0.5, left: 0, right: 2 }
				},
				columnStyles: { 0: { cellWidth: 30, textColor: COLORS.muted } }
			},
			{ indent: 0 }
		);
		w.space(3);
	}
}
