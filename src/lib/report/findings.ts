import { findingsBySeverity } from '../text/verdict';
import { openSection, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import { plural, SEVERITY_WORD } from './wording';

const SEVERITY_COLOR = {
	critical: COLORS.critical,
	high: COLORS.high,
	medium: COLORS.moderate
} as const;

/** Every finding, said from the answers, grouped by severity, each with its recommendation. */
export function drawFindings(ctx: ReportContext) {
	const { w, result } = ctx;
	openSection(ctx, 'Findings and recommendations');
	const groups = findingsBySeverity(result.findings);
	if (groups.length === 0) {
		w.paragraph('No risky answers: nothing in the offer, as answered, ties you to the provider.');
		return;
	}
	w.paragraph(
		'What the answers mean for lock-in, most severe first. Roaming findings come from the deployment countries’ rules; a finding marked “not sure” counts as a risk until the vendor answers.',
		{ color: COLORS.muted },
		{ after: 3 }
	);
	for (const group of groups) {
		w.ensure(24);
		w.paragraph(
			`${SEVERITY_WORD[group.severity]}: ${plural(group.findings.length, 'finding', 'findings')}`,
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
				`${i + 1}. ${finding.title}${finding.notSure ? ' (not sure)' : ''}`,
				{ bold: true },
				{ after: 0.6 }
			);
			w.paragraph(finding.detail, { size: SIZES.small }, { indent: 5, after: 0.6 });
			w.labelled(
				'Recommendation',
				finding.recommendation,
				{ size: SIZES.small },
				{ indent: 5, after: 2.5 }
			);
		});
	}
}
