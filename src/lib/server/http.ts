import { error, json } from '@sveltejs/kit';
import type { z } from 'zod';
import { sizeText } from '../tender/evidence';
import { issuesOf, type FieldIssue } from '../validation/issues';

export type { FieldIssue };

/** Most issues one error lists: enough to fix a request, never megabytes of them (audit F8). */
export const MAX_ISSUES = 20;

/**
 * The one error shape of the JSON API: `{ error, issues: [{ path, message }] }`. A request with
 * more than MAX_ISSUES problems gets the first ones and `issueCount`, the total.
 */
export function apiError(status: number, error: string, issues: FieldIssue[] = []) {
	if (issues.length <= MAX_ISSUES) return json({ error, issues }, { status });
	return json(
		{ error, issues: issues.slice(0, MAX_ISSUES), issueCount: issues.length },
		{ status }
	);
}

export const notFound = () => apiError(404, 'No assessment with this id');

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Paths of keys that would reach an object's prototype. zod drops them without a word, so a
 * request could be acknowledged while storing nothing; better to refuse and say where. The walk
 * uses its own stack: a body nested a hundred thousand levels deep must not overflow ours.
 */
function forbiddenKeyPaths(value: unknown): string[] {
	interface Step {
		node: unknown;
		key: string;
		parent: Step | null;
	}
	const pathOf = (step: Step | null, key: string) => {
		const keys = [key];
		for (let at = step; at && at.parent !== undefined && at.key !== ''; at = at.parent)
			keys.unshift(at.key);
		return keys.join('.');
	};
	const found: string[] = [];
	const stack: Step[] = [{ node: value, key: '', parent: null }];
	while (stack.length > 0 && found.length < 10) {
		const step = stack.pop()!;
		if (step.node === null || typeof step.node !== 'object') continue;
		for (const key of Object.keys(step.node)) {
			if (FORBIDDEN_KEYS.has(key)) found.push(pathOf(step, key));
			else stack.push({ node: (step.node as Record<string, unknown>)[key], key, parent: step });
		}
	}
	return found;
}

/** The body limit was hit: the route's (body-limit.ts) or adapter-node's, an error with status 413. */
const tooLarge = (error: unknown) => (error as { status?: number } | null)?.status === 413;

/** " (the limit is 512 KB)" when the error says which limit it was. */
const limitOf = (error: unknown) => {
	const limit = (error as { limit?: number } | null)?.limit;
	return typeof limit === 'number' && Number.isFinite(limit)
		? ` (the limit is ${sizeText(limit)})`
		: '';
};

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
	let text: string;
	try {
		text = await request.text();
	} catch (error) {
		if (tooLarge(error)) {
			return {
				ok: false,
				response: apiError(413, 'The body is too large', [
					{ path: '', message: (error as Error).message }
				])
			};
		}
		return {
			ok: false,
			response: apiError(400, 'The body could not be read', [
				{ path: '', message: (error as Error).message }
			])
		};
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			response: apiError(400, 'The body is not valid JSON', [
				{ path: '', message: (error as Error).message }
			])
		};
	}
	const forbidden = forbiddenKeyPaths(body);
	if (forbidden.length > 0) {
		return {
			ok: false,
			response: apiError(
				400,
				'The request is invalid',
				forbidden.map((path) => ({ path, message: 'This field name is not allowed' }))
			)
		};
	}
	return { ok: true, body };
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

/**
 * A form action's fields. A body that is not a readable form (broken multipart, text/plain,
 * too large) is the sender's mistake: 400 or 413 with a page that says so, never a 500.
 */
export async function formDataOf(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (err) {
		if (tooLarge(err))
			error(413, `The form was too large to accept${limitOf(err)}. Nothing was changed.`);
		error(400, 'The form could not be read. Nothing was changed; please try again.');
	}
}
