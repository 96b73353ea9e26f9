import { describe, expect, it } from 'vitest';
import { simulationMeta } from '../../../src/lib/simulation/assumptions';
import {
	initialControls,
	inputFromTypedFleet,
	parseTypedFleet,
	readControls,
	readEnforcement,
	readOutage
} from '../../../src/lib/simulation/client-input';
import { typedFleetDefaults } from '../../../src/lib/simulation/page-data';
import { rules } from './fixtures';

const defaults = typedFleetDefaults(rules);
const meta = simulationMeta(rules, 1_000_000_000);

describe('the simulation’s own checks on a German page', () => {
	it('words a typed fleet’s problems in German', () => {
		const data = new URLSearchParams([
			['devices', '12,5'],
			['lifetimeYears', '0'],
			['monthlyMbPerDevice', '-1']
		]);
		expect(parseTypedFleet(data, defaults, 'de').errors).toEqual({
			'fleet.devices': 'Die Anzahl der Geräte muss eine ganze Zahl sein',
			'fleet.countries': 'Wählen Sie mindestens ein Einsatzland',
			'fleet.lifetimeYears': 'Die Lebensdauer der Geräte muss größer als null sein',
			'fleet.monthlyMbPerDevice': 'Das monatliche Datenvolumen darf nicht negativ sein'
		});
	});

	it('words figures out of range with German digit grouping', () => {
		const base = inputFromTypedFleet(
			defaults,
			{ devices: 2000, countries: ['TR', 'DE'], lifetimeYears: 4 },
			{ seed: 1 }
		);
		const values = initialControls(base);
		values.seed = '-1';
		values.params.usageSpread = '3';
		values.costs.fieldVisitPerDevice = 'billig';
		expect(readControls(base, values, meta, 'de').errors).toEqual({
			seed: 'Der Startwert ist eine ganze Zahl von 0 bis 4.294.967.295',
			'params.usageSpread': 'Geben Sie einen Wert von 0 bis 2 ein',
			'costs.fieldVisitPerDevice': 'Geben Sie eine Zahl ein'
		});
		expect(readOutage({ country: 'BR', startDay: '0', days: '400' }, base, 'de').errors).toEqual({
			country: 'Wählen Sie ein Land der Flotte',
			startDay: 'Der erste Tag muss zwischen 1 und 1.460 liegen',
			days: 'Ein Ausfall dauert mehr als 0 und höchstens 365 Tage'
		});
		expect(readEnforcement({ country: 'DE', day: '' }, base, 'de').errors).toEqual({
			day: 'Geben Sie den Tag ein'
		});
	});
});
