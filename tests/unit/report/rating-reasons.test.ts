import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/lib/assessment/schema';
import { buildReport } from '../../../src/lib/report/build-report';
import type { Rules } from '../../../src/lib/rules/load';
import type { ScoreResult } from '../../../src/lib/scoring/types';
import { costHeadline, floorLine, moneyRange, money } from '../../../src/lib/text/verdict';
import { reportInput, typicalAssessment } from '../../fixtures/report';
import { shippedRules } from '../rules/read-rules';
import { pdfPages, squash } from './pdf-tools';

const rules = shippedRules();
const words = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Every question at its most flexible answer, except where `override` says otherwise. */
function flexible(rules: Rules, override: Record<string, string> = {}): Record<string, Answer> {
	const answers: Record<string, Answer> = {};
	for (const question of rules.questionsById.values()) {
		const best = [...question.options].sort((a, b) => a.risk - b.risk)[0]!.id;
		answers[question.id] = { option: override[question.id] ?? best };
	}
	for (const [id, option] of Object.entries(override)) answers[id] = { option };
	return answers;
}

describe('the cost to leave in words', () => {
	it('rounds to millions with a range and a per-device figure', () => {
		expect(money('USD', 3_700_000)).toBe('USD 3.7 million');
		expect(money('USD', 370)).toBe('USD 370');
		expect(moneyRange('USD', 1_600_000, 11_000_000)).toBe('USD 1.6–11 million');
		expect(moneyRange('USD', 490_000, 1_200_000)).toBe('USD 490,000–1.2 million');
	});
});

describe('a physical-swap offer for 20,000 devices in Germany and Brazil, with no local profile in Brazil', () => {
	let result: ScoreResult;
	let pages: string[];
	let text: string;

	beforeAll(async () => {
		const assessment = typicalAssessment(rules, {
			fleet: { devices: 20_000, countries: ['DE', 'BR'], lifetimeYears: 12 },
			answers: flexible(rules, { sim_ota_switching: 'physical_swap', local_profile_br: 'none' })
		});
		const input = reportInput(rules, assessment);
		result = input.result;
		pages = pdfPages(await buildReport(input));
		text = pages.join('\n');
	});

	it('is rated by its floors: the site visits and Brazil, each with its confidence', () => {
		const ids = result.overall.floors.map((f) => f.id);
		expect(ids).toContain('site_visit_per_device');
		expect(ids).toContain('roaming:BR');
		expect(result.overall.rating).toBe('critical');
		const brazil = result.roaming.find((r) => r.country === 'BR')!;
		expect(brazil.forces).toBe('critical');
	});

	it('prints every raising floor with its reason, rating and confidence on the cover and in the summary', () => {
		const cover = squash(pages[0]!);
		const summary = squash(pages.slice(2, 5).join('\n'));
		const raising = result.overall.floors.filter((f) => f.raises);
		expect(raising.length).toBeGreaterThan(0);
		for (const floor of raising.slice(0, 3))
			expect(cover).toContain(squash(floorLine(floor, 'en')));
		for (const floor of raising) expect(summary).toContain(squash(floorLine(floor, 'en')));
		expect(squash(text)).toContain(squash('site visit for each of 20,000 devices'));
		expect(squash(text)).toContain(squash('Brazil has a ban on permanent roaming'));
		expect(words(text)).toContain('medium confidence');
	});

	it('puts the cost to leave, rounded with its range and per device, on the cover and in the summary', () => {
		const headline = costHeadline(result.switchingCost, 'en');
		// The fleet does not say how visits are made, so the range runs from a routine round to a costly trip.
		expect(headline).toMatch(
			/^About USD [\d.]+ million to leave \(USD [\d,]+–[\d.]+ million\), USD [\d,]+ per device$/
		);
		expect(squash(pages[0]!)).toContain(squash(headline));
		expect(squash(pages.slice(2, 5).join('\n'))).toContain(squash(headline));
	});

	it('groups the findings by severity and says them from the answers', () => {
		const findings = words(
			pages.find((p) => p.includes('Findings and recommendations') && !p.includes('Contents'))!
		);
		expect(findings).toMatch(/Critical: \d+ findings?/);
		const swap = result.findings.find((f) => f.questionId === 'sim_ota_switching')!;
		expect(swap.title).not.toBe(rules.questionsById.get('sim_ota_switching')!.text);
		expect(squash(text)).toContain(squash(swap.title));
	});

	it('shows the Brazil question and its answer in the SIM section', () => {
		expect(squash(text)).toContain(
			squash("Can the offer give devices in Brazil a local operator's profile")
		);
		expect(words(text)).toContain('Answer: No local profile for this country');
	});

	it('prints no template text: no square brackets and no braces', () => {
		expect(text).not.toMatch(/\[|\]/);
		expect(text).not.toMatch(/[{}]/);
	});
});

describe('contradicting answers', () => {
	it('are listed in the summary with both answers', async () => {
		const assessment = typicalAssessment(rules, {
			fleet: { devices: 500, countries: ['DE'], lifetimeYears: 10 },
			answers: flexible(rules, {
				sim_euicc_standard: 'no_euicc',
				sim_ota_switching: 'any_provider'
			})
		});
		const input = reportInput(rules, assessment);
		expect(input.result.conflicts.map((c) => c.id)).toContain('ota_switch_without_euicc');
		const text = squash(pdfPages(await buildReport(input)).join('\n'));
		expect(text).toContain(squash('Answers that contradict each other'));
		const conflict = input.result.conflicts.find((c) => c.id === 'ota_switch_without_euicc')!;
		expect(text).toContain(
			squash(`"${conflict.claim.label}" and "${conflict.contradictedBy.label}"`)
		);
	});
});

describe('a report for a buyer who prices in euros', () => {
	it('gives every amount in EUR, says at which dated rate, and shows the cost bands in both currencies', async () => {
		const assessment = typicalAssessment(rules, {
			currency: 'EUR',
			fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 12, siteVisits: 'dedicated' },
			answers: flexible(rules, { sim_ota_switching: 'physical_swap' })
		});
		const input = reportInput(rules, assessment);
		const text = words(pdfPages(await buildReport(input)).join('\n'));
		// 10,000 × (258 × 1.2 + 4.30) = 3,139,000 of visits, plus 30 days of both providers billing,
		// 10,000 × 1.29 = 12,900: 3,151,900, about EUR 3.2 million.
		expect(text).toContain('About EUR 3.2 million to leave');
		expect(text).toContain('Site visits to swap SIMs: EUR 3,139,000 at the values used');
		expect(text).not.toMatch(/About USD/);
		expect(squash(text)).toContain(
			squash("converted from the model's USD figures at 0.86 EUR per USD (rate of 28 Nov 2025")
		);
		// The bands are USD amounts; the methodology gives both.
		expect(squash(text)).toContain(
			squash('USD 250,000 (about EUR 215,000) or more: at least moderate')
		);
	});
});
