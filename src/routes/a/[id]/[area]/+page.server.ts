import { formDataOf } from '$lib/server/http';
import { error, fail, redirect } from '@sveltejs/kit';
import { answersFromForm, fieldErrors } from '$lib/assessment/form';
import { neighbours } from '$lib/assessment/steps';
import { NOT_SURE } from '$lib/rules/schema';
import * as assessments from '$lib/server/assessments';
import { inputSchemas, rules, steps } from '$lib/server/rules';
import type { Actions, PageServerLoad } from './$types';

function areaOf(id: string) {
	const area = rules.ruleset.areas.find((a) => a.id === id);
	if (!area) error(404, 'There is no such step in the questionnaire.');
	return area;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const area = areaOf(params.area);
	const record = await assessments.readForRequest(locals, params.id);
	if (!record) error(404, 'There is no assessment at this address.');
	const { index, previous, next } = neighbours(steps, area.id);
	return {
		area,
		notSure: { id: NOT_SURE, label: rules.ruleset.notSure.label },
		answers: Object.fromEntries(area.questions.map((q) => [q.id, record.answers[q.id] ?? {}])),
		stepNumber: index + 1,
		stepCount: steps.length,
		previous,
		next
	};
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const area = areaOf(params.area);
		const form = await formDataOf(request);
		const intent = form.get('intent');
		const { previous, next } = neighbours(steps, area.id);
		const target = intent === 'back' ? previous : intent === 'next' ? next : area.id;
		const parsed = inputSchemas.patchBody.safeParse({
			answers: answersFromForm(form, area),
			lastStep: target ?? area.id
		});
		if (!parsed.success) {
			return fail(400, { errors: fieldErrors(parsed.error.issues) });
		}
		if (!(await assessments.update(params.id, parsed.data))) {
			error(404, 'There is no assessment at this address.');
		}
		if (target && target !== area.id) redirect(303, `/a/${params.id}/${target}`);
		return { saved: true };
	}
};
