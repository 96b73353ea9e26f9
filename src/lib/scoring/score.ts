import { localProfileQuestions, type LocalProfileQuestion } from '../assessment/local-profiles';
import type { Answer, AssessmentContent } from '../assessment/schema';
import type { Rules } from '../rules/load';
import {
	NOT_SURE,
	type Area,
	type Capability,
	type Question,
	type Rating,
	type Ruleset
} from '../rules/schema';
import { formatNumber } from '../format/locale-format';
import { m } from '../paraglide/messages';
import type { RuleLocale } from '../rules/locales';
import { confidenceWord } from '../rules/restrictions';
import { fill, listWords } from '../text/template';
import { findConflicts, notSureRisk, scoredAnswers } from './answers';
import { offerCapabilities, type OfferCapabilities } from './capabilities';
import { DEFAULT_CURRENCY, switchingCost } from './costs';
import { legacySwitchingCost, type LegacyExitFactors } from './costs-legacy';
import type { LegacyCostsFile } from '../rules/legacy-costs';
import { applyFloors, maxRating } from './floors';
import { regulationsFor } from './regulations';
import { roamingExposure } from './roaming';
import type {
	AnswerConflict,
	ArchitectureComparison,
	AreaScore,
	AskVendorItem,
	Finding,
	LockInSignStatus,
	ScoreResult,
	SignEvidence
} from './types';

/** The parts of an assessment scoring reads. */
export type Scorable = Pick<
	AssessmentContent,
	'fleet' | 'answers' | 'costs' | 'buyerCountry' | 'currency'
>;

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
	option: Question['options'][number] | null;
}

function answeredQuestion(
	ruleset: Ruleset,
	question: Area['questions'][number],
	option: string | undefined,
	doubtedRisk?: number
): AnsweredQuestion | null {
	if (option === undefined) return null;
	if (option === NOT_SURE) {
		return {
			risk: doubtedRisk ?? notSureRisk(ruleset, question),
			weight: question.weight,
			label: ruleset.notSure.label,
			notSure: true,
			option: null
		};
	}
	const chosen = question.options.find((o) => o.id === option);
	// An answer to an option removed in a later ruleset no longer counts; the question shows as open.
	if (!chosen) return null;
	return {
		risk: chosen.risk,
		weight: question.weight,
		label: chosen.label,
		notSure: false,
		option: chosen
	};
}

/** Values the answers' own sentences may name. */
function wordValues(rules: Rules, assessment: Scorable): Record<string, string> {
	const restricted = assessment.fleet.countries
		.filter((code) => {
			const kind = rules.countryRules.get(code)?.kind;
			return kind !== undefined && kind !== 'none_known' && kind !== 'registration_only';
		})
		.map((code) => rules.countryNames.get(code) ?? code);
	return {
		devices: formatNumber(assessment.fleet.devices, rules.locale),
		restrictedCountries:
			restricted.length > 0
				? listWords(restricted, rules.locale)
				: m.textde_any_restricting_country({}, { locale: rules.locale })
	};
}

interface AreaWork {
	areas: AreaScore[];
	findings: Finding[];
	askVendor: AskVendorItem[];
}

function scoreAreas(
	rules: Rules,
	assessment: Scorable,
	answers: Record<string, Answer>,
	conflicts: readonly AnswerConflict[],
	doubted: ReadonlyMap<string, number>
): AreaWork {
	const { ruleset } = rules;
	const words = wordValues(rules, assessment);
	const doubtedBy = new Map(conflicts.map((c) => [c.claim.questionId, c]));
	const areas: AreaScore[] = [];
	const findings: Finding[] = [];
	const askVendor: AskVendorItem[] = [];
	for (const area of ruleset.areas) {
		let weighted = 0;
		let weights = 0;
		let answered = 0;
		let notSure = 0;
		for (const question of area.questions) {
			const answer = answeredQuestion(
				ruleset,
				question,
				answers[question.id]?.option,
				doubted.get(question.id)
			);
			if (!answer) continue;
			answered += 1;
			weighted += answer.weight * answer.risk;
			weights += answer.weight;
			const conflict = doubtedBy.get(question.id);
			if (answer.notSure) {
				notSure += 1;
				askVendor.push({
					questionId: question.id,
					areaId: area.id,
					question: question.text,
					ask: fill(question.askVendor, words),
					why: question.why
				});
			}
			if (answer.risk >= ruleset.findingRiskThreshold) {
				findings.push({
					id: `answer:${question.id}`,
					kind: 'answer',
					severity: answer.risk >= ruleset.highRiskThreshold ? 'high' : 'medium',
					...findingWords(question, answer, conflict, words, rules.locale),
					recommendation: fill(answer.option?.recommendation ?? question.recommendation, words),
					impact: area.weight * answer.weight * answer.risk,
					areaId: area.id,
					questionId: question.id,
					answer: conflict ? conflict.claim.label : answer.label,
					// A contradicted claim was answered; it only counts as "not sure".
					notSure: answer.notSure && !conflict
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

/** A finding says what the answer means; rulesets before 2.0.0 repeated the question instead. */
function findingWords(
	question: Question,
	answer: AnsweredQuestion,
	conflict: AnswerConflict | undefined,
	words: Record<string, string>,
	locale: RuleLocale
): Pick<Finding, 'title' | 'detail'> {
	if (conflict) {
		return {
			title: fill(question.unknown ?? question.text, words),
			detail: conflictDetail(conflict, locale)
		};
	}
	if (answer.notSure) {
		return {
			title: fill(question.unknown ?? question.text, words),
			detail: m.textde_not_sure_counts({}, { locale })
		};
	}
	return {
		title: fill(answer.option?.finding ?? question.text, words),
		detail: m.textde_answer_is({ label: answer.label }, { locale })
	};
}

/** The contradiction and both answers, in the reader's quotation marks. */
const conflictDetail = (conflict: AnswerConflict, locale: RuleLocale) =>
	m.textde_conflict_detail(
		{
			message: conflict.message,
			claim: conflict.claim.label,
			contradictedBy: conflict.contradictedBy.label
		},
		{ locale }
	);

function lockInSigns(
	rules: Rules,
	answers: Record<string, Answer>,
	words: Record<string, string>
): LockInSignStatus[] {
	const { ruleset, locale } = rules;
	return ruleset.lockInSigns.map((sign) => {
		const evidence: SignEvidence[] = sign.questions.map((id) => {
			const question = rules.questionsById.get(id);
			const answer = question ? answeredQuestion(ruleset, question, answers[id]?.option) : null;
			if (!question || !answer) {
				return {
					questionId: id,
					statement: m.textde_sign_not_answered({ question: question?.text ?? id }, { locale }),
					risky: false,
					open: true
				};
			}
			if (answer.notSure) {
				return {
					questionId: id,
					statement: fill(
						question.unknown ?? m.textde_sign_not_sure({ question: question.text }, { locale }),
						words
					),
					risky: false,
					open: true
				};
			}
			const risky = answer.risk >= ruleset.findingRiskThreshold;
			// An answer that does not show the sign is named as such, never listed as if it did.
			const statement = risky
				? answer.option?.finding
					? fill(answer.option.finding, words)
					: m.textde_answer_is({ label: answer.label }, { locale })
				: m.textde_sign_not_shown({ label: answer.label }, { locale });
			return { questionId: id, statement, risky, open: false };
		});
		const risky = evidence.filter((e) => e.risky).length;
		const unknown = evidence.some((e) => e.open);
		// Present only when every question behind the sign says so; one risky answer is "partly".
		const status: LockInSignStatus['status'] =
			risky === evidence.length ? 'present' : risky > 0 ? 'partly' : unknown ? 'unknown' : 'absent';
		return {
			id: sign.id,
			title: sign.title ?? sign.text,
			text: sign.text,
			status,
			questions: sign.questions,
			evidence
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
				missing.length === 0 && missingOneOf.length === 0
					? 'met'
					: have.length > 0
						? 'partial'
						: 'missing',
			have,
			missing,
			missingOneOf,
			unconfirmed: [...missing, ...missingOneOf].filter(open)
		};
	});
}

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2 } as const;

function weightedOverall(ruleset: Ruleset, areas: AreaScore[]): number {
	let areaWeighted = 0;
	let areaWeights = 0;
	for (const area of areas) {
		if (area.score === null) continue;
		const weight = ruleset.areas.find((a) => a.id === area.id)?.weight ?? 1;
		areaWeighted += weight * area.score;
		areaWeights += weight;
	}
	return areaWeights > 0 ? roundScore(areaWeighted / areaWeights) : 0;
}

/** Everything that decides the rating, for one set of answers. */
function evaluate(
	rules: Rules,
	assessment: Scorable,
	localQuestions: readonly LocalProfileQuestion[]
) {
	const { ruleset } = rules;
	const conflicts = findConflicts(rules, assessment.answers);
	const { answers, doubted } = scoredAnswers(rules, assessment.answers, conflicts);
	const work = scoreAreas(rules, assessment, answers, conflicts, doubted);
	const capabilities = offerCapabilities(rules, answers);
	const roaming = roamingExposure(rules, assessment.fleet, capabilities, answers);
	const words = wordValues(rules, assessment);
	const signs = lockInSigns(rules, answers, words);
	const answersScore = weightedOverall(ruleset, work.areas);
	const answersRating = ratingFor(answersScore, ruleset.ratingThresholds);

	const currency = assessment.currency ?? DEFAULT_CURRENCY;
	const cost = rules.legacyCosts
		? legacySwitchingCost(
				{ ...rules, legacyCosts: rules.legacyCosts },
				assessment.fleet,
				assessment.costs,
				currency,
				capabilities,
				legacyFactors(rules, work.areas, rules.legacyCosts)
			)
		: switchingCost(rules, {
				fleet: assessment.fleet,
				overrides: assessment.costs,
				currency,
				answers,
				capabilities,
				platform: areaFactor(rules, work.areas, rules.costs.exitFactorAreas.platform)
			});

	const floors = applyFloors(rules, {
		fleet: assessment.fleet,
		answers,
		signs,
		roaming,
		cost,
		answersRating
	});
	const rating = maxRating([answersRating, ...floors.map((f) => f.rating)]);
	const score =
		rating === answersRating
			? answersScore
			: Math.max(answersScore, ruleset.ratingThresholds[rating as Exclude<Rating, 'low'>]);
	for (const exposure of roaming) {
		const forced = floors
			.filter((f) => f.id === `roaming:${exposure.country}`)
			.map((f) => f.rating);
		exposure.forces = forced.length > 0 ? maxRating(forced) : null;
	}
	return {
		conflicts,
		answers,
		work,
		capabilities,
		roaming,
		signs,
		answersScore,
		answersRating,
		cost,
		floors,
		score,
		rating,
		localQuestions
	};
}

function legacyFactors(rules: Rules, areas: AreaScore[], file: LegacyCostsFile): LegacyExitFactors {
	const platform = areaFactor(rules, areas, file.exitFactorAreas.platform);
	const contract = areaFactor(rules, areas, file.exitFactorAreas.contract);
	return {
		platform: platform.factor,
		contract: contract.factor,
		platformAssumed: platform.assumed,
		contractAssumed: contract.assumed
	};
}

function areaFactor(rules: Rules, areas: AreaScore[], id: string) {
	const area = areas.find((a) => a.id === id);
	return area?.score === null || area === undefined
		? { factor: rules.ruleset.notSure.risk, assumed: true }
		: { factor: area.score / 100, assumed: false };
}

/** Open questions filled with their best (risk 0 end) or worst answer. */
function withOpenQuestions(
	rules: Rules,
	assessment: Scorable,
	localQuestions: readonly LocalProfileQuestion[],
	end: 'best' | 'worst'
): Scorable {
	const answers: Record<string, Answer> = { ...assessment.answers };
	const pick = (options: readonly { id: string; risk: number }[]) =>
		[...options].sort((a, b) => (end === 'best' ? a.risk - b.risk : b.risk - a.risk))[0]!.id;
	const isOpen = (id: string, options: readonly { id: string }[]) => {
		const option = answers[id]?.option;
		return option === undefined || (option !== NOT_SURE && !options.some((o) => o.id === option));
	};
	for (const question of rules.questionsById.values()) {
		if (isOpen(question.id, question.options))
			answers[question.id] = { option: pick(question.options) };
	}
	for (const question of localQuestions) {
		if (isOpen(question.id, question.options))
			answers[question.id] = { option: pick(question.options) };
	}
	return { ...assessment, answers };
}

function completeness(
	rules: Rules,
	areas: AreaScore[],
	answers: Record<string, Answer>,
	localQuestions: readonly LocalProfileQuestion[]
) {
	const localAnswered = localQuestions.filter((q) => {
		const option = answers[q.id]?.option;
		return option === NOT_SURE || q.options.some((o) => o.id === option);
	});
	return {
		answered: areas.reduce((sum, a) => sum + a.answered, 0) + localAnswered.length,
		notSure:
			areas.reduce((sum, a) => sum + a.notSure, 0) +
			localAnswered.filter((q) => answers[q.id]?.option === NOT_SURE).length,
		total:
			rules.ruleset.areas.reduce((sum, a) => sum + a.questions.length, 0) + localQuestions.length
	};
}

/**
 * Scores an assessment against the rules. Pure and deterministic: the same rules and
 * assessment always give the same result, whatever order the answers were stored in.
 */
export function score(rules: Rules, assessment: Scorable): ScoreResult {
	const { ruleset } = rules;
	const localQuestions = localProfileQuestions(rules, assessment.fleet.countries);
	const now = evaluate(rules, assessment, localQuestions);
	const { work, roaming, floors } = now;
	const findings = work.findings;
	const askVendor = [...work.askVendor];

	for (const question of localQuestions) {
		const answer = assessment.answers[question.id];
		if (answer?.option === NOT_SURE) {
			askVendor.push({
				questionId: question.id,
				areaId: ruleset.localProfiles!.area,
				question: question.text,
				ask: question.askVendor,
				why: question.why
			});
		}
	}

	const topImpact = Math.max(0, ...findings.map((f) => f.impact));
	for (const exposure of roaming) {
		if (exposure.severity !== 'critical' && exposure.severity !== 'warning') continue;
		const share = 1 + exposure.devices / Math.max(1, assessment.fleet.devices);
		const devices = formatNumber(exposure.devices, rules.locale);
		const say = { locale: rules.locale };
		const country = { country: exposure.name };
		const graded = m.textde_rule_evidence(
			{ confidence: confidenceWord(exposure.confidence, rules.locale) },
			say
		);
		if (exposure.localProfile === 'open') {
			// Not a "no": the question is still open, and the provisional range carries its weight.
			findings.push({
				id: `roaming:${exposure.country}`,
				kind: 'roaming',
				severity: 'medium',
				title: m.textde_roaming_open_title(country, say),
				detail: `${exposure.summary} ${exposure.byWhen}. ${graded}`,
				recommendation: m.textde_roaming_open_recommendation({ ...country, devices }, say),
				impact: share,
				country: exposure.country
			});
			continue;
		}
		const forcesCritical = exposure.forces === 'critical';
		const blocking = exposure.severity === 'critical';
		findings.push({
			id: `roaming:${exposure.country}`,
			kind: 'roaming',
			severity: forcesCritical ? 'critical' : 'high',
			title: blocking
				? (forcesCritical || exposure.confidence === 'high'
						? m.textde_roaming_will_cut_title
						: m.textde_roaming_may_cut_title)(country, say)
				: m.textde_roaming_depends_title(country, say),
			detail: `${exposure.summary} ${exposure.byWhen}. ${exposure.mitigationNote} ${graded}`,
			recommendation: blocking
				? m.textde_roaming_require_profile({ ...country, devices }, say)
				: m.textde_roaming_ask_in_writing(country, say),
			impact: topImpact + (forcesCritical ? 2 : 1) * share,
			country: exposure.country
		});
	}
	// A contradicted claim whose answer is already a finding says so there; list the others once.
	const listed = new Set(findings.map((f) => f.questionId).filter(Boolean));
	for (const conflict of now.conflicts) {
		if (listed.has(conflict.claim.questionId)) continue;
		listed.add(conflict.claim.questionId);
		findings.push({
			id: `conflict:${conflict.id}`,
			kind: 'conflict',
			severity: 'medium',
			title: m.textde_conflict_title({}, { locale: rules.locale }),
			detail: conflictDetail(conflict, rules.locale),
			recommendation: m.textde_conflict_recommendation({}, { locale: rules.locale }),
			impact: 0,
			questionId: conflict.claim.questionId
		});
	}
	findings.sort(
		(a, b) =>
			SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
			b.impact - a.impact ||
			a.id.localeCompare(b.id)
	);

	const counts = completeness(rules, work.areas, assessment.answers, localQuestions);
	const provisional = counts.answered < counts.total;
	let range: [number, number] | null = null;
	if (provisional) {
		const best = evaluate(
			rules,
			withOpenQuestions(rules, assessment, localQuestions, 'best'),
			localQuestions
		).score;
		const worst = evaluate(
			rules,
			withOpenQuestions(rules, assessment, localQuestions, 'worst'),
			localQuestions
		).score;
		range = [Math.min(best, worst), Math.max(best, worst)];
	}

	return {
		rulesetVersion: ruleset.version,
		overall: {
			score: now.score,
			rating: now.rating,
			answersScore: now.answersScore,
			answersRating: now.answersRating,
			floors,
			raisedBy: floors.find((f) => f.raises)?.reason ?? null,
			provisional,
			range
		},
		completeness: counts,
		conflicts: now.conflicts,
		areas: work.areas,
		findings,
		askVendor,
		roaming,
		lockInSigns: now.signs,
		architecture: architecture(ruleset, now.capabilities),
		capabilities: {
			proven: [...now.capabilities.proven].sort(),
			unconfirmed: [...now.capabilities.unconfirmed].sort(),
			unanswered: [...now.capabilities.unanswered].sort()
		},
		currency: now.cost.currency,
		switchingCost: now.cost,
		regulations: regulationsFor(rules, assessment.fleet, assessment.buyerCountry)
	};
}
