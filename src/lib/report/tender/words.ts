/** Words the tender report repeats: the scoring mode, the weights, the kinds of clarification. */
import type { ClarificationKind } from '../../tender/clarifications';
import type { ScoringMode } from '../../tender/schema';
import type { WeightRow, WeightSource } from './model';

export const SCORING_WORDS: Record<ScoringMode, string> = {
	as_given: 'Claims as given: each vendor’s answers count as the vendor gave them',
	unverified_as_not_sure: 'Verified only: every claim you have not verified counts as “not sure”'
};

export const WEIGHT_SOURCE_WORD: Record<WeightSource, string> = {
	ruleset: 'The ruleset’s',
	saved: 'Saved with the tender',
	'what-if': 'What-if, for this report only'
};

const number = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });

/**
 * "The ruleset’s, unchanged" or "Network coverage 2 (saved with the tender, ruleset 1); the other
 * areas at the ruleset’s weight". Only weights that differ from the ruleset's are named: the compare
 * page saves every slider, most of them left where the ruleset puts them.
 */
export function weightsSummary(rows: readonly WeightRow[]): string {
	const changed = rows.filter((r) => r.used !== r.ruleset);
	if (changed.length === 0) return 'The ruleset’s, unchanged';
	const list = changed.map(
		(r) =>
			`${r.title} ${number(r.used)} (${r.source === 'saved' ? 'saved with the tender' : 'what-if'}, ruleset ${number(r.ruleset)})`
	);
	return `${list.join('; ')}${changed.length < rows.length ? '; the other areas at the ruleset’s weight' : ''}`;
}

export const weightNumber = number;

/** Headings of the vendor's clarification list, addressed to the vendor's bid team. */
export const CLARIFICATION_HEADING: Record<ClarificationKind, { title: string; intro: string }> = {
	disputed: {
		title: 'Answers we dispute',
		intro:
			'We do not accept these answers as they stand. Our reason is given with each; please answer again, with the document and section that backs your answer.'
	},
	rejected: {
		title: 'Answers we could not accept',
		intro:
			'These answers were rejected and count as not given. Please answer them again, with evidence.'
	},
	not_sure: {
		title: 'Answers given as “not sure”',
		intro: 'Please give a definite answer to each.'
	},
	unanswered: {
		title: 'Questions not answered yet',
		intro: 'Please answer each.'
	},
	unverified: {
		title: 'Claims we have not verified yet',
		intro:
			'Please send the evidence (a document and section) that backs each of these answers; the ones that matter most to our decision come first.'
	}
};
