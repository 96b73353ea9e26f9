import { error, redirect } from '@sveltejs/kit';
import * as assessments from '$lib/server/assessments';
import { rulesFor } from '$lib/server/rules';
import type { PageServerLoad } from './$types';

/** Resume: go back to the step the user last moved to. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const record = await assessments.readForRequest(locals, params.id);
	if (!record) error(404, 'There is no assessment at this address. Check the link you were sent.');
	redirect(
		303,
		`/a/${params.id}/${record.lastStep ?? rulesFor(record.rulesetVersion).ruleset.areas[0]!.id}`
	);
};
