import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponse } from '$lib/server/compress';

const BIG = '<p>lock-in</p>'.repeat(200); // 2,800 bytes: above the 1 KB floor

const get = (acceptEncoding?: string, method = 'GET') =>
	new Request('http://localhost/', {
		method,
		headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
	});

const html = (body: BodyInit | null, headers: Record<string, string> = {}, status = 200) =>
	new Response(body, { status, headers: { 'content-type': 'text/html', ...headers } });

describe('chooseEncoding', () => {
	it('prefers brotli, falls back to gzip, and honours q=0 and *', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip;q=0')).toBeNull();
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('deflate')).toBeNull();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('*;q=0')).toBeNull();
		expect(chooseEncoding('gzip, *;q=0')).toBe('gzip');
		expect(chooseEncoding(null)).toBeNull();
		expect(chooseEncoding('')).toBeNull();
	});
});

describe('compressResponse', () => {
	it('compresses HTML with brotli or gzip, keeping status and headers and appending to Vary', async () => {
		for (const [encoding, decode] of [
			['br', brotliDecompressSync],
			['gzip', gunzipSync]
		] as const) {
			const response = await compressResponse(
				get(encoding),
				html(
					BIG,
					{ vary: 'Cookie', 'cache-control': 'private, no-store', 'x-frame-options': 'DENY' },
					201
				)
			);
			expect(response.status).toBe(201);
			expect(response.headers.get('content-encoding')).toBe(encoding);
			expect(response.headers.get('vary')).toBe('Cookie, Accept-Encoding');
			expect(response.headers.get('cache-control')).toBe('private, no-store');
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			const bytes = Buffer.from(await response.arrayBuffer());
			expect(bytes.byteLength).toBeLessThan(BIG.length / 4);
			expect(decode(bytes).toString('utf8')).toBe(BIG);
		}
	});

	it('sends small bodies, binary types, HEAD, 204/304 and already encoded bodies as they are', async () => {
		const small = await compressResponse(get('br'), html('<p>short</p>'));
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(small.headers.get('vary')).toBe('Accept-Encoding');
		expect(await small.text()).toBe('<p>short</p>');

		const pdf = await compressResponse(
			get('br'),
			new Response(BIG, {
				headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment' }
			})
		);
		expect(pdf.headers.get('content-encoding')).toBeNull();
		expect(pdf.headers.get('vary')).toBeNull();
		expect(pdf.headers.get('content-disposition')).toBe('attachment');

		expect(
			(await compressResponse(get('br', 'HEAD'), html(BIG))).headers.get('content-encoding')
		).toBeNull();
		expect(
			(await compressResponse(get('br'), html(null, {}, 204))).headers.get('content-encoding')
		).toBeNull();
		expect(
			(await compressResponse(get('br'), html(null, {}, 304))).headers.get('content-encoding')
		).toBeNull();
		const encoded = await compressResponse(get('br'), html(BIG, { 'content-encoding': 'gzip' }));
		expect(encoded.headers.get('content-encoding')).toBe('gzip');
		expect(await encoded.text()).toBe(BIG);

		const identity = await compressResponse(get('identity'), html(BIG));
		expect(identity.headers.get('content-encoding')).toBeNull();
		expect(identity.headers.get('vary')).toBe('Accept-Encoding');
		expect(await identity.text()).toBe(BIG);
	});

	it('passes each streamed chunk on when it is written, as SvelteKit streams promised data', async () => {
		let second!: () => void;
		const later = new Promise<void>((resolve) => (second = resolve));
		const encoder = new TextEncoder();
		const body = new ReadableStream<Uint8Array>({
			async start(controller) {
				controller.enqueue(encoder.encode(BIG));
				await later;
				controller.enqueue(encoder.encode('<script>streamed</script>'));
				controller.close();
			}
		});
		const response = await compressResponse(get('gzip'), html(body));
		expect(response.headers.get('content-encoding')).toBe('gzip');
		const reader = response.body!.getReader();
		const received: Uint8Array[] = [];
		// Read until the first chunk decodes in full, before the second one is even written.
		while (gunzipPrefix(received) !== BIG) {
			const { value, done } = await reader.read();
			expect(done).toBe(false);
			received.push(value!);
		}
		expect(gunzipPrefix(received)).toBe(BIG);
		second();
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			received.push(value);
		}
		expect(gunzipSync(Buffer.concat(received)).toString('utf8')).toBe(
			`${BIG}<script>streamed</script>`
		);
	});
});

/** What the gzip bytes so far decode to (a sync-flushed stream decodes up to its last flush). */
function gunzipPrefix(chunks: Uint8Array[]): string {
	if (chunks.length === 0) return '';
	try {
		return gunzipSync(Buffer.concat(chunks), { finishFlush: 2 /* Z_SYNC_FLUSH */ }).toString(
			'utf8'
		);
	} catch {
		return '';
	}
}
