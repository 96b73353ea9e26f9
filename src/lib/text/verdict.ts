/**
 * The words around a rating, shared by the results page, the share page and the PDF: the
 * provisional range, the cost to leave and why the rating is at least what it is. Plain data in,
 * plain strings out, so every place the rating appears says the same thing.
 */
import type { Confidence, Rating } from '../rules/schema';
import type { AppliedFloor, Finding, ScoreResult, Severity, SwitchingCost } from '../scoring/types';

export const RATING_NAME: Record<Rating, string> = {
	low: 'Low',
	moderate: 'Moderate',
	high: 'High',
	critical: 'Critical'
};

export const CONFIDENCE_NAME: Record<Confidence, string> = {
	high: 'high confidence',
	medium: 'medium confidence',
	low: 'low confidence',
	unverified: 'unverified'
};

const number = (n: number, digits = 2) => n.toLocaleString('en', { maximumFractionDigits: digits });

/** The unit a rounded amount reads in: millions and billions in words, smaller amounts in full. */
function scaleOf(amount: number): { divisor: number; word: string } {
	if (Math.abs(amount) >= 1e9) return { divisor: 1e9, word: ' billion' };
	if (Math.abs(amount) >= 1e6) return { divisor: 1e6, word: ' million' };
	return { divisor: 1, word: '' };
}

/** "USD 3.7 million", "USD 49,000", "USD 370". */
export function money(currency: string, amount: number): string {
	const { divisor, word } = scaleOf(amount);
	return `${currency} ${number(amount / divisor, divisor === 1 ? 0 : 2)}${word}`;
}

/** "USD 1.6–11 million", "USD 490,000–1.2 million", or one amount when both ends are equal. */
export function moneyRange(currency: string, low: number, high: number): string {
	if (low === high) return money(currency, low);
	const lowScale = scaleOf(low);
	const highScale = scaleOf(high);
	if (lowScale.divisor === highScale.divisor) {
		const { divisor, word } = highScale;
		const digits = divisor === 1 ? 0 : 2;
		return `${currency} ${number(low / divisor, digits)}–${number(high / divisor, digits)}${word}`;
	}
	return `${money(currency, low)}–${money(currency, high).slice(currency.length + 1)}`;
}

/** The lines of the estimate that rest on open questions rather than on answers. */
export const assumedLines = (cost: SwitchingCost) =>
	cost.lines.filter((line) => line.applies && line.assumed);

/**
 * "About USD 3.7 million to leave (USD 1.6–11 million), USD 370 per device": the rounded estimate
 * with the range the assumptions allow.
 */
export function costHeadline(cost: SwitchingCost): string {
	const e = cost.estimate;
	if (e.high === 0) return 'No cost to leave found in the answers given';
	const range = e.low === e.high ? '' : ` (${moneyRange(cost.currency, e.low, e.high)})`;
	return `About ${money(cost.currency, e.total)} to leave${range}, ${money(cost.currency, e.perDevice)} per device`;
}

/** Said after the headline when part of the estimate rests on open questions. */
export function costAssumedNote(cost: SwitchingCost): string | null {
	const assumed = assumedLines(cost);
	if (assumed.length === 0) return null;
	const names = assumed.map((line) => line.label.charAt(0).toLowerCase() + line.label.slice(1));
	return `Part of this rests on open questions, not on answers: ${names.join('; ')}. Answer them to firm it up.`;
}

/** "Provisional: 12–58, 20 of 38 answered", or null once every question is answered. */
export function provisionalLine(result: ScoreResult): string | null {
	if (!result.overall.provisional) return null;
	const { answered, total } = result.completeness;
	const range = result.overall.range;
	const [low, high] = range ? [Math.round(range[0]), Math.round(range[1])] : [null, null];
	const span =
		low === null ? '' : low === high ? `${low} whatever the open answers, ` : `${low}–${high}, `;
	return `Provisional: ${span}${answered} of ${total} answered`;
}

/** What the provisional range means, in one sentence. */
export function provisionalMeaning(result: ScoreResult): string | null {
	const range = result.overall.range;
	if (!result.overall.provisional || !range) return null;
	if (Math.round(range[0]) === Math.round(range[1])) {
		return 'The open questions cannot change the score: it is the same with their best and their worst answers.';
	}
	return `With the open questions answered at their best and at their worst, the score would lie between ${Math.round(range[0])} and ${Math.round(range[1])} out of 100.`;
}

/** "High" or "High so far": a rating with open questions is never shown as final. */
export const ratingName = (result: ScoreResult) =>
	`${RATING_NAME[result.overall.rating]}${result.overall.provisional ? ' so far' : ''}`;

/** "At least high (medium confidence)". */
export const floorTag = (floor: Pick<AppliedFloor, 'rating' | 'confidence'>) =>
	`at least ${RATING_NAME[floor.rating].toLowerCase()}, ${CONFIDENCE_NAME[floor.confidence]}`;

/** The reason with its rating and confidence: "… (at least high, medium confidence)". */
export function floorLine(floor: AppliedFloor): string {
	const reason = floor.reason.trim().replace(/\.$/, '');
	return `${reason} (${floorTag(floor)}).`;
}

/** The floors that lift the rating above the answers' own, and those the answers already meet. */
export function floorGroups(result: ScoreResult) {
	return {
		raising: result.overall.floors.filter((f) => f.raises),
		met: result.overall.floors.filter((f) => !f.raises)
	};
}

/** One sentence on how the rating came about. */
export function ratingExplanation(result: ScoreResult): string {
	const { overall } = result;
	const answers = `The answers alone score ${Math.round(overall.answersScore)}/100 (${overall.answersRating})`;
	const raising = overall.floors.filter((f) => f.raises);
	if (raising.length === 0) return `${answers}.`;
	const plural = raising.length === 1 ? 'this reason' : 'these reasons';
	return `${answers}; the rating is raised to ${overall.rating} for ${plural}:`;
}

export const SEVERITY_NAME: Record<Severity, string> = {
	critical: 'Critical',
	high: 'High',
	medium: 'Medium'
};

const SEVERITIES: Severity[] = ['critical', 'high', 'medium'];

/** Findings grouped by severity, most severe first; empty groups are left out. */
export function findingsBySeverity(
	findings: readonly Finding[]
): { severity: Severity; findings: Finding[] }[] {
	return SEVERITIES.map((severity) => ({
		severity,
		findings: findings.filter((f) => f.severity === severity)
	})).filter((group) => group.findings.length > 0);
}
