/**
 * A radar chart as plain SVG geometry: axes, rings, one polygon per series, and each axis label
 * with its anchor, wrapped lines and an estimated box. The viewBox is the union of the chart and
 * every label box, so no label is cut off, however long (German area titles run to 22 letters).
 *
 * Pure: the same input gives the same geometry. Units are SVG user units; the chart's centre is
 * (0, 0) and a score of 100 lies on the outer ring, `radius` from the centre.
 */

export interface Point {
	x: number;
	y: number;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface RadarLabel {
	/** The label's lines, top to bottom; `lines.length - 1` ends are wrap points. */
	lines: string[];
	/** A second, bold line under the label (e.g. the area's score), if given. */
	annotation?: string;
	/** Where the text is anchored; every line's `x`. */
	x: number;
	/** The baseline of each line, label lines first, then the annotation's. */
	baselines: number[];
	anchor: TextAnchor;
	/** The text's box, estimated from its character count (see CHAR_WIDTH). */
	box: Box;
}

export interface RadarSeriesShape {
	/** The polygon's corners, one per axis, in axis order; an open (null) value sits at the centre. */
	points: Point[];
	/** `points` as an SVG `points` attribute. */
	path: string;
	/** Axis indexes that have a value (open ones get no dot). */
	scored: number[];
}

export interface RadarGeometry {
	viewBox: Box;
	/** `viewBox` as an SVG attribute. */
	viewBoxAttribute: string;
	radius: number;
	fontSize: number;
	lineHeight: number;
	/** Outer ends of the axes, from the centre, in axis order (the first points straight up). */
	axes: Point[];
	/** One polygon per ring value (25, 50, 75, 100). */
	rings: { value: number; path: string }[];
	series: RadarSeriesShape[];
	labels: RadarLabel[];
}

export interface RadarInput {
	/** One per axis, clockwise from the top. */
	labels: readonly string[];
	/** One array of scores (0-100, null when open) per series, each as long as `labels`. */
	series: readonly (readonly (number | null)[])[];
	/** A second line under each label, e.g. its score. */
	annotations?: readonly string[];
	radius?: number;
	fontSize?: number;
	/** Labels longer than this are wrapped at spaces, hyphens or soft hyphens. */
	maxLineChars?: number;
	ringValues?: readonly number[];
}

/**
 * An average glyph is about 0.55 em wide in a sans-serif face; 0.62 em over-estimates it, so a box
 * made from character counts contains the real text (bold annotations are short numbers).
 */
export const CHAR_WIDTH = 0.62;
/** Ascent above the baseline and descent below it, in em. */
const ASCENT = 0.8;
const DESCENT = 0.25;
/** The gap between the outer ring and the nearest edge of a label. */
const LABEL_GAP = 8;
/** Space kept around everything inside the viewBox. */
const MARGIN = 4;

/** Two decimals are plenty for SVG; `+ 0` turns -0 into 0. */
const round = (n: number) => Math.round(n * 100) / 100 + 0;
const pathOf = (points: Point[]) => points.map((p) => `${round(p.x)},${round(p.y)}`).join(' ');

/** The direction of axis `index` of `count`: the first points up, the rest follow clockwise. */
export function axisAngle(index: number, count: number): number {
	return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

/** The point for `value` (clamped to 0-100) on axis `index`. */
export function pointOn(index: number, count: number, value: number, radius: number): Point {
	const r = (radius * Math.max(0, Math.min(100, value))) / 100;
	const angle = axisAngle(index, count);
	return { x: round(r * Math.cos(angle)), y: round(r * Math.sin(angle)) };
}

/**
 * Splits `text` into lines of at most `max` characters where it can: at spaces, after hyphens and
 * at soft hyphens (shown as "-" where a line ends there). A word longer than `max` with no break
 * point stays whole; the box is then measured from it, so it is not cut off either.
 */
export function wrapLabel(text: string, max: number): string[] {
	// Pieces end where a line may end: after a space, a hyphen or a soft hyphen.
	const pieces = text.trim().split(/(?<=[ \-\u00ad])/);
	const lines: string[] = [];
	let line = '';
	const shown = (s: string) => s.replaceAll('\u00ad', '');
	const closed = (s: string) => (s.endsWith('\u00ad') ? `${shown(s)}-` : shown(s).trimEnd());
	for (const piece of pieces) {
		const candidate = line + piece;
		if (line && closed(candidate).length > max) {
			lines.push(closed(line));
			line = piece;
		} else {
			line = candidate;
		}
	}
	if (line) lines.push(closed(line));
	return lines.length ? lines : [''];
}

/** Where a label sits for an axis pointing along `angle`: anchored away from the chart. */
function placeLabel(
	angle: number,
	lines: string[],
	annotation: string | undefined,
	radius: number,
	fontSize: number,
	lineHeight: number
): RadarLabel {
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	const anchor: TextAnchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
	const rows = annotation === undefined ? lines : [...lines, annotation];
	const width = Math.max(...rows.map((row) => row.length)) * CHAR_WIDTH * fontSize;
	const height = (rows.length - 1) * lineHeight + (ASCENT + DESCENT) * fontSize;

	const reach = radius + LABEL_GAP;
	const x = round(reach * cos);
	// Top of the text block: above the chart, below it, or centred on the axis's end.
	const edgeY = reach * sin;
	const top = sin < -0.8 ? edgeY - height : sin > 0.8 ? edgeY : edgeY - height / 2;
	const firstBaseline = top + ASCENT * fontSize;
	const baselines = rows.map((_, i) => round(firstBaseline + i * lineHeight));
	const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
	return {
		lines,
		...(annotation === undefined ? {} : { annotation }),
		x,
		baselines,
		anchor,
		box: { x: round(left), y: round(top), width: round(width), height: round(height) }
	};
}

/** The smallest box holding every box given. */
function union(boxes: Box[]): Box {
	const left = Math.min(...boxes.map((b) => b.x));
	const top = Math.min(...boxes.map((b) => b.y));
	const right = Math.max(...boxes.map((b) => b.x + b.width));
	const bottom = Math.max(...boxes.map((b) => b.y + b.height));
	return { x: left, y: top, width: right - left, height: bottom - top };
}

export function radarGeometry(input: RadarInput): RadarGeometry {
	const radius = input.radius ?? 100;
	const fontSize = input.fontSize ?? 12;
	const lineHeight = round(fontSize * 1.2);
	const maxLineChars = input.maxLineChars ?? 12;
	const ringValues = input.ringValues ?? [25, 50, 75, 100];
	const count = input.labels.length;

	const axes = input.labels.map((_, i) => pointOn(i, count, 100, radius));
	const rings = ringValues.map((value) => ({
		value,
		path: pathOf(input.labels.map((_, i) => pointOn(i, count, value, radius)))
	}));
	const series = input.series.map((values) => {
		const points = input.labels.map((_, i) => pointOn(i, count, values[i] ?? 0, radius));
		const scored = input.labels.flatMap((_, i) =>
			values[i] === null || values[i] === undefined ? [] : [i]
		);
		return { points, path: pathOf(points), scored };
	});
	const labels = input.labels.map((text, i) =>
		placeLabel(
			axisAngle(i, count),
			wrapLabel(text, maxLineChars),
			input.annotations?.[i],
			radius,
			fontSize,
			lineHeight
		)
	);

	// The chart itself (with room for the dots on the outer ring), then every label box.
	const chart: Box = {
		x: -radius - 4,
		y: -radius - 4,
		width: 2 * radius + 8,
		height: 2 * radius + 8
	};
	const all = union([chart, ...labels.map((l) => l.box)]);
	const viewBox = {
		x: round(all.x - MARGIN),
		y: round(all.y - MARGIN),
		width: round(all.width + 2 * MARGIN),
		height: round(all.height + 2 * MARGIN)
	};
	return {
		viewBox,
		viewBoxAttribute: `${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`,
		radius,
		fontSize,
		lineHeight,
		axes,
		rings,
		series,
		labels
	};
}
