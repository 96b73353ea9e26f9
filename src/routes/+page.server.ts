import { restrictsRoaming } from '$lib/rules/restrictions';
import { rules } from '$lib/server/rules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	questionCount: rules.questionsById.size,
	restrictedCount: rules.countries.rules.filter((r) => restrictsRoaming(r.kind)).length,
	rulesetVersion: rules.ruleset.version
});
