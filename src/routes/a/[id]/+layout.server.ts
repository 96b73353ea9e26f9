import { error } from '@sveltejs/kit';
import { localProfileQuestions } from '$lib/assessment/local-profiles';
import * as assessments from '$lib/server/assessments';
import { pinnedRuleset, rulesFor } from '$lib/server/rules';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals, setHeaders }) => {
	const record = await assessments.readForRequest(locals, params.id);
	if (!record) error(404, 'There is no assessment at this address. Check the link you were sent.');
	// The id in the URL is the edit key: keep these pages out of shared caches.
	setHeaders({ 'cache-control': 'private, no-store' });
	// The steps of the ruleset the record is pinned to; from format 2 on, the per-country
	// local-profile questions are asked in (and counted with) their area.
	const rules = rulesFor(record.rulesetVersion);
	const local = localProfileQuestions(rules, record.fleet.countries);
	const localArea = rules.ruleset.localProfiles?.area;
	const steps = [
		{ id: 'fleet', title: 'Fleet', answered: 1, total: 1 },
		...rules.ruleset.areas.map((area) => {
			const questions = [...area.questions, ...(area.id === localArea ? local : [])];
			return {
				id: area.id,
				title: area.title,
				answered: questions.filter((q) => record.answers[q.id]?.option).length,
				total: questions.length
			};
		}),
		{ id: 'results', title: 'Results', answered: 0, total: 0 }
	];
	return {
		assessment: { id: record.id, title: record.title, updatedAt: record.updatedAt },
		ruleset: pinnedRuleset(record.rulesetVersion),
		steps
	};
};
