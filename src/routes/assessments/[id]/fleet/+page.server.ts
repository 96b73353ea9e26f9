import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import * as assessments from '$lib/server/assessments';
import { rulesFor } from '$lib/server/rules';
import { inputFromAssessment } from '$lib/simulation/inputs';
import { fleetPageBasics } from '$lib/simulation/page-data';
import { resultsBridge } from '$lib/text/results-bridge';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const record = await assessments.read(params.id);
	if (!record) error(404, m.error_no_assessment());
	// The id in the URL is the edit key: keep the page out of shared caches.
	setHeaders({ 'cache-control': 'private, no-store' });
	const { result } = assessments.withResult(record);
	const rules = rulesFor(record.rulesetVersion);
	return {
		title: record.title,
		input: inputFromAssessment(rules, record, result, { seed: 1 }),
		...fleetPageBasics(rules, result.currency),
		bridge: resultsBridge(result, getLocale()),
		backHref: `/a/${record.id}/results`
	};
};
