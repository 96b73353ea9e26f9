import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { architectureGaps } from '../text/architecture-words';
import { openSection, type ReportContext, reportLocale } from './context';
import { COLORS, SIZES } from './theme';
import { archWord, signWord } from './wording';

const STATUS_COLOR = {
	met: COLORS.low,
	partial: COLORS.moderate,
	missing: COLORS.critical
} as const;
const SIGN_COLOR = {
	present: COLORS.critical,
	partly: COLORS.moderate,
	absent: COLORS.low,
	unknown: COLORS.muted
} as const;

/** The recommended architecture element by element against the offer, then the five signs of lock-in. */
export function drawArchitecture(ctx: ReportContext) {
	const { w, result } = ctx;
	const locale = reportLocale(ctx);
	openSection(ctx, m.report_architecture_heading({}, { locale }));
	w.paragraph(m.report_architecture_intro({}, { locale }), { color: COLORS.muted });
	w.table({
		head: [
			[
				m.report_col_element({}, { locale }),
				m.report_col_this_offer({}, { locale }),
				m.report_col_offer_lacks({}, { locale })
			]
		],
		body: result.architecture.flatMap((element) => [
			[
				{ content: element.title, styles: { fontStyle: 'bold' } },
				{
					content: archWord(element.status, locale),
					styles: { fontStyle: 'bold', textColor: STATUS_COLOR[element.status] }
				},
				element.status === 'met' ? '–' : gapText(element, locale)
			],
			[
				{
					content: element.description,
					colSpan: 3,
					styles: { textColor: COLORS.muted, fontSize: SIZES.tiny }
				}
			]
		]),
		columnStyles: { 0: { cellWidth: 70 }, 1: { cellWidth: 26 } }
	});

	w.heading(m.report_signs_heading({}, { locale }), 2);
	w.paragraph(m.report_signs_intro({}, { locale }), {
		size: SIZES.small,
		color: COLORS.muted
	});
	for (const sign of result.lockInSigns) {
		w.ensure(14);
		w.line(signWord(sign.status, locale), w.left, w.y, {
			size: SIZES.small,
			bold: true,
			color: SIGN_COLOR[sign.status]
		});
		w.paragraph(sign.title, { size: SIZES.small, bold: true }, { indent: 26, after: 0.5 });
		for (const item of sign.evidence) {
			w.paragraph(
				`• ${item.statement}`,
				{ size: SIZES.small, color: item.open ? COLORS.muted : COLORS.ink },
				{ indent: 28, after: 0.4 }
			);
		}
		w.space(1.5);
	}
}

function gapText(element: Parameters<typeof architectureGaps>[0], locale: Locale): string {
	const gaps = architectureGaps(element, locale);
	return [
		gaps.missing.length ? m.report_gap_lacks({ items: gaps.missing.join(', ') }, { locale }) : '',
		gaps.unconfirmed.length
			? m.report_gap_unconfirmed({ items: gaps.unconfirmed.join(', ') }, { locale })
			: ''
	]
		.filter(Boolean)
		.join('\n');
}
