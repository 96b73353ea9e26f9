import { describe, expect, it } from 'vitest';
import {
	adapterEnv,
	bodyLimits,
	carriesEvidence,
	parseByteSize,
	withBodyLimit
} from '../../../src/lib/server/body-limit';

const KB = 1024;
const MB = 1024 * 1024;

describe('body limits from the environment', () => {
	it('reads sizes as adapter-node reads BODY_SIZE_LIMIT', () => {
		expect(parseByteSize('512K')).toBe(524_288);
		expect(parseByteSize('6M')).toBe(6_291_456);
		expect(parseByteSize('700k')).toBe(716_800);
		expect(parseByteSize('1000000')).toBe(1_000_000);
		expect(parseByteSize('Infinity')).toBe(Infinity);
		expect(parseByteSize('lots')).toBeNaN();
	});

	it('holds ordinary routes to 512 KB and evidence uploads to 5 MB and 512 KB of form, unset', () => {
		expect(bodyLimits({})).toEqual({ ordinary: 512 * KB, evidence: 5 * MB + 512 * KB });
	});

	it("takes the operator's BODY_SIZE_LIMIT for ordinary routes, and for evidence too when it is larger", () => {
		expect(bodyLimits({ BODY_SIZE_LIMIT: '1M' })).toEqual({
			ordinary: MB,
			evidence: 5 * MB + 512 * KB
		});
		expect(bodyLimits({ BODY_SIZE_LIMIT: '8M' })).toEqual({ ordinary: 8 * MB, evidence: 8 * MB });
		expect(bodyLimits({ BODY_SIZE_LIMIT: '100K' })).toEqual({
			ordinary: 100 * KB,
			evidence: 5 * MB + 512 * KB
		});
	});

	it("refuses a BODY_SIZE_LIMIT that is not a size, in adapter-node's words", () => {
		expect(() => bodyLimits({ BODY_SIZE_LIMIT: 'lots' })).toThrow(
			"Invalid BODY_SIZE_LIMIT: 'lots'. Please provide a numeric value."
		);
		expect(() => adapterEnv({ BODY_SIZE_LIMIT: 'lots' })).toThrow('Invalid BODY_SIZE_LIMIT');
	});

	it("gives the adapter the evidence limit and keeps the operator's value, which the hooks then read", () => {
		const unset = adapterEnv({});
		expect(unset).toEqual({
			LOCK_IN_RADAR_BODY_SIZE_LIMIT: '512K',
			BODY_SIZE_LIMIT: String(5 * MB + 512 * KB)
		});
		expect(bodyLimits(unset)).toEqual({ ordinary: 512 * KB, evidence: 5 * MB + 512 * KB });
		const set = adapterEnv({ BODY_SIZE_LIMIT: '1M' });
		expect(set).toEqual({
			LOCK_IN_RADAR_BODY_SIZE_LIMIT: '1M',
			BODY_SIZE_LIMIT: String(5 * MB + 512 * KB)
		});
		expect(bodyLimits({ ...set })).toEqual({ ordinary: MB, evidence: 5 * MB + 512 * KB });
		// Run twice (a restart in the same environment): the same answer, not the adapter's value taken as the operator's.
		expect(adapterEnv({ ...set })).toEqual(set);
	});
});

describe('which requests carry evidence', () => {
	const page = (action: string, method = 'POST') =>
		carriesEvidence({ method, routeId: '/respond/[token]', action });

	it("the API's evidence POST and every button of the vendor page's form", () => {
		expect(
			carriesEvidence({
				method: 'POST',
				routeId: '/api/respond/[token]/evidence/[questionId]',
				action: 'default'
			})
		).toBe(true);
		for (const action of ['save', 'attach', 'remove', 'submit'])
			expect(page(action), action).toBe(true);
	});

	it('not the spreadsheet upload, other methods, other routes, nor a request no route matched', () => {
		expect(page('upload')).toBe(false);
		expect(page('default')).toBe(false);
		expect(page('attach', 'PUT')).toBe(false);
		expect(
			carriesEvidence({
				method: 'DELETE',
				routeId: '/api/respond/[token]/evidence/[questionId]/[fileId]',
				action: 'default'
			})
		).toBe(false);
		expect(
			carriesEvidence({ method: 'PATCH', routeId: '/api/respond/[token]', action: 'default' })
		).toBe(false);
		expect(carriesEvidence({ method: 'POST', routeId: null, action: 'attach' })).toBe(false);
	});
});

/** A body of `bytes` bytes in chunks of `chunk`, counting how many chunks were pulled from it. */
function source(bytes: number, chunk = 16 * KB) {
	const pulled = { chunks: 0 };
	let sent = 0;
	const stream = new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				if (sent >= bytes) return controller.close();
				const size = Math.min(chunk, bytes - sent);
				sent += size;
				pulled.chunks += 1;
				controller.enqueue(new Uint8Array(size));
			}
		},
		{ highWaterMark: 0 }
	);
	return { stream, pulled };
}

const post = (body: ReadableStream<Uint8Array>, length?: number) =>
	new Request('http://localhost/api/x', {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(length === undefined ? {} : { 'content-length': String(length) })
		},
		body,
		duplex: 'half'
	} as RequestInit);

const failure = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error: unknown) => error as { status?: number; message?: string; limit?: number }
	);

describe('withBodyLimit', () => {
	it('passes a body of exactly the limit, with or without a Content-Length', async () => {
		for (const length of [100 * KB, undefined]) {
			const limited = withBodyLimit(post(source(100 * KB).stream, length), 100 * KB);
			expect((await limited.arrayBuffer()).byteLength).toBe(100 * KB);
		}
	});

	it('fails a declared Content-Length over the limit at once with a 413, and drops the body unbuffered', async () => {
		const { stream, pulled } = source(200 * KB);
		const limited = withBodyLimit(post(stream, 200 * KB), 100 * KB);
		const error = await failure(limited.text());
		expect(error).toMatchObject({
			status: 413,
			limit: 100 * KB,
			message: `Content-length of ${200 * KB} exceeds limit of ${100 * KB} bytes.`
		});
		// The rest is read off and dropped (as Node drops a refused body), so the connection stays usable.
		await new Promise((resolve) => setTimeout(resolve, 10));
		// 200 KB in chunks of 16 KB: 13 chunks, every one pulled.
		expect(pulled.chunks).toBe(13);
	});

	it('fails a body without Content-Length once it passes the limit, never holding more than a chunk', async () => {
		const { stream, pulled } = source(4 * MB);
		const limited = withBodyLimit(post(stream), 100 * KB);
		const reader = limited.body!.getReader();
		let received = 0;
		const error = await (async () => {
			try {
				for (;;) {
					const before = pulled.chunks;
					const { done, value } = await reader.read();
					if (done) return null;
					// One read, one chunk pulled from the source: nothing is read ahead and kept.
					expect(pulled.chunks - before).toBe(1);
					received += value.byteLength;
				}
			} catch (e) {
				return e as { status: number; message: string };
			}
		})();
		expect(error).toMatchObject({
			status: 413,
			message: `request body size exceeded the limit of ${100 * KB} bytes`
		});
		expect(received).toBeLessThanOrEqual(100 * KB);
	});

	it('leaves a request without a body, or under an infinite limit, as it is', () => {
		const get = new Request('http://localhost/');
		expect(withBodyLimit(get, 10)).toBe(get);
		const request = post(source(10).stream);
		expect(withBodyLimit(request, Infinity)).toBe(request);
	});

	it('keeps the method, headers and URL, and passes a cancel on to the body', async () => {
		let cancelled: unknown = null;
		const body = new ReadableStream<Uint8Array>({ cancel: (reason) => void (cancelled = reason) });
		const limited = withBodyLimit(post(body), 100);
		expect(limited.method).toBe('POST');
		expect(limited.url).toBe('http://localhost/api/x');
		expect(limited.headers.get('content-type')).toBe('application/json');
		await limited.body!.cancel('gone');
		expect(cancelled).toBe('gone');
	});

	it("reports an upstream 413 (the adapter's limit) as this limit when no length was declared", async () => {
		const upstream = new ReadableStream<Uint8Array>({
			pull: (c) =>
				c.error(
					Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT of 5767168'), {
						status: 413
					})
				)
		});
		const error = await failure(withBodyLimit(post(upstream), 5767168).text());
		expect(error).toMatchObject({ status: 413, limit: 5767168 });
	});
});
