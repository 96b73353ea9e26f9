import { describe, expect, it } from 'vitest';
import type { Answer, Fleet } from '../../../src/lib/assessment/schema';
import { NOT_SURE } from '../../../src/lib/rules/schema';
import { ratingFor, score } from '../../../src/lib/scoring/score';
import { answers, BEST, WORST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';

/* What the result says beside the numbers: signs, floors' wording, architecture, capabilities. */

const rules = shippedRules();
const run = (given: Record<string, Answer>, overrides: Partial<Fleet> = {}) =>
	score(rules, {
		fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10, ...overrides },
		answers: given,
		costs: {}
	});

describe('rating thresholds of ruleset 2.0.0', () => {
	it('starts each band at its threshold: 25 moderate, 50 high, 75 critical', () => {
		const t = rules.ruleset.ratingThresholds;
		expect([0, 24.9, 25, 49.9, 50, 74.9, 75, 100].map((n) => ratingFor(n, t))).toEqual([
			'low',
			'low',
			'moderate',
			'moderate',
			'high',
			'high',
			'critical',
			'critical'
		]);
	});
});

describe('lock-in sign evidence', () => {
	it('states each question behind a sign from the answer itself', () => {
		const sign = run(answers(BEST, { sim_ota_switching: 'physical_swap' })).lockInSigns.find(
			(s) => s.id === 'sign_physical_sim_swap'
		)!;
		expect(sign).toMatchObject({
			status: 'partly',
			title: 'Physical SIM swap to change provider',
			questions: ['sim_ota_switching', 'sim_form_factor']
		});
		expect(sign.evidence).toEqual([
			{
				questionId: 'sim_ota_switching',
				statement: 'Changing provider needs a site visit for each of 10,000 devices.',
				risky: true,
				open: false
			},
			{
				questionId: 'sim_form_factor',
				// A flexible answer is named as not showing the sign, never listed as if it did (walk #10).
				statement:
					'“Soldered (MFF2) eUICC that can take new profiles remotely”: not a sign of this lock-in',
				risky: false,
				open: false
			}
		]);
	});

	it('says "not answered yet" and "not confirmed" instead of stating a fact', () => {
		const sign = run({ platform_api: { option: NOT_SURE } }).lockInSigns.find(
			(s) => s.id === 'sign_closed_platform'
		)!;
		expect(sign.status).toBe('unknown');
		expect(sign.evidence.map((e) => [e.questionId, e.risky, e.open])).toEqual([
			['platform_api', false, true],
			['platform_export', false, true]
		]);
		expect(sign.evidence[1]!.statement).toBe(
			'Not answered yet: Can you export the full SIM inventory and the complete usage history in an open format such as CSV?'
		);
		expect(sign.evidence[0]!.statement).toMatch(/^Not confirmed/);
	});

	it('calls a sign absent only when every question behind it is answered and not risky', () => {
		const statuses = (given: Record<string, string>) =>
			Object.fromEntries(run(answers(given)).lockInSigns.map((s) => [s.id, s.status]));
		expect(statuses({ data_pooling: 'fleet_pool' }).sign_per_sim_data).toBe('unknown');
		expect(
			statuses({ data_pooling: 'fleet_pool', data_cap_behaviour: 'throttled' }).sign_per_sim_data
		).toBe('absent');
		// risk 0.4 is below the finding threshold 0.5, 1 is not
		expect(
			statuses({ data_pooling: 'partial_pools', data_cap_behaviour: 'pool_blocked' })
				.sign_per_sim_data
		).toBe('partly');
		expect(statuses({ data_pooling: 'per_sim' }).sign_per_sim_data).toBe('partly');
	});
});

describe('floors from answers', () => {
	it('names every answer that triggers the site-visit floor', () => {
		const result = run(
			answers(BEST, {
				sim_ota_switching: 'physical_swap',
				sim_euicc_standard: 'no_euicc',
				sim_form_factor: 'soldered_single_profile'
			})
		);
		expect(result.overall.floors.find((f) => f.id === 'site_visit_per_device')!.reason).toBe(
			'Changing provider needs a site visit for each of 10,000 devices (“No; changing provider means replacing the SIM on site”, “No eUICC; a conventional single-profile SIM” and “Soldered (MFF2) chip without eUICC”).'
		);
	});

	it('starts the site-visit floor at 10,000 devices, and the at-scale one at 1,000,000', () => {
		const floors = (devices: number) =>
			run(answers(BEST, { sim_ota_switching: 'physical_swap' }), { devices })
				.overall.floors.map((f) => f.id)
				.filter((id) => id.startsWith('site_visit'));
		expect(floors(9_999)).toEqual([]);
		expect(floors(10_000)).toEqual(['site_visit_per_device']);
		expect(floors(999_999)).toEqual(['site_visit_per_device']);
		expect(floors(1_000_000)).toEqual(['site_visit_per_device_at_scale', 'site_visit_per_device']);
	});

	it('does not let "not sure" trigger a floor meant for a definite answer', () => {
		const result = run(answers(BEST, { platform_api: NOT_SURE, contract_exit_terms: NOT_SURE }));
		// No floor for "no API" or "return or destroy": those need the definite answer.
		const ids = result.overall.floors.map((f) => f.id);
		expect(ids).not.toContain('no_api');
		expect(ids).not.toContain('sim_return_or_destroy');
		// The lock-in signs count "not sure" as a risk, as the score does, and say so: being unsure of
		// the API never rates lower than answering "partial API" (risk 0.5).
		const sign = result.overall.floors.find(
			(f) => f.id === 'lock_in_sign_partly:sign_closed_platform'
		)!;
		expect(sign.rating).toBe('moderate');
		expect(sign.reason).toBe(
			'Lock-in sign partly present: Closed management platform. (“Not sure” counts as a risk here until the vendor answers.)'
		);
		// "Not sure" is still a risk where it costs money: a possible duty to return the SIMs means a
		// new SIM in each of 10,000 devices, 10,000 × (300 × 1.2 + 5) = 3,650,000 at least.
		expect(result.switchingCost.lines[0]).toMatchObject({ amount: 3_650_000, assumed: false });
		expect(result.overall.floors.map((f) => f.id)).toContain('cost_total');
	});

	it("marks a floor at or below the answers' own rating as not raising it", () => {
		// WORST at 10,000 devices: answers 94 critical (golden.test.ts); every floor is at most critical
		const result = run(answers(WORST));
		expect(result.overall.answersRating).toBe('critical');
		expect(result.overall.floors.length).toBeGreaterThan(0);
		expect(result.overall.floors.every((f) => !f.raises)).toBe(true);
		expect(result.overall.raisedBy).toBeNull();
		expect(result.overall.score).toBe(94);
	});
});

describe('architecture and capabilities', () => {
	it('meets every recommended element with the best answers, and misses every one with the worst', () => {
		expect(run(answers(BEST)).architecture.map((a) => a.status)).toEqual([
			'met',
			'met',
			'met',
			'met',
			'met'
		]);
		const worst = run(answers(WORST)).architecture;
		expect(worst.map((a) => a.status)).toEqual([
			'missing',
			'missing',
			'missing',
			'missing',
			'missing'
		]);
		expect(worst.find((a) => a.id === 'arch_private_network')).toMatchObject({
			have: [],
			missing: ['no_device_client', 'portable_network_setup'],
			missingOneOf: ['portable_private_network', 'zero_trust'],
			unconfirmed: []
		});
	});

	it('lists what is proven, what "not sure" leaves open and what is not answered yet', () => {
		const result = run(
			answers({
				data_pooling: 'fleet_pool',
				data_cap_behaviour: NOT_SURE,
				network_multi_imsi: 'single_imsi'
			})
		);
		expect(result.capabilities.proven).toEqual(['pooled_data']);
		expect(result.capabilities.unconfirmed).toEqual(['no_hard_cap']);
		expect(result.capabilities.unanswered).not.toContain('pooled_data');
		expect(result.capabilities.unanswered).not.toContain('no_hard_cap');
		expect(result.capabilities.unanswered).not.toContain('multi_imsi'); // answered: single IMSI
		expect(result.capabilities.unanswered).not.toContain('multi_operator_profiles');
		expect(result.capabilities.unanswered).toContain('euicc');
		const pooled = result.architecture.find((a) => a.id === 'arch_pooled_data')!;
		expect(pooled).toMatchObject({
			status: 'partial',
			have: ['pooled_data'],
			missing: ['no_hard_cap'],
			unconfirmed: ['no_hard_cap']
		});
		const multi = result.architecture.find((a) => a.id === 'arch_multi_imsi_euicc')!;
		expect(multi).toMatchObject({
			status: 'missing',
			missing: ['euicc', 'ota_profile_switch', 'local_profiles'],
			missingOneOf: ['multi_imsi', 'multi_operator_profiles']
		});
		// the multi-network alternatives are answered (single IMSI): missing, not open
		expect(multi.unconfirmed).toEqual(['euicc', 'ota_profile_switch', 'local_profiles']);
	});
});

describe('finding wording', () => {
	it("says what an answer means, with the option's own recommendation or the question's", () => {
		const result = run(
			answers(BEST, { sim_ota_switching: 'physical_swap', platform_rbac: 'shared_login' })
		);
		expect(
			result.findings.map((f) => [
				f.id,
				f.title,
				f.detail,
				f.recommendation,
				f.answer,
				f.notSure,
				f.areaId,
				f.questionId
			])
		).toEqual([
			[
				'answer:sim_ota_switching',
				'Changing provider needs a site visit for each of 10,000 devices.',
				'Answer: No; changing provider means replacing the SIM on site',
				"Ask for eUICCs that download other operators' profiles over the air; if the offer stays as it is, budget a site visit per device for any change of provider.",
				'No; changing provider means replacing the SIM on site',
				false,
				'sim',
				'sim_ota_switching'
			],
			[
				'answer:platform_rbac',
				'The platform has one shared login, or makes every user an administrator, so access cannot be limited to what each team needs.',
				'Answer: One shared login, or every user is an administrator',
				'Ask for role-based access with sub-organisations and an audit trail, so each team sees and changes only what it should.',
				'One shared login, or every user is an administrator',
				false,
				'platform',
				'platform_rbac'
			]
		]);
	});

	it('says "not sure" plainly and lists the question, what to ask and why', () => {
		const result = run(answers(BEST, { platform_rbac: NOT_SURE }));
		const rbac = rules.questionsById.get('platform_rbac')!;
		expect(result.findings[0]).toMatchObject({
			detail: 'Until the vendor answers, this counts as a risk.',
			answer: 'Not sure',
			notSure: true
		});
		expect(result.findings[0]!.title).toMatch(/^Not confirmed/);
		expect(result.askVendor).toEqual([
			{
				questionId: 'platform_rbac',
				areaId: 'platform',
				question: rbac.text,
				ask: rbac.askVendor,
				why: rbac.why
			}
		]);
	});

	it('lists a contradiction once as its own finding, naming both answers', () => {
		const result = run(answers(BEST, { platform_api: 'no_api' }));
		const conflict = result.findings.find((f) => f.kind === 'conflict')!;
		expect(conflict).toEqual({
			id: 'conflict:portable_automation_without_api',
			kind: 'conflict',
			severity: 'medium',
			title: 'Two answers contradict each other',
			detail:
				'Automation is said to run through the API or in your own systems, but the platform has no API. The claim counts as unproven until the vendor shows how events reach your systems. Answers: "Yes; rules are managed through the API or run in our own systems, driven by events" and "No API; the web dashboard only".',
			recommendation: 'Check both answers with the vendor and correct the one that is wrong.',
			impact: 0,
			questionId: 'platform_automation_portability'
		});
		expect(result.findings.filter((f) => f.kind === 'conflict')).toHaveLength(1);
		// The doubted claim itself is worded from the contradiction wherever it is a finding.
		const euicc = run(answers(BEST, { sim_euicc_standard: 'no_euicc' }));
		const ota = euicc.findings.find((f) => f.id === 'answer:sim_ota_switching')!;
		// Listed once: the answer's own finding carries the contradiction, so no second entry.
		expect(euicc.findings.some((f) => f.id === 'conflict:ota_switch_without_euicc')).toBe(false);
		expect(ota.detail).toContain(
			'The SIM has no eUICC, yet it is said to switch profiles over the air.'
		);
		expect(ota.detail).toMatch(
			/ Answers: "Yes, to a profile from any operator or provider we choose" and "No eUICC; a conventional single-profile SIM"\.$/
		);
	});

	it('treats an answer to an option the ruleset no longer has as open', () => {
		const retired = run({ platform_api: { option: 'retired_option' } });
		const none = run({});
		expect(retired.completeness).toEqual({ answered: 0, notSure: 0, total: 44 });
		expect(retired.areas.find((a) => a.id === 'platform')!.score).toBeNull();
		expect(retired.capabilities.unanswered).toContain('open_api');
		expect(retired.overall.range).toEqual(none.overall.range);
		expect(
			retired.lockInSigns.find((s) => s.id === 'sign_closed_platform')!.evidence[0]!.open
		).toBe(true);
	});
});

describe('a local profile claimed for a SIM that cannot be managed remotely', () => {
	it('counts each such country as unproven, so its roaming rule applies (walk F5 residue)', () => {
		// Türkiye (banned, high confidence): "available, loaded over the air" cannot reach a SIM
		// that no eIM or SM-SR manages, so the claim is scored as "not sure" and the floor applies.
		const result = run(
			answers(BEST, { sim_eim_control: 'no_remote_management', local_profile_tr: 'available' }),
			{ countries: ['DE', 'TR'] }
		);
		const turkey = result.conflicts.find(
			(c) => c.id === 'local_profile_without_remote_management'
		)!;
		expect(turkey.claim).toEqual({
			questionId: 'local_profile_tr',
			option: 'available',
			label: 'Yes, available now, loaded over the air'
		});
		expect(result.roaming.find((r) => r.country === 'TR')).toMatchObject({
			mitigated: false,
			localProfile: 'not_sure',
			forces: 'critical'
		});
		expect(result.overall.rating).toBe('critical');
		// With remote management the same answer covers Türkiye.
		const managed = run(answers(BEST, { local_profile_tr: 'available' }), {
			countries: ['DE', 'TR']
		});
		expect(managed.roaming.find((r) => r.country === 'TR')).toMatchObject({
			mitigated: true,
			localProfile: 'available'
		});
	});
});
