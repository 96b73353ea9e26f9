import { resolve } from '$app/paths';
import { formDataOf } from '$lib/server/http';
import { error, fail } from '@sveltejs/kit';
import { createShareBodySchema } from '$lib/assessment/schema';
import { fieldErrors } from '$lib/assessment/form';
import { parseNumberInput } from '$lib/assessment/number-input';
import { COST_KEYS } from '$lib/rules/schema';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import * as assessments from '$lib/server/assessments';
import { resultsHtmlForPage } from '$lib/server/results-html';
import { shareUrl } from '$lib/server/origin';
import { inputSchemasFor, rules } from '$lib/server/rules';
import {
	createShare,
	listShares,
	revokeShare,
	ShareInputError,
	ShareLimitError
} from '$lib/server/shares';
import type { Actions, PageServerLoad } from './$types';

const notFoundMessage = 'There is no assessment at this address.';

/**
 * What the page shows, and no more: the unchanging parts as server-rendered markup, and the data
 * of what the visitor can change or copy. The ruleset the record is pinned to comes from the
 * layout, and the PDF's source (the whole ruleset) is fetched from
 * /api/assessments/{id}/report-source only when a PDF is asked for.
 */
export const load: PageServerLoad = async (event) => {
	const { params, locals } = event;
	const record = await assessments.readForRequest(locals, params.id);
	if (!record) error(404, notFoundMessage);
	const { result } = assessments.withResult(record);
	const firstOpen = result.areas.find((a) => a.answered < a.total)?.id;
	const id = record.id;
	return {
		title: record.title,
		overall: result.overall,
		askVendor: result.askVendor,
		cost: {
			assumptions: result.switchingCost.assumptions,
			currency: result.switchingCost.currency
		},
		html: resultsHtmlForPage(event, {
			assessment: record,
			result,
			editHref: (area) => resolve('/a/[id]/[area]', { id, area }),
			resumeHref: firstOpen ? resolve('/a/[id]/[area]', { id, area: firstOpen }) : undefined,
			simulationHref: resolve('/assessments/[id]/fleet', { id }),
			moreSections: [
				{ id: 'report-heading', label: m.results_contents_report() },
				{ id: 'share-title', label: m.results_contents_share() }
			]
		}),
		shares: (await listShares(record.id)) ?? []
	};
};

export const actions: Actions = {
	/** Saves the cost assumptions; an emptied field goes back to the default. */
	costs: async ({ request, params }) => {
		const form = await formDataOf(request);
		const costs: Record<string, number | null> = {};
		for (const key of COST_KEYS) {
			costs[key] = parseNumberInput(String(form.get(`cost.${key}`) ?? '')) ?? null;
		}
		const current = await assessments.read(params.id);
		if (!current) error(404, notFoundMessage);
		const parsed = inputSchemasFor(current.rulesetVersion).patchBody.safeParse({ costs });
		if (!parsed.success)
			return fail(400, { costErrors: fieldErrors(parsed.error.issues, getLocale()) });
		if (!(await assessments.update(params.id, parsed.data))) error(404, notFoundMessage);
		return { costsSaved: true };
	},

	/** Creates a read-only share link; its URL is shown once, then only its hash is kept. */
	share: async ({ request, params, url }) => {
		const form = await formDataOf(request);
		const parsed = createShareBodySchema.safeParse({
			label: String(form.get('label') ?? ''),
			expiresAt: String(form.get('expiresAt') ?? '') || null,
			includeNotes: form.get('includeNotes') === 'on'
		});
		if (!parsed.success)
			return fail(400, { shareErrors: fieldErrors(parsed.error.issues, getLocale()) });
		try {
			const created = await createShare(params.id, parsed.data);
			if (!created) error(404, notFoundMessage);
			return { createdShare: { id: created.share.id, url: shareUrl(request, url, created.token) } };
		} catch (e) {
			if (e instanceof ShareLimitError) return fail(409, { shareErrors: { form: e.message } });
			if (e instanceof ShareInputError) return fail(400, { shareErrors: { [e.path]: e.message } });
			throw e;
		}
	},

	/** Shows what re-scoring with the current ruleset would change; nothing is written. */
	rescorePreview: async ({ params }) => {
		const record = await assessments.read(params.id);
		if (!record) error(404, notFoundMessage);
		return { rescorePreview: assessments.previewRescore(record) };
	},

	/**
	 * Applies the re-score the owner previewed. `expectedVersion` is the version the preview showed
	 * as new: if the server's ruleset changed since, the owner previews again instead.
	 */
	rescore: async ({ request, params }) => {
		const form = await formDataOf(request);
		const expected = String(form.get('expectedVersion') ?? '');
		if (expected && expected !== rules.ruleset.version) {
			const record = await assessments.read(params.id);
			if (!record) error(404, notFoundMessage);
			return fail(409, {
				rescoreError: `The current ruleset is now ${rules.ruleset.version}, not ${expected}: check what changes again before accepting.`,
				rescorePreview: assessments.previewRescore(record)
			});
		}
		const done = await assessments.rescore(params.id);
		if (!done) error(404, notFoundMessage);
		return { rescored: { from: done.from, to: done.record.rulesetVersion } };
	},

	revoke: async ({ request, params }) => {
		const form = await formDataOf(request);
		const shareId = String(form.get('shareId') ?? '');
		if (!(await revokeShare(params.id, shareId))) {
			return fail(404, { shareErrors: { form: 'That link no longer exists.' } });
		}
		return { revokedShare: shareId };
	}
};
