import { describe, expect, it } from 'vitest';
import { regulationsFor } from '../../../src/lib/scoring/regulations';
import { shippedRules } from '../rules/read-rules';

const rules = shippedRules();
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('regulationsFor', () => {
	it('a German deployment gets the EU Data Act switching right and the DORA duty, rights first', () => {
		const found = regulationsFor(rules, { countries: ['DE'] });
		expect(ids(found)).toEqual(
			expect.arrayContaining([
				'eu_data_act_switching',
				'eu_dora_exit_strategies',
				'eu_data_act_connected_product_data'
			])
		);
		const kinds = found.map((r) => r.kind);
		expect(kinds.indexOf('duty')).toBeGreaterThan(kinds.lastIndexOf('right'));
		expect(found[0]!.id).toBe('eu_data_act_switching');
		expect(found.find((r) => r.id === 'eu_data_act_switching')!.reasons).toEqual([
			'Deployment in Germany'
		]);
	});

	it('India gets the DoT M2M SIM transfer procedure', () => {
		const found = regulationsFor(rules, { countries: ['IN'] });
		expect(ids(found)).toContain('in_dot_m2m_sim_ownership_transfer');
		expect(found.every((r) => r.reasons.includes('Deployment in India'))).toBe(true);
		expect(ids(found)).not.toContain('eu_data_act_switching');
	});

	it('a buyer in Germany with a fleet only in the US gets the EU entries, said as "Your organisation"', () => {
		const found = regulationsFor(rules, { countries: ['US'] }, 'DE');
		expect(ids(found)).toContain('eu_data_act_switching');
		expect(ids(found)).toContain('eu_dora_exit_strategies');
		for (const regulation of found)
			expect(regulation.reasons).toEqual(['Your organisation in Germany']);
	});

	it('names every deployment country it applies through, and the buyer too', () => {
		const found = regulationsFor(rules, { countries: ['FR', 'US', 'DE'] }, 'NL');
		const switching = found.find((r) => r.id === 'eu_data_act_switching')!;
		expect(switching.reasons).toEqual([
			'Deployment in France and Germany',
			'Your organisation in Netherlands'
		]);
		expect(switching.countries).toEqual(['FR', 'DE', 'NL']);
	});

	it('nothing recorded: an empty list', () => {
		expect(regulationsFor(rules, { countries: ['US'] })).toEqual([]);
		expect(regulationsFor(rules, { countries: ['US'] }, 'BR')).toEqual([]);
	});
});
