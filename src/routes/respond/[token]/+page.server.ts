import { error, fail } from '@sveltejs/kit';
import { fieldErrors } from '$lib/assessment/form';
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
import type { Actions, PageServerLoad } from './$types';

const GONE = 'This link is no longer valid. Ask the buyer who sent it for a new one.';
const SUBMITTED = 'These answers were submitted, so they can no longer be changed here. Ask the buyer to reopen the link if something must change.';

async function open(token: string): Promise<Extract<OpenedRespondent, { status: 'active' }>> {
	const opened = await openRespondent(token);
	if (opened.status === 'unknown') error(404, GONE);
	if (opened.status !== 'active') error(410, GONE);
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
		answers[id] = { ...(option ? { option } : {}), ...(statement ? { statement } : {}), ...(evidence ? { evidence } : {}) };
	}
	return answers;
}

const questionIdsOf = (opened: Extract<OpenedRespondent, { status: 'active' }>) => templateQuestions(opened.record).map((q) => q.id);

/** Saves what the page sent; answers the form's errors by question, or null when saved. */
async function save(opened: Extract<OpenedRespondent, { status: 'active' }>, form: FormData) {
	const ids = questionIdsOf(opened);
	const answers = answersFromForm(form, ids);
	if (Object.keys(answers).length === 0) return { form: 'Answer at least one question before saving.' };
	const parsed = tenderSchemasFor(opened.record.rulesetVersion).respondBody.safeParse({ answers });
	if (!parsed.success) return fieldErrors(parsed.error.issues);
	await saveResponse(opened, parsed.data);
	return null;
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const opened = await open(params.token);
		if (opened.respondent.submittedAt) return fail(409, { errors: { form: SUBMITTED } });
		const form = await formDataOf(request);
		try {
			const errors = await save(opened, form);
			// Without JavaScript the page is drawn again from the server: echo what was typed.
			if (errors) return fail(400, { errors, values: answersFromForm(form, questionIdsOf(opened)) });
		} catch (e) {
			if (e instanceof SubmittedError) return fail(409, { errors: { form: SUBMITTED } });
			if (e instanceof LinkGoneError) error(410, GONE);
			throw e;
		}
		return { saved: true };
	},
	submit: async ({ params, request }) => {
		const opened = await open(params.token);
		if (opened.respondent.submittedAt) return { submitted: true };
		const form = await formDataOf(request);
		try {
			// What is on the page is saved first, so nothing typed is lost by submitting.
			const ids = questionIdsOf(opened);
			if (Object.keys(answersFromForm(form, ids)).length > 0) {
				const errors = await save(opened, form);
				if (errors) return fail(400, { errors, values: answersFromForm(form, ids) });
			}
			await submitResponse(await open(params.token));
		} catch (e) {
			if (e instanceof SubmittedError) return { submitted: true };
			if (e instanceof LinkGoneError) error(410, GONE);
			throw e;
		}
		return { submitted: true };
	},
	upload: async ({ params, request }) => {
		const opened = await open(params.token);
		if (opened.respondent.submittedAt) return fail(409, { errors: { form: SUBMITTED } });
		const form = await formDataOf(request);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { errors: { file: 'Choose the filled questionnaire (.xlsx) to upload.' } });
		let read;
		try {
			read = await readQuestionnaire(new Uint8Array(await file.arrayBuffer()), templateQuestions(opened.record));
		} catch (e) {
			if (e instanceof WorkbookError) return fail(400, { errors: { file: e.message } });
			throw e;
		}
		if (read.issues.length > 0) {
			return fail(400, { errors: { file: 'Some rows have problems: nothing was saved. Fix them and upload again.' }, rowIssues: read.issues });
		}
		try {
			await saveRows(opened, read.answers);
		} catch (e) {
			if (e instanceof SubmittedError) return fail(409, { errors: { form: SUBMITTED } });
			if (e instanceof LinkGoneError) error(410, GONE);
			throw e;
		}
		return { uploaded: read.answers.length };
	}
};
