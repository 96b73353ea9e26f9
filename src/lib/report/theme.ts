/** Colours, type sizes and page geometry of the report, in one place. Lengths are millimetres. */

/** The font family registered from the embedded TTFs (see fonts.ts). */
export const FONT_FAMILY = 'DejaVuSans';

/** Millimetres per typographic point. */
export const PT = 25.4 / 72;

export const COLORS = {
	ink: '#14202b',
	muted: '#4a5a68',
	line: '#d5dde4',
	faint: '#f1f5f9',
	accent: '#c2410c',
	/** The accent at 18% over white: the radar's fill on the results page. */
	accentFill: '#f4ddd3',
	low: '#166534',
	lowBg: '#dcfce7',
	moderate: '#854d0e',
	moderateBg: '#fef9c3',
	high: '#9a3412',
	highBg: '#ffedd5',
	critical: '#991b1b',
	criticalBg: '#fee2e2',
	info: '#4a5a68'
} as const;

export const SIZES = {
	body: 10,
	small: 8.5,
	tiny: 7.5,
	h1: 17,
	h2: 12.5,
	h3: 10.5,
	title: 24
} as const;

export const MARGINS = { left: 20, right: 20, top: 24, bottom: 22 } as const;

/** Where the running header and footer sit, from the page's top and bottom edges. */
export const RUNNING = { header: 13, footer: 11 } as const;
