import { describe, expect, it } from 'vitest';
import type { RoamingExposure, SwitchingCost } from '../../../src/lib/scoring/types';
import {
	costHeadline,
	floorTag,
	money,
	moneyRange,
	severityName
} from '../../../src/lib/text/verdict';
import { roamingLine } from '../../../src/lib/text/roaming-words';
import { appliesFromWords } from '../../../src/lib/text/regulation-words';

/** Only what the headline reads: the estimate and its currency. */
const cost = (estimate: Pick<SwitchingCost['estimate'], 'low' | 'high' | 'total' | 'perDevice'>) =>
	({ currency: 'USD', estimate, lines: [] }) as unknown as SwitchingCost;

const brazil = {
	country: 'BR',
	name: 'Brazil',
	devices: 10_000,
	severity: 'critical',
	forces: 'critical',
	confidence: 'medium',
	localProfile: 'none'
} as unknown as RoamingExposure;

describe('results sentences in English and German', () => {
	it('says amounts with the code first in English and after in German', () => {
		expect(money('USD', 3_700_000, 'en')).toBe('USD 3.7 million');
		expect(money('USD', 3_700_000, 'de')).toBe('3,7 Mio. USD');
		expect(money('EUR', 49_000, 'de')).toBe('49.000 EUR');
		expect(moneyRange('USD', 490_000, 1_200_000, 'en')).toBe('USD 490,000–1.2 million');
		expect(moneyRange('USD', 490_000, 1_200_000, 'de')).toBe('490.000–1,2 Mio. USD');
	});

	it('gives the cost to leave as a headline in either language', () => {
		const estimate = { low: 1_600_000, high: 11_000_000, total: 3_700_000, perDevice: 370 };
		expect(costHeadline(cost(estimate), 'en')).toBe(
			'About USD 3.7 million to leave (USD 1.6–11 million), USD 370 per device'
		);
		expect(costHeadline(cost(estimate), 'de')).toBe(
			'Rund 3,7 Mio. USD für den Wechsel (1,6–11 Mio. USD), 370 USD je Gerät'
		);
		expect(costHeadline(cost({ low: 0, high: 0, total: 0, perDevice: 0 }), 'de')).toBe(
			'Die gegebenen Antworten ergeben keine Wechselkosten'
		);
	});

	it('names floors, severities and roaming lines in German', () => {
		const floor = { rating: 'high', confidence: 'medium' } as const;
		expect(floorTag(floor, 'en')).toBe('at least high, medium confidence');
		expect(floorTag(floor, 'de')).toBe('mindestens Hoch, mittleres Vertrauen');
		expect(severityName('medium', 'de')).toBe('Mittel');
		expect(severityName('critical', 'en')).toBe('Critical');
		expect(roamingLine(brazil, 'en')).toBe(
			'Brazil (10,000 devices): devices on roaming SIMs will be cut off; this sets the rating to at least critical (rule graded medium confidence).'
		);
		expect(roamingLine(brazil, 'de')).toBe(
			'Brazil (10.000 Geräte): Geräte mit Roaming-SIMs werden abgeschaltet; das setzt die Einstufung auf mindestens Kritisch (Regel: mittleres Vertrauen).'
		);
	});

	it("dates a regulation in the reader's words", () => {
		const rule = { appliesFrom: '2025-09-12', appliesFromNote: null };
		expect(appliesFromWords(rule, 'en')).toBe('Applies from 12 September 2025.');
		expect(appliesFromWords(rule, 'de')).toBe('Gilt ab 12. September 2025.');
	});
});
