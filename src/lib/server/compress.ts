/**
 * Compresses what the app renders (pages, __data.json, JSON answers) so `npm start` is fast without
 * a proxy in front. adapter-node's precompress only covers the built static files; rendered
 * responses leave it uncompressed. Brotli when the client takes it, else gzip, else as is.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this many bytes the headers and the CPU cost more than compression saves. */
export const MIN_BYTES = 1024;

/** Text formats only: PDFs, spreadsheets, images and evidence files are already compressed or binary. */
const COMPRESSIBLE =
	/^(text\/(html|css|plain|csv|javascript)|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)\s*(;|$)/i;

/**
 * The encoding to use for an Accept-Encoding header, honouring `q=0` and `*`; brotli is preferred
 * over gzip whenever both are acceptable, since both cost about the same at the levels used here.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
	}
	const accepted = (name: Encoding) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
	if (accepted('br')) return 'br';
	if (accepted('gzip')) return 'gzip';
	return null;
}

/** Whether a response could be compressed at all, whatever the client accepts. */
export function compressible(method: string, response: Response): boolean {
	if (method === 'HEAD' || !response.body) return false;
	if (response.status < 200 || response.status === 204 || response.status === 304) return false;
	const headers = response.headers;
	if (headers.has('content-encoding')) return false;
	// An explicit no-transform (RFC 9111) asks intermediaries, and so us, to send bytes as they are.
	if (/\bno-transform\b/i.test(headers.get('cache-control') ?? '')) return false;
	if (!COMPRESSIBLE.test(headers.get('content-type') ?? '')) return false;
	const length = headers.get('content-length');
	return length === null || Number(length) >= MIN_BYTES;
}

/** Adds Accept-Encoding to Vary without dropping what is already there. */
function varyOnEncoding(headers: Headers): void {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary))
		headers.set('vary', `${vary}, Accept-Encoding`);
}

function compressor(encoding: Encoding) {
	// Flush on every write: SvelteKit streams a page's promised data in later chunks, and each
	// chunk must reach the browser when it is written, not when the compressor's buffer fills.
	return encoding === 'br'
		? createBrotliCompress({
				flush: constants.BROTLI_OPERATION_FLUSH,
				params: { [constants.BROTLI_PARAM_QUALITY]: 4 }
			})
		: createGzip({ level: 6, flush: constants.Z_SYNC_FLUSH });
}

/**
 * Reads the first chunks until MIN_BYTES are in hand or the body ends, so a small answer whose size
 * is not declared (most rendered ones) is still sent as is. Gives back the chunks read and whether
 * the body ended.
 */
async function peek(
	reader: ReadableStreamDefaultReader<Uint8Array>
): Promise<{ head: Uint8Array[]; size: number; done: boolean }> {
	const head: Uint8Array[] = [];
	let size = 0;
	while (size < MIN_BYTES) {
		const { value, done } = await reader.read();
		if (done) return { head, size, done: true };
		head.push(value);
		size += value.byteLength;
	}
	return { head, size, done: false };
}

function joined(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
	const whole = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		whole.set(chunk, at);
		at += chunk.byteLength;
	}
	return whole;
}

/** The body again: the chunks already read, then the rest of the reader. */
function resumed(head: Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>) {
	return new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of head) controller.enqueue(chunk);
		},
		async pull(controller) {
			const { value, done } = await reader.read();
			if (done) controller.close();
			else controller.enqueue(value);
		},
		cancel: (reason) => reader.cancel(reason)
	});
}

function compressed(
	body: ReadableStream<Uint8Array>,
	encoding: Encoding
): ReadableStream<Uint8Array> {
	const zip = compressor(encoding);
	// pipeline destroys both sides when either fails or the client goes away (toWeb cancel).
	pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), zip, () => {});
	return Readable.toWeb(zip) as unknown as ReadableStream<Uint8Array>;
}

/**
 * The response compressed for this request when that helps, else the same response (with Vary
 * when its type could have been compressed). Status and every other header are kept.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	if (!compressible(request.method, response)) return response;
	const headers = new Headers(response.headers);
	varyOnEncoding(headers);
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	const init = { status: response.status, statusText: response.statusText, headers };
	if (!encoding) return new Response(response.body, init);

	const reader = response.body!.getReader();
	const { head, size, done } = await peek(reader);
	if (done && size < MIN_BYTES) return new Response(joined(head, size), init);

	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	// The bytes differ from the identity ones, so a strong validator would be a lie.
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return new Response(compressed(resumed(head, reader), encoding), init);
}
