import { drawRadar, drawRoamingChart, drawScoreBars } from './charts';
import { openSection, type ReportContext } from './context';
import { COLORS, SIZES } from './theme';
import { RATING_WORD } from './wording';

/** The six areas at a glance (radar and bars, as on the results page) and roaming exposure. */
export function drawOverview(ctx: ReportContext) {
	const { w, result, ruleset } = ctx;
	openSection(ctx, 'Risk by area');
	w.paragraph(
		'Each area is scored from 0 (keeps you free to leave) to 100 (locks you in). The further the shape reaches out, the harder that part of the offer would be to leave.',
		{ color: COLORS.muted }
	);

	const chartHeight = 78;
	w.ensure(chartHeight);
	const half = w.width / 2;
	drawRadar(w, {
		labels: result.areas.map((a) => a.title),
		values: result.areas.map((a) => a.score),
		cx: w.left + half / 2 - 2,
		cy: w.y + chartHeight / 2,
		radius: 23
	});
	drawScoreBars(
		w,
		result.areas.map((a) => ({ label: a.title, value: a.score, rating: a.rating })),
		w.left + half + 12,
		w.y + 12,
		half - 12
	);
	w.y += chartHeight + 2;

	const weight = (id: string) => ruleset.areas.find((a) => a.id === id)?.weight ?? 1;
	w.table({
		head: [['Area', 'Score', 'Rating', 'Answered', 'Weight']],
		body: result.areas.map((a) => [
			a.title,
			a.score === null ? '–' : String(Math.round(a.score)),
			a.rating ? RATING_WORD[a.rating] : 'Not answered',
			`${a.answered}/${a.total}${a.notSure ? ` (${a.notSure} not sure)` : ''}`,
			String(weight(a.id))
		]),
		columnStyles: { 1: { halign: 'right' }, 4: { halign: 'right' } }
	});

	w.heading('Roaming exposure', 2);
	w.paragraph(
		'Devices in each deployment country, coloured by what that country’s permanent-roaming rule means for this offer.',
		{ size: SIZES.small, color: COLORS.muted }
	);
	drawRoamingChart(w, result.roaming);
}
