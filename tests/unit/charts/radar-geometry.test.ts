/**
 * The results radar's geometry, worked out by hand: six axes, radius 100, the first axis straight
 * up and the rest clockwise 60 degrees apart (cos 30° = 0.866, sin 30° = 0.5).
 */
import { describe, expect, it } from 'vitest';
import {
	CHAR_WIDTH,
	radarGeometry,
	wrapLabel,
	type Box
} from '../../../src/lib/charts/radar-geometry';

const SIX = ['A', 'B', 'C', 'D', 'E', 'F'];
const ENGLISH_AREAS = [
	'Network coverage',
	'SIM portability',
	'Data management',
	'Management platform',
	'Contract terms',
	'Security architecture'
];
const GERMAN_AREAS = [
	'Netzabdeckung',
	'SIM-Portabilität',
	'Datenverwaltung',
	'Verwaltungsplattform',
	'Vertragsbedingungen',
	'Sicherheitsarchitektur'
];

const inside = (inner: Box, outer: Box) =>
	inner.x >= outer.x &&
	inner.y >= outer.y &&
	inner.x + inner.width <= outer.x + outer.width &&
	inner.y + inner.height <= outer.y + outer.height;

describe('radar points', () => {
	it('puts a score of 100 on the top axis at the outer ring’s top point', () => {
		const g = radarGeometry({ labels: SIX, series: [[100, 0, 0, 0, 0, 0]] });
		expect(g.series[0]!.points[0]).toEqual({ x: 0, y: -100 });
		expect(g.axes[0]).toEqual({ x: 0, y: -100 });
		expect(g.rings.at(-1)!.path.split(' ')[0]).toBe('0,-100');
	});

	it('puts 50 on the second axis half-way out at 30 degrees above the horizontal', () => {
		const g = radarGeometry({ labels: SIX, series: [[0, 50, 0, 100, 0, 0]] });
		// 50 · cos 30° = 43.30, 50 · sin(-30°) = -25
		expect(g.series[0]!.points[1]).toEqual({ x: 43.3, y: -25 });
		// The fourth axis points straight down.
		expect(g.series[0]!.points[3]).toEqual({ x: 0, y: 100 });
		// Axis five, lower left: 100 · (cos 150°, sin 150°) = (-86.60, 50).
		expect(g.axes[4]).toEqual({ x: -86.6, y: 50 });
	});

	it('draws an open area at the centre without a dot, and keeps scores within 0 and 100', () => {
		const g = radarGeometry({ labels: SIX, series: [[null, 150, -5, 25, 25, 25]] });
		const [series] = g.series;
		expect(series!.points[0]).toEqual({ x: 0, y: 0 });
		expect(series!.points[1]).toEqual({ x: 86.6, y: -50 });
		expect(series!.points[2]).toEqual({ x: 0, y: 0 });
		expect(series!.scored).toEqual([1, 2, 3, 4, 5]);
		expect(g.rings.map((r) => r.value)).toEqual([25, 50, 75, 100]);
		// The 25 ring's corner on the second axis: 25 · (0.866, -0.5).
		expect(g.rings[0]!.path.split(' ')[1]).toBe('21.65,-12.5');
	});
});

describe('label wrapping', () => {
	it('wraps at spaces', () => {
		expect(wrapLabel('Security architecture', 12)).toEqual(['Security', 'architecture']);
		expect(wrapLabel('Network coverage', 20)).toEqual(['Network coverage']);
	});

	it('keeps a long word with nowhere to break whole', () => {
		expect(wrapLabel('Sicherheitsarchitektur', 12)).toEqual(['Sicherheitsarchitektur']);
	});

	it('breaks after a hyphen, and at a soft hyphen showing a hyphen there', () => {
		expect(wrapLabel('Multi-IMSI support', 12)).toEqual(['Multi-IMSI', 'support']);
		expect(wrapLabel('Sicherheits\u00adarchitektur', 12)).toEqual(['Sicherheits-', 'architektur']);
		expect(wrapLabel('Daten\u00adverwaltung', 20)).toEqual(['Datenverwaltung']);
	});
});

describe('label placement', () => {
	it('centres the top label above the chart and anchors side labels away from it', () => {
		const g = radarGeometry({
			labels: ['Network', 'B', 'C', 'D', 'E', 'F'],
			series: [],
			fontSize: 10
		});
		const top = g.labels[0]!;
		expect(top.anchor).toBe('middle');
		// 7 characters · 0.62 · 10 = 43.4 wide; one line: 0.8 + 0.25 em = 10.5 high; its bottom is
		// 8 units above the outer ring (y = -108).
		expect(top.box).toEqual({ x: -21.7, y: -118.5, width: 43.4, height: 10.5 });
		expect(top.baselines).toEqual([-110.5]);
		expect(top.x).toBe(0);

		const upperRight = g.labels[1]!;
		expect(upperRight.anchor).toBe('start');
		// 108 · cos 30° = 93.53; centred on 108 · sin(-30°) = -54.
		expect(upperRight.x).toBe(93.53);
		expect(upperRight.box.y).toBe(-59.25);
		expect(g.labels[3]!.anchor).toBe('middle');
		expect(g.labels[3]!.box.y).toBe(108);
		expect(g.labels[4]!.anchor).toBe('end');
		expect(g.labels[4]!.box.x + g.labels[4]!.box.width).toBe(-93.53);
	});

	it('stacks the annotation under the label’s lines', () => {
		const g = radarGeometry({
			labels: ['Security architecture', 'B', 'C', 'D', 'E', 'F'],
			annotations: ['62', '', '', '', '', ''],
			series: [],
			fontSize: 10,
			maxLineChars: 12
		});
		const label = g.labels[0]!;
		expect(label.lines).toEqual(['Security', 'architecture']);
		expect(label.annotation).toBe('62');
		// Three rows, 12 apart: 2 · 12 + 10.5 = 34.5 high, ending 8 above the ring.
		expect(label.box.height).toBe(34.5);
		expect(label.baselines).toEqual([-134.5, -122.5, -110.5]);
		// "architecture": 12 letters · 0.62 · 10.
		expect(label.box.width).toBe(74.4);
	});
});

describe('viewBox', () => {
	it('is the chart plus a margin when every label fits beside it', () => {
		const g = radarGeometry({ labels: SIX, series: [] });
		// Top label "A": 12.6 high above y = -108, so it starts at -120.6; the bottom one ends at
		// 120.6. Sideways the chart (±104, room for dots) is wider than 93.53 + 7.44. Margin 4.
		expect(g.viewBox).toEqual({ x: -108, y: -124.6, width: 216, height: 249.2 });
		expect(g.viewBoxAttribute).toBe('-108 -124.6 216 249.2');
	});

	for (const [language, labels] of [
		['English', ENGLISH_AREAS],
		['German', GERMAN_AREAS]
	] as const) {
		it(`contains every ${language} area label, clear of the chart`, () => {
			const g = radarGeometry({
				labels,
				annotations: labels.map(() => '100'),
				series: [[100, 100, 100, 100, 100, 100]]
			});
			for (const [i, label] of g.labels.entries()) {
				expect(inside(label.box, g.viewBox), labels[i]).toBe(true);
				// Wide enough for its longest line at the estimated glyph width.
				const longest = Math.max(...label.lines.map((line) => line.length));
				expect(label.box.width).toBeGreaterThanOrEqual(longest * CHAR_WIDTH * g.fontSize - 0.01);
			}
			// The longest German word is never split.
			if (language === 'German') {
				expect(g.labels[5]!.lines).toEqual(['Sicherheitsarchitektur']);
				// It sits left of the upper-left axis end (-93.53), anchored at its end: 22 letters wide.
				expect(g.viewBox.x).toBeLessThanOrEqual(-93.53 - 22 * CHAR_WIDTH * 12);
			}
		});
	}
});
