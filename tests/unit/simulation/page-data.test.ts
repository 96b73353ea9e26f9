import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/lib/assessment/schema';
import { SIMULATION_KEYS } from '../../../src/lib/rules/schema';
import { SIMULATED_COST_KEYS } from '../../../src/lib/simulation/assumptions';
import { dailyCsvName, fileSlug, inventoryCsvName } from '../../../src/lib/simulation/downloads';
import { fleetPageBasics, typedFleetDefaults } from '../../../src/lib/simulation/page-data';
import { rules } from './fixtures';

describe('fleetPageBasics', () => {
	const { meta, currency } = fleetPageBasics(rules);

	it('lists every simulation default with its label, unit, basis, confidence and sources, in the file’s order', () => {
		expect(meta.simulation.map((m) => m.key)).toEqual(Object.keys(rules.simulation.defaults));
		expect([...meta.simulation.map((m) => m.key)].sort()).toEqual([...SIMULATION_KEYS].sort());
		for (const m of meta.simulation) {
			const source = rules.simulation.defaults[m.key];
			// Money figures name their currency in the unit (the rules' USD here).
			const unit = source.money ? `USD ${source.unit}` : source.unit;
			expect(m).toMatchObject({
				label: source.label,
				value: source.value,
				unit,
				basis: source.basis,
				confidence: source.confidence,
				sources: source.sources
			});
			expect([m.lower, m.upper]).toEqual([source.min, source.max]);
		}
		expect(currency).toBe(rules.costs.currency);
	});

	it('offers only the cost values the simulation reads, bounded as the assessment bounds them', () => {
		expect(meta.costs.map((m) => m.key).sort()).toEqual([...SIMULATED_COST_KEYS].sort());
		// A share of devices is at most 1, and a swap takes at least one visit; amounts up to the schema's limit.
		const bounds = (key: string) =>
			key === 'otaFailureShare'
				? [0, 1]
				: key === 'revisitFactor'
					? [1, LIMITS.costValue]
					: [0, LIMITS.costValue];
		for (const m of meta.costs) expect([m.lower, m.upper]).toEqual(bounds(m.key));
	});

	it('shows money in the assessment’s currency, converted at the rules’ rate', () => {
		const eur = fleetPageBasics(rules, 'EUR');
		expect(eur.currency).toBe('EUR');
		// 300 × 0.86 = 258, range 150-1,000 → 129-860; 0.05 per MB × 0.86 = 0.043.
		expect(eur.meta.costs.find((m) => m.key === 'fieldVisitPerDevice')).toMatchObject({
			value: 258,
			unit: 'EUR per device',
			min: 129,
			max: 860
		});
		expect(eur.meta.simulation.find((m) => m.key === 'overagePerMb')).toMatchObject({
			value: 0.043,
			unit: 'EUR per MB'
		});
		expect(eur.meta.costs.find((m) => m.key === 'revisitFactor')).toMatchObject({
			value: 1.2,
			unit: 'visits per swap'
		});
	});
});

describe('typedFleetDefaults', () => {
	it('covers every country of the rules, each once', () => {
		const { countries } = typedFleetDefaults(rules);
		expect(countries.map((c) => c.code).sort()).toEqual([...rules.countryNames.keys()].sort());
		expect(countries.find((c) => c.code === 'BR')?.name).toBe('Brazil');
	});
});

describe('download names', () => {
	it('are readable and safe, whatever the title', () => {
		expect(fileSlug('Smart meters: İstanbul & Şişli (phase 2)')).toBe(
			'smart-meters-istanbul-sisli-phase-2'
		);
		expect(fileSlug('   ')).toBe('fleet');
		expect(fileSlug('x'.repeat(200))).toHaveLength(60);
		expect(dailyCsvName('Smart meters', 7)).toBe('smart-meters-simulation-daily-seed-7.csv');
		expect(inventoryCsvName('Smart meters', 'recommended', 100)).toBe(
			'smart-meters-inventory-recommended-day-100.csv'
		);
	});
});
