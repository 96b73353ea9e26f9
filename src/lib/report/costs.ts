import { openSection, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import { costAssumedNote, costHeadline } from '../text/verdict';
import { money } from './wording';

/** The switching-cost estimate line by line, with the formula and the reason for each. */
export function drawCosts(ctx: ReportContext) {
	const { w, result } = ctx;
	const cost = result.switchingCost;
	openSection(ctx, 'Cost to switch provider');
	w.paragraph(
		'What leaving the provider would cost: site visits when SIMs cannot switch over the air, and platform and contract exit costs scaled by how locking those areas scored. Every assumption is listed in Appendix B, with its source.',
		{ color: COLORS.muted }
	);
	w.paragraph(`${costHeadline(cost, 'en')}.`, { bold: true, size: 12 }, { after: 1 });
	w.paragraph(
		'The range comes from the low and high ends of the assumptions in Appendix B; the table shows the exact arithmetic at the values used.',
		{ size: SIZES.small, color: COLORS.muted },
		{ after: 1 }
	);
	const assumed = costAssumedNote(cost, 'en');
	if (assumed) w.paragraph(assumed, { size: SIZES.small, color: COLORS.high }, { after: 1 });
	w.space(2);
	w.table({
		head: [['Cost', 'Amount', 'How it is worked out', 'Why']],
		body: cost.lines.map((line) => [
			line.label,
			line.applies ? money(cost.currency, line.amount) : 'None',
			line.formula,
			line.applies && line.assumed
				? `${line.reason} Rests on open questions, not on answers.`
				: line.reason
		]),
		foot: [['Total', money(cost.currency, cost.total), '', '']],
		footStyles: { fontStyle: 'bold', fillColor: COLORS.faint, textColor: COLORS.ink },
		showFoot: 'lastPage',
		columnStyles: { 0: { cellWidth: 36 }, 1: { cellWidth: 30, halign: 'right' } }
	});
}
