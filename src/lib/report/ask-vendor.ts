import { openSection, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import { plural } from './wording';

/** The questions the buyer was not sure about, numbered and phrased to paste into an RFP round. */
export function drawAskVendor(ctx: ReportContext) {
	const { w, result } = ctx;
	openSection(ctx, 'Ask the vendor');
	const open = result.completeness.total - result.completeness.answered;
	if (result.askVendor.length === 0) {
		w.paragraph(
			'Every answered question was answered with confidence: there is nothing to ask the vendor yet.'
		);
	} else {
		w.paragraph(
			`${plural(result.askVendor.length, 'question', 'questions')} for the vendor, ready to paste into an RFP clarification round. Ask for written answers, then re-score the offer with them.`,
			{ color: COLORS.muted },
			{ after: 4 }
		);
		w.list(
			result.askVendor.map((item) => item.ask),
			{ numbered: true, after: 2.5 }
		);
	}
	if (open > 0) {
		w.paragraph(
			`${plural(open, 'question is', 'questions are')} not answered yet and so not listed here.`,
			{ size: SIZES.small, color: COLORS.muted }
		);
	}
}
