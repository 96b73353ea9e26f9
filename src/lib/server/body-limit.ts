/**
 * Request body limits per route. adapter-node has one limit for every request (BODY_SIZE_LIMIT,
 * read once from the environment), but a vendor's evidence file may be 5 MB while every other
 * body stays within 512 KB. So `node build` starts build/index.js (src/lib/server/start.ts), which
 * gives the adapter the largest limit any route needs, and the hooks hold every other route to
 * the operator's BODY_SIZE_LIMIT, failing the body the way adapter-node does (a status-413 error
 * from the stream), so the code that reads bodies answers as it always has.
 */
import { MAX_EVIDENCE_BYTES } from '../tender/evidence-size';

export const DEFAULT_BODY_SIZE_LIMIT = '512K';

/** Where start.ts keeps the operator's BODY_SIZE_LIMIT, having given the adapter a larger one. */
export const ORDINARY_LIMIT_VARIABLE = 'LOCK_IN_RADAR_BODY_SIZE_LIMIT';

/**
 * Room beside one evidence file on the vendor's page: its form sends the answers typed with the
 * file, and those were always allowed up to the default limit.
 */
export const EVIDENCE_FORM_ROOM = 512 * 1024;

/** A size as adapter-node reads BODY_SIZE_LIMIT: bytes, or a K, M or G suffix; NaN when not a number. */
export function parseByteSize(value: string): number {
	const multiplier =
		({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[
			value.at(-1)?.toUpperCase() ?? ''
		] ?? 1;
	return Number(multiplier !== 1 ? value.slice(0, -1) : value) * multiplier;
}

export interface BodyLimits {
	/** Every route but the evidence uploads: BODY_SIZE_LIMIT, 512 KB by default. */
	ordinary: number;
	/** The evidence uploads: one file of MAX_EVIDENCE_BYTES and the form around it, or `ordinary` if larger. */
	evidence: number;
}

/** The operator's BODY_SIZE_LIMIT, wherever start.ts left it; throws like adapter-node on a value that is not a size. */
export function bodyLimits(env: Record<string, string | undefined>): BodyLimits {
	const value = env[ORDINARY_LIMIT_VARIABLE] ?? env.BODY_SIZE_LIMIT ?? DEFAULT_BODY_SIZE_LIMIT;
	const ordinary = parseByteSize(value);
	if (Number.isNaN(ordinary))
		throw new Error(`Invalid BODY_SIZE_LIMIT: '${value}'. Please provide a numeric value.`);
	return { ordinary, evidence: Math.max(ordinary, MAX_EVIDENCE_BYTES + EVIDENCE_FORM_ROOM) };
}

/**
 * The variables start.ts sets before adapter-node reads them: the adapter gets the largest limit
 * (the evidence one), the operator's value is kept for the hooks.
 */
export function adapterEnv(env: Record<string, string | undefined>): Record<string, string> {
	const ordinary = env[ORDINARY_LIMIT_VARIABLE] ?? env.BODY_SIZE_LIMIT ?? DEFAULT_BODY_SIZE_LIMIT;
	const { evidence } = bodyLimits({ BODY_SIZE_LIMIT: ordinary });
	return { [ORDINARY_LIMIT_VARIABLE]: ordinary, BODY_SIZE_LIMIT: String(evidence) };
}

/** The vendor page's buttons that post its one form, which carries the files chosen on it. */
const PAGE_ACTIONS_WITH_FILES = new Set(['save', 'attach', 'remove', 'submit']);

/**
 * True for the requests that carry an evidence file: POST to the API's evidence route, and the
 * vendor page's form (every button but the spreadsheet upload, a form of its own).
 */
export function carriesEvidence(request: {
	method: string;
	routeId: string | null;
	action: string;
}): boolean {
	if (request.method !== 'POST') return false;
	if (request.routeId === '/api/respond/[token]/evidence/[questionId]') return true;
	return request.routeId === '/respond/[token]' && PAGE_ACTIONS_WITH_FILES.has(request.action);
}

/** The body passed its limit: status 413, as adapter-node's own error, which the body readers recognise. */
export class BodyTooLargeError extends Error {
	readonly status = 413;
	constructor(
		message: string,
		readonly limit: number
	) {
		super(message);
		this.name = 'BodyTooLargeError';
	}
}

const isTooLarge = (error: unknown) => (error as { status?: number } | null)?.status === 413;

/**
 * Reads what is left of a refused body and drops it, a chunk at a time: the connection stays
 * usable and the client gets its 413 (cancelling would reset the connection before the answer).
 * adapter-node does the same past its limit.
 */
export function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
	void (async () => {
		try {
			while (!(await reader.read()).done);
		} catch {
			// The client went away, or the adapter refused the rest: nothing more to read.
		}
	})();
}

function failed(error: Error): ReadableStream<Uint8Array> {
	return new ReadableStream({ start: (controller) => controller.error(error) });
}

/** Passes the body through a chunk at a time, failing it once more than `limit` bytes came. */
function counted(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	limit: number,
	declared: boolean
): ReadableStream<Uint8Array> {
	let size = 0;
	const tooLarge = () =>
		new BodyTooLargeError(`request body size exceeded the limit of ${limit} bytes`, limit);
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				let chunk: ReadableStreamReadResult<Uint8Array>;
				try {
					chunk = await reader.read();
				} catch (error) {
					// Without a Content-Length, the adapter's 413 is its limit, which may be this one.
					controller.error(isTooLarge(error) && !declared ? tooLarge() : error);
					return;
				}
				if (chunk.done) {
					controller.close();
					return;
				}
				size += chunk.value.byteLength;
				if (size > limit) {
					controller.error(tooLarge());
					dropRest(reader);
					return;
				}
				controller.enqueue(chunk.value);
			},
			cancel: (reason) => reader.cancel(reason)
		},
		// Read only when the route reads: never more than one chunk held here.
		{ highWaterMark: 0 }
	);
}

/**
 * The request with its body held to `limit` bytes: a declared Content-Length above it fails the
 * body at once, a body without one fails as soon as it passes it. Nothing is buffered.
 */
export function withBodyLimit(request: Request, limit: number): Request {
	const body = request.body;
	if (!body || limit === Infinity) return request;
	const header = request.headers.get('content-length');
	const declared = header === null ? NaN : Number(header);
	const reader = body.getReader();
	let limited: ReadableStream<Uint8Array>;
	if (Number.isFinite(declared) && declared > limit) {
		limited = failed(
			new BodyTooLargeError(`Content-length of ${declared} exceeds limit of ${limit} bytes.`, limit)
		);
		dropRest(reader);
	} else {
		limited = counted(reader, limit, Number.isFinite(declared));
	}
	return new Request(request.url, {
		method: request.method,
		headers: request.headers,
		signal: request.signal,
		body: limited,
		duplex: 'half'
	} as RequestInit);
}
