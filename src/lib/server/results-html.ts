/**
 * The results and share pages' unchanging parts, rendered once on the server in the request's
 * language. These components read the whole score result, the rules' texts and the phrase builders;
 * as markup, none of that code or its German and English messages is sent to the browser, which
 * keeps the pages inside their JavaScript budget (tests/budget/size-budget.ts). The server renders
 * its own components here, so every assessment text in the markup is escaped as anywhere else.
 */
import { render } from 'svelte/server';
import type { ResolvedPathname } from '$app/types';
import { answerTable } from '$lib/assessment/answer-table';
import type { StoredAssessment } from '$lib/assessment/schema';
import AnswerSections from '$lib/components/results/AnswerSections.svelte';
import ResultsDetails from '$lib/components/results/ResultsDetails.svelte';
import ResultsOverview from '$lib/components/results/ResultsOverview.svelte';
import SwitchingCost from '$lib/components/results/SwitchingCost.svelte';
import type { ResultsHtml } from '$lib/components/results/types';
import type { ScoreResult } from '$lib/scoring/types';
import { rulesFor } from './rules';

export interface ResultsHtmlInput {
	/** The assessment as the page may show it (a share link's copy without notes, say). */
	assessment: Pick<
		StoredAssessment,
		'title' | 'organisation' | 'vendor' | 'fleet' | 'answers' | 'rulesetVersion'
	>;
	result: ScoreResult;
	/** The address of a step, to change its answers; absent on read-only views. */
	editHref?: (areaId: string) => ResolvedPathname;
	resumeHref?: ResolvedPathname;
	simulationHref?: ResolvedPathname;
	/** The page's own sections after the rendered ones, for "On this page". */
	moreSections?: { id: string; label: string }[];
}

const STYLE = /<style id="([^"]+)">[\s\S]*?<\/style>/g;

/**
 * Svelte's hydration markers, such as <!--[--> and <!---->. The page's {@html} ends at the first
 * empty comment, so markers left inside would cut the markup short and break the page's hydration.
 * This markup is never hydrated itself. Svelte escapes "<" in every text and attribute it renders,
 * so a literal "<!--" here is always one of its markers, never an assessment's text.
 */
const HYDRATION_MARKER = /<!--[^<>]*-->/g;
const withoutMarkers = (body: string) => body.replace(HYDRATION_MARKER, '');

/** Each component's style once, though several renders may carry it. */
function uniqueStyles(heads: string[]): string {
	const styles = new Map<string, string>();
	for (const head of heads) {
		for (const match of head.matchAll(STYLE)) styles.set(match[1]!, match[0]);
	}
	return [...styles.values()].join('');
}

function renderParts(input: ResultsHtmlInput): ResultsHtml {
	const { assessment, result } = input;
	const answers = answerTable(
		rulesFor(assessment.rulesetVersion),
		assessment.answers,
		assessment.fleet.countries
	);
	const overview = render(ResultsOverview, {
		props: {
			summary: {
				title: assessment.title,
				organisation: assessment.organisation,
				vendor: assessment.vendor,
				devices: assessment.fleet.devices,
				countries: assessment.fleet.countries.length,
				lifetimeYears: assessment.fleet.lifetimeYears
			},
			result,
			answers,
			editHref: input.editHref,
			resumeHref: input.resumeHref,
			simulationHref: input.simulationHref,
			moreSections: input.moreSections
		}
	});
	const details = render(ResultsDetails, { props: { result } });
	const cost = render(SwitchingCost, { props: { cost: result.switchingCost } });
	const rendered = render(AnswerSections, {
		props: { sections: answers, editHref: input.editHref, conflicts: result.conflicts }
	});
	const parts = [overview, details, cost, rendered];
	return {
		css: uniqueStyles(parts.map((part) => part.head)),
		overview: withoutMarkers(overview.body),
		details: withoutMarkers(details.body),
		cost: withoutMarkers(cost.body),
		answers: withoutMarkers(rendered.body)
	};
}

const PARTS = [
	'css',
	'overview',
	'details',
	'cost',
	'answers'
] as const satisfies readonly (keyof ResultsHtml)[];

/**
 * What stands for a part in the page data of a full page load. SvelteKit escapes "<" in the data
 * it writes into the page, so this literal occurs only where the page renders the part.
 */
const placeholder = (part: keyof ResultsHtml) =>
	`<template data-results-part="${part}"></template>`;

/**
 * The rendered parts for a results or share page's data. A full page load gets placeholders, and
 * the parts go into the page's HTML once (fillResultsHtml, from hooks.server.ts): sent in the page
 * data too, they doubled the HTML and left the phone a long inline script to parse. Svelte keeps
 * the markup it finds in place of an {@html} when it hydrates. A data request (a client-side
 * visit, a form sent with JavaScript) gets the parts themselves, rendered into the page by Svelte.
 */
export function resultsHtmlForPage(
	event: { isDataRequest: boolean; locals: App.Locals },
	input: ResultsHtmlInput
): ResultsHtml {
	const html = renderParts(input);
	if (event.isDataRequest) return html;
	event.locals.resultsHtml = html;
	return {
		css: placeholder('css'),
		overview: placeholder('overview'),
		details: placeholder('details'),
		cost: placeholder('cost'),
		answers: placeholder('answers')
	};
}

/** The page's HTML with each placeholder replaced by its part; unchanged for any other page. */
export function fillResultsHtml(page: string, html: ResultsHtml | undefined): string {
	if (!html) return page;
	let filled = page;
	for (const part of PARTS) filled = filled.replace(placeholder(part), () => html[part]);
	return filled;
}
