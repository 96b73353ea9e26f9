import { m } from '$lib/paraglide/messages';
import { openSection, type ReportContext, reportLocale } from './context';
import { COLORS, SIZES } from './theme';
import { pluralOf } from './wording';

/** The questions the buyer was not sure about, numbered and phrased to paste into an RFP round. */
export function drawAskVendor(ctx: ReportContext) {
	const { w, result } = ctx;
	const locale = reportLocale(ctx);
	openSection(ctx, m.report_ask_heading({}, { locale }));
	const open = result.completeness.total - result.completeness.answered;
	if (result.askVendor.length === 0) {
		w.paragraph(m.report_ask_nothing({}, { locale }));
	} else {
		w.paragraph(
			pluralOf(result.askVendor.length, locale, m.report_ask_intro_one, m.report_ask_intro_many),
			{ color: COLORS.muted },
			{ after: 4 }
		);
		w.list(
			result.askVendor.map((item) => item.ask),
			{ numbered: true, after: 2.5 }
		);
	}
	if (open > 0) {
		w.paragraph(pluralOf(open, locale, m.report_ask_open_one, m.report_ask_open_many), {
			size: SIZES.small,
			color: COLORS.muted
		});
	}
}
