/**
 * Words and figures the comparison components share (pure, so the owner's page and the read-only
 * page say the same thing).
 */
import { formatDateTime, formatMoney } from '$lib/format/locale-format';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Confidence } from '$lib/rules/schema';
import type { RoamingCell } from '$lib/tender/compare';
import { money, moneyRange } from '$lib/text/verdict';

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

const SEVERITY_WORDS: Record<RoamingCell['severity'], (o: { locale: Locale }) => string> = {
	critical: (o) => m.compare_sev_critical({}, o),
	warning: (o) => m.compare_sev_warning({}, o),
	info: (o) => m.compare_sev_info({}, o),
	none: (o) => m.compare_sev_none({}, o)
};

const MITIGATION_WORDS: Record<RoamingCell['mitigation'], (o: { locale: Locale }) => string> = {
	local_profiles: (o) => m.compare_mit_local_profiles({}, o),
	on_request: (o) => m.compare_mit_on_request({}, o),
	not_proven: (o) => m.compare_mit_not_proven({}, o),
	none: (o) => m.compare_mit_none({}, o),
	not_needed: (o) => m.compare_mit_not_needed({}, o)
};

/** "Blocks devices: no local profiles (forces critical)". */
export function roamingWords(cell: RoamingCell, locale: Locale): string {
	const o = { locale };
	const forced = cell.forces ? m.compare_forces({ rating: cell.forces }, o) : '';
	return `${SEVERITY_WORDS[cell.severity](o)}: ${MITIGATION_WORDS[cell.mitigation](o)}${forced}`;
}

/** A floor's confidence in the reader's language: "high", "hoch". */
export function confidenceWord(confidence: Confidence, locale: Locale): string {
	const o = { locale };
	return {
		high: m.compare_conf_high({}, o),
		medium: m.compare_conf_medium({}, o),
		low: m.compare_conf_low({}, o),
		unverified: m.compare_conf_unverified({}, o)
	}[confidence];
}

/**
 * An amount of the offer's currency: English keeps the wording the results pages use ("USD 3.7
 * million"); German reads the whole figure as a German buyer writes it ("3.700.000 USD").
 */
export const moneyText = (currency: string, amount: number, locale: Locale) =>
	locale === 'en' ? money(currency, amount) : formatMoney(amount, currency, locale);

export const moneyRangeText = (currency: string, low: number, high: number, locale: Locale) =>
	locale === 'en'
		? moneyRange(currency, low, high)
		: low === high
			? formatMoney(low, currency, locale)
			: `${formatMoney(low, currency, locale)} – ${formatMoney(high, currency, locale)}`;

/** A date-time as the share lists show it, in UTC ("2026-12-02 09:30 UTC", "02.12.2026, 09:30 UTC"). */
export const when = (iso: string | null, empty: string, locale: Locale = 'en') =>
	iso
		? locale === 'en'
			? `${iso.slice(0, 16).replace('T', ' ')} UTC`
			: `${formatDateTime(iso, locale, 'UTC')} UTC`
		: empty;
