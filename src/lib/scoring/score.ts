import type { AssessmentContent } from '../assessment/schema';
import type { Rules } from '../rules/load';
import { NOT_SURE, type Area, type Capability, type Rating, type Ruleset } from '../rules/schema';
import { offerCapabilities, type OfferCapabilities } from './capabilities';
import { switchingCost } from './costs';
import { roamingExposure } from './roaming';
import type {
	ArchitectureComparison,
	AreaScore,
	AskVendorItem,
	Finding,
	LockInSignStatus,
	ScoreResult
} from './types';

/** The parts of an assessment scoring reads. */
export type Scorable = Pick<AssessmentContent, 'fleet' | 'answers' | 'costs'>;

export function ratingFor(score: number, thresholds: Ruleset['ratingThresholds']): Rating {
	if (score >= thresholds.critical) return 'critical';
	if (score >= thresholds.high) return 'high';
	if (score >= thresholds.moderate) return 'moderate';
	return 'low';
}

const roundScore = (n: number) => Math.round(n * 10) / 10;

interface AnsweredQuestion {
	risk: number;
	weight: number;
	label: string;
	notSure: boolean;
}

function answeredQuestion(
	ruleset: Ruleset,
	question: Area['questions'][number],
	option: string | undefined
): AnsweredQuestion | null {
	if (option === undefined) return null;
	if (option === NOT_SURE) {
		return { risk: ruleset.notSure.risk, weight: question.weight, label: ruleset.notSure.label, notSure: true };
	}
	const chosen = question.options.find((o) => o.id === option);
	// An answer to an option removed in a later ruleset no longer counts; the question shows as open.
	if (!chosen) return null;
	return { risk: chosen.risk, weight: question.weight, label: chosen.label, notSure: false };
}

function scoreAreas(ruleset: Ruleset, assessment: Scorable) {
	const areas: AreaScore[] = [];
	const findings: Finding[] = [];
	const askVendor: AskVendorItem[] = [];
	for (const area of ruleset.areas) {
		let weighted = 0;
		let weights = 0;
		let answered = 0;
		let notSure = 0;
		for (const question of area.questions) {
			const answer = answeredQuestion(ruleset, question, assessment.answers[question.id]?.option);
			if (!answer) continue;
			answered += 1;
			weighted += answer.weight * answer.risk;
			weights += answer.weight;
			if (answer.notSure) {
				notSure += 1;
				askVendor.push({
					questionId: question.id,
					areaId: area.id,
					question: question.text,
					ask: question.askVendor,
					why: question.why
				});
			}
			if (answer.risk >= ruleset.findingRiskThreshold) {
				findings.push({
					id: `answer:${question.id}`,
					kind: 'answer',
					severity: answer.risk >= ruleset.highRiskThreshold ? 'high' : 'medium',
					title: question.text,
					detail: answer.notSure
						? 'You are not sure. Until the vendor answers, this counts as a risk.'
						: `Answer: ${answer.label}`,
					recommendation: question.recommendation,
					impact: area.weight * answer.weight * answer.risk,
					areaId: area.id,
					questionId: question.id,
					answer: answer.label,
					notSure: answer.notSure
				});
			}
		}
		const score = weights > 0 ? roundScore((100 * weighted) / weights) : null;
		areas.push({
			id: area.id,
			title: area.title,
			score,
			rating: score === null ? null : ratingFor(score, ruleset.ratingThresholds),
			answered,
			notSure,
			total: area.questions.length
		});
	}
	return { areas, findings, askVendor };
}

function lockInSigns(rules: Rules, assessment: Scorable): LockInSignStatus[] {
	const { ruleset } = rules;
	return ruleset.lockInSigns.map((sign) => {
		const answers = sign.questions.map((id) => {
			const question = rules.questionsById.get(id);
			return question ? answeredQuestion(ruleset, question, assessment.answers[id]?.option) : null;
		});
		const isRisky = (a: AnsweredQuestion | null) => !!a && !a.notSure && a.risk >= ruleset.findingRiskThreshold;
		const risky = answers.filter(isRisky).length;
		const unknown = answers.some((a) => a === null || a.notSure);
		// Present only when every question behind the sign says so; one risky answer is "partly".
		const status: LockInSignStatus['status'] =
			risky === answers.length ? 'present' : risky > 0 ? 'partly' : unknown ? 'unknown' : 'absent';
		return {
			id: sign.id,
			text: sign.text,
			status,
			questions: sign.questions
		};
	});
}

function architecture(ruleset: Ruleset, capabilities: OfferCapabilities): ArchitectureComparison[] {
	const open = (c: Capability) => capabilities.unconfirmed.has(c) || capabilities.unanswered.has(c);
	return ruleset.architecture.map((element) => {
		const have = element.requires.filter((c) => capabilities.proven.has(c));
		const missing = element.requires.filter((c) => !capabilities.proven.has(c));
		const alternatives = element.requiresAny ?? [];
		const chosen = alternatives.filter((c) => capabilities.proven.has(c));
		// Of the alternatives one is enough: they are missing only when none is present.
		have.push(...chosen);
		const missingOneOf = alternatives.length > 0 && chosen.length === 0 ? alternatives : [];
		return {
			id: element.id,
			title: element.title,
			description: element.description,
			status:
				missing.length === 0 && missingOneOf.length === 0 ? 'met' : have.length > 0 ? 'partial' : 'missing',
			have,
			missing,
			missingOneOf,
			unconfirmed: [...missing, ...missingOneOf].filter(open)
		};
	});
}

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2 } as const;

/**
 * Scores an assessment against the rules. Pure and deterministic: the same rules and
 * assessment always give the same result, whatever order the answers were stored in.
 */
export function score(rules: Rules, assessment: Scorable): ScoreResult {
	const { ruleset } = rules;
	const { areas, findings, askVendor } = scoreAreas(ruleset, assessment);
	const capabilities = offerCapabilities(rules, assessment.answers);
	const roaming = roamingExposure(rules, assessment.fleet, capabilities);

	let areaWeighted = 0;
	let areaWeights = 0;
	for (const area of areas) {
		if (area.score === null) continue;
		const weight = ruleset.areas.find((a) => a.id === area.id)?.weight ?? 1;
		areaWeighted += weight * area.score;
		areaWeights += weight;
	}
	const answersScore = areaWeights > 0 ? roundScore(areaWeighted / areaWeights) : 0;

	const critical = roaming.filter((r) => r.severity === 'critical');
	const topImpact = Math.max(0, ...findings.map((f) => f.impact));
	for (const exposure of roaming) {
		if (exposure.severity !== 'critical' && exposure.severity !== 'warning') continue;
		const isCritical = exposure.severity === 'critical';
		findings.push({
			id: `roaming:${exposure.country}`,
			kind: 'roaming',
			severity: isCritical ? 'critical' : 'high',
			title: isCritical
				? `${exposure.name}: devices on roaming SIMs will be cut off`
				: `${exposure.name}: permanent roaming depends on approval or carrier terms`,
			detail: `${exposure.summary} ${exposure.byWhen}. ${exposure.mitigationNote}`,
			recommendation: isCritical
				? `Require local operator profiles (eUICC) for ${exposure.name} in the contract, with a date, before deploying ${exposure.devices.toLocaleString('en')} devices there.`
				: `Ask the vendor how they meet ${exposure.name}'s rules for permanently deployed devices, in writing.`,
			impact: topImpact + (isCritical ? 2 : 1) * (1 + exposure.devices / Math.max(1, assessment.fleet.devices)),
			country: exposure.country
		});
	}
	findings.sort(
		(a, b) =>
			SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
			b.impact - a.impact ||
			a.id.localeCompare(b.id)
	);

	// A roaming block ends service whatever else the offer does well, so it sets a floor.
	let overallScore = answersScore;
	let raisedBy: string | null = null;
	if (critical.length > 0 && answersScore < ruleset.ratingThresholds.critical) {
		overallScore = ruleset.ratingThresholds.critical;
		raisedBy = `Permanent-roaming exposure in ${critical.map((r) => r.name).join(', ')} without local profiles`;
	}

	const total = ruleset.areas.reduce((sum, a) => sum + a.questions.length, 0);
	const answered = areas.reduce((sum, a) => sum + a.answered, 0);
	const notSure = areas.reduce((sum, a) => sum + a.notSure, 0);
	const areaFactor = (id: string) => {
		const area = areas.find((a) => a.id === id);
		return area?.score === null || area === undefined
			? { factor: ruleset.notSure.risk, assumed: true }
			: { factor: area.score / 100, assumed: false };
	};
	const platform = areaFactor(rules.costs.exitFactorAreas.platform);
	const contract = areaFactor(rules.costs.exitFactorAreas.contract);

	return {
		rulesetVersion: ruleset.version,
		overall: {
			score: overallScore,
			rating: ratingFor(overallScore, ruleset.ratingThresholds),
			answersScore,
			raisedBy,
			provisional: answered < total
		},
		completeness: { answered, notSure, total },
		areas,
		findings,
		askVendor,
		roaming,
		lockInSigns: lockInSigns(rules, assessment),
		architecture: architecture(ruleset, capabilities),
		capabilities: {
			proven: [...capabilities.proven].sort(),
			unconfirmed: [...capabilities.unconfirmed].sort(),
			unanswered: [...capabilities.unanswered].sort()
		},
		switchingCost: switchingCost(rules, assessment.fleet, assessment.costs, capabilities, {
			platform: platform.factor,
			contract: contract.factor,
			platformAssumed: platform.assumed,
			contractAssumed: contract.assumed
		})
	};
}
