import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { rulesFor } from '$lib/server/rules';
import { openShare, sharedView } from '$lib/server/shares';
import { inputFromAssessment } from '$lib/simulation/inputs';
import { fleetPageBasics } from '$lib/simulation/page-data';
import { resultsBridge } from '$lib/text/results-bridge';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

// Read-only: nothing returned here may carry the assessment's edit id (sharedView drops it).
export const load: PageServerLoad = async ({ params }) => {
	const opened = await openShare(params.token);
	if (opened.status === 'unknown') error(404, m.error_link_gone());
	if (opened.status !== 'active') error(410, m.error_link_gone());
	const view = sharedView(opened.record, opened.share);
	const rules = rulesFor(view.assessment.rulesetVersion);
	return {
		title: view.assessment.title,
		input: inputFromAssessment(rules, view.assessment, view.result, { seed: 1 }),
		...fleetPageBasics(rules, view.result.currency),
		bridge: resultsBridge(view.result, getLocale()),
		backHref: `/s/${params.token}`
	};
};
