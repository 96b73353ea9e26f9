import type { CostKey, SimulationKey } from '../rules/schema';
import type { SiteVisitKind } from '../scoring/visit-cost';

export type DataPlan =
	/** One pool; devices are never cut off, overage is billed. */
	| 'pooled'
	/** One pool; when it runs out every SIM is cut off. */
	| 'pooled_block'
	/** Per-SIM allowance; service continues past it and the excess is billed (or throttled). */
	| 'per_sim_continue'
	/** Per-SIM allowance; the SIM is cut off until someone acts or the month ends. */
	| 'per_sim_block';

/** An architecture as the simulation sees it: a few switches derived from the answers. */
export interface Architecture {
	label: string;
	/** How sentences name it, e.g. "the assessed offer". */
	subject: string;
	networksPerMarket: 1 | 2;
	automaticFailover: boolean;
	otaSwitch: boolean;
	localProfiles: boolean;
	/**
	 * Countries whose roaming block is cured over the air with a local profile, and whether that
	 * profile is in the offer (`available`) or must first be contracted (`on_request`): the lead
	 * times are simulation parameters. Elsewhere the cure is a site visit. Ignored where
	 * `localProfiles` holds (never blocked).
	 */
	otaCure: Record<string, LocalProfileCure>;
	dataPlan: DataPlan;
	realtimeData: boolean;
	privateNetwork: boolean;
	/** Paid when the fleet leaves the provider. */
	exitFee: number;
	/** Days the old provider keeps serving and billing after a switch starts (the notice period). */
	overlapDays: number;
	/** Days of fees the exit payout already covers: the old provider's bill in them is not paid twice. */
	exitPaidDays: number;
	/** A switch must first move the eUICCs' eIM or SM-SR away from this provider. */
	eimMove: boolean;
}

export type LocalProfileCure = 'available' | 'on_request';

export interface SimulationCountry {
	code: string;
	name: string;
	devices: number;
	/** Day a roaming-only SIM is blocked there, or null where no block is known. */
	roamingBlockDay: number | null;
	/**
	 * Hours a foreign SIM loses data on arrival and after every network change, where the country
	 * blocks intermittently (Russia); absent elsewhere. No site visit cures it.
	 */
	intermittentHours?: number;
}

export interface SimulationFleet {
	devices: number;
	/** Whether SIM swaps ride on routine rounds; absent: priced as dedicated trips. */
	siteVisits?: SiteVisitKind;
	countries: SimulationCountry[];
	lifetimeYears: number;
	monthlyMbPerDevice: number;
}

export interface Scenario {
	/** Outages of the main carrier, on top of the random ones. */
	outages: { country: string; startDay: number; days: number }[];
	/** Roaming enforcement from a chosen day, replacing the dataset's day for that country. */
	roamingEnforcements: { country: string; day: number }[];
	/** Leave the provider in this year of the lifetime (1 = first year), or never. */
	switchYear: number | null;
}

export type SimulationParams = Record<SimulationKey, number>;
export type CostValues = Record<CostKey, number>;

export interface SimulationInput {
	seed: number;
	fleet: SimulationFleet;
	costs: CostValues;
	params: SimulationParams;
	architectures: { assessed: Architecture; recommended: Architecture };
	scenario: Scenario;
}

export const CAUSES = ['roaming', 'switch', 'outage', 'dataCap'] as const;
export type Cause = (typeof CAUSES)[number];

export interface ArchitectureSeries {
	online: Float64Array;
	offline: Record<Cause, Float64Array>;
	/** Money spent so far, per day. */
	cumulativeCost: Float64Array;
}

export interface CostBreakdown {
	/** Site visits: roaming cures and provider switches by hand. */
	fieldVisits: number;
	/** Profile downloads over the air: local profiles and a switch to the new provider. */
	overTheAir: number;
	/** The old provider's fee still paid for devices already moved during the overlap. */
	doubleFees: number;
	/** Data above the allowance. */
	overage: number;
	/** Exit payouts when leaving the provider. */
	exitFees: number;
}

export interface ArchitectureTotals {
	offlineDeviceDays: Record<Cause, number> & { total: number };
	/** Offline device-days per country, for the summary ("88% in Turkey and Brazil"). */
	offlineByCountry: Record<string, number>;
	/** Money spent, by cause; `total` is their sum. */
	cost: CostBreakdown & { total: number };
	fieldVisits: number;
	switch: { startDay: number; days: number; cost: number } | null;
	exposedDevices: number;
	availability: number;
}

export interface ArchitectureRun {
	architecture: Architecture;
	series: ArchitectureSeries;
	totals: ArchitectureTotals;
}

export interface SimulationResult {
	days: number;
	devices: number;
	outageEvents: number;
	assessed: ArchitectureRun;
	recommended: ArchitectureRun;
}
