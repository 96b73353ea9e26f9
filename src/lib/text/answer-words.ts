/**
 * What one answer means for lock-in, in the same words on the questionnaire, the results page and
 * in the PDF (a risk number alone, or "Critical (90/100)" for "not sure", told the buyer something
 * else than the page did).
 */
import { RISK_VERB, riskBand } from '../assessment/risk-words';

const outOf100 = (risk: number) => `${Math.round(risk * 100)} of 100`;

/** "This answer brings some lock-in (risk 50 of 100)." */
export const answerRiskSentence = (risk: number) =>
	`This answer ${RISK_VERB[riskBand(risk)]} (risk ${outOf100(risk)}).`;

/**
 * "Not sure" counts as a risk until the vendor answers, at the ruleset's not-sure risk but never
 * above the question's worst answer: `risk` is that capped value.
 */
export const notSureRiskSentence = (risk: number) =>
	`Until the vendor answers, "not sure" counts as an answer that ${RISK_VERB[riskBand(risk)]} (risk ${outOf100(risk)}).`;
