import { visitPerDevice } from '../scoring/visit-cost';
import { hash32, normal, stream } from './random';
import {
	CAUSES,
	type Architecture,
	type ArchitectureRun,
	type Cause,
	type CostBreakdown,
	type SimulationInput,
	type SimulationResult
} from './types';

/** Months are 30 days: simple to reason about, and exact enough over a decade. */
export const DAYS_PER_MONTH = 30;

interface OutageEvent {
	country: number;
	carrier: 0 | 1;
	/** Fractional days since deployment. */
	start: number;
	end: number;
}

/** Adds the part of [start, end) that falls on each day to a per-day array. */
function addInterval(target: Float32Array, start: number, end: number, weight = 1) {
	const last = Math.min(target.length, Math.ceil(end));
	for (let day = Math.max(0, Math.floor(start)); day < last; day++) {
		const overlap = Math.min(end, day + 1) - Math.max(start, day);
		if (overlap > 0) target[day] = (target[day] ?? 0) + overlap * weight;
	}
}

/** What both architectures share: the calendar, the fleet layout and the same random outages. */
export interface SharedWorld {
	days: number;
	months: number;
	countryStart: Int32Array;
	events: OutageEvent[];
	/** Per country: fraction of each day the main carrier is down (null when it never is). */
	down: (Float32Array | null)[][];
	/** Per country: fraction of each day both carriers are down at once. */
	joint: (Float32Array | null)[];
	switchDay: number | null;
	roamingBlockDay: (number | null)[];
	/** Outages of the provider's own core: every country and network at once, for both architectures. */
	coreEvents: { start: number; end: number }[];
	/** Fraction of each day the provider core is down (null when it never is). */
	core: Float32Array | null;
}

/** The provider's core network fails for the whole fleet; one stream, so both architectures share it. */
function coreOutages(input: SimulationInput, days: number) {
	const perDay = input.params.coreOutageRatePerYear / 365;
	const meanDays = input.params.coreOutageMeanHours / 24;
	const events: { start: number; end: number }[] = [];
	if (perDay <= 0 || meanDays <= 0) return events;
	const next = stream(hash32(input.seed, 0, 0x0c0e));
	const gap = () => -Math.log(1 - next()) / perDay;
	let start = gap();
	while (start < days) {
		const duration = Math.min(30, -Math.log(1 - next()) * meanDays);
		events.push({ start, end: Math.min(days, start + duration) });
		start += duration + gap();
	}
	return events;
}

function outageEvents(input: SimulationInput, days: number): OutageEvent[] {
	const { params, fleet, seed, scenario } = input;
	const perDay = params.outageRatePerCarrierPerYear / 365;
	const meanDays = params.outageMeanHours / 24;
	const events: OutageEvent[] = [];
	fleet.countries.forEach((_, country) => {
		if (perDay <= 0) return;
		for (const carrier of [0, 1] as const) {
			// One stream per country and carrier: adding a country never reshuffles another's outages.
			const next = stream(hash32(seed, country + 1, carrier + 7));
			const gap = () => -Math.log(1 - next()) / perDay;
			let start = gap();
			while (start < days) {
				const duration = Math.min(30, -Math.log(1 - next()) * meanDays);
				events.push({ country, carrier, start, end: Math.min(days, start + duration) });
				start += duration + gap();
			}
		}
	});
	for (const outage of scenario.outages) {
		const country = fleet.countries.findIndex((c) => c.code === outage.country);
		if (country < 0 || outage.days <= 0) continue;
		events.push({
			country,
			carrier: 0,
			start: outage.startDay,
			end: Math.min(days, outage.startDay + outage.days)
		});
	}
	return events;
}

export function prepareWorld(input: SimulationInput): SharedWorld {
	const { fleet, scenario } = input;
	const days = Math.max(1, Math.round(fleet.lifetimeYears * 365));
	const months = Math.ceil(days / DAYS_PER_MONTH);
	const countryStart = new Int32Array(fleet.countries.length + 1);
	fleet.countries.forEach((c, k) => (countryStart[k + 1] = (countryStart[k] ?? 0) + c.devices));

	const events = outageEvents(input, days);
	const down = fleet.countries.map(() => [null, null] as (Float32Array | null)[]);
	const joint: (Float32Array | null)[] = fleet.countries.map(() => null);
	for (const event of events) {
		const slot = down[event.country]!;
		const target = (slot[event.carrier] ??= new Float32Array(days));
		addInterval(target, event.start, event.end);
	}
	// Both carriers down at once: a sweep over each country's outages sorted by start.
	const byCountry = fleet.countries.map(() => [[], []] as [OutageEvent[], OutageEvent[]]);
	for (const event of events) byCountry[event.country]![event.carrier].push(event);
	byCountry.forEach(([first, second], country) => {
		first.sort((a, b) => a.start - b.start);
		second.sort((a, b) => a.start - b.start);
		let from = 0;
		for (const a of first) {
			while (from < second.length && second[from]!.end <= a.start) from++;
			for (let j = from; j < second.length && second[j]!.start < a.end; j++) {
				const start = Math.max(a.start, second[j]!.start);
				const end = Math.min(a.end, second[j]!.end);
				if (end > start) addInterval((joint[country] ??= new Float32Array(days)), start, end);
			}
		}
	});
	for (const slot of down) for (const c of [0, 1]) slot[c] = clampFractions(slot[c] ?? null);

	const roamingBlockDay = fleet.countries.map((country) => {
		const forced = scenario.roamingEnforcements.find((e) => e.country === country.code);
		const day = forced ? forced.day : country.roamingBlockDay;
		return day !== null && day < days ? Math.max(0, day) : null;
	});
	const switchDay =
		scenario.switchYear === null
			? null
			: Math.min(days - 1, Math.max(0, Math.round((scenario.switchYear - 1) * 365)));
	const coreEvents = coreOutages(input, days);
	let core: Float32Array | null = null;
	for (const event of coreEvents)
		addInterval((core ??= new Float32Array(days)), event.start, event.end);
	return {
		days,
		months,
		countryStart,
		events,
		down,
		joint,
		switchDay,
		roamingBlockDay,
		coreEvents,
		core: clampFractions(core)
	};
}

/** A carrier's downtime plus the provider core's, at most the whole day. */
function withCore(carrier: Float32Array | null, core: Float32Array | null): Float32Array | null {
	if (!core) return carrier;
	if (!carrier) return core;
	return clampFractions(carrier.map((v, i) => v + core[i]!));
}

/** Overlapping outages on one carrier cannot take more than the whole day. */
function clampFractions(values: Float32Array | null): Float32Array | null {
	if (values) for (let i = 0; i < values.length; i++) values[i] = Math.min(1, values[i]!);
	return values;
}

/** Per-architecture state, kept so the inventory can answer for any device on any day. */
export interface ArchitecturePlan {
	architecture: Architecture;
	/** Per country, devices fitted with a local SIM before each day (null: no campaign there). */
	roamingVisited: (Int32Array | null)[];
	/** Per country, devices swapped to the new provider before each day (null: no swap campaign). */
	switchVisited: (Int32Array | null)[];
	/** Per country and day, devices not blocked and not cut off by the switch. */
	available: Int32Array[];
	/** Per country and day, share of available devices offline because of an outage. */
	outageShare: Float32Array[];
	/** Per country: fraction of each day a device on carrier 0 or 1 is offline through an outage. */
	outageLoss: [Float32Array | null, Float32Array | null][];
	capLagDays: number;
	switchDone: number | null;
	offline: Record<Cause, Float64Array>;
	offlineByCountry: Float64Array;
	costByDay: Float64Array;
	cost: CostBreakdown;
	fieldVisits: number;
	overageMb: Float64Array;
	/** Per day of an over-the-air switch, devices moved by the end of the day. */
	otaMoved: Float64Array | null;
	/** Per day, the share of the day every SIM is cut off because the shared pool ran dry. */
	poolCut: Float32Array | null;
}

function detectionDays(architecture: Architecture, input: SimulationInput) {
	const p = input.params;
	return (
		((architecture.realtimeData ? p.detectionHoursRealtime : p.detectionHoursDelayed) +
			p.responseHours) /
		24
	);
}

/** Field visits, first come first served at the team's daily capacity. */
function runVisitCampaigns(
	input: SimulationInput,
	world: SharedWorld,
	architecture: Architecture,
	plan: ArchitecturePlan
) {
	const { fleet, costs, params } = input;
	// A device cut off by a roaming block cannot wait for the next round: its cure is a trip of its
	// own. A planned switch is priced as the fleet says its visits are made.
	const cureVisit = visitPerDevice(costs, 'dedicated');
	const switchVisit = visitPerDevice(costs, fleet.siteVisits ?? 'dedicated');
	const jobs: {
		start: number;
		country: number;
		remaining: number;
		target: Int32Array;
		done: number;
		price: number;
	}[] = [];
	world.roamingBlockDay.forEach((day, k) => {
		const devices = fleet.countries[k]!.devices;
		if (day === null || architecture.localProfiles || devices === 0) return;
		const target = new Int32Array(world.days + 1);
		plan.roamingVisited[k] = target;
		const cure = architecture.otaCure[fleet.countries[k]!.code];
		if (cure !== undefined) {
			const lead =
				cure === 'available'
					? params.localProfileLeadDaysAvailable
					: params.localProfileLeadDaysOnRequest;
			// Cured over the air once the local operator is contracted: no visit, the whole country at once.
			const cureDay = day + Math.max(0, Math.round(lead));
			target.fill(devices, Math.min(world.days + 1, cureDay));
			if (cureDay < world.days)
				spend(plan, cureDay, 'overTheAir', devices * costs.otaProfileFeePerDevice);
			return;
		}
		jobs.push({ start: day, country: k, remaining: devices, target, done: 0, price: cureVisit });
	});
	if (world.switchDay !== null && !architecture.otaSwitch) {
		fleet.countries.forEach((country, k) => {
			if (country.devices === 0) return;
			const target = new Int32Array(world.days + 1);
			plan.switchVisited[k] = target;
			jobs.push({
				start: world.switchDay!,
				country: k,
				remaining: country.devices,
				target,
				done: 0,
				price: switchVisit
			});
		});
	}
	if (jobs.length === 0) return;
	jobs.sort((a, b) => a.start - b.start);
	const capacity = Math.max(1, Math.floor(params.fieldVisitsPerDay));
	let lastSwitchVisit: number | null = null;
	for (let day = jobs[0]!.start; day < world.days; day++) {
		let left = capacity;
		for (const job of jobs) {
			if (job.start > day) break;
			if (left === 0) break;
			const visits = Math.min(left, job.remaining);
			if (visits === 0) continue;
			job.remaining -= visits;
			job.done += visits;
			left -= visits;
			plan.fieldVisits += visits;
			spend(plan, day, 'fieldVisits', visits * job.price);
			if (plan.switchVisited[job.country] === job.target) lastSwitchVisit = day;
		}
		for (const job of jobs) job.target[day + 1] = job.done;
		if (left === capacity && jobs.every((j) => j.remaining === 0)) {
			for (const job of jobs) job.target.fill(job.done, day + 2);
			break;
		}
	}
	const switchJobs = jobs.filter((j) => plan.switchVisited[j.country] === j.target);
	if (switchJobs.length)
		plan.switchDone = switchJobs.every((j) => j.remaining === 0) ? lastSwitchVisit : null;
}

function planArchitecture(
	input: SimulationInput,
	world: SharedWorld,
	architecture: Architecture
): ArchitecturePlan {
	const { fleet, params } = input;
	const { days } = world;
	const plan: ArchitecturePlan = {
		architecture,
		roamingVisited: fleet.countries.map(() => null),
		switchVisited: fleet.countries.map(() => null),
		available: [],
		outageShare: [],
		outageLoss: [],
		capLagDays: detectionDays(architecture, input),
		switchDone: null,
		offline: Object.fromEntries(CAUSES.map((c) => [c, new Float64Array(days)])) as Record<
			Cause,
			Float64Array
		>,
		offlineByCountry: new Float64Array(fleet.countries.length),
		costByDay: new Float64Array(days),
		cost: { fieldVisits: 0, overTheAir: 0, doubleFees: 0, overage: 0, exitFees: 0 },
		fieldVisits: 0,
		overageMb: new Float64Array(world.months),
		otaMoved: null,
		poolCut: null
	};
	runVisitCampaigns(input, world, architecture, plan);

	// How long a device on a failed carrier stays offline: the failover time, or until people act.
	const lagDays = architecture.automaticFailover
		? params.failoverMinutes / 1440
		: detectionDays(architecture, input);
	fleet.countries.forEach((_, k) => {
		if (architecture.networksPerMarket === 1) {
			plan.outageLoss.push([withCore(world.down[k]![0] ?? null, world.core), null]);
			return;
		}
		const loss: [Float32Array | null, Float32Array | null] = [null, null];
		// The provider's core takes both networks down for the whole outage: no failover helps.
		if (world.core) for (const c of [0, 1] as const) loss[c] = Float32Array.from(world.core);
		for (const event of world.events) {
			if (event.country !== k) continue;
			const target = (loss[event.carrier] ??= new Float32Array(days));
			addInterval(target, event.start, Math.min(event.end, event.start + lagDays));
		}
		clampFractions(loss[0]);
		clampFractions(loss[1]);
		plan.outageLoss.push(loss);
	});

	const overlapEnd = world.switchDay === null ? null : world.switchDay + architecture.overlapDays;
	fleet.countries.forEach((country, k) => {
		const n = country.devices;
		const available = new Int32Array(days);
		const share = new Float32Array(days);
		const blockDay = world.roamingBlockDay[k];
		const roamingVisited = plan.roamingVisited[k];
		const switchVisited = plan.switchVisited[k];
		const [loss0, loss1] = plan.outageLoss[k]!;
		const joint = architecture.networksPerMarket === 2 ? world.joint[k] : null;
		let byCountry = 0;
		for (let day = 0; day < days; day++) {
			const fine = roamingVisited && blockDay != null && day >= blockDay ? roamingVisited[day]! : n;
			const switched =
				switchVisited && overlapEnd !== null && day >= overlapEnd ? switchVisited[day]! : n;
			const firstOffline = Math.min(fine, switched);
			const roamingOff = n - fine;
			const switchOff = fine - firstOffline;
			let outageOff: number;
			if (architecture.networksPerMarket === 1) {
				outageOff = firstOffline * (loss0?.[day] ?? 0);
			} else {
				const onFirst = Math.ceil(firstOffline / 2);
				outageOff =
					onFirst * (loss0?.[day] ?? 0) +
					(firstOffline - onFirst) * (loss1?.[day] ?? 0) +
					firstOffline * (joint?.[day] ?? 0);
				outageOff = Math.min(firstOffline, outageOff);
			}
			available[day] = firstOffline;
			share[day] = firstOffline > 0 ? outageOff / firstOffline : 0;
			plan.offline.roaming[day]! += roamingOff;
			plan.offline.switch[day]! += switchOff;
			plan.offline.outage[day]! += outageOff;
			byCountry += roamingOff + switchOff + outageOff;
		}
		plan.available.push(available);
		plan.outageShare.push(share);
		plan.offlineByCountry[k] = byCountry;
	});

	intermittentBlocks(input, world, plan, lagDays);

	if (world.switchDay !== null) {
		spend(plan, world.switchDay, 'exitFees', architecture.exitFee);
		if (architecture.otaSwitch) otaCampaign(input, world, plan);
		doubleFees(input, world, plan);
	}
	return plan;
}

/**
 * Intermittent blocks on a foreign SIM (Russia): its hours offline on arrival, and again for the
 * devices that change network when their carrier fails. No site visit; a local profile avoids it.
 */
function intermittentBlocks(
	input: SimulationInput,
	world: SharedWorld,
	plan: ArchitecturePlan,
	lagDays: number
) {
	const { architecture } = plan;
	input.fleet.countries.forEach((country, k) => {
		const hours = country.intermittentHours;
		const n = country.devices;
		if (hours === undefined || hours <= 0 || n === 0) return;
		if (architecture.localProfiles || country.code in architecture.otaCure) return;
		const blocked = new Float32Array(world.days);
		addInterval(blocked, 0, hours / 24, n);
		if (architecture.networksPerMarket === 2) {
			const onFirst = Math.ceil(n / 2);
			for (const event of world.events) {
				if (event.country !== k) continue;
				const start = event.start + lagDays;
				addInterval(
					blocked,
					start,
					start + hours / 24,
					event.carrier === 0 ? onFirst : n - onFirst
				);
			}
		}
		for (let day = 0; day < world.days; day++) {
			const lost = Math.min(blocked[day]!, n);
			if (lost <= 0) continue;
			plan.offline.roaming[day]! += lost;
			plan.offlineByCountry[k]! += lost;
		}
	});
}

function spend(plan: ArchitecturePlan, day: number, cause: keyof CostBreakdown, amount: number) {
	if (amount === 0) return;
	plan.costByDay[day] = (plan.costByDay[day] ?? 0) + amount;
	plan.cost[cause] += amount;
}

/**
 * During the overlap the old provider still bills every device already moved to the new one: one
 * day's fee (a month's fee / 30) per device moved by the end of each overlap day.
 */
function doubleFees(input: SimulationInput, world: SharedWorld, plan: ArchitecturePlan) {
	const end = Math.min(
		world.days,
		world.switchDay! + Math.max(0, Math.round(plan.architecture.overlapDays))
	);
	// The exit payout already pays the old provider for its months: only the notice beyond them is paid twice.
	const start = world.switchDay! + Math.max(0, Math.round(plan.architecture.exitPaidDays));
	const perDay = input.costs.monthlyFeePerDevice / DAYS_PER_MONTH;
	for (let day = start; day < end; day++) {
		let moved = 0;
		if (plan.architecture.otaSwitch) moved = plan.otaMoved?.[day] ?? 0;
		else for (const visited of plan.switchVisited) moved += visited?.[day + 1] ?? 0;
		spend(plan, day, 'doubleFees', moved * perDay);
	}
}

/**
 * An over-the-air switch: the eIM or SM-SR moved first where the provider holds it, then a few
 * minutes offline per device, paced by the campaign's daily reach, and a site visit for each device
 * the campaign cannot reach (paced by the field team; it keeps the old service meanwhile).
 */
function otaCampaign(input: SimulationInput, world: SharedWorld, plan: ArchitecturePlan) {
	const { fleet, params, costs } = input;
	const perDevice = params.otaOfflineMinutes / 1440;
	if (plan.architecture.eimMove) spend(plan, world.switchDay!, 'overTheAir', costs.eimMoveFixed);
	let remaining = fleet.devices;
	let day = world.switchDay!;
	for (; remaining > 0 && day < world.days; day++) {
		const today = Math.min(remaining, Math.max(1, Math.floor(params.otaDevicesPerDay)));
		remaining -= today;
		plan.offline.switch[day]! += today * perDevice;
		spend(plan, day, 'overTheAir', today * costs.otaProfileFeePerDevice);
		(plan.otaMoved ??= new Float64Array(world.days))[day] = fleet.devices - remaining;
	}
	plan.otaMoved?.fill(fleet.devices - remaining, day);
	fleet.countries.forEach((c, k) => (plan.offlineByCountry[k]! += c.devices * perDevice));
	plan.switchDone = remaining === 0 ? day - 1 : null;

	let missed = Math.round(fleet.devices * costs.otaFailureShare);
	const perVisit = visitPerDevice(costs, fleet.siteVisits ?? 'dedicated');
	const capacity = Math.max(1, Math.floor(params.fieldVisitsPerDay));
	for (let visitDay = world.switchDay!; missed > 0 && visitDay < world.days; visitDay++) {
		const visits = Math.min(missed, capacity);
		missed -= visits;
		plan.fieldVisits += visits;
		spend(plan, visitDay, 'fieldVisits', visits * perVisit);
	}
}

/** What moving the devices costs, as the results' cost model prices it (costs.ts): visits or an over-the-air campaign. */
function switchOnlyCost(input: SimulationInput, architecture: Architecture): number {
	const { fleet, costs } = input;
	const perVisit = visitPerDevice(costs, fleet.siteVisits ?? 'dedicated');
	if (!architecture.otaSwitch) return fleet.devices * perVisit;
	return (
		fleet.devices * costs.otaProfileFeePerDevice +
		(architecture.eimMove ? costs.eimMoveFixed : 0) +
		Math.round(fleet.devices * costs.otaFailureShare) * perVisit
	);
}

/** A device's data use in a month: typical use, a lasting device factor and monthly noise. */
export function monthlyUsage(
	input: SimulationInput,
	device: number,
	month: number,
	deviceFactor?: number
) {
	const sigma = input.params.usageSpread;
	const lasting = deviceFactor ?? normal(input.seed, device, 0);
	return (
		input.fleet.monthlyMbPerDevice *
		Math.exp(sigma * (0.8 * lasting + 0.6 * normal(input.seed, device, month + 1)))
	);
}

export function allowanceMb(input: SimulationInput) {
	return input.fleet.monthlyMbPerDevice * input.params.allowanceFactor;
}

/** The day in a month a device's use passes its allowance, and for how long it is then cut off. */
export function capCutOff(usage: number, allowance: number, lagDays: number) {
	const firstDay = Math.floor((DAYS_PER_MONTH * allowance) / usage);
	return { firstDay, days: Math.min(DAYS_PER_MONTH - firstDay, lagDays) };
}

/** The one loop over devices: per-SIM caps and data use, for both architectures at once. */
function deviceMonths(
	input: SimulationInput,
	world: SharedWorld,
	plans: ArchitecturePlan[],
	usageByMonth: Float64Array,
	onProgress?: (fraction: number) => void
) {
	const { fleet } = input;
	const allowance = allowanceMb(input);
	const blocking = plans.filter((p) => p.architecture.dataPlan === 'per_sim_block');
	const continuing = plans.filter((p) => p.architecture.dataPlan === 'per_sim_continue');
	const total = fleet.devices;
	const step = Math.max(1, Math.floor(total / 50));
	fleet.countries.forEach((country, k) => {
		const first = world.countryStart[k]!;
		for (let rank = 0; rank < country.devices; rank++) {
			const device = first + rank;
			const lasting = normal(input.seed, device, 0);
			for (let month = 0; month < world.months; month++) {
				const usage = monthlyUsage(input, device, month, lasting);
				usageByMonth[month]! += usage;
				if (usage <= allowance) continue;
				for (const plan of continuing) plan.overageMb[month]! += usage - allowance;
				for (const plan of blocking) {
					const cut = capCutOff(usage, allowance, plan.capLagDays);
					const start = month * DAYS_PER_MONTH + cut.firstDay;
					for (let j = 0; j < Math.ceil(cut.days); j++) {
						const day = start + j;
						if (day >= world.days) break;
						if (rank >= plan.available[k]![day]!) continue;
						const part = Math.min(1, cut.days - j) * (1 - plan.outageShare[k]![day]!);
						plan.offline.dataCap[day]! += part;
						plan.offlineByCountry[k]! += part;
					}
				}
			}
			if (onProgress && device % step === 0) onProgress(device / total);
		}
	});
}

function poolAndOverage(
	input: SimulationInput,
	world: SharedWorld,
	plan: ArchitecturePlan,
	usageByMonth: Float64Array
) {
	const { fleet, params } = input;
	const pool = fleet.devices * allowanceMb(input);
	for (let month = 0; month < world.months; month++) {
		const used = usageByMonth[month]!;
		const plan_ = plan.architecture.dataPlan;
		if (plan_ === 'pooled') plan.overageMb[month]! += Math.max(0, used - pool);
		if (plan_ === 'pooled_block' && used > pool) {
			// The whole pool runs dry: every SIM is cut off until someone tops it up.
			const cut = capCutOff(used, pool, plan.capLagDays);
			const start = month * DAYS_PER_MONTH + cut.firstDay;
			for (let j = 0; j < Math.ceil(cut.days); j++) {
				const day = start + j;
				if (day >= world.days) break;
				const part = Math.min(1, cut.days - j);
				(plan.poolCut ??= new Float32Array(world.days))[day] = part;
				fleet.countries.forEach((_, k) => {
					const lost = plan.available[k]![day]! * (1 - plan.outageShare[k]![day]!) * part;
					plan.offline.dataCap[day]! += lost;
					plan.offlineByCountry[k]! += lost;
				});
			}
		}
		const cost = plan.overageMb[month]! * params.overagePerMb;
		if (cost > 0) {
			const day = Math.min(world.days - 1, month * DAYS_PER_MONTH + DAYS_PER_MONTH - 1);
			spend(plan, day, 'overage', cost);
		}
	}
}

function finish(
	input: SimulationInput,
	world: SharedWorld,
	plan: ArchitecturePlan
): ArchitectureRun {
	const { fleet } = input;
	const online = new Float64Array(world.days);
	const cumulativeCost = new Float64Array(world.days);
	const offlineTotals = Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
	let spent = 0;
	let onlineSum = 0;
	for (let day = 0; day < world.days; day++) {
		let off = 0;
		for (const cause of CAUSES) {
			off += plan.offline[cause][day]!;
			offlineTotals[cause]! += plan.offline[cause][day]!;
		}
		online[day] = fleet.devices - off;
		onlineSum += online[day]!;
		spent += plan.costByDay[day]!;
		cumulativeCost[day] = spent;
	}
	const totalOffline = CAUSES.reduce((sum, c) => sum + offlineTotals[c], 0);
	const c = plan.cost;
	const cost = {
		...c,
		total: c.fieldVisits + c.overTheAir + c.doubleFees + c.overage + c.exitFees
	};
	const switchCost =
		world.switchDay === null
			? null
			: {
					startDay: world.switchDay,
					days:
						plan.switchDone === null
							? world.days - world.switchDay
							: plan.switchDone - world.switchDay + 1,
					cost:
						plan.architecture.exitFee +
						plan.cost.doubleFees +
						switchOnlyCost(input, plan.architecture)
				};
	return {
		architecture: plan.architecture,
		series: { online, offline: plan.offline, cumulativeCost },
		totals: {
			offlineDeviceDays: { ...offlineTotals, total: totalOffline },
			offlineByCountry: Object.fromEntries(
				fleet.countries.map((c, k) => [c.code, plan.offlineByCountry[k]!])
			),
			cost,
			fieldVisits: plan.fieldVisits,
			switch: switchCost,
			exposedDevices: plan.architecture.privateNetwork ? 0 : fleet.devices,
			availability: fleet.devices > 0 ? onlineSum / (fleet.devices * world.days) : 1
		}
	};
}

export interface SimulationState {
	input: SimulationInput;
	world: SharedWorld;
	plans: { assessed: ArchitecturePlan; recommended: ArchitecturePlan };
}

/**
 * Runs both architectures over the fleet's lifetime against the same outages and the same data
 * use (common random numbers), so any difference comes from the architecture, not from luck.
 * Memory grows with countries x days, not with devices: a million devices fit.
 */
export function simulate(
	input: SimulationInput,
	onProgress?: (fraction: number) => void
): { result: SimulationResult; state: SimulationState } {
	const world = prepareWorld(input);
	const assessed = planArchitecture(input, world, input.architectures.assessed);
	const recommended = planArchitecture(input, world, input.architectures.recommended);
	const usageByMonth = new Float64Array(world.months);
	deviceMonths(input, world, [assessed, recommended], usageByMonth, onProgress);
	for (const plan of [assessed, recommended]) poolAndOverage(input, world, plan, usageByMonth);
	onProgress?.(1);
	return {
		result: {
			days: world.days,
			devices: input.fleet.devices,
			outageEvents: world.events.length + world.coreEvents.length,
			assessed: finish(input, world, assessed),
			recommended: finish(input, world, recommended)
		},
		state: { input, world, plans: { assessed, recommended } }
	};
}
