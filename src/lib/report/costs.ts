import { m } from '$lib/paraglide/messages';
import { openSection, type ReportContext, reportLocale } from './context';
import { COLORS, SIZES } from './theme';
import { costAssumedNote, costHeadline } from '../text/verdict';
import { money } from './wording';

/** The switching-cost estimate line by line, with the formula and the reason for each. */
export function drawCosts(ctx: ReportContext) {
	const { w, result } = ctx;
	const locale = reportLocale(ctx);
	const cost = result.switchingCost;
	openSection(ctx, m.report_costs_heading({}, { locale }));
	w.paragraph(m.report_costs_intro({}, { locale }), { color: COLORS.muted });
	w.paragraph(`${costHeadline(cost, locale)}.`, { bold: true, size: 12 }, { after: 1 });
	w.paragraph(
		m.report_costs_range_note({}, { locale }),
		{ size: SIZES.small, color: COLORS.muted },
		{ after: 1 }
	);
	const assumed = costAssumedNote(cost, locale);
	if (assumed) w.paragraph(assumed, { size: SIZES.small, color: COLORS.high }, { after: 1 });
	w.space(2);
	w.table({
		head: [
			[
				m.report_col_cost({}, { locale }),
				m.report_col_amount({}, { locale }),
				m.report_col_formula({}, { locale }),
				m.report_col_why({}, { locale })
			]
		],
		body: cost.lines.map((line) => [
			line.label,
			line.applies ? money(cost.currency, line.amount, locale) : m.report_none({}, { locale }),
			line.formula,
			line.applies && line.assumed
				? `${line.reason} ${m.report_rests_on_open_questions({}, { locale })}`
				: line.reason
		]),
		foot: [[m.report_total({}, { locale }), money(cost.currency, cost.total, locale), '', '']],
		footStyles: { fontStyle: 'bold', fillColor: COLORS.faint, textColor: COLORS.ink },
		showFoot: 'lastPage',
		columnStyles: { 0: { cellWidth: 36 }, 1: { cellWidth: 30, halign: 'right' } }
	});
}
