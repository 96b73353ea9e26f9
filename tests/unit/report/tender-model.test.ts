import { describe, expect, it } from 'vitest';
import { tenderReportModel } from '../../../src/lib/report/tender/model';
import { weightsSummary } from '../../../src/lib/report/tender/words';
import type { Offer, OfferAnswer, StoredTender } from '../../../src/lib/tender/schema';
import { BEST } from '../../fixtures/scoring/answers';
import { shippedRules } from '../rules/read-rules';

/*
 * The tender report's content as plain data. Scores as in compare.test.ts (ruleset 2.1.0): with
 * the saved weight network 4 and the what-if sim 2 (sum 4 + 2 + 0.8 + 1.2 + 1 + 0.8 = 9.8),
 * Alpha (15×4 + 1.1×2 + 2.5×0.8)/9.8 = 64.2/9.8 = 6.6 and Bravo (0.8×4 + 1.1×2 + 28.56 + 2)/9.8
 * = 35.96/9.8 = 3.7: Bravo first.
 */
const rules = shippedRules();
const AT = '2026-12-02T03:00:00.000Z';
const ID = (n: number) => `offer${String(n).padStart(17, '0')}`;
const buyer = (option: string): OfferAnswer => ({
	option,
	by: 'buyer',
	state: 'verified',
	updatedAt: AT
});
const offer = (
	n: number,
	vendor: string,
	changes: Record<string, string>,
	extra: Record<string, OfferAnswer> = {}
): Offer => ({
	id: ID(n),
	vendor,
	createdAt: AT,
	answers: {
		...Object.fromEntries(Object.entries({ ...BEST, ...changes }).map(([id, o]) => [id, buyer(o)])),
		...extra
	},
	history: [],
	respondents: []
});

const tender: StoredTender = {
	shares: [],
	schemaVersion: 1,
	id: 'tenderAAAAAAAAAAAAAAAA',
	revision: 1,
	rulesetVersion: rules.ruleset.version,
	createdAt: AT,
	updatedAt: AT,
	title: '  Meters\u202e 2027 ',
	organisation: 'Stadtwerke',
	fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
	costs: {},
	scoring: 'as_given',
	weights: { network: 4 },
	offers: [
		offer(1, 'Alpha', {
			network_sunset_readiness: 'legacy',
			network_core_redundancy: 'single_point'
		}),
		offer(
			2,
			'Bra\u0000vo',
			{
				data_overage_rate: 'provider_discretion',
				data_minimum_session_charge: 'large',
				data_fee_basis: 'all_issued',
				data_sim_fee_caps: 'provider_discretion'
			},
			{
				platform_api: { option: 'full_api', by: 'vendor', state: 'claimed', updatedAt: AT }
			}
		)
	]
};

describe('the tender report model', () => {
	const model = tenderReportModel(rules, tender, { sim: 2 });

	it('ranks the offers with the weights used, and keeps each offer’s colour from its place in the tender', () => {
		expect(
			model.ranked.map((r) => [
				r.rank,
				r.comparison.vendor,
				r.comparison.claimed.score,
				r.series,
				r.unverified
			])
		).toEqual([
			[1, 'Bravo', 3.7, 1, 1],
			[2, 'Alpha', 6.6, 0, 0]
		]);
		expect(model.recommendation.vendor).toBe('Bravo');
		expect(
			model.clarifications.map((c) => [c.vendor, c.items.map((i) => `${i.kind}:${i.questionId}`)])
		).toEqual([
			['Bravo', ['unverified:platform_api']],
			['Alpha', []]
		]);
	});

	it('says where each area’s weight came from: the ruleset, the tender, or this report', () => {
		expect(model.weights.map((w) => [w.id, w.ruleset, w.used, w.source])).toEqual([
			['network', 1, 4, 'saved'],
			['sim', 1.5, 2, 'what-if'],
			['data', 0.8, 0.8, 'ruleset'],
			['platform', 1.2, 1.2, 'ruleset'],
			['contract', 1, 1, 'ruleset'],
			['security', 0.8, 0.8, 'ruleset']
		]);
	});

	it('calls a weight what-if only where it differs from the one that applies anyway (the compare page sends them all)', () => {
		const all = tenderReportModel(rules, tender, {
			network: 4,
			sim: 1.5,
			data: 0.8,
			platform: 1.2,
			contract: 1,
			security: 3
		});
		expect(all.weights.map((w) => [w.id, w.used, w.source])).toEqual([
			['network', 4, 'saved'],
			['sim', 1.5, 'ruleset'],
			['data', 0.8, 'ruleset'],
			['platform', 1.2, 'ruleset'],
			['contract', 1, 'ruleset'],
			['security', 3, 'what-if']
		]);
		// Back at the ruleset's weight over a saved one is a what-if still.
		expect(tenderReportModel(rules, tender, { network: 1 }).weights[0]).toMatchObject({
			used: 1,
			source: 'what-if'
		});
	});

	it('names in words only the weights that differ from the ruleset’s, saved or what-if', () => {
		expect(weightsSummary(model.weights, 'en')).toBe(
			'Network coverage 4 (saved with the tender, ruleset 1); SIM portability 2 (what-if, ruleset 1.5); the other areas at the ruleset’s weight'
		);
		// Every slider saved, only network moved: the others are the ruleset's, whoever saved them.
		const allSaved = tenderReportModel(rules, {
			...tender,
			weights: { network: 10, sim: 1.5, data: 0.8, platform: 1.2, contract: 1, security: 0.8 }
		});
		expect(weightsSummary(allSaved.weights, 'en')).toBe(
			'Network coverage 10 (saved with the tender, ruleset 1); the other areas at the ruleset’s weight'
		);
		expect(
			weightsSummary(tenderReportModel(rules, { ...tender, weights: undefined }).weights, 'en')
		).toBe('The ruleset’s, unchanged');
	});

	it('calls a weight what-if only where it differs from the saved one or the ruleset’s, as when the compare page sends every weight', () => {
		// The compare page's PDF link carries all six weights in use: network as saved (4), the rest
		// at the ruleset's (rules/ruleset.yaml 2.1.0) except sim moved from 1.5 to 2, and data from 0.8 to 1.
		const all = tenderReportModel(rules, tender, {
			network: 4,
			sim: 2,
			data: 1,
			platform: 1.2,
			contract: 1,
			security: 0.8
		});
		expect(all.weights.map((w) => [w.id, w.ruleset, w.used, w.source])).toEqual([
			['network', 1, 4, 'saved'],
			['sim', 1.5, 2, 'what-if'],
			['data', 0.8, 1, 'what-if'],
			['platform', 1.2, 1.2, 'ruleset'],
			['contract', 1, 1, 'ruleset'],
			['security', 0.8, 0.8, 'ruleset']
		]);
		// Back at the ruleset's weight where the tender saved another: a what-if too.
		expect(
			tenderReportModel(rules, tender, { network: 1 }).weights.find((w) => w.id === 'network')
		).toMatchObject({ used: 1, source: 'what-if' });
	});

	it('cleans the text it prints: no control characters or direction overrides', () => {
		expect(model.title).toBe('Meters 2027');
		expect(model.ranked[0]!.comparison.vendor).toBe('Bravo');
	});
});
