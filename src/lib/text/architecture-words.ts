/**
 * The recommended architecture's gaps in words. A gap is either missing (the answers say the
 * offer lacks it) or not confirmed yet (open or "not sure"), never both; and it is named as the
 * thing the offer lacks, so "no per-device cut-off" never reads as a double negative.
 */
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import { capabilityLabel } from '../rules/capability-labels';
import type { Capability } from '../rules/schema';
import type { ArchitectureComparison } from '../scoring/types';
import { eitherWords } from './template';

type Say = (inputs: Record<string, never>, options: { locale: Locale }) => string;

/** Capabilities whose label is a "no …": what the buyer needs, said positively. */
const NEED_MESSAGE: Partial<Record<Capability, Say>> = {
	no_hard_cap: m.textde_need_no_hard_cap,
	no_volume_minimums: m.textde_need_no_volume_minimums,
	no_country_contracts: m.textde_need_no_country_contracts,
	no_lockin_period: m.textde_need_no_lockin_period,
	no_device_client: m.textde_need_no_device_client
};

export const needLabel = (c: Capability, locale: Locale) =>
	NEED_MESSAGE[c]?.({}, { locale }) ?? capabilityLabel(c, locale);

/**
 * The gaps of one element in the reader's language. The locale defaults to English only so the
 * results page's existing call keeps compiling until it passes its own.
 */
export function architectureGaps(
	element: ArchitectureComparison,
	locale: Locale = 'en'
): {
	missing: string[];
	unconfirmed: string[];
} {
	const open = new Set(element.unconfirmed);
	const need = (c: Capability) => needLabel(c, locale);
	const missing = element.missing.filter((c) => !open.has(c)).map(need);
	const unconfirmed = element.missing.filter((c) => open.has(c)).map(need);
	if (element.missingOneOf.length > 0) {
		// Any alternative still open might be the one the offer has: the pair is unconfirmed, not missing.
		(element.missingOneOf.some((c) => open.has(c)) ? unconfirmed : missing).push(
			eitherWords(element.missingOneOf.map(need), locale)
		);
	}
	return { missing, unconfirmed };
}
