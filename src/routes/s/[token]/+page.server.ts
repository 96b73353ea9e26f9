import { resolve } from '$app/paths';
import { error } from '@sveltejs/kit';
import { displayText } from '$lib/display-text';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { resultsHtmlForPage } from '$lib/server/results-html';
import { openShare, sharedView } from '$lib/server/shares';
import { costHeadline, provisionalLine, ratingName } from '$lib/text/verdict';
import type { PageServerLoad } from './$types';

const GONE = 'This link is no longer valid. Ask the person who sent it for a new one.';

/**
 * What the page shows: the results as server-rendered markup, as on the owner's page, and the link
 * preview's words; the PDF's source comes from /api/shared/{token}/report-source on demand.
 */
export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const opened = await openShare(params.token);
	if (opened.status === 'unknown') error(404, GONE);
	if (opened.status !== 'active') error(410, GONE);
	const { assessment, result, share } = sharedView(opened.record, opened.share);
	const locale = getLocale();
	// A link preview carries the rating too, so it says what the page says next to it.
	const rated =
		locale === 'en' ? ratingName(result, locale).toLowerCase() : ratingName(result, locale);
	const description = [
		m.share_og_description({ rating: rated, score: Math.round(result.overall.score) }),
		provisionalLine(result, locale)?.concat('.'),
		`${costHeadline(result.switchingCost, locale)}.`
	]
		.filter(Boolean)
		.join(' ');
	return {
		title: assessment.title,
		preview: {
			title: `${displayText(assessment.title)}: ${m.share_og_rated({ rating: rated })}`,
			description
		},
		rulesetVersion: result.rulesetVersion,
		askVendor: result.askVendor,
		html: resultsHtmlForPage(event, {
			assessment,
			result,
			simulationHref: resolve('/s/[token]/fleet', { token: params.token }),
			moreSections: [{ id: 'report-heading', label: m.results_contents_report() }]
		}),
		share,
		updatedAt: assessment.updatedAt
	};
};
