import { error, fail } from '@sveltejs/kit';
import { fieldErrors, fleetBodyFromForm } from '$lib/assessment/form';
import {
	countryChoices,
	fleetFormValues,
	fleetFormValuesFromSubmission
} from '$lib/server/fleet-page';
import { formDataOf } from '$lib/server/http';
import { respondUrl } from '$lib/server/origin';
import {
	createRespondent,
	reopenRespondent,
	RespondentLimitError,
	RevokedError,
	revokeRespondent
} from '$lib/server/respondents';
import { rulesFor } from '$lib/server/rules';
import { ShareInputError } from '$lib/server/shares';
import * as tenders from '$lib/server/tenders';
import { withSiteVisitsKept } from '$lib/tender/fleet-form';
import { createRespondentBodySchema, MAX_OFFERS, type StoredTender } from '$lib/tender/schema';
import { readQuestionnaire, WorkbookError } from '$lib/tender/xlsx';
import { OWNER_HEADERS, text } from './owner-page';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const noTender = () => m.tender_err_no_tender();

async function tender(id: string): Promise<StoredTender> {
	const record = await tenders.read(id);
	if (!record) error(404, noTender());
	return record;
}

/** The offer a form names; a missing one is the form's mistake, answered on the page. */
const offerOf = (record: StoredTender, form: FormData) =>
	record.offers.find((o) => o.id === text(form, 'offerId'));
const noOffer = (offerId: string) =>
	fail(404, { offerId, offerErrors: { form: m.tender_err_no_offer() } });

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders(OWNER_HEADERS);
	const record = await tender(params.id);
	const view = tenders.withResults(record);
	const rules = rulesFor(record.rulesetVersion);
	const countryName = new Map(rules.countries.all.map((c) => [c.code, c.name]));
	return {
		fleet: {
			...record.fleet,
			countryNames: record.fleet.countries.map((code) => countryName.get(code) ?? code)
		},
		scoring: record.scoring,
		offers: view.offers.map((offer) => ({
			id: offer.id,
			vendor: offer.vendor,
			result: offer.result,
			progress: tenders.offerProgress(
				record,
				record.offers.find((o) => o.id === offer.id)!
			),
			respondents: offer.respondents
		})),
		maxOffers: MAX_OFFERS,
		fleetValues: fleetFormValues({ ...record, vendor: '' }),
		choices: countryChoices(),
		questions: Object.fromEntries(
			tenders
				.questionSections(record)
				.flatMap((s) =>
					s.questions.map((q) => [
						q.id,
						{ text: q.text, options: Object.fromEntries(q.options.map((o) => [o.id, o.label])) }
					])
				)
		)
	};
};

/** The rows a preview showed, sent back with the confirmation (a file input cannot be refilled). */
function rowsFromForm(form: FormData) {
	try {
		const rows: unknown = JSON.parse(text(form, 'rows') || '[]');
		return Array.isArray(rows) ? rows : null;
	} catch {
		return null;
	}
}

export const actions: Actions = {
	/**
	 * Title, organisation, fleet and currency: a changed fleet re-scores every offer on the next read.
	 * A post without the site-visit choice keeps the one saved (the API would replace the whole fleet).
	 */
	details: async ({ params, request }) => {
		const form = await formDataOf(request);
		const record = await tender(params.id);
		const { organisation, currency, fleet } = fleetBodyFromForm(form);
		const parsed = tenders.tenderSchemasFor(record.rulesetVersion).patchBody.safeParse({
			title: text(form, 'title'),
			organisation,
			...(currency !== undefined ? { currency } : {}),
			fleet: withSiteVisitsKept(form, fleet, record.fleet)
		});
		if (!parsed.success) {
			return fail(400, {
				detailsErrors: fieldErrors(parsed.error.issues, getLocale()),
				detailsValues: fleetFormValuesFromSubmission(form)
			});
		}
		if (!(await tenders.update(params.id, parsed.data))) error(404, noTender());
		return { detailsSaved: true };
	},

	scoring: async ({ params, request }) => {
		const form = await formDataOf(request);
		const record = await tender(params.id);
		const parsed = tenders
			.tenderSchemasFor(record.rulesetVersion)
			.patchBody.safeParse({ scoring: text(form, 'scoring') });
		if (!parsed.success)
			return fail(400, { scoringErrors: { scoring: m.tender_err_choose_scoring() } });
		if (!(await tenders.update(params.id, parsed.data))) error(404, noTender());
		return { scoringSaved: true };
	},

	addOffer: async ({ params, request }) => {
		const form = await formDataOf(request);
		const record = await tender(params.id);
		const vendor = text(form, 'vendor');
		const parsed = tenders.tenderSchemasFor(record.rulesetVersion).offerBody.safeParse({ vendor });
		if (!parsed.success)
			return fail(400, {
				addErrors: fieldErrors(parsed.error.issues, getLocale()),
				addValue: vendor
			});
		try {
			if (!(await tenders.addOffer(params.id, parsed.data))) error(404, noTender());
		} catch (e) {
			if (e instanceof tenders.TooManyOffersError)
				return fail(409, { addErrors: { vendor: e.message }, addValue: vendor });
			throw e;
		}
		return { offerAdded: true };
	},

	/** A respondent link: its URL is in this answer only, then only its hash is kept. */
	createLink: async ({ params, request, url }) => {
		const form = await formDataOf(request);
		const record = await tender(params.id);
		const offer = offerOf(record, form);
		if (!offer) return noOffer(text(form, 'offerId'));
		const parsed = createRespondentBodySchema.safeParse({
			label: text(form, 'label'),
			expiresAt: text(form, 'expiresAt') || null
		});
		if (!parsed.success)
			return fail(400, {
				offerId: offer.id,
				linkErrors: fieldErrors(parsed.error.issues, getLocale())
			});
		try {
			const created = await createRespondent(params.id, offer.id, parsed.data);
			if (!created || created === 'no-offer') return noOffer(offer.id);
			return {
				offerId: offer.id,
				createdLink: { id: created.respondent.id, url: respondUrl(request, url, created.token) }
			};
		} catch (e) {
			if (e instanceof RespondentLimitError)
				return fail(409, { offerId: offer.id, linkErrors: { form: e.message } });
			if (e instanceof ShareInputError)
				return fail(400, { offerId: offer.id, linkErrors: { [e.path]: e.message } });
			throw e;
		}
	},

	revokeLink: async ({ params, request }) => {
		const form = await formDataOf(request);
		const done = await revokeRespondent(
			params.id,
			text(form, 'offerId'),
			text(form, 'respondentId')
		);
		if (!done) error(404, noTender());
		if (done === 'no-offer' || done === 'no-respondent')
			return fail(404, {
				offerId: text(form, 'offerId'),
				linkErrors: { form: m.tender_err_link_gone() }
			});
		return { offerId: text(form, 'offerId'), linkRevoked: true };
	},

	reopenLink: async ({ params, request }) => {
		const form = await formDataOf(request);
		try {
			const done = await reopenRespondent(
				params.id,
				text(form, 'offerId'),
				text(form, 'respondentId')
			);
			if (!done) error(404, noTender());
			if (done === 'no-offer' || done === 'no-respondent')
				return fail(404, {
					offerId: text(form, 'offerId'),
					linkErrors: { form: m.tender_err_link_gone() }
				});
		} catch (e) {
			if (e instanceof RevokedError)
				return fail(409, { offerId: text(form, 'offerId'), linkErrors: { form: e.message } });
			throw e;
		}
		return { offerId: text(form, 'offerId'), linkReopened: true };
	},

	/** Reads a filled questionnaire and shows every row and issue; nothing is saved yet. */
	previewUpload: async ({ params, request }) => {
		const form = await formDataOf(request);
		const record = await tender(params.id);
		const offer = offerOf(record, form);
		if (!offer) return noOffer(text(form, 'offerId'));
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, {
				offerId: offer.id,
				uploadErrors: { file: m.tender_err_choose_questionnaire() }
			});
		}
		try {
			const read = await readQuestionnaire(
				new Uint8Array(await file.arrayBuffer()),
				tenders.templateQuestions(record),
				getLocale()
			);
			return {
				offerId: offer.id,
				preview: { fileName: file.name, answers: read.answers, issues: read.issues }
			};
		} catch (e) {
			if (e instanceof WorkbookError)
				return fail(400, { offerId: offer.id, uploadErrors: { file: e.message } });
			throw e;
		}
	},

	/** Saves the rows the buyer saw in the preview, checked again: as the vendor's claims. */
	applyUpload: async ({ params, request }) => {
		const form = await formDataOf(request);
		const record = await tender(params.id);
		const offer = offerOf(record, form);
		if (!offer) return noOffer(text(form, 'offerId'));
		const rows = rowsFromForm(form);
		const answers: Record<string, unknown> = {};
		for (const row of rows ?? []) {
			if (row && typeof row === 'object' && typeof row.questionId === 'string') {
				const { option, statement, evidence } = row as Record<string, unknown>;
				answers[row.questionId] = { option, statement, evidence };
			}
		}
		const parsed = tenders
			.tenderSchemasFor(record.rulesetVersion)
			.respondBody.safeParse({ answers });
		if (!rows || !parsed.success) {
			return fail(400, {
				offerId: offer.id,
				uploadErrors: {
					file: m.tender_err_rows_unchecked()
				}
			});
		}
		const saveRows = Object.entries(parsed.data.answers).flatMap(([questionId, a]) =>
			a ? [{ questionId, ...a }] : []
		);
		const saved = await tenders.saveVendorAnswers(params.id, offer.id, saveRows);
		if (!saved) error(404, noTender());
		if (saved === 'no-offer') return noOffer(offer.id);
		return { offerId: offer.id, uploaded: saveRows.length };
	}
};
