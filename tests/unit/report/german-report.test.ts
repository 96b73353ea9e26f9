import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/lib/report/build-report';
import { answerRiskSentence, notSureRiskSentence } from '../../../src/lib/text/answer-words';
import { roamingLine } from '../../../src/lib/text/roaming-words';
import { money as roundedMoney, moneyRange } from '../../../src/lib/text/verdict';
import { longDate, money, ratingMeaning, shortDate } from '../../../src/lib/report/wording';
import type { RoamingExposure } from '../../../src/lib/scoring/types';
import { reportInput, typicalAssessment, UNICODE } from '../../fixtures/report';
import { shippedRules } from '../rules/read-rules';
import { pdfInfo, pdfPages } from './pdf-tools';

const rules = shippedRules();
const words = (s: string) => s.trim().replace(/\s+/g, ' ');

describe('German words of the report', () => {
	it('writes amounts, figures and dates as German readers do', () => {
		expect(money('USD', 7_940_080, 'de')).toBe('7.940.080 USD');
		expect(money('USD', 7_940_080, 'en')).toBe('USD 7,940,080');
		expect(roundedMoney('USD', 3_700_000, 'de')).toBe('3,7 Mio. USD');
		expect(roundedMoney('EUR', 49_000, 'de')).toBe('49.000 EUR');
		expect(moneyRange('USD', 1_600_000, 11_000_000, 'de')).toBe('1,6–11 Mio. USD');
		// One range for the pages and the PDF (src/lib/text/verdict.ts): the code once, at the end.
		expect(moneyRange('USD', 490_000, 1_200_000, 'de')).toBe('490.000–1,2 Mio. USD');
		expect(moneyRange('USD', 490_000, 1_200_000, 'en')).toBe('USD 490,000–1.2 million');
		expect(shortDate('2026-12-01', 'de')).toBe('01.12.2026');
		expect(longDate(new Date('2026-11-25T10:00:00Z'), 'UTC', 'de')).toBe('25. November 2026');
	});

	it('says the rating and what an answer means in German', () => {
		expect(ratingMeaning('high', 'de').headline).toBe('Hohes Lock-in-Risiko');
		expect(answerRiskSentence(0.5, 'de')).toBe(
			'Diese Antwort bringt etwas Lock-in (Risiko 50 von 100).'
		);
		expect(notSureRiskSentence(0.9, 'de')).toBe(
			'Bis der Anbieter antwortet, zählt „nicht sicher“ als Antwort, die Sie an den Anbieter bindet (Risiko 90 von 100).'
		);
	});

	it('says a country at risk with German figures and the rule’s confidence', () => {
		const brazil = {
			name: 'Brasilien',
			devices: 10_000,
			severity: 'critical',
			localProfile: 'none',
			forces: 'critical',
			confidence: 'medium'
		} as RoamingExposure;
		expect(roamingLine(brazil, 'de')).toBe(
			'Brasilien (10.000 Geräte): Geräte mit Roaming-SIMs werden abgeschaltet; das setzt die Einstufung auf mindestens Kritisch (Regel: mittleres Vertrauen).'
		);
	});
});

describe('a report in German', () => {
	let pages: string[];
	let info: Record<string, string>;

	beforeAll(async () => {
		const pdf = await buildReport(
			reportInput(rules, typicalAssessment(rules), {
				consultantName: UNICODE.consultant,
				locale: 'de'
			})
		);
		pages = pdfPages(pdf).map(words);
		info = pdfInfo(pdf);
	});

	it('has a German cover: fleet, date and who prepared it', () => {
		const cover = pages[0]!;
		expect(cover).toContain('Beraterbericht');
		expect(cover).toContain(`Auftraggeber ${UNICODE.organisation}`);
		// 12,000 devices in BR, DE, TR, IN, US and FR for 15 years (the fixture's fleet).
		expect(cover).toContain('Flotte 12.000 Geräte in 6 Ländern, Lebensdauer 15 Jahre');
		expect(cover).toContain('Datum 25. November 2026');
		expect(cover).toContain(`Erstellt von ${UNICODE.consultant}`);
		expect(cover).toContain('Warum diese Einstufung');
	});

	it('has German contents, headings and running footers with umlauts intact', () => {
		expect(pages[1]).toContain('Inhalt');
		expect(pages[1]).toContain('1 Zusammenfassung');
		expect(pages[1]).toContain('Fragen an den Anbieter');
		expect(pages[1]).toContain('Anhang A Roaming-Regeln nach Einsatzland');
		expect(pages[1]).toContain('Anhang B Methodik');
		const all = pages.join('\n');
		expect(all).toContain('Größte Risiken');
		expect(all).toContain('Nächste Schritte');
		pages.forEach((page, i) => expect(page).toContain(`Seite ${i + 1} von ${pages.length}`));
		expect(pages[2]).toContain('25. November 2026 · Lock-in Radar · Regelwerk');
	});

	it('writes money and dates in German', () => {
		const all = pages.join('\n');
		expect(all).toMatch(/Rund [\d,]+( Mio\.)? USD für den Wechsel/);
		expect(all).toMatch(/\d{1,3}(\.\d{3})* USD bei den verwendeten Werten/);
		// The answers were saved on 24 November 2026 (the fixture's updatedAt).
		expect(all).toContain('am 24.11.2026');
	});

	it('says nothing of the English frame', () => {
		const all = pages.join('\n');
		for (const english of ['Executive summary', 'Page 1 of', 'Recommendation', 'Appendix'])
			expect(all).not.toContain(english);
	});

	it('describes itself in German to PDF readers', () => {
		expect(info.Subject).toBe(
			`Lock-in-Bewertung für IoT-Konnektivität: Angebot von Example Connect für ${UNICODE.organisation}`
		);
		expect(info.Keywords).toBe(
			'IoT-Konnektivität, Anbieter-Lock-in, permanentes Roaming, Wechselkosten'
		);
	});
});
