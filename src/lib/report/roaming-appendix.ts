import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { RoamingExposure } from '../scoring/types';
import { openAppendix, type ReportContext, reportLocale } from './context';
import { COLORS, SIZES } from './theme';
import { caveatWord, gradeWord, localProfileWord, ruleConfidence } from '../text/roaming-words';
import { copesWord, count, kindWord, ratingInline, roamingSeverity, shortDate } from './wording';

/**
 * Every deployment country: its permanent-roaming rule, what it does to a roaming SIM, whether
 * this offer copes, and the sources. One block per country, so long rules and URLs get the full
 * width.
 */
function mitigationText(r: RoamingExposure, locale: Locale): string {
	if (r.mitigation === 'not_needed') return m.report_mitigation_not_needed({}, { locale });
	const copes =
		r.localProfile === 'open'
			? m.report_mitigation_not_answered({}, { locale })
			: r.mitigation === 'on_request'
				? m.report_mitigation_on_request({}, { locale })
				: copesWord(r.severity, locale);
	return [
		`${copes}.`,
		r.localProfile ? `${localProfileWord(r.localProfile, locale)}.` : '',
		r.mitigationNote,
		r.forces
			? m.report_mitigation_forces(
					{ rating: ratingInline(r.forces, locale), evidence: ruleConfidence(r, locale) },
					{ locale }
				)
			: ''
	]
		.filter(Boolean)
		.join(' ');
}

/** "Confidence medium, timing low, reviewed 1 Dec 2026." */
function sourcesLine(r: RoamingExposure, locale: Locale): string {
	const grade = gradeWord(r.confidence, locale);
	const reviewed = shortDate(r.reviewed, locale);
	return r.timingConfidence !== r.confidence
		? m.report_sources_line_timing(
				{ grade, timing: gradeWord(r.timingConfidence, locale), reviewed },
				{ locale }
			)
		: m.report_sources_line({ grade, reviewed }, { locale });
}

export function drawRoamingAppendix(ctx: ReportContext) {
	const { w, doc, result } = ctx;
	const locale = reportLocale(ctx);
	openAppendix(ctx, 'A', m.report_roaming_appendix_heading({}, { locale }));
	w.paragraph(
		m.report_roaming_appendix_intro({}, { locale }),
		{ color: COLORS.muted },
		{ after: 4 }
	);
	for (const r of result.roaming) {
		const severity = roamingSeverity(r.severity, locale);
		w.ensure(26);
		doc.setFillColor(severity.color);
		doc.rect(w.left, w.y + 0.7, 3, 3, 'F');
		w.line(`${r.name} (${r.country})`, w.left + 5, w.y, { size: SIZES.h3, bold: true });
		w.line(
			m.report_devices_with_label(
				{ devices: count(r.devices, locale), label: severity.label },
				{ locale }
			),
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
					[
						m.report_row_rule({}, { locale }),
						`${kindWord(r.kind, locale)}. ${r.byWhen}. ${r.summary}`
					],
					[m.report_row_consequence({}, { locale }), r.whatHappens],
					[m.report_row_mitigation({}, { locale }), mitigationText(r, locale)],
					...(r.caveats.length
						? [
								[
									m.report_row_also({}, { locale }),
									r.caveats
										.map((c) =>
											m.report_caveat_line(
												{
													kind: caveatWord(c.kind, locale),
													text: c.text,
													grade: gradeWord(c.confidence, locale)
												},
												{ locale }
											)
										)
										.join('\n')
								]
							]
						: []),
					[
						m.report_row_sources({}, { locale }),
						[
							sourcesLine(r, locale),
							...(r.sources.length ? r.sources : [m.report_no_source({}, { locale })])
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
