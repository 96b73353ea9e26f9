// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** Records read during this request: a layout and its page share one read. */
			assessmentReads?: Map<
				string,
				Promise<import('$lib/assessment/schema').StoredAssessment | null>
			>;
			/** A write of this request hit a full disk: the hooks answer 507. */
			diskFull?: boolean;
			/** The database could not be reached during this request: the hooks answer 503. */
			databaseDown?: boolean;
			/** The results or share page's rendered parts, written into its HTML once (results-html.ts). */
			resultsHtml?: import('$lib/components/results/types').ResultsHtml;
		}
	}
}

export {};
