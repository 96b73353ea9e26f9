import { describe, expect, it } from 'vitest';
import { failoverWords } from '../../../src/lib/simulation/architecture-words';
import {
	recommendedArchitecture,
	singleCarrierBaseline
} from '../../../src/lib/simulation/architecture';
import { describeCost, describeOffline, percent } from '../../../src/lib/simulation/chart-text';
import type { ChartData } from '../../../src/lib/simulation/chart-data';
import { byCountryWords, summarise } from '../../../src/lib/simulation/summary';
import type { SimulationResult } from '../../../src/lib/simulation/types';

/** Issue 13, item 3: the simulation's words in German, with German numbers. */
const NBSP = '\u00a0';

const totals = (
	offlineByCountry: Record<string, number>,
	roaming: number,
	outage: number,
	dataCap: number,
	cost = 0
) => ({
	offlineDeviceDays: { roaming, switch: 0, outage, dataCap, total: roaming + outage + dataCap },
	offlineByCountry,
	cost: { fieldVisits: cost, overTheAir: 0, doubleFees: 0, overage: 0, exitFees: 0, total: cost },
	fieldVisits: 0,
	switch: null,
	exposedDevices: 0,
	availability: 1
});
const countries = [
	{ code: 'BR', name: 'Brasilien', devices: 100, roamingBlockDay: 90 },
	{ code: 'DE', name: 'Deutschland', devices: 100, roamingBlockDay: null },
	{ code: 'TR', name: 'Türkei', devices: 100, roamingBlockDay: 120 }
];
const exit = { exitFee: 0, overlapDays: 90, exitPaidDays: 0 };

describe('the simulation summary in German', () => {
	it('names the causes, the countries and the availability in German words and figures', () => {
		// 1,000 device-days over one year: 600 roaming, 300 outages, 100 data caps (60%, 30%, 10%:
		// the third is under the 5% rule's second place, so two causes are named).
		const result = {
			days: 365,
			devices: 300,
			outageEvents: 0,
			assessed: {
				architecture: singleCarrierBaseline(exit),
				series: {},
				totals: totals({ DE: 500, TR: 300, BR: 200 }, 600, 300, 100, 12345)
			},
			recommended: {
				architecture: recommendedArchitecture(30),
				series: {},
				totals: totals({}, 0, 0, 0)
			}
		} as unknown as SimulationResult;
		expect(summarise(result, countries, 'EUR', 'de')).toBe(
			'In 1 Jahr verliert ein einzelner Netzbetreiber mit Datenlimits je SIM 1.000 Gerätetage, ' +
				'60 % davon durch Roaming-Sperren und 30 % durch Netzausfälle; ' +
				'die empfohlene Architektur verliert 0. ' +
				'Nach Ländern verliert ein einzelner Netzbetreiber mit Datenlimits je SIM: ' +
				'Deutschland 500, Türkei 300 und Brasilien 200 Gerätetage. ' +
				`Verfügbarkeit: 100,00${NBSP}% gegenüber 100,00${NBSP}%. ` +
				'Durch Lock-in verlorenes Geld: 12.345 EUR gegenüber 0 EUR.'
		);
	});

	it('joins countries with "und" and groups thousands with a dot', () => {
		expect(byCountryWords({ TR: 1234.4, BR: 12 }, countries, 'de')).toBe(
			'Türkei 1.234 und Brasilien 12 Gerätetage'
		);
	});

	it('says in German why failover on one network is not credited', () => {
		expect(failoverWords({ networksPerMarket: 1, automaticFailover: true }, 'de')).toMatch(
			/^Offline, bis der Netzbetreiber wieder verfügbar ist\. Laut den Antworten schaltet es automatisch um/
		);
		expect(failoverWords({ networksPerMarket: 2, automaticFailover: true }, 'de')).toBe(
			'Schaltet in Minuten auf das andere Netz um'
		);
	});
});

describe('chart text alternatives in German', () => {
	// Two years; the assessed side loses 1,500 device-days to roaming blocks in year 2.
	const row = (year: number, roaming: number, cost: number) => ({
		year,
		days: 365,
		availability: { assessed: 1, recommended: 1 },
		offline: {
			assessed: { roaming, switch: 0, outage: 0, dataCap: 0, total: roaming },
			recommended: { roaming: 0, switch: 0, outage: 0, dataCap: 0, total: 0 }
		},
		costToDate: { assessed: cost, recommended: 0 }
	});
	const data = { yearly: [row(1, 0, 0), row(2, 1500, 2500.4)] } as unknown as ChartData;

	it('counts offline device-days with German numbers and cause names', () => {
		expect(describeOffline(data, 'assessed', 'Bewertetes Angebot', 'de')).toBe(
			'Bewertetes Angebot: 1.500 Gerätetage offline über die Lebensdauer (Roaming-Sperren 1.500), ' +
				'je Jahr nach Ursache dargestellt. Das schlechteste Jahr ist Jahr 2 mit 1.500.'
		);
		expect(describeOffline(data, 'recommended', 'Empfohlene Architektur', 'de')).toBe(
			'Empfohlene Architektur: in keinem Jahr Gerätetage offline.'
		);
	});

	it('puts the currency after the amount, as German readers write it', () => {
		const labels = { assessed: 'Bewertetes Angebot', recommended: 'Empfohlene Architektur' };
		expect(describeCost(data, labels, 'EUR', 'de')).toBe(
			'Ausgaben für Vor-Ort-Einsätze, Mehrverbrauch und Ausstiegsgebühren über 2 Jahre, zusammen: ' +
				'Bewertetes Angebot 2.500 EUR; Empfohlene Architektur 0 EUR.'
		);
		expect(percent(0.9966, 'de')).toBe(`99,66${NBSP}%`);
		expect(percent(0.9966, 'en')).toBe('99.66%');
	});
});
