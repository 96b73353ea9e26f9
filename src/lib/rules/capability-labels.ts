import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { Capability } from './schema';

type Say = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const CAPABILITY_MESSAGE: Record<Capability, Say> = {
	multi_carrier: m.textde_cap_multi_carrier,
	automatic_failover: m.textde_cap_automatic_failover,
	multi_imsi: m.textde_cap_multi_imsi,
	multi_operator_profiles: m.textde_cap_multi_operator_profiles,
	euicc: m.textde_cap_euicc,
	ota_profile_switch: m.textde_cap_ota_profile_switch,
	local_profiles: m.textde_cap_local_profiles,
	customer_controlled_eim: m.textde_cap_customer_controlled_eim,
	pooled_data: m.textde_cap_pooled_data,
	no_hard_cap: m.textde_cap_no_hard_cap,
	open_api: m.textde_cap_open_api,
	realtime_data: m.textde_cap_realtime_data,
	full_export: m.textde_cap_full_export,
	rbac: m.textde_cap_rbac,
	portable_automation: m.textde_cap_portable_automation,
	no_volume_minimums: m.textde_cap_no_volume_minimums,
	no_country_contracts: m.textde_cap_no_country_contracts,
	pause_unpause: m.textde_cap_pause_unpause,
	no_lockin_period: m.textde_cap_no_lockin_period,
	clean_exit: m.textde_cap_clean_exit,
	keep_sims: m.textde_cap_keep_sims,
	private_apn: m.textde_cap_private_apn,
	portable_private_network: m.textde_cap_portable_private_network,
	portable_network_setup: m.textde_cap_portable_network_setup,
	zero_trust: m.textde_cap_zero_trust,
	no_device_client: m.textde_cap_no_device_client
};

/**
 * Plain names for capabilities, used wherever the offer is compared with the recommendation, in
 * the reader's language: "several carriers per market", "mehrere Netzbetreiber je Markt".
 */
export const capabilityLabel = (capability: Capability, locale: Locale) =>
	CAPABILITY_MESSAGE[capability]({}, { locale });
