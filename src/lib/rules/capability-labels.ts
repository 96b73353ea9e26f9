import type { Capability } from './schema';

/** Plain names for capabilities, used wherever the offer is compared with the recommendation. */
export const CAPABILITY_LABELS: Record<Capability, string> = {
	multi_carrier: 'several carriers per market',
	automatic_failover: 'automatic failover',
	multi_imsi: 'multi-IMSI SIM',
	multi_operator_profiles: 'profiles from several operators on the eUICC',
	euicc: 'eUICC',
	ota_profile_switch: 'over-the-air profile switching',
	local_profiles: 'local operator profiles',
	customer_controlled_eim: 'eIM / SM-SR under your control',
	pooled_data: 'fleet-wide data pool',
	no_hard_cap: 'no per-device cut-off',
	open_api: 'open API',
	realtime_data: 'real-time usage data',
	full_export: 'full data export',
	rbac: 'role-based access',
	portable_automation: 'portable automation rules',
	no_volume_minimums: 'no volume minimums',
	no_country_contracts: 'no per-country contracts',
	pause_unpause: 'pause and unpause per SIM',
	no_lockin_period: 'no mandatory lock-in period',
	clean_exit: 'clean exit terms',
	keep_sims: 'SIMs you keep when the contract ends',
	private_apn: 'private APN',
	portable_private_network: 'private network on your own IP ranges',
	portable_network_setup: 'network setup that survives a change of provider',
	zero_trust: 'Zero Trust access',
	no_device_client: 'no VPN client on devices'
};

/** "private APN or Zero Trust access". */
export const oneOf = (capabilities: readonly Capability[]) =>
	capabilities.map((c) => CAPABILITY_LABELS[c]).join(' or ');

/** What an architecture element lacks, in words: the required ones, then the alternatives. */
export const missingWords = (element: {
	missing: readonly Capability[];
	missingOneOf: readonly Capability[];
}) =>
	[
		...element.missing.map((c) => CAPABILITY_LABELS[c]),
		...(element.missingOneOf.length ? [oneOf(element.missingOneOf)] : [])
	].join(', ');
