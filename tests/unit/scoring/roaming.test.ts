import { describe, expect, it } from 'vitest';
import type { Fleet } from '../../../src/lib/assessment/schema';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { devicesPerCountry } from '../../../src/lib/scoring/roaming';
import { score } from '../../../src/lib/scoring/score';
import { answers, BEST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';
import { countryRule, withCountryRules } from './helpers';

const rules = shippedRules();
const fleet = (overrides: Partial<Fleet> = {}): Fleet => ({
	devices: 10_000,
	countries: ['DE'],
	lifetimeYears: 10,
	...overrides
});

describe('devices per country', () => {
	it('spreads the remainder one by one over the first countries', () => {
		expect([...devicesPerCountry(fleet({ devices: 11, countries: ['A', 'B', 'C', 'D'] }))]).toEqual(
			[
				['A', 3],
				['B', 3],
				['C', 3],
				['D', 2]
			]
		);
	});

	it('gives explicit counts first and never a negative share when they exceed the fleet', () => {
		expect([
			...devicesPerCountry(
				fleet({ devices: 10, countries: ['A', 'B', 'C'], devicesByCountry: { B: 4 } })
			)
		]).toEqual([
			['A', 3],
			['B', 4],
			['C', 3]
		]);
		expect([
			...devicesPerCountry(
				fleet({ devices: 10, countries: ['A', 'B'], devicesByCountry: { A: 12 } })
			)
		]).toEqual([
			['A', 12],
			['B', 0]
		]);
		expect([
			...devicesPerCountry(fleet({ devices: 10, countries: ['A'], devicesByCountry: { A: 10 } }))
		]).toEqual([['A', 10]]);
	});
});

describe('when a rule bites', () => {
	const byWhen = (
		kind: 'banned' | 'time_limited' | 'approval_required',
		afterDays: number | undefined,
		lifetimeYears = 10
	) => {
		const testRules = withCountryRules(rules, [countryRule({ code: 'XA', kind, afterDays })]);
		return score(testRules, {
			fleet: fleet({ countries: ['XA'], lifetimeYears }),
			answers: {},
			costs: {}
		}).roaming[0]!.byWhen;
	};

	it('says whether the limit falls inside the device lifetime, counting the last day as inside', () => {
		// 10 years = 3,650 days
		expect(byWhen('time_limited', 3650)).toBe(
			'After about 3650 days of roaming, well inside the 10-year device lifetime'
		);
		expect(byWhen('time_limited', 3651)).toBe('After about 3651 days of roaming');
		expect(byWhen('time_limited', 1, 1)).toBe(
			'After about 1 day of roaming, well inside the 1-year device lifetime'
		);
	});

	it('says when no grace period or timing is known', () => {
		// No source gives a day (Nigeria, audit F8): never "from deployment", never day 0.
		expect(byWhen('banned', undefined)).toBe('Timing not published');
		expect(byWhen('approval_required', undefined)).toBe('Timing not published');
	});
});

describe('roaming findings', () => {
	it('words a blocking country with the lead time to agree, and ranks it above every answer', () => {
		const result = score(rules, {
			fleet: fleet({ countries: ['DE', 'BR'] }),
			answers: answers(BEST, { local_profile_br: 'none', platform_api: 'no_api' }),
			costs: {}
		});
		const brazil = result.findings.find((f) => f.id === 'roaming:BR')!;
		// top answer impact: platform_api 1.2 × 3 × 1 = 3.6; critical: + 2 × (1 + 5,000/10,000) = 3
		expect(brazil.impact).toBeCloseTo(6.6, 9);
		expect(brazil.recommendation).toBe(
			'Require a local operator profile for Brazil in the contract, with a date, before deploying 5,000 devices there.'
		);
		// Country data 2.0.0: the ban at high confidence, the 90 days at low (audit F7).
		expect(brazil.detail).toMatch(
			/^.+ After about 90 days of roaming, well inside the 10-year device lifetime \(timing: low confidence\)\. The offer has no local profile here: devices stay on roaming SIMs\. The rule's evidence is graded high confidence\.$/
		);
		expect(result.findings.map((f) => f.id)).toEqual([
			'roaming:BR',
			'answer:platform_api',
			'conflict:portable_automation_without_api'
		]);
	});

	it('ranks a roaming finding held to high above the high answers, and words a conditional country', () => {
		const result = score(rules, {
			fleet: fleet({ countries: ['PK', 'US'] }),
			answers: answers(BEST, {
				local_profile_pk: 'none',
				local_profile_us: 'none',
				contract_exit_terms: 'return_or_destroy'
			}),
			costs: {}
		});
		expect(result.findings.map((f) => [f.id, f.severity])).toEqual([
			['roaming:PK', 'high'], // 3 + 1 × (1 + 5,000/10,000) = 4.5
			['roaming:US', 'high'], // same impact: ordered by id
			['answer:contract_exit_terms', 'high'] // 1 × 3 × 1 = 3
		]);
		expect(result.findings[0]!.impact).toBe(4.5);
		const us = result.findings[1]!;
		expect(us.impact).toBe(4.5);
		expect(us.recommendation).toBe(
			'Ask the vendor, in writing, how devices deployed for good in United States meet the rules there, or name a local profile.'
		);
		// PK: blocking, low confidence → high. US: one band above the answers' own rating (low, 5.4).
		expect(result.roaming.map((r) => r.forces)).toEqual(['high', 'moderate']);
	});

	it('names the restricted countries of the fleet in what to ask the vendor', () => {
		const ask = (countries: string[]) =>
			score(rules, {
				fleet: fleet({ countries }),
				answers: { sim_local_profiles: { option: NOT_SURE } },
				costs: {}
			}).askVendor[0]!.ask;
		expect(ask(['BR', 'DE', 'TR', 'MX', 'IS'])).toMatch(
			/^In Brazil and Türkiye, which licensed local operator/
		);
		expect(ask(['DE'])).toMatch(
			/^In any country where we deploy that restricts permanent roaming, which licensed/
		);
	});

	it('does not list a finding for a warning-free or mitigated country', () => {
		const result = score(rules, {
			fleet: fleet({ countries: ['BR', 'US', 'MX'] }),
			answers: answers(BEST, { local_profile_br: 'on_request', local_profile_us: 'available' }),
			costs: {}
		});
		expect(result.findings).toEqual([]);
		expect(result.roaming.map((r) => r.severity)).toEqual(['info', 'info', 'info']);
	});

	it('says the question is open rather than that devices will be cut off, while it is unanswered', () => {
		const result = score(rules, {
			fleet: fleet({ countries: ['TR'] }),
			answers: answers(BEST),
			costs: {}
		});
		expect(result.findings[0]).toMatchObject({
			id: 'roaming:TR',
			severity: 'medium',
			title: 'Türkiye: not answered yet whether the offer has a local profile there'
		});
		const none = score(rules, {
			fleet: fleet({ countries: ['TR'] }),
			answers: answers(BEST, { local_profile_tr: 'none' }),
			costs: {}
		});
		expect(none.findings[0]).toMatchObject({
			severity: 'critical',
			title: 'Türkiye: devices on roaming SIMs will be cut off'
		});
	});
});

describe('local profile on request', () => {
	const note = (text: string) =>
		score(rules, {
			fleet: fleet({ countries: ['BR'] }),
			answers: { ...answers(BEST), local_profile_br: { option: 'on_request', note: text } },
			costs: {}
		}).roaming[0]!.mitigationNote;

	it('quotes at most 200 characters of the lead time, and nothing when the note is blank', () => {
		expect(note('x'.repeat(250))).toBe(
			`A local profile is available on request (${'x'.repeat(200)}): agree its lead time and price before devices reach the limit.`
		);
		expect(note('   ')).toBe(
			'A local profile is available on request: agree its lead time and price before devices reach the limit.'
		);
	});
});

describe('countries without a rule', () => {
	it('keeps the code as the name, no sources and the fallback review date', () => {
		const result = score(withCountryRules(rules, []), {
			fleet: fleet({ countries: ['BR'] }),
			answers: {},
			costs: {}
		});
		expect(result.roaming[0]).toMatchObject({
			name: 'Brazil', // the country list still names it
			kind: 'none_known',
			sources: [],
			reviewed: rules.countries.noKnownRestriction.reviewed,
			whatHappens: rules.countries.noKnownRestriction.foreignSimImpact,
			severity: 'none',
			localProfile: null
		});
	});
});
