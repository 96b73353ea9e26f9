import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fleet } from '../../../src/lib/assessment/schema';
import {
	answersArb,
	fleetArb,
	generatedTexts,
	picksArb,
	checkRange,
	hasContradictingAnswer,
	rank,
	RESTRICTING,
	riskierCaseArb,
	rules,
	scored
} from './arbitraries';

/*
 * Invariants over generated fleets and answers. No property discards a case by returning early:
 * each generator builds only cases the property speaks about, so every run is checked (the one
 * fc.pre below only sets contradictions aside; contradictions.test.ts covers them). The fleet-size
 * property lives in fleet-size.test.ts.
 */

describe('score properties', () => {
	it('keeps every score between 0 and 100, and the rating true to the thresholds or a floor', () => {
		fc.assert(
			fc.property(fleetArb, answersArb, (fleet, answers) => {
				const result = scored(fleet, answers);
				for (const value of [
					result.overall.score,
					result.overall.answersScore,
					...result.areas.map((a) => a.score ?? 0)
				]) {
					expect(value).toBeGreaterThanOrEqual(0);
					expect(value).toBeLessThanOrEqual(100);
				}
				const floorsTop = Math.max(
					rank(result.overall.answersRating),
					...result.overall.floors.map((f) => rank(f.rating))
				);
				expect(rank(result.overall.rating)).toBe(floorsTop);
				const { moderate, high, critical } = rules.ruleset.ratingThresholds;
				const bandStart = { low: 0, moderate, high, critical }[result.overall.rating];
				expect(result.overall.score).toBeGreaterThanOrEqual(bandStart);
			})
		);
	});

	it('never lowers the area score, answers score, final score, rating or switching cost when one answer becomes riskier, where no answers contradict each other', () => {
		fc.assert(
			fc.property(riskierCaseArb, ({ fleet, change, before, after }) => {
				const was = scored(fleet, before);
				const now = scored(fleet, after);
				// Contradictions are set aside here: contradictions.test.ts checks them.
				fc.pre(was.conflicts.length === 0 && now.conflicts.length === 0);
				const areaId = rules.questionsById.get(change.questionId)?.areaId;
				if (areaId) {
					expect(now.areas.find((a) => a.id === areaId)!.score!).toBeGreaterThanOrEqual(
						was.areas.find((a) => a.id === areaId)!.score!
					);
				}
				expect(now.overall.answersScore).toBeGreaterThanOrEqual(was.overall.answersScore);
				expect(now.overall.score).toBeGreaterThanOrEqual(was.overall.score);
				expect(rank(now.overall.rating)).toBeGreaterThanOrEqual(rank(was.overall.rating));
				expect(now.switchingCost.total).toBeGreaterThanOrEqual(was.switchingCost.total);
			})
		);
	});

	it('never lowers the rating when a restricting country is added, the other countries keeping their devices', () => {
		const caseArb = fc
			.tuple(
				fleetArb,
				answersArb,
				fc.constantFrom(...RESTRICTING),
				fc.integer({ min: 0, max: 1_000_000 })
			)
			.filter(([fleet, , added]) => !fleet.countries.includes(added))
			.map(([fleet, answers, added, extra]) => {
				// Explicit counts, so adding a country does not thin out the others.
				const share = Math.floor(fleet.devices / fleet.countries.length);
				const devicesByCountry = Object.fromEntries(
					fleet.countries.map((code, i) => [
						code,
						i === 0 ? fleet.devices - share * (fleet.countries.length - 1) : share
					])
				);
				const before: Fleet = { ...fleet, devicesByCountry };
				const after: Fleet = {
					...fleet,
					devices: fleet.devices + extra,
					countries: [...fleet.countries, added],
					devicesByCountry: { ...devicesByCountry, [added]: extra }
				};
				return { before, after, answers };
			});
		fc.assert(
			fc.property(caseArb, ({ before, after, answers }) => {
				expect(rank(scored(after, answers).overall.rating)).toBeGreaterThanOrEqual(
					rank(scored(before, answers).overall.rating)
				);
			})
		);
	});

	it('keeps the final score inside the provisional range whichever way the open questions are answered, where no given answer contradicts another', () => {
		fc.assert(
			fc.property(
				fleetArb,
				answersArb.filter((given) => !hasContradictingAnswer(given)),
				picksArb,
				checkRange
			)
		);
	});

	it('never prints a placeholder or a bracket in generated text, whatever the fleet and answers', () => {
		fc.assert(
			fc.property(fleetArb, answersArb, (fleet, answers) => {
				for (const text of generatedTexts(scored(fleet, answers))) {
					expect(text).not.toMatch(/[{}[\]]/);
					expect(text).not.toMatch(/undefined|NaN|\[object/);
				}
			})
		);
	});

	it('gives the same result whatever order the answers are stored in', () => {
		fc.assert(
			fc.property(fleetArb, answersArb, (fleet, answers) => {
				const reversed = Object.fromEntries(Object.entries(answers).reverse());
				expect(scored(fleet, reversed)).toEqual(scored(fleet, answers));
			}),
			{ numRuns: 30 }
		);
	});
});
