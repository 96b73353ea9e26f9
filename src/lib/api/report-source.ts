/**
 * GET /api/assessments/{id}/report-source and /api/shared/{token}/report-source: what the browser
 * needs to build the consultant report itself. Apart from ./contract.ts so the endpoints, the
 * OpenAPI document and its test share one schema.
 *
 * Pure: no I/O; the server's type is imported as a type only.
 */
import { z } from 'zod';
import { locales } from '../paraglide/runtime';
import { rulesetSchema } from '../rules/schema';
import type { ReportSource } from '../report/context';
import { scoreResultSchema } from '../scoring/types';
import { publicContentSchema } from './contract';

export const reportSourceSchema = z.object({
	/** The assessment as the reader may see it: never its id; notes only when they may. */
	assessment: publicContentSchema,
	/** The ruleset the assessment is pinned to, so the PDF says what the page says. */
	ruleset: rulesetSchema,
	/**
	 * The assessment scored with that ruleset in the report's language: its findings, floors and
	 * roaming texts are the report's words, which may not be the page's.
	 */
	result: scoreResultSchema,
	/** Versions of the countries and cost files, for the report's methodology page. */
	dataVersions: z.object({ countries: z.string().optional(), costs: z.string().optional() }),
	/** The language of the rule texts and of `result`: `?locale=`, else the request's. */
	locale: z.enum(locales)
});

/** The schema must describe what reportSource() returns: a compile error otherwise. */
export const reportSourceFits: [z.output<typeof reportSourceSchema>] extends [ReportSource]
	? true
	: false = true;
