/**
 * Evidence files of the full 5 MB on a server started as the README starts it, with no
 * BODY_SIZE_LIMIT (`npm run build` first): the API's evidence route and the vendor page's form take
 * a file of exactly 5 MB and refuse one byte more (413), while every other route keeps the 512 KB
 * limit, with or without a Content-Length. With BODY_SIZE_LIMIT=1M the other routes take 1 MB, and
 * evidence files still 5 MB.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { friendlyPageProblem, jsonOf, send, type Reply } from './http';
import { ok, pathsOf } from './replies';
import { expectNothingStored } from './seeded-server';
import { startServer, type TestServer } from './server';

const KB = 1024;
const MB = 1024 * KB;
/** MAX_EVIDENCE_BYTES: 5 MB, i.e. 5,242,880 bytes. */
const FILE_LIMIT = 5 * MB;
/** The default BODY_SIZE_LIMIT, 512K. */
const BODY_LIMIT = 512 * KB;

type Bytes = Uint8Array<ArrayBuffer>;
const PDF_START = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
/** A PDF (by its first bytes) of exactly `size` bytes. */
function pdf(size: number): Bytes {
	const bytes = new Uint8Array(size);
	bytes.set(PDF_START);
	return bytes;
}

/** The same bytes sent chunked, without a Content-Length. */
const chunked = (bytes: Uint8Array) =>
	new ReadableStream<Uint8Array>({
		start(controller) {
			for (let at = 0; at < bytes.length; at += 256 * KB)
				controller.enqueue(bytes.subarray(at, at + 256 * KB));
			controller.close();
		}
	});

/** A JSON object of exactly `bytes` bytes: one long title. */
const jsonOfSize = (bytes: number) =>
	JSON.stringify({ title: 'x'.repeat(bytes - JSON.stringify({ title: '' }).length) });

interface Vendor {
	token: string;
	/** Questions the vendor has answered ("not sure"), so each can take files. */
	questions: string[];
}

/** A tender, a link for its first offer, and `count` questions answered through it. */
async function vendor(server: TestServer, count: number): Promise<Vendor> {
	const rules = jsonOf<{ areas: { questions: { id: string }[] }[] }>(
		await send(server, 'GET', '/api/rules')
	);
	const questions = rules.areas.flatMap((a) => a.questions.map((q) => q.id)).slice(0, count);
	const tender = ok<{ id: string; offers: { id: string }[] }>(
		await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Large files',
				fleet: { devices: 100, countries: ['DE'], lifetimeYears: 5 },
				offers: [{ vendor: 'Alpha' }, { vendor: 'Bravo' }]
			}
		}),
		201
	);
	const { token } = ok<{ token: string }>(
		await send(
			server,
			'POST',
			`/api/tenders/${tender.id}/offers/${tender.offers[0]!.id}/respondents`,
			{ json: {} }
		),
		201
	);
	ok(
		await send(server, 'PATCH', `/api/respond/${token}`, {
			json: { answers: Object.fromEntries(questions.map((q) => [q, { option: 'not_sure' }])) }
		})
	);
	return { token, questions };
}

const stored = (server: TestServer) => {
	const root = join(server.dataDir, 'evidence');
	return existsSync(root)
		? readdirSync(root).flatMap((shard) => readdirSync(join(root, shard)))
		: [];
};

const attachRaw = (
	server: TestServer,
	token: string,
	question: string,
	body: BodyInit,
	name = 'annex.pdf'
) =>
	send(server, 'POST', `/api/respond/${token}/evidence/${question}?name=${name}`, {
		body,
		headers: { 'content-type': 'application/octet-stream' }
	});

function attachMultipart(
	server: TestServer,
	token: string,
	question: string,
	bytes: Bytes,
	name = 'annex.pdf'
) {
	const form = new FormData();
	form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
	return send(server, 'POST', `/api/respond/${token}/evidence/${question}`, {
		body: form,
		headers: { origin: server.origin }
	});
}

/** The vendor page's form as a browser without JavaScript posts it: `files` chosen by question. */
function postPage(
	server: TestServer,
	token: string,
	action: string,
	files: Record<string, [Bytes, string]>,
	extra: Record<string, string> = {}
) {
	const form = new FormData();
	for (const [question, [bytes, name]] of Object.entries(files))
		form.append(`file.${question}`, new Blob([bytes], { type: 'application/pdf' }), name);
	for (const [name, value] of Object.entries(extra)) form.append(name, value);
	return send(server, 'POST', `/respond/${token}?/${action}`, {
		body: form,
		headers: { origin: server.origin, accept: 'text/html' }
	});
}

const fileOf = (reply: Reply) => ok<{ file: { name: string; size: number } }>(reply, 201).file;

/** JSON routes that are not evidence uploads: one behind the vendor's own token among them. */
const ordinaryJson = (token: string): [string, string][] => [
	['POST', '/api/assessments'],
	['PATCH', `/api/respond/${token}`]
];

const sendJson = (
	server: TestServer,
	method: string,
	path: string,
	text: string,
	stream: boolean
) =>
	send(server, method, path, {
		body: stream ? chunked(new TextEncoder().encode(text)) : text,
		headers: { 'content-type': 'application/json' }
	});

describe('with no BODY_SIZE_LIMIT, as the README starts the server', () => {
	let server: TestServer;
	let link: Vendor;
	beforeAll(async () => {
		server = await startServer({ env: { BODY_SIZE_LIMIT: undefined } });
		link = await vendor(server, 6);
	});
	afterAll(async () => {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
	});

	it('tells the vendor a file may be 5 MB', async () => {
		const page = await send(server, 'GET', `/respond/${link.token}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('each at most 5 MB, and at most 5 MB at once');
	});

	it('takes a file of exactly 5 MB through the API and refuses one byte more (413), raw, chunked or multipart', async () => {
		const [first, second] = link.questions;
		expect(fileOf(await attachRaw(server, link.token, first!, pdf(FILE_LIMIT)))).toEqual({
			name: 'annex.pdf',
			size: 5_242_880,
			mediaType: 'application/pdf',
			id: expect.any(String),
			sha256: expect.any(String),
			uploadedAt: expect.any(String)
		});
		expect(
			fileOf(await attachRaw(server, link.token, first!, chunked(pdf(FILE_LIMIT)), 'streamed.pdf'))
		).toMatchObject({ name: 'streamed.pdf', size: 5_242_880 });
		expect(
			fileOf(await attachMultipart(server, link.token, second!, pdf(FILE_LIMIT), 'form.pdf'))
		).toMatchObject({ name: 'form.pdf', size: 5_242_880 });
		expect(stored(server)).toHaveLength(3);
		for (const [what, reply] of [
			['raw', () => attachRaw(server, link.token, second!, pdf(FILE_LIMIT + 1))],
			['chunked', () => attachRaw(server, link.token, second!, chunked(pdf(FILE_LIMIT + 1)))],
			['multipart', () => attachMultipart(server, link.token, second!, pdf(FILE_LIMIT + 1))],
			// Past even the route's limit (the file and 512 KB of form): refused before it is read.
			['6 MB chunked', () => attachRaw(server, link.token, second!, chunked(pdf(6 * MB)))],
			['6 MB multipart', () => attachMultipart(server, link.token, second!, pdf(6 * MB))]
		] as const) {
			const refused = await reply();
			expect(refused.status, `${what}: ${refused.text.slice(0, 200)}`).toBe(413);
			expect(pathsOf(refused), what).toEqual(['file']);
		}
		expect(stored(server)).toHaveLength(3);
	});

	it("takes a file of exactly 5 MB through the vendor page's form, refusing one byte more next to the question", async () => {
		const [, , third, fourth] = link.questions;
		const attached = await postPage(
			server,
			link.token,
			'attach',
			{ [third!]: [pdf(FILE_LIMIT), 'page.pdf'] },
			{ attach: third! }
		);
		expect(attached.status, attached.text.slice(0, 300)).toBe(200);
		expect(attached.text).toContain('page.pdf');
		// "Save" posts the same form, so a file chosen there is attached too.
		const saved = await postPage(server, link.token, 'save', {
			[fourth!]: [pdf(FILE_LIMIT), 'saved.pdf']
		});
		expect(saved.status, saved.text.slice(0, 300)).toBe(200);
		expect(saved.text).toContain('saved.pdf');
		expect(stored(server)).toHaveLength(5);

		const refused = await postPage(
			server,
			link.token,
			'attach',
			{ [third!]: [pdf(FILE_LIMIT + 1), 'big.pdf'] },
			{ attach: third! }
		);
		expect(refused.status).toBe(413);
		expect(friendlyPageProblem(refused)).toBeNull();
		expect(refused.text).toContain(
			'The file is too large: this server takes evidence files of at most 5 MB'
		);
		expect(stored(server)).toHaveLength(5);
	});

	it("refuses the vendor page's form past one file and its form (two of 3 MB), and its spreadsheet form past 512 KB, with a 413 page", async () => {
		const [, , , , fifth, sixth] = link.questions;
		await expectNothingStored(server, async () => {
			const both = await postPage(server, link.token, 'save', {
				[fifth!]: [pdf(3 * MB), 'one.pdf'],
				[sixth!]: [pdf(3 * MB), 'two.pdf']
			});
			expect(both.status).toBe(413);
			expect(friendlyPageProblem(both)).toBeNull();
			expect(both.text).toContain('The form was too large to accept (the limit is 5.5 MB)');
			// The spreadsheet upload is a form of its own: it keeps the 512 KB limit.
			const form = new FormData();
			form.append('file', new Blob([new Uint8Array(BODY_LIMIT + KB)]), 'answers.xlsx');
			const sheet = await send(server, 'POST', `/respond/${link.token}?/upload`, {
				body: form,
				headers: { origin: server.origin, accept: 'text/html' }
			});
			expect(sheet.status).toBe(413);
			expect(friendlyPageProblem(sheet)).toBeNull();
			expect(sheet.text).toContain('The form was too large to accept (the limit is 512 KB)');
		});
	});

	it('keeps 512 KB for every other JSON route, with or without a Content-Length', async () => {
		await expectNothingStored(server, async () => {
			for (const [method, path] of ordinaryJson(link.token)) {
				for (const stream of [false, true]) {
					const what = `${method} ${path}${stream ? ' chunked' : ''}`;
					const over = await sendJson(server, method, path, jsonOfSize(BODY_LIMIT + 1), stream);
					expect(over.status, `${what}: ${over.text.slice(0, 200)}`).toBe(413);
					expect(pathsOf(over), what).toEqual(['']);
					expect(jsonOf<{ error: string }>(over).error).toBe('The body is too large');
					// Exactly the limit is read and judged on its content.
					const at = await sendJson(server, method, path, jsonOfSize(BODY_LIMIT), stream);
					expect(at.status, what).toBe(400);
				}
			}
		});
	});
});

describe('with BODY_SIZE_LIMIT=1M set by the operator', () => {
	let server: TestServer;
	let link: Vendor;
	beforeAll(async () => {
		server = await startServer({ env: { BODY_SIZE_LIMIT: '1M' } });
		link = await vendor(server, 2);
	});
	afterAll(async () => {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
	});

	it('reads 600 KB on an ordinary route and refuses 1 MB and one byte (413), with or without a Content-Length', async () => {
		await expectNothingStored(server, async () => {
			for (const stream of [false, true]) {
				const read = await sendJson(
					server,
					'POST',
					'/api/assessments',
					jsonOfSize(600 * KB),
					stream
				);
				expect(read.status, read.text.slice(0, 200)).toBe(400);
				expect(pathsOf(read)).toContain('title');
				expect(
					(await sendJson(server, 'POST', '/api/assessments', jsonOfSize(MB + 1), stream)).status
				).toBe(413);
			}
		});
	});

	it('still takes evidence files of exactly 5 MB and refuses one byte more', async () => {
		const [first, second] = link.questions;
		expect(fileOf(await attachRaw(server, link.token, first!, pdf(FILE_LIMIT)))).toMatchObject({
			size: 5_242_880
		});
		expect((await attachRaw(server, link.token, first!, pdf(FILE_LIMIT + 1))).status).toBe(413);
		const page = await postPage(
			server,
			link.token,
			'attach',
			{ [second!]: [pdf(FILE_LIMIT), 'page.pdf'] },
			{ attach: second! }
		);
		expect(page.status, page.text.slice(0, 300)).toBe(200);
		expect(stored(server)).toHaveLength(2);
	});
});

it('refuses to start with a BODY_SIZE_LIMIT that is not a size, as adapter-node did', async () => {
	await expect(startServer({ env: { BODY_SIZE_LIMIT: 'lots' } })).rejects.toThrow(
		/Invalid BODY_SIZE_LIMIT: 'lots'/
	);
});
