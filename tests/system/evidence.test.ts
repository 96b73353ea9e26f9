/**
 * Evidence files through the real built server (`npm run build` first): a vendor attaches files to
 * its answers through its respondent link (raw bytes, multipart, and the page's no-JavaScript form),
 * files are recognised by their content, the buyer alone downloads them, always as an attachment,
 * and withdrawing an answer deletes its files from the disk.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, send, type Reply } from './http';
import { ok, pathsOf } from './replies';
import { startServer, type TestServer } from './server';

interface EvidenceFile {
	id: string;
	name: string;
	mediaType: string;
	size: number;
	sha256: string;
	uploadedAt: string;
}
interface Tender {
	id: string;
	offers: {
		id: string;
		answers: Record<
			string,
			{ option?: string; evidence?: string; by: string; state: string; files?: EvidenceFile[] }
		>;
		history: {
			by: string;
			questionId: string;
			field: string;
			old: string | null;
			new: string | null;
		}[];
	}[];
}

const Q1 = 'sim_ota_switching';
const Q2 = 'network_core_redundancy';
const ACCEPTED =
	'PDF, PNG image, JPEG image, plain text, Word document (.docx) or Excel workbook (.xlsx)';

/** Bytes on a plain ArrayBuffer, as fetch bodies and Blobs are typed to take. */
type Bytes = Uint8Array<ArrayBuffer>;
const text = (s: string): Bytes => new TextEncoder().encode(s);
const PDF = text('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG: Bytes = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52
]);
const sha256 = async (bytes: Bytes) =>
	Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');

let server: TestServer;
let tender: Tender;
let alphaToken: string;
let bravoToken: string;
let alphaLinkId: string;
let options: string[];

const offer = () => tender.offers[0]!;
const bravo = () => tender.offers[1]!;
const readTender = async () =>
	(tender = ok<Tender>(await send(server, 'GET', `/api/tenders/${tender.id}`)));
const attachRaw = (
	token: string,
	questionId: string,
	bytes: Bytes,
	name = 'Annex.pdf',
	type = 'application/octet-stream'
) =>
	send(server, 'POST', `/api/respond/${token}/evidence/${questionId}`, {
		body: bytes,
		headers: { 'content-type': type, 'x-filename': encodeURIComponent(name) }
	});
const attachMultipart = (token: string, questionId: string, bytes: Bytes, name: string) => {
	const form = new FormData();
	form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
	return send(server, 'POST', `/api/respond/${token}/evidence/${questionId}`, {
		body: form,
		headers: { origin: server.origin }
	});
};
const download = (fileId: string, tenderId = tender.id, offerId = offer().id) =>
	send(server, 'GET', `/api/tenders/${tenderId}/offers/${offerId}/evidence/${fileId}`);
const stored = () => {
	const root = join(server.dataDir, 'evidence');
	if (!existsSync(root)) return [];
	return readdirSync(root).flatMap((shard) => readdirSync(join(root, shard)));
};
const refusal = (reply: Reply) => jsonOf<{ error: string }>(reply).error;

beforeAll(async () => {
	server = await startServer();
	const rules = jsonOf<{ areas: { questions: { id: string; options: { id: string }[] }[] }[] }>(
		await send(server, 'GET', '/api/rules')
	);
	options = rules.areas
		.flatMap((a) => a.questions)
		.find((q) => q.id === Q1)!
		.options.map((o) => o.id);
	tender = ok<Tender>(
		await send(server, 'POST', '/api/tenders', {
			json: {
				title: 'Meters 2027',
				fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 8 },
				offers: [{ vendor: 'AlphaNet' }, { vendor: 'BravoTel' }]
			}
		}),
		201
	);
	await readTender();
	const alpha = ok<{ id: string; token: string }>(
		await send(server, 'POST', `/api/tenders/${tender.id}/offers/${offer().id}/respondents`, {
			json: {}
		}),
		201
	);
	alphaToken = alpha.token;
	alphaLinkId = alpha.id;
	bravoToken = ok<{ token: string }>(
		await send(server, 'POST', `/api/tenders/${tender.id}/offers/${bravo().id}/respondents`, {
			json: {}
		}),
		201
	).token;
	ok(
		await send(server, 'PATCH', `/api/respond/${alphaToken}`, {
			json: { answers: { [Q1]: { option: options[0]!, statement: 'We do' } } }
		})
	);
	ok(
		await send(server, 'PATCH', `/api/respond/${bravoToken}`, {
			json: { answers: { [Q2]: { option: 'not_sure' } } }
		})
	);
});
afterAll(async () => {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
});

describe('a vendor attaches evidence files through its link', () => {
	let pdf: EvidenceFile;
	let png: EvidenceFile;

	it('takes a PDF sent as raw bytes and a PNG sent as multipart, named and typed by their content', async () => {
		pdf = ok<{ file: EvidenceFile }>(
			await attachRaw(alphaToken, Q1, PDF, 'C:\\bids\\Annex B – Exit.pdf'),
			201
		).file;
		expect(pdf).toMatchObject({
			name: 'Annex B – Exit.pdf',
			mediaType: 'application/pdf',
			size: PDF.byteLength,
			sha256: await sha256(PDF)
		});
		png = ok<{ file: EvidenceFile }>(
			await attachMultipart(alphaToken, Q1, PNG, 'coverage.pdf'),
			201
		).file;
		// Sent as "coverage.pdf" with type application/pdf: the bytes are a PNG, so it is one.
		expect(png).toMatchObject({
			name: 'coverage.png',
			mediaType: 'image/png',
			size: PNG.byteLength
		});
		expect(stored().sort()).toEqual([pdf.id, png.id].sort());
	});

	it('refuses HTML, SVG, an executable (415, naming the accepted kinds), an empty file (400) and one too large (413)', async () => {
		const refused: [string, Bytes, number][] = [
			[
				'page.pdf',
				text('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>'),
				415
			],
			['logo.svg', text('\ufeff<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 415],
			[
				'setup.pdf',
				Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]),
				415
			],
			['empty.pdf', new Uint8Array(0), 400]
		];
		for (const [name, bytes, status] of refused) {
			const reply = await attachRaw(alphaToken, Q1, bytes, name, 'application/pdf');
			expect(reply.status, name).toBe(status);
			expect(pathsOf(reply)).toEqual(['file']);
			if (status === 415) expect(refusal(reply)).toContain(ACCEPTED);
		}
		// Over the 5 MB of an evidence file, or the route's limit (the file and 512 KB of form): refused while reading.
		for (const size of [5 * 1024 * 1024 + 1, 6 * 1024 * 1024]) {
			const big = new Uint8Array(size);
			big.set(PDF);
			const reply = await attachRaw(alphaToken, Q1, big);
			expect(reply.status, String(size)).toBe(413);
		}
		expect(stored()).toHaveLength(2);
		await readTender();
		expect(offer().answers[Q1]!.files!.map((f) => f.id)).toEqual([pdf.id, png.id]);
	});

	it("lists the vendor's own files in its view, with no way to download them back", async () => {
		const view = ok<{ answers: Record<string, { files?: unknown[] }> }>(
			await send(server, 'GET', `/api/respond/${alphaToken}`)
		);
		expect(view.answers[Q1]!.files).toEqual([
			{
				id: pdf.id,
				name: 'Annex B – Exit.pdf',
				mediaType: 'application/pdf',
				size: PDF.byteLength
			},
			{ id: png.id, name: 'coverage.png', mediaType: 'image/png', size: PNG.byteLength }
		]);
		expect(JSON.stringify(view)).not.toContain('/evidence/');
		expect(JSON.stringify(view)).not.toContain(tender.id);
	});

	it('serves a file to the buyer only as a sandboxed, unsniffed, uncached attachment', async () => {
		const reply = await server.fetch(
			`/api/tenders/${tender.id}/offers/${offer().id}/evidence/${pdf.id}`
		);
		expect(reply.status).toBe(200);
		expect(new Uint8Array(await reply.arrayBuffer())).toEqual(PDF);
		expect(reply.headers.get('content-type')).toBe('application/pdf');
		expect(reply.headers.get('content-disposition')).toBe(
			`attachment; filename="Annex B _ Exit.pdf"; filename*=UTF-8''Annex%20B%20%E2%80%93%20Exit.pdf`
		);
		expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
		expect(reply.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
		expect(reply.headers.get('cache-control')).toBe('private, no-store');
		// Another offer of the same tender does not have it.
		expect((await download(pdf.id, tender.id, bravo().id)).status).toBe(404);
		// The buyer's tender lists the files on the answer.
		await readTender();
		expect(offer().answers[Q1]!.files!.map((f) => f.name)).toEqual([
			'Annex B – Exit.pdf',
			'coverage.png'
		]);
		expect(offer().history.filter((h) => h.field === 'file')).toEqual([
			expect.objectContaining({
				by: 'vendor',
				questionId: Q1,
				old: null,
				new: 'Annex B – Exit.pdf'
			}),
			expect.objectContaining({ by: 'vendor', questionId: Q1, old: null, new: 'coverage.png' })
		]);
	});

	it("never serves a file to a respondent token, nor lets one touch another offer's answers", async () => {
		for (const path of [
			`/api/tenders/${alphaToken}/offers/${offer().id}/evidence/${pdf.id}`,
			`/api/respond/${alphaToken}/evidence/${Q1}/${pdf.id}`,
			`/api/respond/${alphaToken}/evidence/${Q1}`,
			`/api/respond/${alphaToken}/evidence/${pdf.id}`
		]) {
			const reply = await send(server, 'GET', path);
			expect(reply.status, path).toBeGreaterThanOrEqual(400);
			expect(reply.text, path).not.toContain('%PDF');
		}
		// Bravo's token addresses Bravo's offer only: it has no answer to Q1 there, and Alpha's files are not its own.
		const elsewhere = await attachRaw(bravoToken, Q1, PDF);
		expect(elsewhere.status).toBe(409);
		expect(refusal(elsewhere)).toContain('Answer the question first');
		expect(
			(await send(server, 'DELETE', `/api/respond/${bravoToken}/evidence/${Q1}/${pdf.id}`)).status
		).toBe(404);
		expect((await attachRaw(alphaToken, Q2, PDF)).status).toBe(409);
		expect(pathsOf(await attachRaw(alphaToken, 'no_such_question', PDF))).toEqual(['questionId']);
		await readTender();
		expect(bravo().answers[Q1]).toBeUndefined();
		expect(bravo().answers[Q2]!.files).toBeUndefined();
		expect((await download(pdf.id)).status).toBe(200);
	});

	it('takes at most three files per answer (409), keeps them when the answer is saved again, and removes one on request', async () => {
		const third = ok<{ file: EvidenceFile }>(
			await attachRaw(alphaToken, Q1, text('Clause 12.3: 90 days notice.\n'), 'clause.txt'),
			201
		).file;
		expect(third).toMatchObject({ name: 'clause.txt', mediaType: 'text/plain' });
		const fourth = await attachRaw(alphaToken, Q1, PDF);
		expect(fourth.status).toBe(409);
		expect(refusal(fourth)).toContain('already has 3 files');
		expect(stored()).toHaveLength(3);

		ok(
			await send(server, 'PATCH', `/api/respond/${alphaToken}`, {
				json: { answers: { [Q1]: { option: options[1]!, statement: 'Changed' } } }
			})
		);
		await readTender();
		expect(offer().answers[Q1]).toMatchObject({ option: options[1], state: 'claimed' });
		expect(offer().answers[Q1]!.files!.map((f) => f.id)).toEqual([pdf.id, png.id, third.id]);

		// A spreadsheet import that changes the answer's evidence reference keeps its files too (the buyer's and the vendor's route).
		const sheet = async (path: string) => {
			const book = new ExcelJS.Workbook();
			await book.xlsx.load((await (await server.fetch(path)).arrayBuffer()) as ArrayBuffer);
			book.getWorksheet('Questionnaire')!.eachRow((row) => {
				if (row.getCell(1).value === Q1) row.getCell(7).value = `Annex ${path.length}`;
			});
			return new Uint8Array(await book.xlsx.writeBuffer());
		};
		const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
		for (const path of [
			`/api/respond/${alphaToken}/questionnaire`,
			`/api/tenders/${tender.id}/offers/${offer().id}/questionnaire`
		]) {
			const imported = await send(server, 'POST', `${path}?apply=true`, {
				body: await sheet(path),
				headers: { 'content-type': XLSX }
			});
			expect(imported.status, imported.text).toBe(200);
			await readTender();
			expect(offer().answers[Q1]!.evidence).toBe(`Annex ${path.length}`);
			expect(offer().answers[Q1]!.files!.map((f) => f.id)).toEqual([pdf.id, png.id, third.id]);
		}

		expect(
			(await send(server, 'DELETE', `/api/respond/${alphaToken}/evidence/${Q1}/${png.id}`)).status
		).toBe(204);
		expect(
			(await send(server, 'DELETE', `/api/respond/${alphaToken}/evidence/${Q1}/${png.id}`)).status
		).toBe(404);
		expect((await download(png.id)).status).toBe(404);
		expect(stored().sort()).toEqual([pdf.id, third.id].sort());
		await readTender();
		expect(offer().history.at(-1)).toMatchObject({
			by: 'vendor',
			field: 'file',
			old: 'coverage.png',
			new: null
		});
	});

	it("deletes an answer's files, on disk too, when the vendor withdraws the answer", async () => {
		ok(
			await send(server, 'PATCH', `/api/respond/${alphaToken}`, {
				json: { answers: { [Q1]: null } }
			})
		);
		await readTender();
		expect(offer().answers[Q1]).toBeUndefined();
		expect(stored()).toEqual([]);
		expect((await download(pdf.id)).status).toBe(404);
		expect(
			offer()
				.history.filter((h) => h.field === 'file' && h.new === null)
				.map((h) => h.old)
		).toEqual(['coverage.png', 'Annex B – Exit.pdf', 'clause.txt']);
	});

	it("attaches through the page's form without JavaScript: the answer and the file in one multipart POST", async () => {
		const form = new FormData();
		form.append(`answer.${Q2}`, 'not_sure');
		form.append(`evidence.${Q2}`, 'Offer, annex 3');
		form.append(`file.${Q2}`, new Blob([PDF], { type: 'application/pdf' }), 'core.pdf');
		form.append(`file.${Q1}`, new Blob([]), '');
		form.append('attach', Q2);
		const reply = await send(server, 'POST', `/respond/${alphaToken}?/attach`, {
			body: form,
			headers: { origin: server.origin, accept: 'text/html' }
		});
		expect(reply.status, reply.text.slice(0, 300)).toBe(200);
		expect(reply.text).toContain('core.pdf');
		await readTender();
		expect(offer().answers[Q2]).toMatchObject({
			option: 'not_sure',
			evidence: 'Offer, annex 3',
			by: 'vendor'
		});
		expect(offer().answers[Q2]!.files!.map((f) => f.name)).toEqual(['core.pdf']);

		// A refused file: the error beside the question, what was typed drawn again, nothing stored.
		const bad = new FormData();
		bad.append(`answer.${Q1}`, options[0]!);
		bad.append(`statement.${Q1}`, 'TYPED-STATEMENT');
		bad.append(
			`file.${Q1}`,
			new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }),
			'map.svg'
		);
		bad.append('attach', Q1);
		const refused = await send(server, 'POST', `/respond/${alphaToken}?/attach`, {
			body: bad,
			headers: { origin: server.origin, accept: 'text/html' }
		});
		expect(refused.status).toBe(415);
		expect(refused.text).toContain('TYPED-STATEMENT');
		expect(refused.text).toContain('This kind of file is not accepted');
		expect(stored()).toHaveLength(1);

		// Remove, through the page.
		const fileId = offer().answers[Q2]!.files![0]!.id;
		const remove = new FormData();
		remove.append('remove', `${Q2}/${fileId}`);
		expect(
			(
				await send(server, 'POST', `/respond/${alphaToken}?/remove`, {
					body: remove,
					headers: { origin: server.origin, accept: 'text/html' }
				})
			).status
		).toBe(200);
		expect(stored()).toEqual([]);
	});

	it('refuses every change once submitted (409), and a revoked link (410)', async () => {
		const kept = ok<{ file: EvidenceFile }>(await attachRaw(alphaToken, Q2, PDF), 201).file;
		ok(await send(server, 'POST', `/api/respond/${alphaToken}/submit`));
		expect((await attachRaw(alphaToken, Q2, PDF)).status).toBe(409);
		expect(
			(await send(server, 'DELETE', `/api/respond/${alphaToken}/evidence/${Q2}/${kept.id}`)).status
		).toBe(409);
		const page = await send(server, 'GET', `/respond/${alphaToken}`);
		expect(page.text).not.toContain('Attach file');
		expect(
			(
				await send(
					server,
					'DELETE',
					`/api/tenders/${tender.id}/offers/${offer().id}/respondents/${alphaLinkId}`
				)
			).status
		).toBe(204);
		expect((await attachRaw(alphaToken, Q2, PDF)).status).toBe(410);
		expect(
			(await send(server, 'DELETE', `/api/respond/${alphaToken}/evidence/${Q2}/${kept.id}`)).status
		).toBe(410);
		// The buyer still has it.
		expect((await download(kept.id)).status).toBe(200);
	});
});

describe('with BODY_SIZE_LIMIT raised above the evidence limit', () => {
	let big: TestServer;
	beforeAll(async () => {
		big = await startServer({ env: { BODY_SIZE_LIMIT: '8M' } });
	});
	afterAll(async () => {
		await big.stop();
		rmSync(big.dataDir, { recursive: true, force: true });
	});

	it('takes a file of exactly 5 MB and refuses one byte more (413), even sent chunked', async () => {
		const created = ok<Tender>(
			await send(big, 'POST', '/api/tenders', {
				json: {
					title: 'Big',
					fleet: { devices: 10, countries: ['DE'], lifetimeYears: 5 },
					offers: [{ vendor: 'A' }, { vendor: 'B' }]
				}
			}),
			201
		);
		const { token } = ok<{ token: string }>(
			await send(
				big,
				'POST',
				`/api/tenders/${created.id}/offers/${created.offers[0]!.id}/respondents`,
				{ json: {} }
			),
			201
		);
		ok(
			await send(big, 'PATCH', `/api/respond/${token}`, {
				json: { answers: { [Q1]: { option: 'not_sure' } } }
			})
		);
		const file = new Uint8Array(5 * 1024 * 1024);
		file.set(PDF);
		const post = (body: BodyInit) =>
			send(big, 'POST', `/api/respond/${token}/evidence/${Q1}?name=big.pdf`, {
				body,
				headers: { 'content-type': 'application/octet-stream' }
			});
		expect(ok<{ file: EvidenceFile }>(await post(file), 201).file).toMatchObject({
			name: 'big.pdf',
			size: 5_242_880
		});
		const over = new Uint8Array(5 * 1024 * 1024 + 1);
		over.set(PDF);
		expect((await post(over)).status).toBe(413);
		const chunked = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let at = 0; at < over.length; at += 1024 * 1024)
					controller.enqueue(over.subarray(at, at + 1024 * 1024));
				controller.close();
			}
		});
		expect((await post(chunked)).status).toBe(413);
	});
});
