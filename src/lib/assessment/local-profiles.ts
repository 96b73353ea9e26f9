import type { Rules } from '../rules/load';
import { curedByLocalProfile, kindPhrase } from '../rules/restrictions';
import {
	LOCAL_PROFILE_OPTIONS,
	type CountryCaveat,
	type LocalProfileOption
} from '../rules/schema';
import { fill } from '../text/template';

const PREFIX = 'local_profile_';

/** `local_profile_br`: one question per restricting country, asked only where the fleet goes. */
export const localProfileQuestionId = (country: string) => `${PREFIX}${country.toLowerCase()}`;

export function countryOfQuestion(questionId: string): string | null {
	return /^local_profile_[a-z]{2}$/.test(questionId)
		? questionId.slice(PREFIX.length).toUpperCase()
		: null;
}

/** Best to worst: the order of the options and of the provisional range. */
const OPTION_RISK: Record<LocalProfileOption, number> = { available: 0, on_request: 0.3, none: 1 };

export interface LocalProfileQuestion {
	id: string;
	country: string;
	countryName: string;
	text: string;
	why: string;
	recommendation: string;
	askVendor: string;
	unknown: string;
	options: { id: LocalProfileOption; label: string; risk: number; finding?: string }[];
	/** What can defeat the cure here (device registration, local control, data localisation): shown with the question. */
	caveats: Pick<CountryCaveat, 'kind' | 'text' | 'confidence'>[];
}

/** Whether the ruleset asks per country (format 2) and this country's rule calls for the question. */
export function asksLocalProfile(rules: Rules, country: string): boolean {
	const kind = rules.countryRules.get(country)?.kind;
	return !!rules.ruleset.localProfiles && !!kind && curedByLocalProfile(kind);
}

/** The per-country local-profile questions for a fleet, in the order its countries are listed. */
export function localProfileQuestions(
	rules: Rules,
	countries: readonly string[]
): LocalProfileQuestion[] {
	const template = rules.ruleset.localProfiles;
	if (!template) return [];
	return countries
		.filter((code) => asksLocalProfile(rules, code))
		.map((code) => {
			const countryName = rules.countryNames.get(code) ?? code;
			const rule = rules.countryRules.get(code)!;
			const values = { country: countryName, kind: kindPhrase(rule.kind, rules.locale) };
			return {
				id: localProfileQuestionId(code),
				country: code,
				countryName,
				text: fill(template.text, values),
				why: fill(template.why, values),
				recommendation: fill(template.recommendation, values),
				askVendor: fill(template.askVendor, values),
				unknown: fill(template.unknown, values),
				options: LOCAL_PROFILE_OPTIONS.map((id) => ({
					id,
					label: fill(template.options[id].label, values),
					risk: OPTION_RISK[id],
					finding: template.options[id].finding
						? fill(template.options[id].finding!, values)
						: undefined
				})),
				caveats: (rule.caveats ?? []).map(({ kind, text, confidence }) => ({
					kind,
					text,
					confidence
				}))
			};
		});
}
