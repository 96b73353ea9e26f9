import type { RoamingExposure } from '../scoring/types';
import { openAppendix, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import { CAVEAT_WORD, LOCAL_PROFILE_WORD, ruleConfidence } from '../text/roaming-words';
import { count, COPES_WORD, KIND_WORD, ROAMING_SEVERITY } from './wording';

/**
 * Every deployment country: its permanent-roaming rule, what it does to a roaming SIM, whether
 * this offer copes, and the sources. One block per country, so long rules and URLs get the full
 * width.
 */
function mitigationText(r: RoamingExposure): string {
	if (r.mitigation === 'not_needed') return 'Not needed.';
	const copes =
		r.localProfile === 'open'
			? 'Not answered yet'
			: r.mitigation === 'on_request'
				? 'Only on request'
				: COPES_WORD[r.severity];
	return [
		`${copes}.`,
		r.localProfile ? `${LOCAL_PROFILE_WORD[r.localProfile]}.` : '',
		r.mitigationNote,
		r.forces ? `Sets the rating to at least ${r.forces} (${ruleConfidence(r, 'en')}).` : ''
	]
		.filter(Boolean)
		.join(' ');
}

export function drawRoamingAppendix(ctx: ReportContext) {
	const { w, doc, result } = ctx;
	openAppendix(ctx, 'A', 'Roaming rules by deployment country');
	w.paragraph(
		'Some countries restrict or ban devices that stay permanently on a foreign (roaming) SIM. For each deployment country: the rule, what it means for a device on a roaming SIM, whether this offer copes, and where the rule comes from. Confidence grades how well the sources support the rule.',
		{ color: COLORS.muted },
		{ after: 4 }
	);
	for (const r of result.roaming) {
		const severity = ROAMING_SEVERITY[r.severity];
		w.ensure(26);
		doc.setFillColor(severity.color);
		doc.rect(w.left, w.y + 0.7, 3, 3, 'F');
		w.line(`${r.name} (${r.country})`, w.left + 5, w.y, { size: SIZES.h3, bold: true });
		w.line(
			`${count(r.devices)} devices · ${severity.label}`,
			w.left + w.width,
			w.y + 0.6,
			{
				size: SIZES.small,
				color: r.severity === 'critical' ? COLORS.critical : COLORS.muted
			},
			'right'
		);
		w.space(5.5);
		w.table(
			{
				theme: 'plain',
				showHead: false,
				body: [
					['Rule', `${KIND_WORD[r.kind]}. ${r.byWhen}. ${r.summary}`],
					['Consequence', r.whatHappens],
					['Mitigation', mitigationText(r)],
					...(r.caveats.length
						? [
								[
									'Also',
									r.caveats
										.map((c) => `${CAVEAT_WORD[c.kind]}: ${c.text} (${c.confidence} confidence)`)
										.join('\n')
								]
							]
						: []),
					[
						'Sources',
						[
							`Confidence ${r.confidence}${r.timingConfidence !== r.confidence ? `, timing ${r.timingConfidence}` : ''}, reviewed ${r.reviewed}.`,
							...(r.sources.length ? r.sources : ['No source recorded.'])
						].join('\n')
					]
				],
				styles: {
					fontSize: SIZES.small,
					lineWidth: 0,
					cellPadding: { top: 0.5, bottom: 0.5, left: 0, right: 2 }
				},
				columnStyles: { 0: { cellWidth: 26, textColor: COLORS.muted } },
				didParseCell: (data) => {
					if (
						data.row.index === 2 &&
						data.column.index === 1 &&
						r.severity === 'critical' &&
						r.localProfile !== 'open'
					) {
						data.cell.styles.textColor = COLORS.critical;
					}
				}
			},
			{ indent: 5 }
		);
	}
}
