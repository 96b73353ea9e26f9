/**
 * Rendered pages and JSON answers are compressed by the app itself (issue 13 item 2), so the
 * production server is fast without a proxy. Raw node:http requests: fetch would decompress and
 * hide the Content-Encoding we want to see.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { jsonOf, send } from './http';
import { ok } from './replies';
import { useSeededServer, type Seeded } from './seeded-server';

const seeded = useSeededServer();

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

function raw(
	s: Seeded,
	method: string,
	path: string,
	headers: Record<string, string> = {},
	body?: string
): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = request(
			`${s.server.url}${path}`,
			{ method, headers: { origin: s.server.origin, ...headers } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks)
					})
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${method} ${path}`)));
		req.end(body);
	});
}

function decoded(reply: Raw): string {
	const encoding = reply.headers['content-encoding'];
	if (encoding === 'br') return brotliDecompressSync(reply.body).toString('utf8');
	if (encoding === 'gzip') return gunzipSync(reply.body).toString('utf8');
	expect(encoding).toBeUndefined();
	return reply.body.toString('utf8');
}

/** Every page carries a fresh CSP nonce; compare the rest. */
const withoutNonces = (html: string) => html.replace(/nonce(=|-)["']?[A-Za-z0-9+/=_-]+/g, 'nonce');

const varyNamesEncoding = (reply: Raw) =>
	/(^|,)\s*accept-encoding\s*(,|$)/i.test(String(reply.headers.vary ?? ''));

const pages = (s: Seeded) => ['/', `/a/${s.id}/results`, `/s/${s.token}`];

describe('compressed responses', () => {
	it('sends pages as brotli or gzip when accepted, decoding to the same HTML as identity', async () => {
		const s = seeded();
		for (const path of pages(s)) {
			const plain = await raw(s, 'GET', path, { 'accept-encoding': 'identity' });
			expect(plain.status, path).toBe(200);
			expect(plain.headers['content-encoding'], path).toBeUndefined();
			expect(varyNamesEncoding(plain), path).toBe(true);
			const html = withoutNonces(plain.body.toString('utf8'));
			expect(html, path).toContain('</html>');
			for (const encoding of ['br', 'gzip']) {
				const reply = await raw(s, 'GET', path, { 'accept-encoding': encoding });
				expect(reply.status, path).toBe(200);
				expect(reply.headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
				expect(reply.headers['content-length'], path).toBeUndefined();
				expect(varyNamesEncoding(reply), path).toBe(true);
				// Measured: results 203 KB -> 45 KB br / 53 KB gzip; the home page 4.2 KB -> 1.9 KB.
				expect(reply.body.byteLength, path).toBeLessThan(plain.body.byteLength / 2);
				expect(withoutNonces(decoded(reply)), `${path} ${encoding}`).toBe(html);
				// Security and cache headers travel with the compressed body.
				expect(reply.headers['content-security-policy'], path).toBeTruthy();
				expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
				expect(reply.headers['cache-control'], path).toBe(plain.headers['cache-control']);
			}
		}
	});

	it('prefers brotli when both are accepted, and honours q=0', async () => {
		const s = seeded();
		const path = `/a/${s.id}/results`;
		const both = await raw(s, 'GET', path, { 'accept-encoding': 'gzip, deflate, br' });
		expect(both.headers['content-encoding']).toBe('br');
		const noBr = await raw(s, 'GET', path, { 'accept-encoding': 'br;q=0, gzip' });
		expect(noBr.headers['content-encoding']).toBe('gzip');
		const none = await raw(s, 'GET', path, { 'accept-encoding': 'br;q=0, gzip;q=0' });
		expect(none.headers['content-encoding']).toBeUndefined();
		expect(none.body.toString('utf8')).toContain('</html>');
		const starOff = await raw(s, 'GET', path, { 'accept-encoding': '*;q=0' });
		expect(starOff.headers['content-encoding']).toBeUndefined();
		const unsent = await raw(s, 'GET', path);
		expect(unsent.headers['content-encoding']).toBeUndefined();
	});

	it('compresses page data and JSON API answers', async () => {
		const s = seeded();
		for (const path of [
			`/a/${s.id}/results/__data.json`,
			'/api/rules',
			`/api/assessments/${s.id}`
		]) {
			const plain = await raw(s, 'GET', path, { 'accept-encoding': 'identity' });
			const reply = await raw(s, 'GET', path, { 'accept-encoding': 'br' });
			expect(reply.status, path).toBe(200);
			expect(reply.headers['content-type'], path).toMatch(/^application\/json/);
			expect(reply.headers['content-encoding'], path).toBe('br');
			expect(JSON.parse(decoded(reply)), path).toEqual(JSON.parse(plain.body.toString('utf8')));
		}
	});

	it('leaves the PDF report, small JSON errors and HEAD requests as they are', async () => {
		const s = seeded();
		const pdf = await raw(s, 'GET', `/api/assessments/${s.id}/report.pdf`, {
			'accept-encoding': 'br, gzip'
		});
		expect(pdf.status).toBe(200);
		expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
		expect(pdf.headers['content-encoding']).toBeUndefined();
		expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

		const missing = await raw(s, 'GET', '/api/assessments/AAAAAAAAAAAAAAAAAAAAAA', {
			'accept-encoding': 'br, gzip'
		});
		expect(missing.status).toBe(404);
		expect(missing.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(missing.body.toString('utf8'))).toMatchObject({ error: expect.any(String) });

		// 512K is adapter-node's default BODY_SIZE_LIMIT: one byte more is refused with 413.
		const tooBig = JSON.stringify({ title: 'x'.repeat(524_288) });
		const refused = await raw(
			s,
			'POST',
			'/api/assessments',
			{ 'accept-encoding': 'br, gzip', 'content-type': 'application/json' },
			tooBig
		);
		expect(refused.status).toBe(413);
		expect(JSON.parse(decoded(refused))).toMatchObject({ error: expect.any(String) });

		const head = await raw(s, 'HEAD', `/a/${s.id}/results`, { 'accept-encoding': 'br, gzip' });
		expect(head.status).toBe(200);
		expect(head.headers['content-encoding']).toBeUndefined();
		expect(head.body.byteLength).toBe(0);
	});

	it('sends an uploaded text evidence file byte for byte, never compressed', async () => {
		const s = seeded();
		const question = 'sim_ota_switching';
		const created = ok<{ id: string }>(
			await send(s.server, 'POST', '/api/tenders', {
				json: {
					title: 'Compression check',
					fleet: { devices: 10, countries: ['DE'], lifetimeYears: 8 },
					offers: [{ vendor: 'AlphaNet' }, { vendor: 'BravoTel' }]
				}
			}),
			201
		);
		const tender = ok<{ id: string; offers: { id: string }[] }>(
			await send(s.server, 'GET', `/api/tenders/${created.id}`)
		);
		const offerId = tender.offers[0]!.id;
		const link = await send(
			s.server,
			'POST',
			`/api/tenders/${tender.id}/offers/${offerId}/respondents`,
			{
				json: {}
			}
		);
		expect(link.status).toBe(201);
		const { token } = jsonOf<{ token: string }>(link);
		const option = s.rules.areas.flatMap((a) => a.questions).find((q) => q.id === question)!
			.options[0]!.id;
		expect(
			(
				await send(s.server, 'PATCH', `/api/respond/${token}`, {
					json: { answers: { [question]: { option } } }
				})
			).status
		).toBe(200);
		const clause = 'Clause 12.3: ninety days notice before the eSIM profile is switched.\n'.repeat(
			40
		);
		const attached = await send(s.server, 'POST', `/api/respond/${token}/evidence/${question}`, {
			body: clause,
			headers: { 'content-type': 'application/octet-stream', 'x-filename': 'clause.txt' }
		});
		expect(attached.status).toBe(201);
		const { file } = jsonOf<{ file: { id: string; mediaType: string } }>(attached);
		expect(file.mediaType).toBe('text/plain');
		const reply = await raw(
			s,
			'GET',
			`/api/tenders/${tender.id}/offers/${offerId}/evidence/${file.id}`,
			{
				'accept-encoding': 'br, gzip'
			}
		);
		expect(reply.status).toBe(200);
		expect(reply.headers['content-encoding']).toBeUndefined();
		expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(clause)));
		expect(reply.headers['content-disposition']).toMatch(/^attachment/);
		expect(reply.body.toString('utf8')).toBe(clause);
	});

	it('keeps serving built assets precompressed (adapter-node precompress)', async () => {
		const s = seeded();
		const page = (await raw(s, 'GET', '/', { 'accept-encoding': 'identity' })).body.toString(
			'utf8'
		);
		const script = /(\/_app\/immutable\/[^"']+\.js)/.exec(page)?.[1];
		expect(script).toBeTruthy();
		const reply = await raw(s, 'GET', script!, { 'accept-encoding': 'br' });
		expect(reply.status).toBe(200);
		expect(reply.headers['content-encoding']).toBe('br');
	});
});
