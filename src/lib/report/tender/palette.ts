/**
 * One colour and dash per offer (at most 8), the same on the radar and in every legend: the
 * Okabe-Ito colours, told apart with colour blindness too, darkened where they were too light to
 * read on white, and a dash pattern each so a greyscale print still tells them apart.
 */
const COLORS = [
	'#0072b2',
	'#d55e00',
	'#009e73',
	'#cc79a7',
	'#8a6d00',
	'#56b4e9',
	'#000000',
	'#7f7f7f'
];
const DASHES: number[][] = [
	[],
	[2, 1],
	[0.6, 0.8],
	[3, 1, 0.6, 1],
	[],
	[2, 1],
	[0.6, 0.8],
	[3, 1, 0.6, 1]
];

export const offerColor = (series: number) => COLORS[series % COLORS.length]!;
export const offerDash = (series: number) => DASHES[series % DASHES.length]!;
