import { m } from '$lib/paraglide/messages';
import { findingsBySeverity } from '../text/verdict';
import { openSection, type ReportContext, reportLocale } from './context';
import { COLORS, SIZES } from './theme';
import { pluralOf, severityWord } from './wording';

const SEVERITY_COLOR = {
	critical: COLORS.critical,
	high: COLORS.high,
	medium: COLORS.moderate
} as const;

/**
 * Every finding, said from the answers, grouped by severity, each with its recommendation. The
 * finding texts come from the rules, in the language the result was scored with.
 */
export function drawFindings(ctx: ReportContext) {
	const { w, result } = ctx;
	const locale = reportLocale(ctx);
	openSection(ctx, m.report_findings_heading({}, { locale }));
	const groups = findingsBySeverity(result.findings);
	if (groups.length === 0) {
		w.paragraph(m.report_no_risky_answers({}, { locale }));
		return;
	}
	w.paragraph(m.report_findings_intro({}, { locale }), { color: COLORS.muted }, { after: 3 });
	for (const group of groups) {
		w.ensure(24);
		w.paragraph(
			m.report_findings_group(
				{
					severity: severityWord(group.severity, locale),
					findings: pluralOf(
						group.findings.length,
						locale,
						m.report_findings_one,
						m.report_findings_many
					)
				},
				{ locale }
			),
			{
				size: SIZES.h3,
				bold: true,
				color: SEVERITY_COLOR[group.severity]
			},
			{ after: 1.5 }
		);
		group.findings.forEach((finding, i) => {
			w.ensure(18);
			w.paragraph(
				`${i + 1}. ${finding.title}${finding.notSure ? m.report_not_sure_tag({}, { locale }) : ''}`,
				{ bold: true },
				{ after: 0.6 }
			);
			w.paragraph(finding.detail, { size: SIZES.small }, { indent: 5, after: 0.6 });
			w.labelled(
				m.report_recommendation({}, { locale }),
				finding.recommendation,
				{ size: SIZES.small },
				{ indent: 5, after: 2.5 }
			);
		});
	}
}
