import { error } from '@sveltejs/kit';
import * as assessments from '$lib/server/assessments';
import { rules } from '$lib/server/rules';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals, setHeaders }) => {
	const record = await assessments.readForRequest(locals, params.id);
	if (!record) error(404, 'There is no assessment at this address. Check the link you were sent.');
	// The id in the URL is the edit key: keep these pages out of shared caches.
	setHeaders({ 'cache-control': 'private, no-store' });
	const steps = [
		{ id: 'fleet', title: 'Fleet', answered: 1, total: 1 },
		...rules.ruleset.areas.map((area) => ({
			id: area.id,
			title: area.title,
			answered: area.questions.filter((q) => record.answers[q.id]?.option).length,
			total: area.questions.length
		})),
		{ id: 'results', title: 'Results', answered: 0, total: 0 }
	];
	return {
		assessment: { id: record.id, title: record.title, updatedAt: record.updatedAt },
		steps
	};
};
