import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formDataOf } from '$lib/server/http';
import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors, fleetBodyFromForm } from '$lib/assessment/form';
import * as assessments from '$lib/server/assessments';
import {
	countryChoices,
	fleetFormValues,
	fleetFormValuesFromSubmission
} from '$lib/server/fleet-page';
import { inputSchemasFor, rulesFor } from '$lib/server/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const record = await assessments.readForRequest(locals, params.id);
	if (!record) error(404, m.error_no_assessment());
	return { values: fleetFormValues(record), choices: countryChoices() };
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const form = await formDataOf(request);
		const current = await assessments.read(params.id);
		if (!current) error(404, m.error_no_assessment());
		// Back to where the user was (often the results), or on to the first area.
		// Validated against the ruleset the assessment is pinned to.
		const rules = rulesFor(current.rulesetVersion);
		const next =
			current.lastStep && current.lastStep !== 'fleet'
				? current.lastStep
				: rules.ruleset.areas[0]!.id;
		const parsed = inputSchemasFor(current.rulesetVersion).patchBody.safeParse({
			...fleetBodyFromForm(form),
			lastStep: next
		});
		if (!parsed.success) {
			return fail(400, {
				errors: fieldErrors(parsed.error.issues, getLocale()),
				values: fleetFormValuesFromSubmission(form)
			});
		}
		if (!(await assessments.update(params.id, parsed.data))) error(404, m.error_no_assessment());
		redirect(303, `/a/${params.id}/${next}`);
	}
};
