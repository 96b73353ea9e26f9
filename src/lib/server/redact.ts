/** Share tokens and edit ids are capabilities: anything written to a log goes through this. */
export function redactPath(text: string): string {
	return text.replace(/\/(s|a|api\/shared|api\/assessments)\/[A-Za-z0-9_-]{16,}/g, '/$1/[redacted]');
}
