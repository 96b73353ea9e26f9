/**
 * What one answer means for lock-in, in the same words on the questionnaire, the results page and
 * in the PDF (a risk number alone, or "Critical (90/100)" for "not sure", told the buyer something
 * else than the page did).
 */
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import { riskBand, type RiskBand } from '../assessment/risk-words';

type Say = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const RISK_VERB: Record<RiskBand, Say> = {
	flexible: m.report_risk_verb_flexible,
	some: m.report_risk_verb_some,
	locking: m.report_risk_verb_locking
};

/** The same, at the end of a German subordinate clause ("…, die Sie flexibel hält"). */
const RISK_CLAUSE: Record<RiskBand, Say> = {
	flexible: m.report_risk_clause_flexible,
	some: m.report_risk_clause_some,
	locking: m.report_risk_clause_locking
};

const riskInputs = (risk: number, locale: Locale) => ({
	verb: RISK_VERB[riskBand(risk)]({}, { locale }),
	clause: RISK_CLAUSE[riskBand(risk)]({}, { locale }),
	risk: String(Math.round(risk * 100))
});

/** "This answer brings some lock-in (risk 50 of 100)." */
export const answerRiskSentence = (risk: number, locale: Locale) =>
	m.report_answer_risk(riskInputs(risk, locale), { locale });

/**
 * "Not sure" counts as a risk until the vendor answers, at the ruleset's not-sure risk but never
 * above the question's worst answer: `risk` is that capped value.
 */
export const notSureRiskSentence = (risk: number, locale: Locale) =>
	m.report_not_sure_risk(riskInputs(risk, locale), { locale });

const RISK_LABEL: Record<RiskBand, Say> = {
	flexible: m.textde_risk_label_flexible,
	some: m.textde_risk_label_some,
	locking: m.textde_risk_label_locking
};

/** Short labels for tables: "some lock-in", "etwas Lock-in". */
export const riskLabel = (risk: number, locale: Locale) =>
	RISK_LABEL[riskBand(risk)]({}, { locale });
