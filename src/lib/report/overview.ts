import { m } from '$lib/paraglide/messages';
import { drawRadar, drawRoamingChart, drawScoreBars } from './charts';
import { openSection, type ReportContext, reportLocale } from './context';
import { COLORS, SIZES } from './theme';
import { decimal, ratingWord } from './wording';

/** The six areas at a glance (radar and bars, as on the results page) and roaming exposure. */
export function drawOverview(ctx: ReportContext) {
	const { w, result, ruleset } = ctx;
	const locale = reportLocale(ctx);
	openSection(ctx, m.report_overview_heading({}, { locale }));
	w.paragraph(m.report_overview_intro({}, { locale }), { color: COLORS.muted });

	const chartHeight = 78;
	w.ensure(chartHeight);
	const half = w.width / 2;
	const notAnswered = m.report_radar_not_answered({}, { locale });
	drawRadar(w, {
		labels: result.areas.map((a) => a.title),
		values: result.areas.map((a) => a.score),
		cx: w.left + half / 2 - 2,
		cy: w.y + chartHeight / 2,
		radius: 23,
		notAnswered
	});
	drawScoreBars(
		w,
		result.areas.map((a) => ({ label: a.title, value: a.score, rating: a.rating })),
		w.left + half + 12,
		w.y + 12,
		half - 12,
		notAnswered
	);
	w.y += chartHeight + 2;

	const weight = (id: string) => ruleset.areas.find((a) => a.id === id)?.weight ?? 1;
	w.table({
		head: [
			[
				m.report_col_area({}, { locale }),
				m.report_col_score({}, { locale }),
				m.report_col_rating({}, { locale }),
				m.report_col_answered({}, { locale }),
				m.report_col_weight({}, { locale })
			]
		],
		body: result.areas.map((a) => [
			a.title,
			a.score === null ? '–' : String(Math.round(a.score)),
			a.rating ? ratingWord(a.rating, locale) : m.report_not_answered({}, { locale }),
			a.notSure
				? m.report_answered_of_not_sure(
						{ answered: String(a.answered), total: String(a.total), notSure: String(a.notSure) },
						{ locale }
					)
				: `${a.answered}/${a.total}`,
			decimal(weight(a.id), locale)
		]),
		columnStyles: { 1: { halign: 'right' }, 4: { halign: 'right' } }
	});

	w.heading(m.report_overview_roaming_heading({}, { locale }), 2);
	w.paragraph(m.report_overview_roaming_intro({}, { locale }), {
		size: SIZES.small,
		color: COLORS.muted
	});
	drawRoamingChart(w, result.roaming, locale);
}
