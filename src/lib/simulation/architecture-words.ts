import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { Architecture } from './types';

/**
 * What happens to a device when its carrier fails, in words. The simulation credits failover only
 * with two networks in every market; where the answers claim automatic failover on one network,
 * the page says why it is not credited (the results and the simulation tell one story).
 */
export function failoverWords(
	a: Pick<Architecture, 'networksPerMarket' | 'automaticFailover'>,
	locale: Locale
): string {
	if (a.networksPerMarket === 1) {
		return a.automaticFailover
			? m.sim_failover_claimed_one_network({}, { locale })
			: m.sim_failover_none({}, { locale });
	}
	return a.automaticFailover
		? m.sim_failover_automatic({}, { locale })
		: m.sim_failover_by_hand({}, { locale });
}

/**
 * The three architectures the simulation compares carry English names as data (architecture.ts,
 * also sent by the API); pages and text alternatives name them in the reader's language. A name
 * that is none of the three stays as given.
 */
const NAMES: Record<string, (locale: Locale) => string> = {
	'Assessed offer': (locale) => m.sim_name_assessed({}, { locale }),
	'the assessed offer': (locale) => m.sim_subject_assessed({}, { locale }),
	'Recommended architecture': (locale) => m.sim_name_recommended({}, { locale }),
	'the recommended architecture': (locale) => m.sim_subject_recommended({}, { locale }),
	'Single carrier, per-SIM caps': (locale) => m.sim_name_single({}, { locale }),
	'a single carrier with per-SIM caps': (locale) => m.sim_subject_single({}, { locale })
};

/** An architecture's label ("Assessed offer") or subject ("the assessed offer") in `locale`. */
export const architectureName = (name: string, locale: Locale): string =>
	NAMES[name]?.(locale) ?? name;
