/**
 * Words and figures the comparison components share (pure, so the owner's page and the read-only
 * page say the same thing).
 */
import type { RoamingCell } from '$lib/tender/compare';

/** A score as the tables show it: one decimal, "–" while nothing is answered. */
export const scoreText = (score: number | null | undefined) =>
	score === null || score === undefined ? '–' : score.toFixed(1);

/** A weight as the sliders and the printed weights show it. */
export const weightText = (weight: number) => String(Math.round(weight * 100) / 100);

/** Series styles for up to 8 offers: a colour and a dash pattern each, so no series is told apart by colour alone. */
export const SERIES = [
	{ colour: '#0b5d66', dash: [] as number[], svgDash: '' },
	{ colour: '#c2410c', dash: [8, 4], svgDash: '8 4' },
	{ colour: '#6d28d9', dash: [2, 3], svgDash: '2 3' },
	{ colour: '#15803d', dash: [12, 4, 2, 4], svgDash: '12 4 2 4' },
	{ colour: '#b91c1c', dash: [4, 4], svgDash: '4 4' },
	{ colour: '#1d4ed8', dash: [14, 6], svgDash: '14 6' },
	{ colour: '#854d0e', dash: [1, 5], svgDash: '1 5' },
	{ colour: '#374151', dash: [6, 2, 1, 2], svgDash: '6 2 1 2' }
] as const;
export const seriesOf = (index: number) => SERIES[index % SERIES.length]!;

const SEVERITY_WORDS: Record<RoamingCell['severity'], string> = {
	critical: 'Blocks devices',
	warning: 'May restrict',
	info: 'Covered',
	none: 'No restriction'
};

const MITIGATION_WORDS: Record<RoamingCell['mitigation'], string> = {
	local_profiles: 'local profiles available',
	on_request: 'local profiles on request',
	not_proven: 'local profiles not confirmed',
	none: 'no local profiles',
	not_needed: 'nothing needed'
};

/** "Blocks devices: no local profiles (forces critical)". */
export function roamingWords(cell: RoamingCell): string {
	const forced = cell.forces ? ` (forces ${cell.forces})` : '';
	return `${SEVERITY_WORDS[cell.severity]}: ${MITIGATION_WORDS[cell.mitigation]}${forced}`;
}

/** A date-time as the share lists show it, in UTC. */
export const when = (iso: string | null, empty: string) =>
	iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : empty;
