import fc from 'fast-check';
import { localProfileQuestionId } from '../../../src/lib/assessment/local-profiles';
import type { Answer, Fleet } from '../../../src/lib/assessment/schema';
import { restrictsRoaming } from '../../../src/lib/rules/restrictions';
import { NOT_SURE, RATINGS, type Rating } from '../../../src/lib/rules/schema';
import { score, type Scorable } from '../../../src/lib/scoring/score';
import type { ScoreResult } from '../../../src/lib/scoring/types';
import { expect } from 'vitest';
import { shippedRules } from '../rules/read-rules';

/** Generators for the scoring properties: fleets, answers and one-answer changes. */

export const rules = shippedRules();
export const rank = (rating: Rating) => RATINGS.indexOf(rating);
export const questions = [...rules.questionsById.values()];

/** Countries with every kind of rule, restricted or not, and one without a rule (IS). */
export const COUNTRIES = [
	'DE',
	'FR',
	'IS',
	'MX',
	'BR',
	'TR',
	'CN',
	'NG',
	'IN',
	'PK',
	'RU',
	'KP',
	'US',
	'AU',
	'EG',
	'AE',
	'CA'
];
export const RESTRICTING = COUNTRIES.filter((code) => {
	const kind = rules.countryRules.get(code)?.kind;
	return kind !== undefined && restrictsRoaming(kind);
});
export const LOCAL_OPTIONS = ['available', 'on_request', 'none', NOT_SURE] as const;

/** Plain note text: notes are the user's words and may hold anything, but not placeholders here. */
const noteArb = fc.stringMatching(/^[a-z0-9 ]{0,20}$/);

const answerArb = (optionsOf: (id: string) => readonly string[], ids: readonly string[]) =>
	fc
		.record(
			Object.fromEntries(
				ids.map((id) => [
					id,
					fc.record({
						option: fc.constantFrom(...optionsOf(id)),
						note: fc.option(noteArb, { nil: undefined })
					})
				])
			),
			{ requiredKeys: [] }
		)
		.map(
			(picked) =>
				Object.fromEntries(
					Object.entries(picked).flatMap(([id, answer]) =>
						answer === undefined
							? []
							: [[id, answer.note === undefined ? { option: answer.option } : answer]]
					)
				) as Record<string, Answer>
		);

export const questionAnswers = answerArb(
	(id) => [...rules.questionsById.get(id)!.options.map((o) => o.id), NOT_SURE],
	questions.map((q) => q.id)
);
export const localAnswers = answerArb(() => LOCAL_OPTIONS, RESTRICTING.map(localProfileQuestionId));
/** Any mix of answered, "not sure" and open questions, with local-profile answers for any country. */
export const answersArb = fc.tuple(questionAnswers, localAnswers).map(([a, b]) => ({ ...a, ...b }));

const devicesArb = fc.oneof(
	fc.integer({ min: 1, max: 2_000_000 }),
	fc.constantFrom(1, 499, 500, 501, 1_000, 9_999, 10_000, 999_999, 1_000_000)
);
export const fleetArb: fc.Arbitrary<Fleet> = fc.record({
	devices: devicesArb,
	countries: fc.uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 5 }),
	lifetimeYears: fc.integer({ min: 1, max: 20 })
});

export const scored = (fleet: Fleet, answers: Record<string, Answer>) =>
	score(rules, { fleet, answers, costs: {} } satisfies Scorable);

/** Risk of an answer as the rules define it: "not sure" is 0.9, capped at the worst option. */
export function riskOf(questionId: string, option: string): number {
	const question = rules.questionsById.get(questionId)!;
	const worst = Math.max(...question.options.map((o) => o.risk));
	if (option === NOT_SURE) return Math.min(rules.ruleset.notSure.risk, worst);
	return question.options.find((o) => o.id === option)!.risk;
}

/** Every (less risky, riskier) pair of answers to one question. */
export const riskierPairs: { questionId: string; from: string; to: string }[] = questions.flatMap(
	(q) => {
		const options = [...q.options.map((o) => o.id), NOT_SURE];
		return options.flatMap((from) =>
			options
				.filter((to) => riskOf(q.id, to) > riskOf(q.id, from))
				.map((to) => ({ questionId: q.id, from, to }))
		);
	}
);
/** Local profiles, best to worst: available, on request, then none or "not sure" (both unproven). */
export const LOCAL_PAIRS = [
	['available', 'on_request'],
	['available', 'none'],
	['available', NOT_SURE],
	['on_request', 'none'],
	['on_request', NOT_SURE]
] as const;

export const changeArb = fc.oneof(
	fc.constantFrom(...riskierPairs).map((pair) => ({ ...pair, country: null as string | null })),
	fc
		.tuple(fc.constantFrom(...RESTRICTING), fc.constantFrom(...LOCAL_PAIRS))
		.map(([country, [from, to]]) => ({
			questionId: localProfileQuestionId(country),
			from: from as string,
			to: to as string,
			country
		}))
);

/** The fleet and answers before and after one answer becomes riskier. */
export const riskierCaseArb = fc
	.tuple(fleetArb, answersArb, changeArb)
	.map(([fleet, answers, change]) => {
		const countries =
			change.country && !fleet.countries.includes(change.country)
				? [...fleet.countries, change.country]
				: fleet.countries;
		const withFleet = { ...fleet, countries };
		return {
			fleet: withFleet,
			change,
			before: { ...answers, [change.questionId]: { option: change.from } },
			after: { ...answers, [change.questionId]: { option: change.to } }
		};
	});

export function generatedTexts(result: ScoreResult): string[] {
	return [
		...result.findings.flatMap((f) => [f.title, f.detail, f.recommendation, f.answer ?? '']),
		...result.overall.floors.map((f) => f.reason),
		result.overall.raisedBy ?? '',
		...result.lockInSigns.flatMap((s) => [s.title, s.text, ...s.evidence.map((e) => e.statement)]),
		...result.askVendor.flatMap((a) => [a.question, a.ask, a.why]),
		...result.roaming.flatMap((r) => [
			r.name,
			r.byWhen,
			r.summary,
			r.whatHappens,
			r.mitigationNote
		]),
		...result.conflicts.flatMap((c) => [c.message, c.claim.label, c.contradictedBy.label]),
		...result.switchingCost.lines.flatMap((l) => [l.label, l.formula, l.reason]),
		...result.architecture.flatMap((a) => [a.title, a.description])
	];
}

/** Whether an answer given is one that contradicts another question's claim (no_euicc, no_api, …). */
export const hasContradictingAnswer = (answers: Record<string, Answer>) =>
	rules.ruleset.conflicts.some((c) => {
		const option = answers[c.contradictedBy.question]?.option;
		return option !== undefined && c.contradictedBy.options.includes(option);
	});

/**
 * Answers every open question (the ruleset's and the fleet's local-profile questions) with the
 * options `picks` chooses (by index, one per open question), "not sure" included, and checks the final score against the range the
 * unanswered assessment gave.
 */
export function checkRange(
	fleet: Fleet,
	answers: Record<string, Answer>,
	picks: readonly number[]
) {
	const result = scored(fleet, answers);
	const completed: Record<string, Answer> = { ...answers };
	const open = [
		...questions.map((q) => ({ id: q.id, options: [...q.options.map((o) => o.id), NOT_SURE] })),
		...fleet.countries
			.filter((code) => RESTRICTING.includes(code))
			.map((code) => ({
				id: localProfileQuestionId(code),
				options: [...LOCAL_OPTIONS] as string[]
			}))
	].filter((q) => completed[q.id]?.option === undefined);
	open.forEach((q, i) => {
		completed[q.id] = { option: q.options[(picks[i] ?? 0) % q.options.length]! };
	});
	const final = scored(fleet, completed);
	expect(final.overall.provisional).toBe(false);
	if (open.length === 0) {
		expect(result.overall.provisional).toBe(false);
		expect(result.overall.range).toBeNull();
		return;
	}
	expect(result.overall.provisional).toBe(true);
	const [min, max] = result.overall.range!;
	expect(min).toBeLessThanOrEqual(max);
	expect(result.overall.score).toBeGreaterThanOrEqual(0);
	expect(final.overall.score).toBeGreaterThanOrEqual(min);
	expect(final.overall.score).toBeLessThanOrEqual(max);
}

/** Option indexes for every question a completion may need to answer. */
export const picksArb = fc.array(fc.nat(), { minLength: 50, maxLength: 50 });
