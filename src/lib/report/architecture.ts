import { architectureGaps } from '../text/architecture-words';
import { openSection, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import { ARCH_WORD, SIGN_WORD } from './wording';

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
	openSection(ctx, 'Recommended architecture against this offer');
	w.paragraph(
		'The architecture that keeps an IoT fleet free to change provider, element by element, and whether this offer provides it.',
		{ color: COLORS.muted }
	);
	w.table({
		head: [['Element', 'This offer', 'What the offer lacks']],
		body: result.architecture.flatMap((element) => [
			[
				{ content: element.title, styles: { fontStyle: 'bold' } },
				{
					content: ARCH_WORD[element.status],
					styles: { fontStyle: 'bold', textColor: STATUS_COLOR[element.status] }
				},
				element.status === 'met' ? '–' : gapText(element)
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

	w.heading('Five signs of lock-in', 2);
	w.paragraph('Each sign with what the answers behind it say about this offer.', {
		size: SIZES.small,
		color: COLORS.muted
	});
	for (const sign of result.lockInSigns) {
		w.ensure(14);
		w.line(SIGN_WORD[sign.status], w.left, w.y, {
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

function gapText(element: Parameters<typeof architectureGaps>[0]): string {
	const gaps = architectureGaps(element);
	return [
		gaps.missing.length ? `Lacks: ${gaps.missing.join(', ')}` : '',
		gaps.unconfirmed.length ? `Not confirmed yet: ${gaps.unconfirmed.join(', ')}` : ''
	]
		.filter(Boolean)
		.join('\n');
}
