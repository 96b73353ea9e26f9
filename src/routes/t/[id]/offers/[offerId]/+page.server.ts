import { error, fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { fieldErrors } from '$lib/assessment/form';
import { formDataOf } from '$lib/server/http';
import * as tenders from '$lib/server/tenders';
import type { AnswerPatchBody, Offer, StoredTender } from '$lib/tender/schema';
import { OWNER_HEADERS, text } from '../../owner-page';
import { answerFilter, FILTERS, type AnswerFilter } from './filters';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const noOffer = () => m.offer_err_no_offer();

async function find(params: {
	id: string;
	offerId: string;
}): Promise<{ record: StoredTender; offer: Offer }> {
	const record = await tenders.read(params.id);
	if (!record) error(404, m.tender_err_no_tender());
	const offer = record.offers.find((o) => o.id === params.offerId);
	if (!offer) error(404, noOffer());
	return { record, offer };
}

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders(OWNER_HEADERS);
	const { record, offer } = await find(params);
	const show = answerFilter(url.searchParams.get('show'));
	const result = tenders.withResults(record).offers.find((o) => o.id === offer.id)!.result;
	const sections = tenders.questionSections(record).map((section) => ({
		...section,
		questions: section.questions.map((q) => ({
			...q,
			answer: offer.answers[q.id] ?? null,
			history: offer.history.filter((h) => h.questionId === q.id)
		}))
	}));
	return {
		offer: { id: offer.id, vendor: offer.vendor },
		result,
		progress: tenders.offerProgress(record, offer),
		show,
		filters: FILTERS,
		sections
	};
};

/** Where the buyer was: the same filter, at the question just changed. */
const back = (event: RequestEvent, form: FormData, questionId: string) => {
	const show = answerFilter(text(form, 'show'));
	return `/t/${event.params.id}/offers/${event.params.offerId}${show === 'all' ? '' : `?show=${show}`}#q-${questionId}`;
};

/**
 * Checks and applies one change to one answer; answers the page's errors for that question, or
 * redirects back to it (so without JavaScript, too, the buyer lands where they were).
 */
async function change(
	event: RequestEvent,
	build: (form: FormData) => AnswerPatchBody | { errors: Record<string, string> }
) {
	const form = await formDataOf(event.request);
	const { record } = await find(event.params);
	const questionId = text(form, 'questionId');
	const values = {
		option: text(form, 'option'),
		note: text(form, 'note'),
		stateNote: text(form, 'stateNote')
	};
	const built = build(form);
	if ('errors' in built)
		return fail(400, { questionId, errors: built.errors as Record<string, string>, values });
	const parsed = tenders.tenderSchemasFor(record.rulesetVersion).answerPatchBody.safeParse(built);
	const issues = parsed.success ? tenders.answerIssues(record, questionId, parsed.data) : [];
	if (!parsed.success || issues.length > 0) {
		const errors = parsed.success
			? fieldErrors(
					issues.map((i) => ({ path: [i.path], message: i.message })),
					getLocale()
				)
			: fieldErrors(parsed.error.issues, getLocale());
		return fail(400, { questionId, errors, values });
	}
	try {
		const done = await tenders.patchAnswer(
			event.params.id,
			event.params.offerId,
			questionId,
			parsed.data
		);
		if (!done || done === 'no-offer') error(404, noOffer());
	} catch (e) {
		if (e instanceof tenders.NothingToJudgeError)
			return fail(409, {
				questionId,
				errors: { form: e.message } as Record<string, string>,
				values
			});
		throw e;
	}
	redirect(303, back(event, form, questionId));
}

/** The buyer's reason for a state: the evidence seen, or what is disputed. Empty clears an old one. */
const judged = (state: 'verified' | 'disputed' | 'rejected') => (form: FormData) => ({
	state,
	stateNote: text(form, 'stateNote').trim() || null
});

export const actions: Actions = {
	verify: (event) => change(event, judged('verified')),
	dispute: (event) =>
		change(event, (form) =>
			text(form, 'stateNote').trim()
				? judged('disputed')(form)
				: { errors: { stateNote: m.offer_err_say_dispute() } }
		),
	reject: (event) => change(event, judged('rejected')),
	/** The buyer answers directly: the answer is the buyer's and counts as verified. */
	answer: (event) =>
		change(event, (form) =>
			text(form, 'option')
				? { option: text(form, 'option') }
				: { errors: { option: m.offer_err_choose_answer() } }
		),
	note: (event) => change(event, (form) => ({ note: text(form, 'note').trim() || null }))
};

export type { AnswerFilter };
