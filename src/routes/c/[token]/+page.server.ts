import { error } from '@sveltejs/kit';
import { openComparisonShare, sharedComparison } from '$lib/server/comparison-shares';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** A recipient's read-only comparison; the capability headers come from the hooks (no referrer, no index, no store). */
export const load: PageServerLoad = async ({ params, url }) => {
	const opened = await openComparisonShare(params.token);
	if (opened.status === 'unknown') error(404, m.comparison_err_gone());
	if (opened.status !== 'active') error(410, m.comparison_err_gone());
	const view = sharedComparison(opened.record, opened.share);
	return {
		...view,
		areas: view.comparison.offers[0]?.areas.map((a) => ({ id: a.id, title: a.title })) ?? [],
		onlyDifferences: url.searchParams.get('only') === 'differences'
	};
};
