/**
 * Share tokens and edit ids are capabilities: anything written to a log goes through this. Both
 * are 22 base64url characters; any such run is replaced, wherever it sits (a path, a file name in
 * an error message, a message we did not write), and so is its percent-encoded spelling in a path.
 */
const CAPABILITY = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g;

export function redactPath(text: string): string {
	return text
		.replace(
			/\/(s|a|respond|api\/shared|api\/respond|api\/assessments|api\/tenders)\/[A-Za-z0-9_%-]{16,}/g,
			'/$1/[redacted]'
		)
		.replace(CAPABILITY, '[redacted]');
}

/** An id as messages may name it: enough to tell records apart in a log, not enough to use. */
export function redactId(id: string): string {
	return `${id.slice(0, 4)}…`;
}
