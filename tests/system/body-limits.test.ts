import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	apiErrorProblem,
	friendlyPageProblem,
	jsonOf,
	send,
	type ApiError,
	type Reply
} from './http';
import { expectNothingStored, useSeededServer, type Seeded } from './seeded-server';

/** adapter-node's default BODY_SIZE_LIMIT: 512K, i.e. 524,288 bytes. */
const LIMIT = 512 * 1024;
const seeded = useSeededServer();

const jsonRoutes = (s: Seeded): [string, string][] => [
	['POST', '/api/assessments'],
	['PATCH', `/api/assessments/${s.id}`],
	['POST', `/api/assessments/${s.id}/shares`],
	['POST', '/api/simulate'],
	['POST', '/api/import']
];
const formRoutes = (s: Seeded) => [
	'/new',
	`/a/${s.id}/fleet`,
	`/a/${s.id}/network`,
	`/a/${s.id}/results?/costs`,
	`/a/${s.id}/results?/share`,
	'/assessments?/import'
];

/** A JSON object of exactly `bytes` bytes: one long title. */
const jsonOfSize = (bytes: number) => {
	const shell = JSON.stringify({ title: '' });
	return JSON.stringify({ title: 'x'.repeat(bytes - shell.length) });
};

/** The same bytes sent without a Content-Length (chunked), as a stream. */
const chunked = (text: string) =>
	new ReadableStream<Uint8Array>({
		start(controller) {
			const bytes = new TextEncoder().encode(text);
			for (let i = 0; i < bytes.length; i += 64 * 1024)
				controller.enqueue(bytes.subarray(i, i + 64 * 1024));
			controller.close();
		}
	});

function sendJson(
	s: Seeded,
	method: string,
	path: string,
	text: string,
	stream: boolean
): Promise<Reply> {
	return send(s.server, method, path, {
		body: stream ? chunked(text) : text,
		headers: { 'content-type': 'application/json' }
	});
}

function sendForm(s: Seeded, path: string, bytes: number, multipart: boolean): Promise<Reply> {
	const title = 'x'.repeat(bytes);
	let body: FormData | URLSearchParams;
	if (multipart) {
		body = new FormData();
		body.append('file', new Blob([title], { type: 'application/json' }), 'export.json');
	} else {
		body = new URLSearchParams({ title });
	}
	return send(s.server, 'POST', path, {
		body,
		headers: { origin: s.server.origin, accept: 'text/html' }
	});
}

describe('request size limits', () => {
	it('reads a JSON body of exactly BODY_SIZE_LIMIT (512K) and judges its content', async () => {
		const s = seeded();
		await expectNothingStored(s.server, async () => {
			const text = jsonOfSize(LIMIT);
			expect(Buffer.byteLength(text)).toBe(524_288);
			const reply = await sendJson(s, 'POST', '/api/assessments', text, false);
			expect(reply.status).toBe(400);
			expect(jsonOf<ApiError>(reply).issues.map((i) => i.path)).toContain('title');
		});
	});

	it('answers form posts above BODY_SIZE_LIMIT with 413 and a page, with or without multipart', async () => {
		const s = seeded();
		await expectNothingStored(s.server, async () => {
			for (const path of formRoutes(s)) {
				for (const multipart of [false, true]) {
					const reply = await sendForm(s, path, LIMIT + 1024, multipart);
					expect(reply.status, `${path} multipart=${multipart}`).toBe(413);
					expect(friendlyPageProblem(reply), path).toBeNull();
				}
			}
		});
	});

	it('never fails or stores anything, whatever the size above the limit, route and transfer encoding', async () => {
		const s = seeded();
		const request = fc.oneof(
			fc
				.tuple(
					fc.constantFrom(...jsonRoutes(s)),
					fc.integer({ min: LIMIT + 1, max: 4 * 1024 * 1024 }),
					fc.boolean()
				)
				.map(([[method, path], bytes, stream]) => ({
					what: `${method} ${path} ${bytes} bytes${stream ? ' chunked' : ''}`,
					run: () => sendJson(s, method, path, jsonOfSize(bytes), stream)
				})),
			fc
				.tuple(
					fc.constantFrom(...formRoutes(s)),
					fc.integer({ min: LIMIT + 1, max: 4 * 1024 * 1024 }),
					fc.boolean()
				)
				.map(([path, bytes, multipart]) => ({
					what: `${path} ${bytes} bytes${multipart ? ' multipart' : ''}`,
					run: () => sendForm(s, path, bytes, multipart)
				}))
		);
		await expectNothingStored(s.server, () =>
			fc.assert(
				fc.asyncProperty(request, async ({ what, run }) => {
					const reply = await run();
					expect(reply.status, `${what}: ${reply.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
					expect(reply.status, `${what}: ${reply.text.slice(0, 200)}`).toBeLessThan(500);
				}),
				{ numRuns: 40 }
			)
		);
	});

	it('refuses deeply nested JSON under the limit with 400, not a stack overflow', async () => {
		const s = seeded();
		const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
		await expectNothingStored(s.server, async () => {
			for (const [method, path] of jsonRoutes(s)) {
				for (const text of [deep, `{"title":${deep}}`, `{"answers":{"x":{"note":${deep}}}}`]) {
					const reply = await sendJson(s, method, path, text, false);
					expect(reply.status, `${method} ${path}`).toBe(400);
					expect(apiErrorProblem(reply)).toBeNull();
				}
			}
		});
	});

	it('answers a request line and headers above 16 KB with 431 (Node.js http default)', async () => {
		const s = seeded();
		const reply = await send(
			s.server,
			'GET',
			`/api/assessments/${s.id}/report.pdf?title=${'x'.repeat(17 * 1024)}`
		);
		expect(reply.status).toBe(431);
		expect((await send(s.server, 'GET', '/api/rules')).status).toBe(200);
	});
});

describe('found by these tests: fix in src/', () => {
	it('answers JSON bodies above BODY_SIZE_LIMIT with 413 in the error shape, not 400 "not valid JSON"', async () => {
		const s = seeded();
		const failures: string[] = [];
		await expectNothingStored(s.server, async () => {
			for (const [method, path] of jsonRoutes(s)) {
				for (const stream of [false, true]) {
					const reply = await sendJson(s, method, path, jsonOfSize(LIMIT + 1), stream);
					if (reply.status !== 413 || apiErrorProblem(reply))
						failures.push(
							`${method} ${path}${stream ? ' (chunked)' : ''}: ${reply.status} ${reply.text.slice(0, 120)}`
						);
				}
			}
		});
		expect(failures).toEqual([]);
	});
});
