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
	kind: 'answer' | 'roaming';
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

export type RoamingMitigation = 'local_profiles' | 'not_proven' | 'none' | 'not_needed';

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
	confidence: Confidence;
	sources: string[];
	reviewed: string;
}

export interface LockInSignStatus {
	id: string;
	text: string;
	status: 'present' | 'partly' | 'absent' | 'unknown';
	questions: string[];
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
	formula: string;
	reason: string;
}

export interface SwitchingCost {
	currency: string;
	total: number;
	lines: CostLine[];
	assumptions: CostAssumption[];
}

export interface ScoreResult {
	rulesetVersion: string;
	overall: {
		score: number;
		rating: Rating;
		/** The answers' weighted score before any roaming floor. */
		answersScore: number;
		raisedBy: string | null;
		provisional: boolean;
	};
	completeness: { answered: number; notSure: number; total: number };
	areas: AreaScore[];
	findings: Finding[];
	askVendor: AskVendorItem[];
	roaming: RoamingExposure[];
	lockInSigns: LockInSignStatus[];
	architecture: ArchitectureComparison[];
	capabilities: { proven: Capability[]; unconfirmed: Capability[]; unanswered: Capability[] };
	switchingCost: SwitchingCost;
}
