import { formDataOf } from '$lib/server/http';
import { getLocale } from '$lib/paraglide/runtime';
import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, fleetBodyFromForm } from '$lib/assessment/form';
import * as assessments from '$lib/server/assessments';
import {
	countryChoices,
	fleetFormValues,
	fleetFormValuesFromSubmission
} from '$lib/server/fleet-page';
import { inputSchemas, rules } from '$lib/server/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	values: fleetFormValues(),
	choices: countryChoices(),
	areaCount: rules.ruleset.areas.length
});

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await formDataOf(request);
		const firstArea = rules.ruleset.areas[0]!.id;
		const parsed = inputSchemas.createBody.safeParse({
			...fleetBodyFromForm(form),
			lastStep: firstArea
		});
		if (!parsed.success) {
			return fail(400, {
				errors: fieldErrors(parsed.error.issues, getLocale()),
				values: fleetFormValuesFromSubmission(form)
			});
		}
		const record = await assessments.create(parsed.data);
		redirect(303, `/a/${record.id}/${firstArea}`);
	}
};
