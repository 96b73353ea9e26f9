import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { score } from '../../../src/lib/scoring/score';
import { shippedRules } from '../rules/read-rules';
import { answerAll, assessment, countryRule, optionProviding, withCountryRules } from './helpers';

const rules = shippedRules();

describe('score', () => {
	it('rates an offer that is flexible everywhere as low risk', () => {
		const result = score(rules, assessment(answerAll(rules, 'flexible')));
		expect(result.overall.rating).toBe('low');
		expect(result.overall.score).toBeLessThan(rules.ruleset.ratingThresholds.moderate);
		expect(result.findings).toEqual([]);
		expect(result.askVendor).toEqual([]);
		expect(result.overall.provisional).toBe(false);
		expect(result.architecture.every((a) => a.status === 'met')).toBe(true);
		expect(result.lockInSigns.every((s) => s.status === 'absent')).toBe(true);
	});

	it('rates an offer that locks in everywhere as critical', () => {
		const result = score(rules, assessment(answerAll(rules, 'locking')));
		expect(result.overall.rating).toBe('critical');
		expect(result.areas.every((a) => a.rating === 'critical' || a.rating === 'high')).toBe(true);
		expect(result.lockInSigns.every((s) => s.status === 'present')).toBe(true);
		expect(result.architecture.every((a) => a.status === 'missing')).toBe(true);
		expect(result.findings.length).toBe(rules.questionsById.size);
	});

	it('scores "not sure" as high risk and lists it for the vendor', () => {
		const result = score(rules, assessment(answerAll(rules, 'not_sure')));
		expect(result.overall.score).toBeCloseTo(rules.ruleset.notSure.risk * 100, 5);
		expect(result.askVendor).toHaveLength(rules.questionsById.size);
		expect(result.findings.every((f) => f.notSure)).toBe(true);
		expect(result.lockInSigns.every((s) => s.status === 'unknown')).toBe(true);
		expect(result.completeness.notSure).toBe(rules.questionsById.size);
	});

	it('weights heavier questions more within an area', () => {
		const area = rules.ruleset.areas.find((a) => new Set(a.questions.map((q) => q.weight)).size > 1)!;
		const sorted = [...area.questions].sort((a, b) => a.weight - b.weight);
		const light = sorted[0]!;
		const heavy = sorted.at(-1)!;
		const flexible = answerAll(rules, 'flexible');
		const worst = (id: string) =>
			[...rules.questionsById.get(id)!.options].sort((a, b) => b.risk - a.risk)[0]!.id;
		const areaScore = (riskyId: string) => {
			const answers = { ...flexible, [riskyId]: { option: worst(riskyId) } };
			return score(rules, assessment(answers)).areas.find((a) => a.id === area.id)!.score!;
		};
		expect(areaScore(heavy.id)).toBeGreaterThan(areaScore(light.id));
	});

	it('weights areas by their weight in the overall score', () => {
		const heavy = [...rules.ruleset.areas].sort((a, b) => b.weight - a.weight)[0]!;
		const light = [...rules.ruleset.areas].sort((a, b) => a.weight - b.weight)[0]!;
		expect(heavy.weight).toBeGreaterThan(light.weight);
		const onlyArea = (areaId: string) => {
			const answers = answerAll(rules, 'flexible');
			for (const q of rules.ruleset.areas.find((a) => a.id === areaId)!.questions) {
				answers[q.id] = { option: NOT_SURE };
			}
			return score(rules, assessment(answers)).overall.answersScore;
		};
		expect(onlyArea(heavy.id)).toBeGreaterThan(onlyArea(light.id));
	});

	it('leaves unanswered questions out and marks the score provisional', () => {
		const result = score(rules, assessment({}));
		expect(result.overall.score).toBe(0);
		expect(result.overall.provisional).toBe(true);
		expect(result.areas.every((a) => a.score === null)).toBe(true);
		expect(result.completeness.answered).toBe(0);
	});

	it('keeps notes out of scoring: a note alone is not an answer', () => {
		const [questionId] = rules.questionsById.keys();
		const result = score(rules, assessment({ [questionId!]: { note: 'vendor will reply on Friday' } }));
		expect(result.completeness.answered).toBe(0);
	});

	it('is deterministic whatever order answers are stored in', () => {
		const answers = answerAll(rules, 'locking');
		const reversed = Object.fromEntries(Object.entries(answers).reverse());
		expect(score(rules, assessment(reversed))).toEqual(score(rules, assessment(answers)));
	});
});

describe('score properties', () => {
	const questionIds = [...rules.questionsById.keys()];
	const answerArb = fc.dictionary(
		fc.constantFrom(...questionIds),
		fc.nat()
	).map((picks) =>
		Object.fromEntries(
			Object.entries(picks).map(([id, n]) => {
				const options = [...rules.questionsById.get(id)!.options.map((o) => o.id), NOT_SURE];
				return [id, { option: options[n % options.length]! }];
			})
		)
	);

	it('keeps every score between 0 and 100', () => {
		fc.assert(
			fc.property(answerArb, (answers) => {
				const result = score(rules, assessment(answers, { countries: ['DE', 'BR'] }));
				expect(result.overall.score).toBeGreaterThanOrEqual(0);
				expect(result.overall.score).toBeLessThanOrEqual(100);
				for (const area of result.areas) {
					if (area.score !== null) {
						expect(area.score).toBeGreaterThanOrEqual(0);
						expect(area.score).toBeLessThanOrEqual(100);
					}
				}
			})
		);
	});

	it('never lowers an area score when one answer becomes riskier', () => {
		fc.assert(
			fc.property(answerArb, fc.constantFrom(...questionIds), (answers, questionId) => {
				const question = rules.questionsById.get(questionId)!;
				const current = answers[questionId]?.option;
				const currentRisk =
					current === undefined
						? -1
						: current === NOT_SURE
							? rules.ruleset.notSure.risk
							: question.options.find((o) => o.id === current)!.risk;
				const riskier = question.options.find((o) => o.risk > currentRisk);
				if (!riskier || current === undefined) return;
				const before = score(rules, assessment(answers));
				const after = score(rules, assessment({ ...answers, [questionId]: { option: riskier.id } }));
				const areaId = question.areaId;
				expect(after.areas.find((a) => a.id === areaId)!.score!).toBeGreaterThanOrEqual(
					before.areas.find((a) => a.id === areaId)!.score!
				);
			})
		);
	});
});

describe('roaming exposure', () => {
	const flexibleButNoLocalProfiles = () => {
		const answers = answerAll(rules, 'flexible');
		const local = optionProviding(rules, 'local_profiles');
		const question = rules.questionsById.get(local.questionId)!;
		const without = [...question.options]
			.filter((o) => !o.provides.includes('local_profiles'))
			.sort((a, b) => b.risk - a.risk)[0]!;
		answers[local.questionId] = { option: without.id };
		return answers;
	};

	it('flags Brazil as critical when the offer has no local profiles, whatever the other answers', () => {
		const result = score(rules, assessment(flexibleButNoLocalProfiles(), { countries: ['BR', 'DE'] }));
		const brazil = result.roaming.find((r) => r.country === 'BR')!;
		expect(brazil.restricted).toBe(true);
		expect(brazil.severity).toBe('critical');
		expect(brazil.mitigated).toBe(false);
		expect(result.findings[0]).toMatchObject({ kind: 'roaming', severity: 'critical', country: 'BR' });
		expect(result.overall.rating).toBe('critical');
		expect(result.overall.raisedBy).toMatch(/Brazil/);
		expect(result.roaming.find((r) => r.country === 'DE')!.severity).toBe('none');
	});

	it('treats Brazil as mitigated when the offer provides local profiles', () => {
		const result = score(rules, assessment(answerAll(rules, 'flexible'), { countries: ['BR'] }));
		const brazil = result.roaming.find((r) => r.country === 'BR')!;
		expect(brazil.mitigated).toBe(true);
		expect(brazil.mitigation).toBe('local_profiles');
		expect(result.overall.rating).toBe('low');
	});

	it('does not count multi-IMSI alone as a mitigation', () => {
		const answers = flexibleButNoLocalProfiles();
		const multi = optionProviding(rules, 'multi_imsi');
		if (!rules.questionsById.get(multi.questionId)!.options.find((o) => o.id === multi.option)!.provides.includes('local_profiles')) {
			answers[multi.questionId] = { option: multi.option };
		}
		const result = score(rules, assessment(answers, { countries: ['TR'] }));
		const turkey = result.roaming[0]!;
		expect(turkey.severity).toBe('critical');
		expect(turkey.mitigationNote).toMatch(/foreign IMSI stays foreign/);
	});

	it('treats "not sure" about local profiles as unproven, and critical', () => {
		const answers = answerAll(rules, 'flexible');
		answers[optionProviding(rules, 'local_profiles').questionId] = { option: NOT_SURE };
		const result = score(rules, assessment(answers, { countries: ['IN'] }));
		expect(result.roaming[0]).toMatchObject({ severity: 'critical', mitigation: 'not_proven' });
	});

	const kinds = [
		['banned', 'critical', true],
		['time_limited', 'critical', true],
		['local_profile_required', 'critical', true],
		['approval_required', 'warning', true],
		['carrier_specific', 'warning', true],
		['registration_only', 'info', false],
		['none_known', 'none', false]
	] as const;

	it.each(kinds)('handles a %s country (severity %s without local profiles)', (kind, severity, restricted) => {
		const testRules = withCountryRules(rules, [
			countryRule({ code: 'XA', kind, afterDays: kind === 'time_limited' ? 90 : undefined })
		]);
		const local = flexibleButNoLocalProfiles();
		const result = score(testRules, assessment(local, { countries: ['XA'] }));
		const row = result.roaming[0]!;
		expect(row.kind).toBe(kind);
		expect(row.severity).toBe(severity);
		expect(row.restricted).toBe(restricted);
		expect(result.overall.rating === 'critical').toBe(severity === 'critical');
		if (kind === 'time_limited') expect(row.byWhen).toMatch(/90 days.*10-year/);

		const mitigated = score(testRules, assessment(answerAll(rules, 'flexible'), { countries: ['XA'] }));
		expect(mitigated.roaming[0]!.severity).not.toBe('critical');
		expect(mitigated.roaming[0]!.severity).not.toBe('warning');
	});

	it('falls back to an honest "none known" for countries without a rule', () => {
		const result = score(rules, assessment({}, { countries: ['IS'] }));
		expect(result.roaming[0]).toMatchObject({ kind: 'none_known', restricted: false, confidence: 'unverified' });
		expect(result.roaming[0]!.summary).toBe(rules.countries.noKnownRestriction.summary);
	});

	it('spreads devices evenly unless the user says how many go where', () => {
		const even = score(rules, assessment({}, { devices: 10, countries: ['BR', 'DE', 'FR'] }));
		expect(even.roaming.map((r) => r.devices)).toEqual([4, 3, 3]);
		const split = score(
			rules,
			assessment({}, { devices: 10, countries: ['BR', 'DE', 'FR'], devicesByCountry: { BR: 8 } })
		);
		expect(split.roaming.map((r) => r.devices)).toEqual([8, 1, 1]);
	});
});

describe('switching cost', () => {
	it('charges a site visit per device when SIMs cannot switch over the air', () => {
		const result = score(rules, assessment(answerAll(rules, 'locking'), { devices: 1000 }));
		const visit = result.switchingCost.lines.find((l) => l.id === 'sim_swap')!;
		const v = (key: string) => result.switchingCost.assumptions.find((a) => a.key === key)!.value;
		expect(visit.amount).toBe(
			Math.round(1000 * (v('fieldVisitPerDevice') * v('revisitFactor') + v('replacementSimPerDevice')))
		);
		expect(result.switchingCost.total).toBe(result.switchingCost.lines.reduce((s, l) => s + l.amount, 0));
	});

	it('needs no site visits when profiles switch over the air, and no exit costs when all is flexible', () => {
		const result = score(rules, assessment(answerAll(rules, 'flexible')));
		expect(result.switchingCost.lines.find((l) => l.id === 'sim_swap')!.amount).toBe(0);
		expect(result.switchingCost.total).toBe(0);
	});

	it('uses the assessment’s own cost figures instead of the defaults', () => {
		const base = assessment(answerAll(rules, 'locking'), { devices: 100 });
		const result = score(rules, { ...base, costs: { fieldVisitPerDevice: 1000, revisitFactor: 1, replacementSimPerDevice: 0 } });
		expect(result.switchingCost.lines.find((l) => l.id === 'sim_swap')!.amount).toBe(100_000);
		expect(result.switchingCost.assumptions.find((a) => a.key === 'fieldVisitPerDevice')!.overridden).toBe(true);
	});
});

describe('what is not answered yet', () => {
	it('says so instead of stating it as a fact about the offer', () => {
		const result = score(rules, assessment({}, { countries: ['BR'] }));
		expect(result.roaming[0]).toMatchObject({ severity: 'critical', mitigation: 'not_proven' });
		expect(result.roaming[0]!.mitigationNote).toMatch(/^Not answered yet/);
		expect(result.switchingCost.lines.find((l) => l.id === 'sim_swap')!.reason).toMatch(/^Not answered yet/);
		expect(result.architecture.every((a) => a.unconfirmed.length === a.missing.length + a.missingOneOf.length)).toBe(true);
	});

	it('calls a lock-in sign partly present when only some of its questions are risky', () => {
		const sign = rules.ruleset.lockInSigns.find((s) => s.questions.length > 1)!;
		const answers = answerAll(rules, 'flexible');
		const risky = rules.questionsById.get(sign.questions[0]!)!;
		answers[risky.id] = { option: [...risky.options].sort((a, b) => b.risk - a.risk)[0]!.id };
		const status = score(rules, assessment(answers)).lockInSigns.find((s) => s.id === sign.id)!.status;
		expect(status).toBe('partly');
	});
});

describe('architecture alternatives', () => {
	const element = rules.ruleset.architecture.find((e) => e.requiresAny?.length)!;
	const withAnswers = (apn: boolean, zeroTrust: boolean) => {
		const answers = answerAll(rules, 'flexible');
		const set = (capability: string, keep: boolean) => {
			const { questionId } = optionProviding(rules, capability);
			const options = rules.questionsById.get(questionId)!.options;
			const pick = keep ? options.find((o) => o.provides.includes(capability as never)) : options.find((o) => !o.provides.includes(capability as never));
			answers[questionId] = { option: pick!.id };
		};
		set('private_apn', apn);
		set('zero_trust', zeroTrust);
		return score(rules, assessment(answers)).architecture.find((a) => a.id === element.id)!;
	};

	it('accepts Zero Trust in place of a private APN, and either alone', () => {
		expect(withAnswers(false, true).status).toBe('met');
		expect(withAnswers(true, false).status).toBe('met');
	});

	it('names both alternatives when the offer has neither', () => {
		const comparison = withAnswers(false, false);
		expect(comparison.status).toBe('partial');
		expect(comparison.missingOneOf).toEqual(element.requiresAny);
	});
});
