import type { z } from 'zod';

/** One problem with one field, as every error of the app reports it. */
export interface FieldIssue {
	path: string;
	message: string;
}

const joinPath = (path: PropertyKey[]) => path.map(String).join('.');

/** Zod issues as field paths; an unknown field is named by its own path, not its parent's. */
export function issuesOf(error: z.ZodError, prefix: PropertyKey[] = []): FieldIssue[] {
	return error.issues.flatMap((issue) =>
		issue.code === 'unrecognized_keys'
			? issue.keys.map((key) => ({
					path: joinPath([...prefix, ...issue.path, key]),
					message: 'Unknown field'
				}))
			: [{ path: joinPath([...prefix, ...issue.path]), message: issue.message }]
	);
}
