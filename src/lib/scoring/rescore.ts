import { localProfileQuestions } from '../assessment/local-profiles';
import type { Rules } from '../rules/load';
import type { Rating } from '../rules/schema';
import { score, type Scorable } from './score';
import type { AppliedFloor } from './types';

/** A floor as the preview shows it: what it forces and why. */
export type FloorSummary = Pick<AppliedFloor, 'id' | 'rating' | 'reason' | 'raises'>;

export interface RescoreSide {
	/** The ruleset that scores this side. */
	version: string;
	score: number;
	rating: Rating;
	floors: FloorSummary[];
	provisional: boolean;
	range: [number, number] | null;
}

export interface RescorePreview {
	from: RescoreSide;
	to: RescoreSide;
	changed: {
		/** True when anything below differs. */
		any: boolean;
		rating: boolean;
		score: boolean;
		/** Floors by id: added when only `to` has it, removed when only `from` has it; a floor whose rating moves is both. */
		floors: { added: FloorSummary[]; removed: FloorSummary[] };
	};
	/** Questions the new ruleset asks this fleet that the old one did not (e.g. per-country local profiles). */
	newQuestions: number;
}

function side(rules: Rules, assessment: Scorable): RescoreSide {
	const { overall } = score(rules, assessment);
	return {
		version: rules.ruleset.version,
		score: overall.score,
		rating: overall.rating,
		floors: overall.floors.map(({ id, rating, reason, raises }) => ({
			id,
			rating,
			reason,
			raises
		})),
		provisional: overall.provisional,
		range: overall.range
	};
}

/** Every question a ruleset asks this fleet: its areas' questions and its per-country ones. */
function askedQuestions(rules: Rules, countries: readonly string[]): Set<string> {
	return new Set([
		...rules.questionsById.keys(),
		...localProfileQuestions(rules, countries).map((q) => q.id)
	]);
}

/**
 * What re-scoring an assessment with another ruleset would change: rating, score and the floors
 * behind them, before the owner accepts it. Pure: the same rules and answers give the same preview.
 */
export function rescorePreview(
	fromRules: Rules,
	toRules: Rules,
	assessment: Scorable
): RescorePreview {
	const from = side(fromRules, assessment);
	const to = side(toRules, assessment);
	const key = (f: FloorSummary) => `${f.id}\u0000${f.rating}`;
	const fromKeys = new Set(from.floors.map(key));
	const toKeys = new Set(to.floors.map(key));
	const added = to.floors.filter((f) => !fromKeys.has(key(f)));
	const removed = from.floors.filter((f) => !toKeys.has(key(f)));
	const rating = from.rating !== to.rating;
	const scoreChanged = from.score !== to.score;
	const asked = askedQuestions(fromRules, assessment.fleet.countries);
	const newQuestions = [...askedQuestions(toRules, assessment.fleet.countries)].filter(
		(id) => !asked.has(id)
	).length;
	return {
		from,
		to,
		changed: {
			any: rating || scoreChanged || added.length > 0 || removed.length > 0,
			rating,
			score: scoreChanged,
			floors: { added, removed }
		},
		newQuestions
	};
}
