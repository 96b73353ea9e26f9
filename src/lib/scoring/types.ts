import type {
	AreaId,
	Capability,
	Confidence,
	CostKey,
	Rating,
	RestrictionKind
} from '../rules/schema';

export type Severity = 'critical' | 'high' | 'medium';

export interface AreaScore {
	id: AreaId;
	title: string;
	/** 0-100, null while no question of the area is answered. */
	score: number | null;
	rating: Rating | null;
	answered: number;
	notSure: number;
	total: number;
}

export interface Finding {
	id: string;
	kind: 'answer' | 'roaming' | 'conflict';
	severity: Severity;
	title: string;
	detail: string;
	recommendation: string;
	/** Ranking weight: area weight x question weight x risk, or above every answer for roaming. */
	impact: number;
	areaId?: AreaId;
	questionId?: string;
	answer?: string;
	notSure?: boolean;
	country?: string;
}

export interface AskVendorItem {
	questionId: string;
	areaId: AreaId;
	question: string;
	ask: string;
	why: string;
}

export type RoamingMitigation = 'local_profiles' | 'on_request' | 'not_proven' | 'none' | 'not_needed';

export interface RoamingExposure {
	country: string;
	name: string;
	devices: number;
	kind: RestrictionKind;
	restricted: boolean;
	severity: 'critical' | 'warning' | 'info' | 'none';
	afterDays: number | null;
	/** Plain words: when the rule bites relative to the fleet's lifetime. */
	byWhen: string;
	summary: string;
	whatHappens: string;
	mitigated: boolean;
	mitigation: RoamingMitigation;
	mitigationNote: string;
	/** The per-country local-profile answer (ruleset 2.0.0 on), or null where none is asked. */
	localProfile: 'available' | 'on_request' | 'none' | 'not_sure' | 'open' | null;
	/** The minimum rating this country forces on the offer, after the confidence limit. */
	forces: Rating | null;
	confidence: Confidence;
	sources: string[];
	reviewed: string;
}

export interface SignEvidence {
	questionId: string;
	/** Said from the answer itself: its finding, the "not sure" finding, or the answer's words. */
	statement: string;
	risky: boolean;
	open: boolean;
}

export interface LockInSignStatus {
	id: string;
	title: string;
	text: string;
	status: 'present' | 'partly' | 'absent' | 'unknown';
	questions: string[];
	evidence: SignEvidence[];
}

/** Why the rating is at least what it is: one entry per rule, band or country that applies. */
export interface AppliedFloor {
	id: string;
	rating: Rating;
	reason: string;
	confidence: Confidence;
	source: 'answers' | 'cost' | 'roaming';
	/** True when this floor lifts the rating above what the answers alone give. */
	raises: boolean;
}

export interface AnswerConflict {
	id: string;
	/** The doubted answer: scored as "not sure" until resolved. */
	claim: { questionId: string; option: string; label: string };
	contradictedBy: { questionId: string; option: string; label: string };
	message: string;
}

export interface ArchitectureComparison {
	id: string;
	title: string;
	description: string;
	status: 'met' | 'partial' | 'missing';
	have: Capability[];
	missing: Capability[];
	/** Alternatives of which the offer has none, and needs one ("private APN or Zero Trust"). */
	missingOneOf: Capability[];
	/** Missing capabilities the offer might still have: answered "not sure", or not answered yet. */
	unconfirmed: Capability[];
}

export interface CostAssumption {
	key: CostKey;
	label: string;
	value: number;
	defaultValue: number;
	unit: string;
	basis: string;
	confidence: Confidence;
	sources: string[];
	overridden: boolean;
}

export interface CostLine {
	id: 'sim_swap' | 'platform_exit' | 'contract_exit';
	label: string;
	amount: number;
	applies: boolean;
	/** The amount rests on questions not answered yet (assumed at their worst), not on answers. */
	assumed: boolean;
	formula: string;
	reason: string;
}

export interface CostEstimate {
	/** Rounded to two significant figures: the precision the assumptions allow. */
	total: number;
	low: number;
	high: number;
	perDevice: number;
	perDeviceLow: number;
	perDeviceHigh: number;
}

export interface SwitchingCost {
	currency: string;
	/** Exact sum of the lines, so the formulas shown reproduce it. */
	total: number;
	lines: CostLine[];
	assumptions: CostAssumption[];
	/**
	 * What the cost bands read: only lines that rest on answers given (open questions are the
	 * provisional range's business), and per device only the costs that grow with each device.
	 */
	rated: { total: number; perDevice: number };
	/** What to show: rounded, with a low-high range from the assumptions' ranges. */
	estimate: CostEstimate;
}

export interface ScoreResult {
	rulesetVersion: string;
	overall: {
		score: number;
		rating: Rating;
		/** The answers' weighted score before any floor. */
		answersScore: number;
		answersRating: Rating;
		/** Every floor that applies, highest first; `raises` marks those above the answers' rating. */
		floors: AppliedFloor[];
		/** The first raising floor's reason, for older clients; read `floors` instead. */
		raisedBy: string | null;
		/** Questions are still open: the final score will lie within `range`. */
		provisional: boolean;
		/** [min, max] of the final score with the open questions at their best and worst answers. */
		range: [number, number] | null;
	};
	completeness: { answered: number; notSure: number; total: number };
	conflicts: AnswerConflict[];
	areas: AreaScore[];
	findings: Finding[];
	askVendor: AskVendorItem[];
	roaming: RoamingExposure[];
	lockInSigns: LockInSignStatus[];
	architecture: ArchitectureComparison[];
	capabilities: { proven: Capability[]; unconfirmed: Capability[]; unanswered: Capability[] };
	switchingCost: SwitchingCost;
}
