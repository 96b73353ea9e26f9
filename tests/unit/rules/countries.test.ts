/**
 * Country data 2.0: each row the 2026-12 domain audit judged wrong, overstated, understated or
 * stale, pinned to its corrected kind, timing, confidence and consequence (audit F2-F8, F14).
 * Expected values are the audit's and the research notes', not the code's.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/lib/assessment/schema';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { score } from '../../../src/lib/scoring/score';
import { countryTable } from '../../../src/lib/simulation/inputs';
import { shippedRules } from './read-rules';

const rules = shippedRules();
const rule = (code: string) => rules.countryRules.get(code);

/** Every question at its most flexible answer: only the country decides the rating. */
function openOffer(): Record<string, Answer> {
	const answers: Record<string, Answer> = {};
	for (const [id, question] of rules.questionsById) {
		answers[id] = { option: [...question.options].sort((a, b) => a.risk - b.risk)[0]!.id };
	}
	return answers;
}

/** The open offer, roaming-only in `code` (its local-profile question answered "none" where asked). */
function roamingOnlyIn(code: string, devices = 10_000) {
	const answers = { ...openOffer(), [`local_profile_${code.toLowerCase()}`]: { option: 'none' } };
	return score(rules, {
		fleet: { devices, countries: ['DE', code], lifetimeYears: 10 },
		answers,
		costs: {}
	});
}

const EU_EEA = [
	'AT',
	'BE',
	'BG',
	'HR',
	'CY',
	'CZ',
	'DK',
	'EE',
	'FI',
	'FR',
	'DE',
	'GR',
	'HU',
	'IE',
	'IT',
	'LV',
	'LT',
	'LU',
	'MT',
	'NL',
	'PL',
	'PT',
	'RO',
	'SK',
	'SI',
	'ES',
	'SE',
	'IS',
	'LI',
	'NO'
];

describe('country rules after the 2026-12 audit', () => {
	it('Chile: the 90/120-day rule is the Brazil–Chile arrangement, not a rule for every foreign SIM (F2)', () => {
		expect(rule('CL')?.kind).toBe('none_known');
		expect(rule('CL')?.afterDays).toBeUndefined();
		const result = roamingOnlyIn('CL');
		expect(result.overall.rating).toBe('low');
		expect(result.overall.floors).toEqual([]);
		expect(countryTable(rules).find((c) => c.code === 'CL')?.roamingBlockDay).toBeNull();
	});

	it('Russia: a 24-hour block that comes back, not a permanent cut-off, and no site visits (F3)', () => {
		expect(rule('RU')?.kind).toBe('intermittent');
		expect(rule('RU')?.intermittent).toMatchObject({ blockHours: 24, idleDays: 3 });
		expect(rule('RU')?.intermittent?.triggers).toEqual(
			expect.arrayContaining(['arrival', 'idle', 'network_change'])
		);
		const result = roamingOnlyIn('RU');
		// One band up from the answers' low: moderate, never critical.
		expect(result.overall.rating).toBe('moderate');
		expect(result.roaming.find((r) => r.country === 'RU')?.byWhen).toMatch(
			/Blocks of 24 hours on arrival, after 3 days without traffic/
		);
		expect(countryTable(rules).find((c) => c.code === 'RU')?.roamingBlockDay).toBeNull();
	});

	it('Cuba, Iran, North Korea, Turkmenistan: windows as the source states, low confidence, sanctions named (F4)', () => {
		expect([rule('CU')?.afterDays, rule('CU')?.afterDaysMax]).toEqual([7, 30]);
		expect([rule('IR')?.afterDays, rule('IR')?.afterDaysMax]).toEqual([7, 30]);
		expect([rule('KP')?.afterDays, rule('KP')?.afterDaysMax]).toEqual([1, 2]);
		expect([rule('TM')?.afterDays, rule('TM')?.afterDaysMax]).toEqual([1, 2]);
		for (const code of ['CU', 'IR', 'KP', 'TM']) {
			expect(rule(code)?.confidence).toBe('low');
			// A low-confidence rule raises an open offer to high at most, and the reason says why.
			const result = roamingOnlyIn(code);
			expect(result.overall.rating).toBe('high');
			expect(result.overall.floors[0]?.reason).toMatch(/low confidence/);
		}
		for (const code of ['CU', 'IR', 'KP']) {
			expect(rule(code)?.caveats?.map((c) => c.kind)).toContain('sanctions');
		}
		expect(roamingOnlyIn('CU').roaming.find((r) => r.country === 'CU')?.byWhen).toMatch(
			/7 to 30 days/
		);
	});

	it('Pakistan: data localisation and device registration named, low confidence caps it at high (F4)', () => {
		const kinds = rule('PK')?.caveats?.map((c) => c.kind);
		expect(kinds).toEqual(expect.arrayContaining(['data_localisation', 'imei_registration']));
		expect(roamingOnlyIn('PK').overall.rating).toBe('high');
	});

	it('Egypt: a roaming-only offer is at least high (F6)', () => {
		const result = roamingOnlyIn('EG');
		expect(result.overall.rating).toBe('high');
		expect(result.overall.floors.find((f) => f.id === 'roaming:EG')?.rating).toBe('high');
	});

	it('Australia: medium confidence, and above Telstra’s 500 devices a roaming-only offer is at least high (F6, F14)', () => {
		expect(rule('AU')?.confidence).toBe('medium');
		const small = score(rules, {
			fleet: {
				devices: 1_000,
				countries: ['DE', 'AU'],
				devicesByCountry: { AU: 400 },
				lifetimeYears: 10
			},
			answers: { ...openOffer(), local_profile_au: { option: 'none' } },
			costs: {}
		});
		expect(small.overall.rating).toBe('moderate');
		const large = roamingOnlyIn('AU', 10_000);
		expect(large.overall.rating).toBe('high');
	});

	it('Brazil: the ban at high confidence, the day count at low; the domestic 2024 decisions set apart (F7)', () => {
		expect(rule('BR')?.kind).toBe('banned');
		expect(rule('BR')?.confidence).toBe('high');
		expect(rule('BR')?.timingConfidence).toBe('low');
		expect(rule('BR')?.summary).toMatch(/Brazilian lines roaming on other Brazilian networks/);
		const result = roamingOnlyIn('BR');
		expect(result.overall.rating).toBe('critical');
		expect(result.roaming.find((r) => r.country === 'BR')?.byWhen).toMatch(
			/timing: low confidence/
		);
	});

	it('Nigeria: medium confidence and no day: never simulated as a block on day 0 (F8)', () => {
		expect(rule('NG')?.confidence).toBe('medium');
		expect(rule('NG')?.afterDays).toBeUndefined();
		expect(roamingOnlyIn('NG').roaming.find((r) => r.country === 'NG')?.byWhen).toBe(
			'Timing not published'
		);
		expect(countryTable(rules).find((c) => c.code === 'NG')?.roamingBlockDay).toBeNull();
	});

	it('China and Saudi Arabia: graded low, so they can raise an offer to high but not to critical (F14)', () => {
		for (const code of ['CN', 'SA']) {
			expect(rule(code)?.confidence).toBe('low');
			expect(roamingOnlyIn(code).overall.rating).toBe('high');
		}
	});

	it('every EU/EEA member carries the EU text (audit country table)', () => {
		const germany = rule('DE')!;
		for (const code of EU_EEA) {
			expect(rule(code)?.kind, code).toBe('none_known');
			expect(rule(code)?.summary, code).toMatch(/2022\/612/);
			expect(rule(code)?.sources, code).toEqual(
				expect.arrayContaining(germany.sources.filter((s) => s.includes('eur-lex')))
			);
		}
	});

	it('Singapore, Oman and Kazakhstan are on the map; Kazakhstan’s device registration can defeat the local-profile cure', () => {
		expect(rule('SG')?.confidence).toBe('low');
		expect(rule('OM')?.confidence).toBe('low');
		expect(rule('KZ')?.kind).toBe('registration_only');
		expect(rule('KZ')?.caveats?.map((c) => c.kind)).toContain('imei_registration');
	});

	it('IMEI regimes appear where the cure is offered and in the API as roaming[].caveats (TR, PK, ID, KZ)', () => {
		for (const code of ['TR', 'PK', 'ID', 'KZ']) {
			const result = score(rules, {
				fleet: { devices: 1_000, countries: [code], lifetimeYears: 10 },
				answers: { [`local_profile_${code.toLowerCase()}`]: { option: NOT_SURE } },
				costs: {}
			});
			const caveats = result.roaming[0]!.caveats;
			expect(
				caveats.some((c) => c.kind === 'imei_registration'),
				code
			).toBe(true);
			for (const caveat of caveats) {
				expect(caveat.text.length).toBeGreaterThan(20);
				expect(Array.isArray(caveat.sources)).toBe(true);
			}
		}
	});

	it('`reviewed` today only where the rule was re-checked, and then it says what was read', () => {
		for (const r of rules.countries.rules) {
			if (r.reviewed === '2026-12-01') expect(r.checked, r.code).toBeTruthy();
		}
		// Rows the research did not re-check keep their earlier date.
		for (const code of ['QA', 'CA', 'MX', 'PH', 'AR', 'JP'])
			expect(rule(code)?.reviewed, code).toBe('2026-11-25');
	});
});
