import { error, fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import * as assessments from '$lib/server/assessments';
import {
	countryChoices,
	fleetFormValues,
	fleetFormValuesFromSubmission
} from '$lib/server/fleet-page';
import { formDataOf } from '$lib/server/http';
import * as tenders from '$lib/server/tenders';
import { withSiteVisitsKept } from '$lib/tender/fleet-form';
import { MAX_OFFERS, MIN_OFFERS } from '$lib/tender/schema';
import { tenderBodyFromForm, tenderFieldErrors, VENDOR_ROWS } from './tender-form';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const ID = /^[A-Za-z0-9_-]{22}$/;

/** The assessment a tender starts from (`?from=` or the form's hidden field), or null. */
async function startingAssessment(id: string | null) {
	if (!id) return null;
	const record = ID.test(id) ? await assessments.read(id) : null;
	if (!record) error(404, m.tender_no_assessment());
	return record;
}

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	const from = await startingAssessment(url.searchParams.get('from'));
	// With ?from= the address carries an assessment's edit key.
	if (from)
		setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
	const fleet = fleetFormValues(from ?? undefined);
	return {
		values: {
			...fleet,
			title: from ? m.tender_from_title({ title: from.title }) : '',
			vendors: [from?.vendor ?? '', '', '', '', '', '', '', ''].slice(0, VENDOR_ROWS)
		},
		from: from ? { id: from.id, title: from.title, vendor: from.vendor } : null,
		choices: countryChoices(),
		limits: { min: MIN_OFFERS, max: MAX_OFFERS }
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await formDataOf(request);
		const { body, vendors, rows } = tenderBodyFromForm(form);
		// Nothing typed is lost: the page is drawn again with what was sent.
		const values = { ...fleetFormValuesFromSubmission(form), vendors };
		const parsed = tenders.tenderSchemasFor().createBody.safeParse(body);
		if (!parsed.success)
			return fail(400, {
				errors: tenderFieldErrors(parsed.error.issues, rows, getLocale()),
				values
			});
		const assessment = await startingAssessment(parsed.data.fromAssessment ?? null);
		const { fleet } = parsed.data;
		const created =
			fleet && assessment
				? { ...parsed.data, fleet: withSiteVisitsKept(form, fleet, assessment.fleet) }
				: parsed.data;
		let record;
		try {
			record = await tenders.create(created, assessment);
		} catch (e) {
			if (e instanceof tenders.StaleAssessmentError)
				return fail(409, { errors: { form: e.message }, values });
			throw e;
		}
		redirect(303, `/t/${record.id}`);
	}
};
