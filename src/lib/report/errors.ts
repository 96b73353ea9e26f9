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
