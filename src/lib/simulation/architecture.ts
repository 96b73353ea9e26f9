import type { Capability } from '../rules/schema';
import type { Architecture, DataPlan } from './types';

function dataPlanOf(has: (c: Capability) => boolean): DataPlan {
	if (has('pooled_data')) return has('no_hard_cap') ? 'pooled' : 'pooled_block';
	return has('no_hard_cap') ? 'per_sim_continue' : 'per_sim_block';
}

/**
 * The assessed offer as the simulation sees it, read from the capabilities its answers prove.
 * Anything not proven ("not sure" included) is simulated as missing, as the score treats it.
 */
export function architectureFromCapabilities(
	proven: readonly Capability[],
	exit: Pick<Architecture, 'exitFee' | 'overlapDays' | 'exitPaidDays'>,
	label = 'Assessed offer',
	subject = 'the assessed offer'
): Architecture {
	const set = new Set(proven);
	const has = (c: Capability) => set.has(c);
	return {
		label,
		subject,
		// Several networks only when the answers say so: a multi-IMSI SIM can still be sold with one.
		networksPerMarket: has('multi_carrier') ? 2 : 1,
		automaticFailover: has('automatic_failover'),
		otaSwitch: has('ota_profile_switch'),
		localProfiles: has('local_profiles'),
		otaCure: {},
		dataPlan: dataPlanOf(has),
		realtimeData: has('realtime_data'),
		privateNetwork: has('private_apn') || has('zero_trust'),
		exitFee: exit.exitFee,
		overlapDays: exit.overlapDays,
		exitPaidDays: exit.exitPaidDays,
		// Moving the eIM is needed unless the buyer controls it or the provider must hand it over.
		eimMove: !has('customer_controlled_eim')
	};
}

/**
 * The five elements of the recommended architecture (DOMAIN.md): no exit fee, an eIM the buyer
 * controls, and a flexible contract whose notice (`overlapDays`, the shortest any answer gives in
 * rules/costs.yaml) is all that both providers bill through in a switch.
 */
export function recommendedArchitecture(overlapDays: number): Architecture {
	return { ...RECOMMENDED_ELEMENTS, overlapDays };
}

const RECOMMENDED_ELEMENTS: Omit<Architecture, 'overlapDays'> = {
	label: 'Recommended architecture',
	subject: 'the recommended architecture',
	networksPerMarket: 2,
	automaticFailover: true,
	otaSwitch: true,
	localProfiles: true,
	otaCure: {},
	dataPlan: 'pooled',
	realtimeData: true,
	privateNetwork: true,
	exitFee: 0,
	exitPaidDays: 0,
	eimMove: false
};

/** What a fleet without an assessment is compared against: one carrier, per-SIM caps, SIMs swapped by hand. */
export function singleCarrierBaseline(
	exit: Pick<Architecture, 'exitFee' | 'overlapDays' | 'exitPaidDays'>
): Architecture {
	return architectureFromCapabilities(
		[],
		exit,
		'Single carrier, per-SIM caps',
		'a single carrier with per-SIM caps'
	);
}
