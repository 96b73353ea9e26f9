import {
	allowanceMb,
	capCutOff,
	DAYS_PER_MONTH,
	monthlyUsage,
	type SimulationState
} from './engine';

export type SimStatus = 'online' | 'roaming block' | 'switch pending' | 'outage' | 'data cap';

/** What a SIM is connected through, as parts a page words in its own language. */
export interface InventoryLink {
	/** 0 or 1: "Carrier A" or "Carrier B". */
	carrier: number;
	/** How a local operator's profile came, or null: the SIM roams (or is at home). */
	local: 'profile' | 'downloaded' | 'fitted' | null;
	roaming: boolean;
	newProvider: boolean;
}

export interface InventoryRow {
	sim: string;
	country: string;
	/** `link` in English words, as the CSV has it. */
	network: string;
	link: InventoryLink;
	status: SimStatus;
	dataUsedMb: number;
}

export const CARRIERS = ['Carrier A', 'Carrier B'] as const;

/** A SIM identifier that reads like an ICCID: stable per device, unique in the fleet. */
export const simId = (device: number) => `89${String(device).padStart(10, '0')}`;

/**
 * The fleet's SIM inventory on one simulated day, one page at a time: every row is recomputed from
 * the seed, so a million-SIM fleet is browsed without holding a million rows in memory.
 */
export function inventoryPage(
	state: SimulationState,
	which: 'assessed' | 'recommended',
	day: number,
	offset: number,
	limit: number
): { total: number; rows: InventoryRow[] } {
	const { input, world } = state;
	const plan = state.plans[which];
	const arch = plan.architecture;
	const total = input.fleet.devices;
	const safeDay = Math.min(world.days - 1, Math.max(0, Math.floor(day)));
	const month = Math.floor(safeDay / DAYS_PER_MONTH);
	const dayOfMonth = safeDay % DAYS_PER_MONTH;
	const allowance = allowanceMb(input);
	const switched = world.switchDay !== null && safeDay >= world.switchDay;
	const rows: InventoryRow[] = [];
	const end = Math.min(total, offset + limit);
	let k = 0;
	for (let device = Math.max(0, offset); device < end; device++) {
		while (device >= world.countryStart[k + 1]!) k++;
		const country = input.fleet.countries[k]!;
		const rank = device - world.countryStart[k]!;
		const carrier = arch.networksPerMarket === 1 ? 0 : rank % 2;
		const usage = monthlyUsage(input, device, month);
		let used = (usage * (dayOfMonth + 1)) / DAYS_PER_MONTH;
		let status: SimStatus = 'online';
		const available = plan.available[k]![safeDay]!;
		if (rank >= available) {
			const blockDay = world.roamingBlockDay[k];
			const fine =
				plan.roamingVisited[k] && blockDay != null && safeDay >= blockDay
					? plan.roamingVisited[k]![safeDay]!
					: country.devices;
			status = rank >= fine ? 'roaming block' : 'switch pending';
		} else if ((plan.outageLoss[k]![carrier]?.[safeDay] ?? 0) >= 0.5) {
			status = 'outage';
		} else if (arch.dataPlan === 'pooled_block' && (plan.poolCut?.[safeDay] ?? 0) >= 0.5) {
			status = 'data cap';
		} else if (arch.dataPlan === 'per_sim_block' && usage > allowance) {
			const cut = capCutOff(usage, allowance, plan.capLagDays);
			if (dayOfMonth >= cut.firstDay && dayOfMonth < cut.firstDay + cut.days) status = 'data cap';
			if (dayOfMonth >= cut.firstDay) used = Math.min(used, allowance);
		}
		const restricted = world.roamingBlockDay[k] !== null;
		const blockDay = world.roamingBlockDay[k];
		const fittedLocally =
			restricted &&
			blockDay != null &&
			safeDay > blockDay &&
			rank < (plan.roamingVisited[k]?.[safeDay] ?? 0);
		const provider =
			switched && (arch.otaSwitch || rank < (plan.switchVisited[k]?.[safeDay] ?? Infinity))
				? 'new provider'
				: '';
		const network =
			arch.localProfiles && restricted
				? `Local profile, ${CARRIERS[carrier]}`
				: fittedLocally
					? `${country.code in arch.otaCure ? 'Local profile downloaded over the air' : 'Local SIM fitted on site'}, ${CARRIERS[carrier]}`
					: `${CARRIERS[carrier]}${restricted ? ' (roaming)' : ''}`;
		const local =
			arch.localProfiles && restricted
				? 'profile'
				: fittedLocally
					? country.code in arch.otaCure
						? 'downloaded'
						: 'fitted'
					: null;
		rows.push({
			sim: simId(device),
			country: country.code,
			network: provider ? `${network}, ${provider}` : network,
			link: { carrier, local, roaming: local === null && restricted, newProvider: provider !== '' },
			status,
			dataUsedMb: Math.round(used * 100) / 100
		});
	}
	return { total, rows };
}
