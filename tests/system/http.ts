/** Small HTTP helpers over fetch for the system tests: one reply shape, and the API's error shape. */
import type { TestServer } from './server';

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
}

export interface SendOptions {
	/** Sent as application/json. */
	json?: unknown;
	body?: BodyInit;
	headers?: Record<string, string>;
	timeoutMs?: number;
}

export async function send(
	server: TestServer,
	method: string,
	path: string,
	options: SendOptions = {}
): Promise<Reply> {
	const headers: Record<string, string> = { ...options.headers };
	let body = options.body;
	if (options.json !== undefined) {
		body = JSON.stringify(options.json);
		headers['content-type'] ??= 'application/json';
	}
	const response = await server.fetch(path, {
		method,
		headers,
		body,
		redirect: 'manual',
		signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
		// A stream is sent chunked, without a Content-Length; fetch needs to be told it is one-way.
		...(body instanceof ReadableStream ? { duplex: 'half' } : {})
	} as RequestInit);
	return { status: response.status, headers: response.headers, text: await response.text() };
}

export function jsonOf<T = unknown>(reply: Reply): T {
	try {
		return JSON.parse(reply.text) as T;
	} catch {
		throw new Error(
			`Expected JSON, got ${reply.status} ${reply.headers.get('content-type')}: ${reply.text.slice(0, 300)}`
		);
	}
}

export interface ApiError {
	error: string;
	issues: { path: string; message: string }[];
}

/** Why a reply is not the JSON API's error shape `{ error, issues: [{ path, message }] }`, or null. */
export function apiErrorProblem(reply: Reply): string | null {
	if (!/^application\/json/.test(reply.headers.get('content-type') ?? '')) {
		return `content-type ${reply.headers.get('content-type')}`;
	}
	let body: Partial<ApiError>;
	try {
		body = JSON.parse(reply.text);
	} catch {
		return 'body is not JSON';
	}
	if (typeof body.error !== 'string' || !body.error) return 'no error message';
	if (!Array.isArray(body.issues)) return 'no issues array';
	for (const issue of body.issues) {
		if (typeof issue?.path !== 'string' || typeof issue?.message !== 'string' || !issue.message) {
			return `malformed issue ${JSON.stringify(issue)}`;
		}
	}
	return null;
}

/** A page a person can read: our layout, a heading, and no stack trace. */
export function friendlyPageProblem(reply: Reply): string | null {
	if (!/^text\/html/.test(reply.headers.get('content-type') ?? ''))
		return `content-type ${reply.headers.get('content-type')}`;
	if (!/<h1[\s>]/.test(reply.text)) return 'no <h1> heading';
	if (
		/\bat .+:\d+:\d+\)?\n/.test(reply.text) ||
		/node_modules|\.svelte-kit\/output/.test(reply.text)
	)
		return 'a stack trace';
	return null;
}

export interface RulesApi {
	version: string;
	areas: { id: string; questions: { id: string; options: { id: string }[] }[] }[];
	countries: { code: string }[];
	costs: unknown;
}

export async function fetchRules(server: TestServer): Promise<RulesApi> {
	return jsonOf<RulesApi>(await send(server, 'GET', '/api/rules'));
}

export const questionIds = (rules: RulesApi) =>
	rules.areas.flatMap((area) => area.questions.map((q) => q.id));

/** A small valid create body; tests vary the title to recognise their records. */
export const createBody = (title: string) => ({
	title,
	organisation: 'Proof Org',
	vendor: 'Proof Vendor',
	fleet: { devices: 500, countries: ['DE', 'BR'], lifetimeYears: 8 }
});

/** Runs tasks with at most `limit` in flight. */
export async function pool<T, R>(
	items: readonly T[],
	limit: number,
	task: (item: T, index: number) => Promise<R>
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]!, index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
