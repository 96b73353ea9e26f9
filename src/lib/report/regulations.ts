import { openSection, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import {
	appliesFromWords,
	NO_REGULATION_RECORDED,
	REGULATION_KIND_WORD,
	REGULATION_PANEL_TITLE,
	scopeWords
} from '../text/regulation-words';

/**
 * The rules that give the buyer switching or exit rights or put duties on them, for the fleet's
 * countries and the buyer's: the same content as the results page's panel, rights first.
 */
export function drawRegulations(ctx: ReportContext) {
	const { w, result } = ctx;
	openSection(ctx, REGULATION_PANEL_TITLE);
	w.paragraph(
		"Rules that give you switching or exit rights, or put duties on you, in the fleet's countries and your organisation's country (when given). Not legal advice: each says how well it is sourced and what was actually read.",
		{ color: COLORS.muted },
		{ after: 4 }
	);
	if (result.regulations.length === 0) {
		w.paragraph(NO_REGULATION_RECORDED);
		return;
	}
	for (const regulation of result.regulations) {
		w.ensure(26);
		w.paragraph(regulation.title, { bold: true, size: SIZES.h3 }, { after: 1 });
		w.table(
			{
				theme: 'plain',
				showHead: false,
				body: [
					[
						'Kind',
						`${REGULATION_KIND_WORD[regulation.kind]} · ${regulation.region} · reaches the ${scopeWords(regulation, 'en')}`
					],
					['Why it applies', regulation.reasons.join('; ')],
					['What it gives you', regulation.whatItGivesTheBuyer],
					['What it says', regulation.summary],
					['When', appliesFromWords(regulation, 'en')],
					[
						'Sources',
						[
							`Confidence ${regulation.confidence}, reviewed ${regulation.reviewed}.`,
							...(regulation.checked ? [`What was read: ${regulation.checked}`] : []),
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
