import { rules } from '$lib/server/rules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	questionCount: rules.questionsById.size,
	restrictedCount: rules.countries.rules.filter((r) => r.kind !== 'none_known').length,
	rulesetVersion: rules.ruleset.version
});
