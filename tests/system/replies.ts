/** Assertions on API replies shared by the system tests. */
import { expect } from 'vitest';
import { apiErrorProblem, jsonOf, type ApiError, type Reply } from './http';

/** The body of a reply that must have this status (the reply's text in the failure message). */
export function ok<T>(reply: Reply, status = 200): T {
	expect(reply.status, reply.text.slice(0, 500)).toBe(status);
	return jsonOf<T>(reply);
}

/** The field paths an API refusal names, after checking it is in the API's error shape. */
export function pathsOf(reply: Reply): string[] {
	expect(apiErrorProblem(reply)).toBeNull();
	return jsonOf<ApiError>(reply).issues.map((i) => i.path);
}
