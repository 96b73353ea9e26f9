import type { CostKey } from '../rules/schema';

/** Whether a SIM swap rides on a visit made anyway or needs its own trip (the fleet says). */
export type SiteVisitKind = 'routine' | 'dedicated';

// Type imports only: the simulated fleet prices its visits with this in the browser too.

/** Price of getting a new SIM into one device by hand, for the kind of visit. */
export function visitPerDevice(
	v: Pick<
		Record<CostKey, number>,
		'routineVisitPerDevice' | 'replacementSimPerDevice' | 'fieldVisitPerDevice' | 'revisitFactor'
	>,
	visits: SiteVisitKind
): number {
	// A swap that fails on a routine round waits for the next one: it costs time, not a revisit.
	return visits === 'routine'
		? v.routineVisitPerDevice + v.replacementSimPerDevice
		: v.fieldVisitPerDevice * v.revisitFactor + v.replacementSimPerDevice;
}
