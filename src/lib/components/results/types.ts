/** The assessment's own facts the top of the results and share pages names. */
export interface ResultsSummary {
	title: string;
	organisation: string;
	vendor: string;
	devices: number;
	countries: number;
	lifetimeYears: number;
}

/**
 * The parts of the results and share pages that never change in the browser, as markup the server
 * rendered (src/lib/server/results-html.ts), and the styles they need, for the document's head.
 */
export interface ResultsHtml {
	css: string;
	overview: string;
	details: string;
	cost: string;
	answers: string;
}
