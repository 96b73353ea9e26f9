import type { jsPDF } from 'jspdf';
import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Rating } from '../rules/schema';
import type { RoamingExposure } from '../scoring/types';
import type { Writer } from './layout';
import { COLORS, SIZES } from './theme';
import { count, ratingColor, roamingSeverity } from './wording';

/**
 * Charts drawn as PDF paths (lines, polygons, rectangles), not pictures: crisp at any zoom, a few
 * hundred bytes each, and in the results page's colours.
 */

type Point = [number, number];

/** A closed polygon through absolute points; style 'S' strokes, 'F' fills, 'FD' does both. */
function polygon(doc: jsPDF, points: Point[], style: 'S' | 'F' | 'FD') {
	const [first, ...rest] = points;
	if (!first) return;
	let [px, py] = first;
	const deltas = rest.map(([x, y]) => {
		const delta: Point = [x - px, y - py];
		[px, py] = [x, y];
		return delta;
	});
	doc.lines(deltas, first[0], first[1], [1, 1], style, true);
}

export interface RadarInput {
	labels: string[];
	values: (number | null)[];
	/** Centre and radius of the outer ring, mm. */
	cx: number;
	cy: number;
	radius: number;
	/** What an axis without a score says: "not answered" in the report's language. */
	notAnswered: string;
}

/** The six-area radar, like the results page: 0 at the centre, 100 at the rim, first axis up. */
export function drawRadar(w: Writer, { labels, values, cx, cy, radius, notAnswered }: RadarInput) {
	const { doc } = w;
	const n = labels.length;
	const at = (i: number, value: number): Point => {
		const angle = -Math.PI / 2 + (i * 2 * Math.PI) / n;
		const r = (radius * Math.max(0, Math.min(100, value))) / 100;
		return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
	};
	const data = values.map((v, i) => at(i, v ?? 0));

	doc.setFillColor(COLORS.accentFill);
	polygon(doc, data, 'F');

	doc.setDrawColor(COLORS.line);
	doc.setLineWidth(0.2);
	for (const ring of [25, 50, 75, 100])
		polygon(
			doc,
			labels.map((_, i) => at(i, ring)),
			'S'
		);
	labels.forEach((_, i) => {
		const [x, y] = at(i, 100);
		doc.line(cx, cy, x, y);
	});
	for (const ring of [25, 50, 75, 100]) {
		w.line(String(ring), cx + 1, cy - (radius * ring) / 100 - 1.2, {
			size: 6,
			color: COLORS.muted
		});
	}

	doc.setDrawColor(COLORS.accent);
	doc.setLineWidth(0.6);
	polygon(doc, data, 'S');
	doc.setFillColor(COLORS.accent);
	// An unanswered area has no point to mark: its axis is labelled "not answered" instead.
	data.forEach(([x, y], i) => {
		if (values[i] !== null && values[i] !== undefined) doc.circle(x, y, 0.8, 'F');
	});

	labels.forEach((label, i) => {
		const angle = -Math.PI / 2 + (i * 2 * Math.PI) / n;
		const [x, y] = [cx + (radius + 3) * Math.cos(angle), cy + (radius + 3) * Math.sin(angle)];
		const align = Math.cos(angle) > 0.2 ? 'left' : Math.cos(angle) < -0.2 ? 'right' : 'center';
		const value = values[i] ?? null;
		const lines = [
			...w.split(label, 24, { size: SIZES.tiny }),
			value === null ? notAnswered : String(Math.round(value))
		];
		const height = lines.length * 3.2;
		const top = Math.sin(angle) < -0.2 ? y - height : Math.sin(angle) > 0.2 ? y : y - height / 2;
		lines.forEach((line, j) => {
			const last = j === lines.length - 1;
			w.line(
				line,
				x,
				top + j * 3.2,
				{
					size: SIZES.tiny,
					bold: last,
					color: last ? COLORS.accent : COLORS.ink
				},
				align
			);
		});
	});
}

export interface BarRow {
	label: string;
	value: number | null;
	rating: Rating | null;
}

/** Horizontal 0-100 bars, one per area, coloured by rating. Returns the height used. */
export function drawScoreBars(
	w: Writer,
	rows: BarRow[],
	x: number,
	y: number,
	width: number,
	notAnswered: string
): number {
	const { doc } = w;
	const labelWidth = 30;
	const barX = x + labelWidth;
	const barWidth = width - labelWidth - 9;
	const rowHeight = 9;
	const chartHeight = rows.length * rowHeight;

	doc.setDrawColor(COLORS.line);
	doc.setLineWidth(0.2);
	for (const tick of [0, 25, 50, 75, 100]) {
		const tx = barX + (barWidth * tick) / 100;
		doc.line(tx, y, tx, y + chartHeight);
		w.line(String(tick), tx, y + chartHeight + 0.8, { size: 6, color: COLORS.muted }, 'center');
	}
	rows.forEach((row, i) => {
		const top = y + i * rowHeight;
		const lines = w.split(row.label, labelWidth - 2, { size: SIZES.tiny });
		lines.slice(0, 2).forEach((line, j) => {
			w.line(line, x, top + 2 + j * 3 - (lines.length > 1 ? 1.5 : 0), { size: SIZES.tiny });
		});
		if (row.value === null) {
			w.line(notAnswered, barX + 1, top + 2.5, { size: SIZES.tiny, color: COLORS.muted });
			return;
		}
		const length = Math.max(0.6, (barWidth * row.value) / 100);
		doc.setFillColor(ratingColor(row.rating));
		doc.rect(barX, top + 1.8, length, rowHeight - 3.6, 'F');
		w.line(String(Math.round(row.value)), barX + length + 1, top + 2.5, {
			size: SIZES.tiny,
			bold: true,
			color: ratingColor(row.rating)
		});
	});
	return chartHeight + 4;
}

/** Countries shown in the roaming chart; the rest are summed up in one line. */
const ROAMING_CHART_ROWS = 20;
const SEVERITY_ORDER: Record<RoamingExposure['severity'], number> = {
	critical: 0,
	warning: 1,
	info: 2,
	none: 3
};

/**
 * Devices per deployment country, one bar each, coloured by how the roaming rule hits this offer:
 * the most exposed first. Draws at the writer's position and moves it down.
 */
export function drawRoamingChart(w: Writer, roaming: RoamingExposure[], locale: Locale) {
	const { doc } = w;
	const rows = [...roaming].sort(
		(a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.devices - a.devices
	);
	const shown = rows.slice(0, ROAMING_CHART_ROWS);
	const max = Math.max(1, ...shown.map((r) => r.devices));
	const labelWidth = 34;
	const valueWidth = 58;
	const barWidth = w.width - labelWidth - valueWidth;
	const rowHeight = 6;

	// Keep the chart on one page: a legend and up to 20 rows fit on any page.
	w.ensure(10 + rowHeight * shown.length);
	let lx = w.left;
	for (const severity of ['critical', 'warning', 'info', 'none'] as const) {
		const { color, label } = roamingSeverity(severity, locale);
		doc.setFillColor(color);
		doc.rect(lx, w.y + 0.6, 3, 3, 'F');
		w.line(label, lx + 4.5, w.y + 0.4, { size: SIZES.tiny });
		w.style({ size: SIZES.tiny });
		lx += 4.5 + doc.getTextWidth(label) + 7;
	}
	w.space(7);

	for (const row of shown) {
		w.ensure(rowHeight);
		const { color, label } = roamingSeverity(row.severity, locale);
		const [name] = w.split(row.name, labelWidth - 2, { size: SIZES.tiny });
		w.line(name ?? row.country, w.left, w.y + 1, { size: SIZES.tiny });
		const length = Math.max(0.6, (barWidth * row.devices) / max);
		doc.setFillColor(color);
		doc.rect(w.left + labelWidth, w.y + 1, length, rowHeight - 2, 'F');
		w.line(
			m.report_devices_with_label({ devices: count(row.devices, locale), label }, { locale }),
			w.left + labelWidth + length + 1.5,
			w.y + 1,
			{ size: SIZES.tiny, color: row.severity === 'critical' ? COLORS.critical : COLORS.ink }
		);
		w.space(rowHeight);
	}
	if (rows.length > shown.length) {
		const rest = rows.slice(shown.length);
		const devices = rest.reduce((sum, r) => sum + r.devices, 0);
		w.paragraph(
			(rest.length === 1 ? m.report_chart_more_one : m.report_chart_more_many)(
				{ count: count(rest.length, locale), devices: count(devices, locale) },
				{ locale }
			),
			{ size: SIZES.tiny, color: COLORS.muted }
		);
	}
	w.space(3);
}

export interface RadarSeries {
	label: string;
	color: string;
	/** Dash pattern (mm on, mm off); empty for a solid line. Tells series apart in greyscale. */
	dash: number[];
	values: (number | null)[];
}

export interface RadarOverlayInput {
	labels: string[];
	series: RadarSeries[];
	cx: number;
	cy: number;
	radius: number;
}

/**
 * Several offers on one radar (the tender comparison): the same rings, axes and scale as
 * drawRadar, one outline per series in its colour and dash, no fill so every outline stays
 * visible. An unanswered area is drawn at 0 without a point.
 */
export function drawRadarOverlay(w: Writer, { labels, series, cx, cy, radius }: RadarOverlayInput) {
	const { doc } = w;
	const n = labels.length;
	const angleOf = (i: number) => -Math.PI / 2 + (i * 2 * Math.PI) / n;
	const at = (i: number, value: number): Point => {
		const r = (radius * Math.max(0, Math.min(100, value))) / 100;
		return [cx + r * Math.cos(angleOf(i)), cy + r * Math.sin(angleOf(i))];
	};

	doc.setDrawColor(COLORS.line);
	doc.setLineWidth(0.2);
	for (const ring of [25, 50, 75, 100])
		polygon(
			doc,
			labels.map((_, i) => at(i, ring)),
			'S'
		);
	labels.forEach((_, i) => {
		const [x, y] = at(i, 100);
		doc.line(cx, cy, x, y);
	});
	for (const ring of [25, 50, 75, 100]) {
		w.line(String(ring), cx + 1, cy - (radius * ring) / 100 - 1.2, {
			size: 6,
			color: COLORS.muted
		});
	}

	for (const s of series) {
		const points = s.values.map((v, i) => at(i, v ?? 0));
		doc.setDrawColor(s.color);
		doc.setLineWidth(0.55);
		doc.setLineDashPattern(s.dash, 0);
		polygon(doc, points, 'S');
		doc.setLineDashPattern([], 0);
		doc.setFillColor(s.color);
		points.forEach(([x, y], i) => {
			if (s.values[i] !== null && s.values[i] !== undefined) doc.circle(x, y, 0.7, 'F');
		});
	}

	labels.forEach((label, i) => {
		const angle = angleOf(i);
		const [x, y] = [cx + (radius + 3) * Math.cos(angle), cy + (radius + 3) * Math.sin(angle)];
		const align = Math.cos(angle) > 0.2 ? 'left' : Math.cos(angle) < -0.2 ? 'right' : 'center';
		const lines = w.split(label, 24, { size: SIZES.tiny });
		const height = lines.length * 3.2;
		const top = Math.sin(angle) < -0.2 ? y - height : Math.sin(angle) > 0.2 ? y : y - height / 2;
		lines.forEach((line, j) => w.line(line, x, top + j * 3.2, { size: SIZES.tiny }, align));
	});
}
