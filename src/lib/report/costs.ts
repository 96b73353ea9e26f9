import { openSection, type ReportContext } from './context';
import { COLORS } from './theme';
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
	w.paragraph(`Estimated total: ${money(cost.currency, cost.total)}`, { bold: true, size: 12 }, { after: 3 });
	w.table({
		head: [['Cost', 'Amount', 'How it is worked out', 'Why']],
		body: cost.lines.map((line) => [
			line.label,
			line.applies ? money(cost.currency, line.amount) : 'None',
			line.formula,
			line.reason
		]),
		foot: [['Total', money(cost.currency, cost.total), '', '']],
		footStyles: { fontStyle: 'bold', fillColor: COLORS.faint, textColor: COLORS.ink },
		showFoot: 'lastPage',
		columnStyles: { 0: { cellWidth: 36 }, 1: { cellWidth: 30, halign: 'right' } }
	});
}
