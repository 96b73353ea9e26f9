export interface ReportIssue {
	/** The input field at fault, dot-separated (e.g. "logo", "paper"). */
	path: string;
	message: string;
}

/** Input the report cannot be built from: a bad logo, an unknown paper size, text too long. */
export class ReportInputError extends Error {
	constructor(readonly issues: ReportIssue[]) {
		super(issues.map((issue) => issue.message).join('; '));
		this.name = 'ReportInputError';
	}
}

/** The report would run past MAX_REPORT_PAGES: refused, with a message a person can act on. */
export class ReportTooLongError extends Error {
	constructor(readonly maxPages: number) {
		super(
			`This report would be longer than ${maxPages} pages, so it was not built. Shorten the longest notes (or leave them out) and try again.`
		);
		this.name = 'ReportTooLongError';
	}
}
