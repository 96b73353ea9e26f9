import { error, fail } from '@sveltejs/kit';
import { fieldErrors } from '$lib/assessment/form';
import {
	AttachRefusedError,
	attachEvidence,
	EvidenceRefusedError,
	removeEvidence,
	UploadShapeError,
	uploadOf
} from '$lib/server/evidence';
import { formDataOf } from '$lib/server/http';
import {
	LinkGoneError,
	openRespondent,
	respondentView,
	saveResponse,
	saveRows,
	SubmittedError,
	submitResponse,
	type OpenedRespondent
} from '$lib/server/respondents';
import { templateQuestions, tenderSchemasFor } from '$lib/server/tenders';
import { readQuestionnaire, WorkbookError } from '$lib/tender/xlsx';
import { NOT_SURE } from '$lib/rules/constants';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

async function open(token: string): Promise<Extract<OpenedRespondent, { status: 'active' }>> {
	const opened = await openRespondent(token);
	if (opened.status === 'unknown') error(404, m.respond_err_gone());
	if (opened.status !== 'active') error(410, m.respond_err_gone());
	return opened;
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const { record, offer, respondent } = await open(params.token);
	return { view: respondentView(record, offer, respondent), notSure: NOT_SURE };
};

/** The answers typed on the page, in the API's shape; a question left untouched is not sent. */
function answersFromForm(form: FormData, questionIds: readonly string[]) {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.trim() : '';
	};
	const answers: Record<string, { option?: string; statement?: string; evidence?: string }> = {};
	for (const id of questionIds) {
		const option = text(`answer.${id}`);
		const statement = text(`statement.${id}`);
		const evidence = text(`evidence.${id}`);
		if (!option && !statement && !evidence) continue;
		answers[id] = {
			...(option ? { option } : {}),
			...(statement ? { statement } : {}),
			...(evidence ? { evidence } : {})
		};
	}
	return answers;
}

const questionIdsOf = (opened: Extract<OpenedRespondent, { status: 'active' }>) =>
	templateQuestions(opened.record).map((q) => q.id);

/** Saves what the page sent; answers the form's errors by question, or null when saved. */
async function save(opened: Extract<OpenedRespondent, { status: 'active' }>, form: FormData) {
	const ids = questionIdsOf(opened);
	const answers = answersFromForm(form, ids);
	if (Object.keys(answers).length === 0) return { form: m.respond_err_answer_one() };
	const parsed = tenderSchemasFor(opened.record.rulesetVersion).respondBody.safeParse({ answers });
	if (!parsed.success) return fieldErrors(parsed.error.issues, getLocale());
	await saveResponse(opened, parsed.data);
	return null;
}

/** A file input the vendor chose a file in (an untouched one is sent as an empty, nameless file). */
const chosenFile = (value: FormDataEntryValue | null): value is File =>
	value instanceof File && (value.size > 0 || value.name !== '');

const hasChosenFiles = (form: FormData, ids: readonly string[]) =>
	ids.some((id) => chosenFile(form.get(`file.${id}`)));

/**
 * Attaches every file chosen on the page to the answer of its question (after the answers were
 * saved, so a question answered and given a file at once works). Errors by question, `file.<id>`.
 */
async function attachChosen(opened: Opened, form: FormData) {
	const errors: Record<string, string> = {};
	let status = 400;
	let attached = 0;
	for (const id of questionIdsOf(opened)) {
		const value = form.get(`file.${id}`);
		if (!chosenFile(value)) continue;
		try {
			// Read again: the save just before may have given the question its answer.
			await attachEvidence(await open(opened.token), id, await uploadOf(value));
			attached += 1;
		} catch (e) {
			if (e instanceof EvidenceRefusedError) status = e.status;
			else if (e instanceof AttachRefusedError) status = 409;
			else if (!(e instanceof UploadShapeError)) throw e;
			errors[`file.${id}`] = (e as Error).message;
		}
	}
	return { attached, errors: Object.keys(errors).length > 0 ? errors : null, status };
}

type Opened = Extract<OpenedRespondent, { status: 'active' }> & { token: string };

/**
 * What every button of the page does first: saves the answers typed and attaches the files chosen,
 * so nothing on the page is lost whichever button was pressed. A failure, or null.
 */
async function commitPage(opened: Opened, form: FormData, requireSomething: boolean) {
	const ids = questionIdsOf(opened);
	const typed = answersFromForm(form, ids);
	const files = hasChosenFiles(form, ids);
	if (Object.keys(typed).length > 0 || (requireSomething && !files)) {
		const errors = await save(opened, form);
		if (errors) return { failure: fail(400, { errors, values: typed }), attached: 0 };
	}
	if (!files) return { failure: null, attached: 0 };
	const result = await attachChosen(opened, form);
	if (result.errors)
		return {
			failure: fail(result.status, { errors: result.errors, values: typed }),
			attached: result.attached
		};
	return { failure: null, attached: result.attached };
}

async function openWithToken(token: string): Promise<Opened> {
	return { ...(await open(token)), token };
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const opened = await openWithToken(params.token);
		if (opened.respondent.submittedAt)
			return fail(409, { errors: { form: m.respond_err_submitted() } });
		const form = await formDataOf(request);
		try {
			// Without JavaScript the page is drawn again from the server: failures echo what was typed.
			const { failure, attached } = await commitPage(opened, form, true);
			if (failure) return failure;
			return { saved: true, attached };
		} catch (e) {
			if (e instanceof SubmittedError)
				return fail(409, { errors: { form: m.respond_err_submitted() } });
			if (e instanceof LinkGoneError) error(410, m.respond_err_gone());
			throw e;
		}
	},
	/** "Attach file" next to a question: saves the page, and attaches the chosen files. */
	attach: async ({ params, request }) => {
		const opened = await openWithToken(params.token);
		if (opened.respondent.submittedAt)
			return fail(409, { errors: { form: m.respond_err_submitted() } });
		const form = await formDataOf(request);
		const question = form.get('attach');
		try {
			if (typeof question === 'string' && !chosenFile(form.get(`file.${question}`))) {
				const { failure } = await commitPage(opened, form, false);
				return (
					failure ??
					fail(400, {
						errors: { [`file.${question}`]: m.respond_err_choose_file() },
						values: answersFromForm(form, questionIdsOf(opened))
					})
				);
			}
			const { failure, attached } = await commitPage(opened, form, false);
			if (failure) return failure;
			return { saved: true, attached };
		} catch (e) {
			if (e instanceof SubmittedError)
				return fail(409, { errors: { form: m.respond_err_submitted() } });
			if (e instanceof LinkGoneError) error(410, m.respond_err_gone());
			throw e;
		}
	},
	/** "Remove" next to a file (`remove` = "<questionId>/<fileId>"): saves the page, then removes the file. */
	remove: async ({ params, request }) => {
		const opened = await openWithToken(params.token);
		if (opened.respondent.submittedAt)
			return fail(409, { errors: { form: m.respond_err_submitted() } });
		const form = await formDataOf(request);
		const [questionId = '', fileId = ''] = String(form.get('remove') ?? '').split('/');
		try {
			const { failure } = await commitPage(opened, form, false);
			if (failure) return failure;
			if (!(await removeEvidence(await open(params.token), questionId, fileId))) {
				return fail(404, {
					errors: {
						form: m.respond_err_file_gone()
					}
				});
			}
			return { removed: true };
		} catch (e) {
			if (e instanceof SubmittedError)
				return fail(409, { errors: { form: m.respond_err_submitted() } });
			if (e instanceof LinkGoneError) error(410, m.respond_err_gone());
			throw e;
		}
	},
	submit: async ({ params, request }) => {
		const opened = await openWithToken(params.token);
		if (opened.respondent.submittedAt) return { submitted: true };
		const form = await formDataOf(request);
		try {
			// What is on the page is saved first, so nothing typed or chosen is lost by submitting.
			const { failure } = await commitPage(opened, form, false);
			if (failure) return failure;
			await submitResponse(await open(params.token));
		} catch (e) {
			if (e instanceof SubmittedError) return { submitted: true };
			if (e instanceof LinkGoneError) error(410, m.respond_err_gone());
			throw e;
		}
		return { submitted: true };
	},
	upload: async ({ params, request }) => {
		const opened = await open(params.token);
		if (opened.respondent.submittedAt)
			return fail(409, { errors: { form: m.respond_err_submitted() } });
		const form = await formDataOf(request);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { errors: { file: m.respond_err_choose_questionnaire() } });
		let read;
		try {
			read = await readQuestionnaire(
				new Uint8Array(await file.arrayBuffer()),
				templateQuestions(opened.record),
				getLocale()
			);
		} catch (e) {
			if (e instanceof WorkbookError) return fail(400, { errors: { file: e.message } });
			throw e;
		}
		if (read.issues.length > 0) {
			return fail(400, {
				errors: { file: m.respond_err_rows() },
				rowIssues: read.issues
			});
		}
		try {
			await saveRows(opened, read.answers);
		} catch (e) {
			if (e instanceof SubmittedError)
				return fail(409, { errors: { form: m.respond_err_submitted() } });
			if (e instanceof LinkGoneError) error(410, m.respond_err_gone());
			throw e;
		}
		return { uploaded: read.answers.length };
	}
};
