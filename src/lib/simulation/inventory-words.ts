import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { InventoryLink, SimStatus } from './inventory';

const CARRIER_LETTERS = ['A', 'B'] as const;

/** What a SIM is connected through, in the reader's language; in English the CSV's own words. */
export function linkWords(link: InventoryLink, locale: Locale): string {
	const options = { locale };
	const carrier = m.fleetde_inv_carrier(
		{ letter: CARRIER_LETTERS[link.carrier] ?? String(link.carrier + 1) },
		options
	);
	const network =
		link.local === 'profile'
			? m.fleetde_inv_local_profile({ carrier }, options)
			: link.local === 'downloaded'
				? m.fleetde_inv_local_downloaded({ carrier }, options)
				: link.local === 'fitted'
					? m.fleetde_inv_local_fitted({ carrier }, options)
					: link.roaming
						? m.fleetde_inv_roaming({ carrier }, options)
						: carrier;
	return link.newProvider ? m.fleetde_inv_new_provider({ network }, options) : network;
}

/** A SIM's state on the day shown: "roaming block", "Roaming-Sperre". */
export function statusWord(status: SimStatus, locale: Locale): string {
	const options = { locale };
	switch (status) {
		case 'online':
			return m.fleetde_inv_status_online({}, options);
		case 'outage':
			return m.fleetde_inv_status_outage({}, options);
		case 'data cap':
			return m.fleetde_inv_status_data_cap({}, options);
		case 'switch pending':
			return m.fleetde_inv_status_switch_pending({}, options);
		case 'roaming block':
			return m.fleetde_inv_status_roaming_block({}, options);
	}
}
