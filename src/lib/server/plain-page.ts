/** A small page for refusals that happen before any route renders (no layout, no scripts). */
export function plainPage(
	status: number,
	title: string,
	message: string,
	headers: Record<string, string> = {}
): Response {
	const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
	return new Response(
		`<!doctype html><meta charset="utf-8"><title>${escape(title)}</title><h1>${escape(title)}</h1><p>${escape(message)}</p>`,
		{ status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }
	);
}
