/**
 * Sentences made by code rather than read from the rules, in German: under each answer, in the
 * architecture comparison and in what scoring writes (findings, roaming, cost lines) when the
 * rules are read in German. Expected strings written by hand from rules/*.yaml and rules/i18n/de.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/lib/assessment/schema';
import { capabilityLabel } from '../../../src/lib/rules/capability-labels';
import { score } from '../../../src/lib/scoring/score';
import type { ArchitectureComparison } from '../../../src/lib/scoring/types';
import { registryFromDisk } from '../../../src/lib/server/rules-files';
import { answerRiskSentence, riskLabel } from '../../../src/lib/text/answer-words';
import { architectureGaps, needLabel } from '../../../src/lib/text/architecture-words';
import { eitherWords, listWords, quoted } from '../../../src/lib/text/template';
import { BEST } from '../../fixtures/scoring/answers';

const registry = registryFromDisk('rules');
const de = registry.forVersion(registry.current.ruleset.version, 'de');

const given = (answers: Record<string, string>): Record<string, Answer> =>
	Object.fromEntries(Object.entries(answers).map(([id, option]) => [id, { option }]));

describe('German words made by code', () => {
	it('says what an answer means under it, and in a table', () => {
		expect(answerRiskSentence(0.1, 'de')).toBe(
			'Diese Antwort hält Sie flexibel (Risiko 10 von 100).'
		);
		expect(answerRiskSentence(0.1, 'en')).toBe('This answer keeps you flexible (risk 10 of 100).');
		expect(riskLabel(0.5, 'de')).toBe('etwas Lock-in');
	});

	it('names capabilities, and what the buyer needs, in German', () => {
		expect(capabilityLabel('pooled_data', 'de')).toBe('flottenweiter Datenpool');
		expect(capabilityLabel('pooled_data', 'en')).toBe('fleet-wide data pool');
		expect(needLabel('no_hard_cap', 'de')).toBe(
			'Betrieb, der weiterläuft, wenn ein Gerät sein Limit erreicht'
		);
		const element = {
			missing: ['ota_profile_switch', 'local_profiles'],
			missingOneOf: ['private_apn', 'zero_trust'],
			unconfirmed: ['local_profiles']
		} as unknown as ArchitectureComparison;
		expect(architectureGaps(element, 'de')).toEqual({
			missing: ['Over-the-Air-Profilwechsel', 'privater APN oder Zero-Trust-Zugang'],
			unconfirmed: ['lokale Netzbetreiberprofile']
		});
		expect(architectureGaps(element, 'en').missing[1]).toBe('private APN or Zero Trust access');
	});

	it('joins and quotes as German readers do', () => {
		expect(listWords(['Brasilien', 'Indien', 'Türkei'], 'de')).toBe('Brasilien, Indien und Türkei');
		expect(listWords(['Brazil', 'India', 'Türkiye'])).toBe('Brazil, India and Türkiye');
		expect(eitherWords(['A', 'B', 'C'], 'de')).toBe('A, B oder C');
		expect(quoted('Ja', 'de')).toBe('„Ja“');
		expect(quoted('Yes', 'en')).toBe('“Yes”');
	});

	it('writes findings and cost lines in German when the rules are German', () => {
		// 10,000 devices in Germany, the best answers but a physical SIM swap, no site-visit pattern
		// given: rules/costs.yaml prices each swap as a dedicated 300 USD visit × 1.2 visits + a 5 USD SIM.
		const result = score(de, {
			fleet: { devices: 10_000, countries: ['DE'], lifetimeYears: 10 },
			answers: given({ ...BEST, sim_ota_switching: 'physical_swap' }),
			costs: {}
		});
		const swap = result.switchingCost.lines.find((line) => line.id === 'sim_swap')!;
		expect(swap.label).toBe('Vor-Ort-Einsätze zum SIM-Tausch');
		expect(swap.formula).toBe('10.000 Geräte × (300 USD Einsatz × 1,2 Einsätze + 5 USD SIM)');
		expect(swap.reason).toBe(
			'Die SIMs können den Anbieter nicht over the air wechseln: Jedes Gerät braucht einen Einsatz. Die Flotte gibt nicht an, ob Tausche bei Routinerunden mitlaufen können; jeder wird daher als eigene Fahrt bepreist, die Spanne reicht bis zu einem Routineeinsatz hinab.'
		);
		const finding = result.findings.find((f) => f.questionId === 'sim_ota_switching')!;
		expect(finding.detail).toBe(
			'Antwort: Nein; ein Anbieterwechsel bedeutet, die SIM vor Ort zu tauschen'
		);
	});

	it('says when Brazil’s rule bites and what the offer lacks there, in German', () => {
		// rules/countries.yaml: Brazil bans permanent roaming after about 90 days, timing graded low
		// against a rule graded high; no local profile in the offer.
		const result = score(de, {
			fleet: { devices: 10_000, countries: ['BR'], lifetimeYears: 10 },
			answers: given({ ...BEST, local_profile_br: 'none' }),
			costs: {}
		});
		const brazil = result.roaming.find((r) => r.country === 'BR')!;
		expect(brazil.byWhen).toBe(
			'Nach etwa 90 Tagen Roaming, weit innerhalb der Gerätelebensdauer von 10 Jahren (Verlässlichkeit der Zeitangabe: gering)'
		);
		expect(brazil.mitigationNote).toBe(
			'Das Angebot hat hier kein lokales Profil: Die Geräte bleiben auf Roaming-SIMs.'
		);
		const finding = result.findings.find((f) => f.id === 'roaming:BR')!;
		expect(finding.title).toBe('Brasilien: Geräte mit Roaming-SIMs werden abgeschaltet');
		expect(finding.recommendation).toBe(
			'Verlangen Sie im Vertrag ein lokales Netzbetreiberprofil für Brasilien mit Termin, bevor Sie dort 10.000 Geräte einsetzen.'
		);
	});
});
