/**
 * The questions a tender asks of every offer: its ruleset's, area by area, with the fleet's
 * per-country local-profile questions in the area the ruleset names, as an assessment asks them.
 * The one list the buyer's pages, the vendor's questionnaire and the answer matrix are drawn from,
 * so none of them can ask or show a question the others do not. Pure.
 */
import { localProfileQuestions } from '../assessment/local-profiles';
import type { Rules } from '../rules/load';
import type { AreaId } from '../rules/schema';

/** One question as a page, a spreadsheet or the matrix shows it: its options by label ("not sure" is not one). */
export interface TenderQuestion {
	id: string;
	text: string;
	why: string;
	options: { id: string; label: string }[];
}

export function tenderQuestionAreas(
	rules: Rules,
	countries: readonly string[]
): { id: AreaId; title: string; questions: TenderQuestion[] }[] {
	const local = localProfileQuestions(rules, countries);
	return rules.ruleset.areas.map((area) => ({
		id: area.id,
		title: area.title,
		questions: [
			...area.questions,
			...(rules.ruleset.localProfiles?.area === area.id ? local : [])
		].map((q) => ({
			id: q.id,
			text: q.text,
			why: q.why,
			options: q.options.map((o) => ({ id: o.id, label: o.label }))
		}))
	}));
}
