/**
 * The recommended architecture's gaps in words. A gap is either missing (the answers say the
 * offer lacks it) or not confirmed yet (open or "not sure"), never both; and it is named as the
 * thing the offer lacks, so "no per-device cut-off" never reads as a double negative.
 */
import { CAPABILITY_LABELS } from '../rules/capability-labels';
import type { Capability } from '../rules/schema';
import type { ArchitectureComparison } from '../scoring/types';

/** Capabilities whose label is a "no …": what the buyer needs, said positively. */
const NEED_LABELS: Partial<Record<Capability, string>> = {
	no_hard_cap: 'service that continues when a device reaches its cap',
	no_volume_minimums: 'terms without volume minimums',
	no_country_contracts: 'one contract for every country',
	no_lockin_period: 'terms without a mandatory lock-in period',
	no_device_client: 'access without a VPN client on devices'
};

export const needLabel = (c: Capability) => NEED_LABELS[c] ?? CAPABILITY_LABELS[c];

const either = (capabilities: readonly Capability[]) => capabilities.map(needLabel).join(' or ');

export function architectureGaps(element: ArchitectureComparison): {
	missing: string[];
	unconfirmed: string[];
} {
	const open = new Set(element.unconfirmed);
	const missing = element.missing.filter((c) => !open.has(c)).map(needLabel);
	const unconfirmed = element.missing.filter((c) => open.has(c)).map(needLabel);
	if (element.missingOneOf.length > 0) {
		// Any alternative still open might be the one the offer has: the pair is unconfirmed, not missing.
		(element.missingOneOf.some((c) => open.has(c)) ? unconfirmed : missing).push(
			either(element.missingOneOf)
		);
	}
	return { missing, unconfirmed };
}
