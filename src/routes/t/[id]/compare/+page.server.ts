import { error, fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { fieldErrors } from '$lib/assessment/form';
import {
	ComparisonShareLimitError,
	comparisonShareUrl,
	createComparisonShare,
	listComparisonShares,
	revokeComparisonShare
} from '$lib/server/comparison-shares';
import { formDataOf } from '$lib/server/http';
import { rulesFor } from '$lib/server/rules';
import { ShareInputError } from '$lib/server/shares';
import * as tenders from '$lib/server/tenders';
import { weightsFromSearch, weightsUsed } from '$lib/tender/compare';
import { createComparisonShareBodySchema } from '$lib/tender/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The address holds the tender's edit key: never cached, never indexed. */
const OWNER_HEADERS = { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' };

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders(OWNER_HEADERS);
	const record = await tenders.read(params.id);
	if (!record) error(404, m.tender_err_no_tender());
	const asked = weightsFromSearch(url.searchParams);
	const comparison = tenders.comparison(record, asked.weights);
	const rules = rulesFor(record.rulesetVersion);
	const saved = record.weights !== undefined && Object.keys(record.weights).length > 0;
	return {
		tender: {
			id: record.id,
			title: record.title,
			organisation: record.organisation,
			fleet: {
				devices: record.fleet.devices,
				countries: record.fleet.countries.length,
				lifetimeYears: record.fleet.lifetimeYears
			}
		},
		comparison,
		matrix: tenders.matrixOf(record),
		areas: rules.ruleset.areas.map((a) => ({ id: a.id, title: a.title })),
		rulesetWeights: weightsUsed(rules),
		weightsSource: asked.weights
			? ('what-if' as const)
			: saved
				? ('saved' as const)
				: ('ruleset' as const),
		weightsError: asked.error,
		onlyDifferences: url.searchParams.get('only') === 'differences',
		shares: (await listComparisonShares(record.id)) ?? []
	};
};

/** The sliders' fields, read as the comparison reads `?weights=`. */
function weightsOf(form: FormData) {
	const search = new URLSearchParams();
	for (const [name, value] of form) if (typeof value === 'string') search.set(name, value);
	return weightsFromSearch(search);
}

export const actions: Actions = {
	/** Saves the sliders' weights with the tender: the comparison, its links and the PDF use them from then on. */
	save: async ({ request, params }) => {
		const asked = weightsOf(await formDataOf(request));
		if (asked.error || !asked.weights)
			return fail(400, { weightsError: asked.error ?? 'Move at least one slider' });
		if (!(await tenders.update(params.id, { weights: asked.weights })))
			error(404, m.tender_err_no_tender());
		redirect(303, `/t/${params.id}/compare`);
	},

	/** Back to the ruleset's weights. */
	reset: async ({ params }) => {
		if (!(await tenders.update(params.id, { weights: null }))) error(404, m.tender_err_no_tender());
		redirect(303, `/t/${params.id}/compare`);
	},

	/** Creates a read-only link to the comparison; its URL is shown once, then only its hash is kept. */
	share: async ({ request, params, url }) => {
		const form = await formDataOf(request);
		const parsed = createComparisonShareBodySchema.safeParse({
			label: String(form.get('label') ?? ''),
			expiresAt: String(form.get('expiresAt') ?? '') || null
		});
		if (!parsed.success)
			return fail(400, { shareErrors: fieldErrors(parsed.error.issues, getLocale()) });
		try {
			const created = await createComparisonShare(params.id, parsed.data);
			if (!created) error(404, m.tender_err_no_tender());
			return {
				createdShare: { id: created.share.id, url: comparisonShareUrl(request, url, created.token) }
			};
		} catch (e) {
			if (e instanceof ComparisonShareLimitError)
				return fail(409, { shareErrors: { form: e.message } });
			if (e instanceof ShareInputError) return fail(400, { shareErrors: { [e.path]: e.message } });
			throw e;
		}
	},

	revoke: async ({ request, params }) => {
		const form = await formDataOf(request);
		const revoked = await revokeComparisonShare(params.id, String(form.get('shareId') ?? ''));
		if (revoked === null) error(404, m.tender_err_no_tender());
		if (!revoked) return fail(404, { shareErrors: { form: 'That link no longer exists.' } });
		return { revokedShare: true };
	}
};
