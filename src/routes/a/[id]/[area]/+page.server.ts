import { formDataOf } from '$lib/server/http';
import { getLocale } from '$lib/paraglide/runtime';
import { error, fail, redirect } from '@sveltejs/kit';
import { answersFromForm, fieldErrors } from '$lib/assessment/form';
import { localProfileQuestions } from '$lib/assessment/local-profiles';
import type { StoredAssessment } from '$lib/assessment/schema';
import { neighbours, stepsFor } from '$lib/assessment/steps';
import type { ConflictQuestion, ConflictRule } from '$lib/components/questionnaire/conflicts';
import type { Rules } from '$lib/rules/load';
import { EVERY_LOCAL_PROFILE, NOT_SURE } from '$lib/rules/schema';
import { notSureRisk } from '$lib/scoring/answers';
import * as assessments from '$lib/server/assessments';
import { inputSchemasFor, rulesFor } from '$lib/server/rules';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'There is no assessment at this address.';

function areaOf(rules: Rules, id: string) {
	const area = rules.ruleset.areas.find((a) => a.id === id);
	if (!area) error(404, 'There is no such step in the questionnaire.');
	return area;
}

/** The per-country local-profile questions this step asks (the SIM step, from ruleset 2.0.0 on). */
function localQuestionsOf(rules: Rules, areaId: string, record: StoredAssessment) {
	return rules.ruleset.localProfiles?.area === areaId
		? localProfileQuestions(rules, record.fleet.countries)
		: [];
}

/**
 * The conflict rules that touch this step, with the questions they name (some live on other
 * steps) and the saved answers to those, so the page can flag contradictions as they are made.
 */
function conflictsFor(rules: Rules, areaId: string, record: StoredAssessment) {
	const areaOfQuestion = new Map(
		rules.ruleset.areas.flatMap((area) => area.questions.map((q) => [q.id, area] as const))
	);
	const here = (questionId: string) => areaOfQuestion.get(questionId)?.id === areaId;
	const localHere = rules.ruleset.localProfiles?.area === areaId;
	const list: ConflictRule[] = rules.ruleset.conflicts.filter(
		(c) =>
			here(c.claim.question) ||
			here(c.contradictedBy.question) ||
			(c.claim.question === EVERY_LOCAL_PROFILE && localHere)
	);
	const questions: Record<string, ConflictQuestion> = {};
	const saved: Record<string, string> = {};
	const localArea = rules.ruleset.areas.find((a) => a.id === rules.ruleset.localProfiles?.area);
	for (const rule of list) {
		if (rule.claim.question === EVERY_LOCAL_PROFILE && localArea) {
			// A claim about every country's local profile: name each country's question.
			for (const local of localProfileQuestions(rules, record.fleet.countries)) {
				questions[local.id] = {
					id: local.id,
					text: local.text,
					areaId: localArea.id,
					areaTitle: localArea.title,
					options: local.options.map((o) => ({ id: o.id, label: o.label }))
				};
				const option = record.answers[local.id]?.option;
				if (option && localArea.id !== areaId) saved[local.id] = option;
			}
		}
		for (const id of [rule.claim.question, rule.contradictedBy.question]) {
			const question = rules.questionsById.get(id);
			const area = areaOfQuestion.get(id);
			if (!question || !area) continue;
			questions[id] = {
				id,
				text: question.text,
				areaId: area.id,
				areaTitle: area.title,
				options: question.options.map((o) => ({ id: o.id, label: o.label }))
			};
			const option = record.answers[id]?.option;
			if (option && !here(id)) saved[id] = option;
		}
	}
	return { rules: list, questions, saved };
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const record = await assessments.readForRequest(locals, params.id);
	if (!record) error(404, NOT_FOUND);
	// The assessment's own ruleset: one pinned to an earlier version keeps its questions.
	const rules = rulesFor(record.rulesetVersion);
	const area = areaOf(rules, params.area);
	const steps = stepsFor(rules.ruleset);
	const { index, previous, next } = neighbours(steps, area.id);
	const localQuestions = localQuestionsOf(rules, area.id, record);
	const asked = [...area.questions, ...localQuestions];
	return {
		area,
		localQuestions,
		notSure: { id: NOT_SURE, label: rules.ruleset.notSure.label },
		/**
		 * "Not sure" as it is scored on each question: capped at the worst answer from 2.0.0 on. On a
		 * country's local-profile question it counts like "no local profile" in the roaming check.
		 */
		notSureRisks: Object.fromEntries([
			...area.questions.map((q) => [q.id, notSureRisk(rules.ruleset, q)] as const),
			...localQuestions.map((q) => [q.id, Math.max(...q.options.map((o) => o.risk))] as const)
		]),
		answers: Object.fromEntries(asked.map((q) => [q.id, record.answers[q.id] ?? {}])),
		conflicts: conflictsFor(rules, area.id, record),
		stepNumber: index + 1,
		stepCount: steps.length,
		previous,
		next
	};
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		// A fresh read, not the per-request one: that would hand the page's load the record as it
		// was before this save.
		const record = await assessments.read(params.id);
		if (!record) error(404, NOT_FOUND);
		const rules = rulesFor(record.rulesetVersion);
		const area = areaOf(rules, params.area);
		const form = await formDataOf(request);
		const intent = form.get('intent');
		const { previous, next } = neighbours(stepsFor(rules.ruleset), area.id);
		const target = intent === 'back' ? previous : intent === 'next' ? next : area.id;
		const questions = [...area.questions, ...localQuestionsOf(rules, area.id, record)];
		const parsed = inputSchemasFor(record.rulesetVersion).patchBody.safeParse({
			answers: answersFromForm(form, { questions }),
			lastStep: target ?? area.id
		});
		if (!parsed.success) {
			return fail(400, { errors: fieldErrors(parsed.error.issues, getLocale()) });
		}
		if (!(await assessments.update(params.id, parsed.data))) error(404, NOT_FOUND);
		if (target && target !== area.id) redirect(303, `/a/${params.id}/${target}`);
		return { saved: true };
	}
};
