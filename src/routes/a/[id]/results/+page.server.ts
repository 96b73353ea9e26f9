import { error, fail } from '@sveltejs/kit';
import { fieldErrors } from '$lib/assessment/form';
import { COST_KEYS } from '$lib/rules/schema';
import * as assessments from '$lib/server/assessments';
import { inputSchemas } from '$lib/server/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const record = await assessments.read(params.id);
	if (!record) error(404, 'There is no assessment at this address.');
	const { result } = assessments.withResult(record);
	const firstOpen = result.areas.find((a) => a.answered < a.total)?.id;
	return {
		summary: {
			title: record.title,
			organisation: record.organisation,
			vendor: record.vendor,
			devices: record.fleet.devices,
			countries: record.fleet.countries.length,
			lifetimeYears: record.fleet.lifetimeYears
		},
		result,
		resumeHref: firstOpen ? `/a/${record.id}/${firstOpen}` : undefined
	};
};

export const actions: Actions = {
	/** Saves the cost assumptions; an emptied field goes back to the default. */
	costs: async ({ request, params }) => {
		const form = await request.formData();
		const costs: Record<string, number | null> = {};
		for (const key of COST_KEYS) {
			const raw = String(form.get(`cost.${key}`) ?? '').trim().replace(/[\s,_]/g, '');
			costs[key] = raw === '' ? null : Number(raw);
		}
		const parsed = inputSchemas.patchBody.safeParse({ costs });
		if (!parsed.success) return fail(400, { costErrors: fieldErrors(parsed.error.issues) });
		if (!(await assessments.update(params.id, parsed.data))) error(404, 'There is no assessment at this address.');
		return { costsSaved: true };
	}
};
