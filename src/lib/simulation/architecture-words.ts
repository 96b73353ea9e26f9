import type { Architecture } from './types';

/**
 * What happens to a device when its carrier fails, in words. The simulation credits failover only
 * with two networks in every market; where the answers claim automatic failover on one network,
 * the page says why it is not credited (the results and the simulation tell one story).
 */
export function failoverWords(
	a: Pick<Architecture, 'networksPerMarket' | 'automaticFailover'>
): string {
	if (a.networksPerMarket === 1) {
		return a.automaticFailover
			? 'Offline until the carrier is back. The answers say it fails over automatically, but they do not say it has two networks in every market, so there is no other network to fail over to and the simulation does not credit it'
			: 'Offline until the carrier is back';
	}
	return a.automaticFailover
		? 'Fails over to the other network in minutes'
		: 'Moved by hand once someone notices';
}
