import type { Locale } from '../../paraglide/runtime';
import type { Rating } from '../../rules/schema';
import { m } from '../../paraglide/messages';
import { drawRadarOverlay } from '../charts';
import { COLORS, SIZES } from '../theme';
import { ratingColor } from '../wording';
import { openSection, type TenderReportContext } from './context';
import { offerColor, offerDash } from './palette';
import { moneyIn, points, ratingWord, scoringWords, weightNumber } from './words';

const scoreCell = (s: { score: number; rating: Rating }, locale: Locale) =>
	`${points(s.score, locale)} · ${ratingWord(s.rating, locale)}`;

/** The ranking, the radar with every offer overlaid, and each area's score per offer. */
export function drawComparison(ctx: TenderReportContext) {
	const { w, doc, model } = ctx;
	const { comparison, ranked, recommendation } = model;
	const { locale } = ctx;
	const o = { locale };
	openSection(ctx, m.tpdf_rank_heading({}, o));
	w.paragraph(
		m.tpdf_rank_intro(
			{
				view:
					comparison.scoredAs === 'verified'
						? m.tpdf_view_verified({}, o)
						: m.tpdf_view_claimed({}, o),
				scoring: scoringWords(comparison.scoring, locale)
			},
			o
		),
		{ color: COLORS.muted }
	);
	w.table({
		head: [
			[
				m.tpdf_col_rank({}, o),
				m.tpdf_col_offer({}, o),
				m.tpdf_col_claimed({}, o),
				m.tpdf_col_verified({}, o),
				m.tpdf_col_breakers({}, o),
				m.tpdf_col_cost({}, o)
			]
		],
		body: ranked.map((r) => {
			const c = r.comparison;
			return [
				String(r.rank),
				c.id === recommendation.offerId
					? `${c.vendor}\n${m.tpdf_recommended_mark({}, o)}`
					: c.vendor,
				scoreCell(c.claimed, locale),
				scoreCell(c.verified, locale),
				c.floors.length ? String(c.floors.length) : m.tpdf_none({}, o),
				moneyIn(c.switchingCost.currency, c.switchingCost.estimate.total, locale)
			];
		}),
		columnStyles: {
			0: { halign: 'right', cellWidth: 12 },
			2: { cellWidth: 24 },
			3: { cellWidth: 24 },
			4: { halign: 'right', cellWidth: 27 },
			5: { halign: 'right', cellWidth: 27 }
		},
		didParseCell: (data) => {
			if (data.section !== 'body') return;
			const r = ranked[data.row.index]!;
			if (data.column.index === 1 && r.comparison.id === recommendation.offerId)
				data.cell.styles.fontStyle = 'bold';
			if (data.column.index === 2)
				data.cell.styles.textColor = ratingColor(r.comparison.claimed.rating);
			if (data.column.index === 3)
				data.cell.styles.textColor = ratingColor(r.comparison.verified.rating);
			if (data.column.index === 4 && r.comparison.floors.length)
				data.cell.styles.textColor = COLORS.critical;
		}
	});
	w.paragraph(m.tpdf_rank_note({}, o), { size: SIZES.small, color: COLORS.muted });

	w.heading(m.tpdf_by_area({}, o), 2);
	const chartHeight = 84;
	w.ensure(chartHeight + 4);
	const areas = model.weights;
	const radarWidth = w.width * 0.58;
	drawRadarOverlay(w, {
		labels: areas.map((a) => a.title),
		series: ranked.map((r) => ({
			label: r.comparison.vendor,
			color: offerColor(r.series),
			dash: offerDash(r.series),
			values: areas.map((a) => r.comparison.areas.find((x) => x.id === a.id)?.score ?? null)
		})),
		cx: w.left + radarWidth / 2,
		cy: w.y + chartHeight / 2,
		radius: 27
	});
	// The legend, beside the radar: colour, dash, vendor and score.
	let ly = w.y + 10;
	const lx = w.left + radarWidth + 6;
	for (const r of ranked) {
		doc.setDrawColor(offerColor(r.series));
		doc.setLineWidth(0.8);
		doc.setLineDashPattern(offerDash(r.series), 0);
		doc.line(lx, ly + 1.6, lx + 8, ly + 1.6);
		doc.setLineDashPattern([], 0);
		const lines = w.split(`${r.rank}. ${r.comparison.vendor}`, w.width - radarWidth - 18, {
			size: SIZES.small
		});
		lines.forEach((line, i) => w.line(line, lx + 10, ly + i * 3.6, { size: SIZES.small }));
		ly += lines.length * 3.6 + 1.5;
	}
	w.y += chartHeight + 2;

	// Keep the area table's head with its rows.
	w.ensure(24 + areas.length * 8);
	w.table({
		head: [
			[m.tpdf_col_area_weight({}, o), ...ranked.map((r) => `${r.rank}. ${r.comparison.vendor}`)]
		],
		body: areas.map((a) => [
			`${a.title} (${weightNumber(a.used, locale)})`,
			...ranked.map((r) => {
				const s = r.comparison.areas.find((x) => x.id === a.id);
				return !s || s.score === null
					? m.tpdf_not_answered({}, o)
					: `${points(s.score, locale)} · ${ratingWord(s.rating!, locale)}`;
			})
		]),
		styles: { fontSize: ranked.length > 5 ? SIZES.tiny : SIZES.small },
		columnStyles: { 0: { cellWidth: 34 } },
		didParseCell: (data) => {
			if (data.section !== 'body' || data.column.index === 0) return;
			const s = ranked[data.column.index - 1]!.comparison.areas.find(
				(x) => x.id === areas[data.row.index]!.id
			);
			data.cell.styles.textColor = ratingColor(s?.rating ?? null);
		}
	});
}
