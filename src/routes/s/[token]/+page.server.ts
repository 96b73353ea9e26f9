import { error } from '@sveltejs/kit';
import { answerTable } from '$lib/assessment/answer-table';
import { rulesFor } from '$lib/server/rules';
import { openShare, sharedView } from '$lib/server/shares';
import type { PageServerLoad } from './$types';

const GONE = 'This link is no longer valid. Ask the person who sent it for a new one.';

/** What the page shows; the PDF's source comes from /api/shared/{token}/report-source on demand. */
export const load: PageServerLoad = async ({ params }) => {
	const opened = await openShare(params.token);
	if (opened.status === 'unknown') error(404, GONE);
	if (opened.status !== 'active') error(410, GONE);
	const { assessment, result, share } = sharedView(opened.record, opened.share);
	return {
		summary: {
			title: assessment.title,
			organisation: assessment.organisation,
			vendor: assessment.vendor,
			devices: assessment.fleet.devices,
			countries: assessment.fleet.countries.length,
			lifetimeYears: assessment.fleet.lifetimeYears
		},
		result,
		answers: answerTable(
			rulesFor(assessment.rulesetVersion),
			assessment.answers,
			assessment.fleet.countries
		),
		share,
		updatedAt: assessment.updatedAt
	};
};
