import { json } from '@sveltejs/kit';
import type { z } from 'zod';

export interface FieldIssue {
	path: string;
	message: string;
}

const joinPath = (path: PropertyKey[]) => path.map(String).join('.');

/** Zod issues as field paths; an unknown field is named by its own path, not its parent's. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
	return error.issues.flatMap((issue) =>
		issue.code === 'unrecognized_keys'
			? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: 'Unknown field' }))
			: [{ path: joinPath(issue.path), message: issue.message }]
	);
}

/** The one error shape of the JSON API: `{ error, issues: [{ path, message }] }`. */
export function apiError(status: number, error: string, issues: FieldIssue[] = []) {
	return json({ error, issues }, { status });
}

export const notFound = () => apiError(404, 'No assessment with this id');

/** Reads a JSON body, or answers why it could not. */
export async function readJson(
	request: Request
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) {
		return {
			ok: false,
			response: apiError(415, 'Send the body as application/json', [
				{ path: '', message: `Content-Type was "${type || 'missing'}"` }
			])
		};
	}
	try {
		return { ok: true, body: await request.json() };
	} catch (error) {
		return {
			ok: false,
			response: apiError(400, 'The body is not valid JSON', [
				{ path: '', message: (error as Error).message }
			])
		};
	}
}

/** Validates with a schema and answers 400 with every field path that is wrong. */
export function validate<S extends z.ZodType>(
	schema: S,
	body: unknown
): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
	const parsed = schema.safeParse(body);
	if (parsed.success) return { ok: true, data: parsed.data };
	return { ok: false, response: apiError(400, 'The request is invalid', issuesOf(parsed.error)) };
}
