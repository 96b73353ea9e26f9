import { CAPABILITY_LABELS, missingWords } from '../rules/capability-labels';
import type { Capability } from '../rules/schema';
import { openSection, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import { ARCH_WORD, SIGN_WORD } from './wording';

const cap = (c: Capability) => CAPABILITY_LABELS[c];

const STATUS_COLOR = { met: COLORS.low, partial: COLORS.moderate, missing: COLORS.critical } as const;
const SIGN_COLOR = { present: COLORS.critical, partly: COLORS.moderate, absent: COLORS.low, unknown: COLORS.muted } as const;

/** The recommended architecture element by element against the offer, then the five signs of lock-in. */
export function drawArchitecture(ctx: ReportContext) {
	const { w, result } = ctx;
	openSection(ctx, 'Recommended architecture against this offer');
	w.paragraph(
		'The architecture that keeps an IoT fleet free to change provider, element by element, and whether this offer provides it.',
		{ color: COLORS.muted }
	);
	w.table({
		head: [['Element', 'This offer', 'What is missing']],
		body: result.architecture.flatMap((element) => [
			[
				{ content: element.title, styles: { fontStyle: 'bold' } },
				{ content: ARCH_WORD[element.status], styles: { fontStyle: 'bold', textColor: STATUS_COLOR[element.status] } },
				element.status === 'met'
					? '–'
					: missingWords(element) +
						(element.unconfirmed.length ? `\nNot confirmed yet: ${element.unconfirmed.map(cap).join(', ')}` : '')
			],
			[{ content: element.description, colSpan: 3, styles: { textColor: COLORS.muted, fontSize: SIZES.tiny } }]
		]),
		columnStyles: { 0: { cellWidth: 70 }, 1: { cellWidth: 26 } }
	});

	w.heading('Five signs of lock-in', 2);
	for (const sign of result.lockInSigns) {
		w.ensure(10);
		w.line(SIGN_WORD[sign.status], w.left, w.y, { size: SIZES.small, bold: true, color: SIGN_COLOR[sign.status] });
		w.paragraph(sign.text, { size: SIZES.small }, { indent: 26, after: 1.5 });
	}
}
