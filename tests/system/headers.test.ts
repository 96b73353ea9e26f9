import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiErrorProblem, createBody, friendlyPageProblem, send, type Reply } from './http';
import { expectNothingStored, useSeededServer, type Seeded } from './seeded-server';
import { startServer } from './server';

const seeded = useSeededServer();
const FOREIGN = 'http://evil.example';
const STRICT_REFERRER = [
	'no-referrer',
	'same-origin',
	'strict-origin',
	'strict-origin-when-cross-origin'
];

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...values]) => [name!.toLowerCase(), values])
	);
}

const pages = (s: Seeded) => [
	'/',
	'/new',
	'/assessments',
	`/a/${s.id}/fleet`,
	`/a/${s.id}/network`,
	`/a/${s.id}/results`,
	`/s/${s.token}`,
	'/no-such-page',
	'/a/AAAAAAAAAAAAAAAAAAAAAA/fleet'
];

describe('security headers', () => {
	it('sends every page with a CSP that allows no inline script and no framing, nosniff and a strict Referrer-Policy', async () => {
		const s = seeded();
		for (const path of pages(s)) {
			const reply = await send(s.server, 'GET', path, { headers: { accept: 'text/html' } });
			const csp = directives(reply.headers.get('content-security-policy') ?? '');
			const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
			expect(scripts, path).not.toContain("'unsafe-inline'");
			expect(scripts, path).not.toContain("'unsafe-eval'");
			expect(
				scripts.every(
					(source) =>
						source === "'self'" || source.startsWith("'nonce-") || source.startsWith("'sha")
				),
				`${path}: ${scripts}`
			).toBe(true);
			expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
			expect(csp.get('object-src'), path).toEqual(["'none'"]);
			expect(csp.get('base-uri'), path).toEqual(["'none'"]);
			expect(csp.get('form-action'), path).toEqual(["'self'"]);
			expect(reply.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(reply.headers.get('x-frame-options'), path).toBe('DENY');
			expect(STRICT_REFERRER, path).toContain(reply.headers.get('referrer-policy'));
		}
	});

	it('gives every page a fresh script nonce', async () => {
		const s = seeded();
		const nonce = async () =>
			/'nonce-([^']+)'/.exec(
				(await send(s.server, 'GET', '/new')).headers.get('content-security-policy') ?? ''
			)?.[1];
		const [a, b] = [await nonce(), await nonce()];
		expect(a).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
		expect(a).not.toBe(b);
	});

	it('keeps share-link pages and data out of Referer headers, indexes and shared caches', async () => {
		const s = seeded();
		for (const path of [`/s/${s.token}`, `/api/shared/${s.token}`]) {
			const reply = await send(s.server, 'GET', path);
			expect(reply.headers.get('referrer-policy'), path).toBe('same-origin');
			expect(reply.headers.get('x-robots-tag'), path).toContain('noindex');
			expect(reply.headers.get('cache-control'), path).toBe('private, no-store');
		}
	});

	it('sends nosniff and a strict Referrer-Policy on API answers, errors and the PDF too', async () => {
		const s = seeded();
		for (const path of [
			'/api/rules',
			`/api/assessments/${s.id}`,
			'/api/assessments/AAAAAAAAAAAAAAAAAAAAAA',
			`/api/assessments/${s.id}/export`,
			`/api/assessments/${s.id}/report.pdf`
		]) {
			const reply = await send(s.server, 'GET', path);
			expect(reply.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(STRICT_REFERRER, path).toContain(reply.headers.get('referrer-policy'));
		}
		const edit = await send(s.server, 'GET', `/api/assessments/${s.id}`);
		expect(edit.headers.get('cache-control')).toBe('private, no-store');
	});
});

describe('cross-site requests', () => {
	it('refuses form posts from another site, or with no Origin, with 403 (SvelteKit CSRF check)', async () => {
		const s = seeded();
		const forms = [
			'/new',
			`/a/${s.id}/fleet`,
			`/a/${s.id}/network`,
			`/a/${s.id}/results?/costs`,
			`/a/${s.id}/results?/share`,
			`/a/${s.id}/results?/revoke`,
			'/assessments?/import'
		];
		const bodies: [string, BodyInit][] = [
			[
				'application/x-www-form-urlencoded',
				`title=Cross+site&devices=10&lifetimeYears=3&countries=DE&label=x&shareId=${s.shareId}`
			],
			['text/plain', 'title=Cross site'],
			[
				'multipart/form-data; boundary=x',
				'--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nCross site\r\n--x--\r\n'
			]
		];
		await expectNothingStored(s.server, async () => {
			for (const path of forms) {
				for (const [type, body] of bodies) {
					for (const origin of [
						FOREIGN,
						'null',
						`http://localhost:${s.server.port + 1}`,
						undefined
					]) {
						const reply = await send(s.server, 'POST', path, {
							body,
							headers: { 'content-type': type, ...(origin ? { origin } : {}) }
						});
						expect(reply.status, `${path} ${type} from ${origin}`).toBe(403);
					}
				}
			}
		});
	});

	it('accepts the same form post from our own origin (the control)', async () => {
		const s = seeded();
		const reply = await send(s.server, 'POST', '/new', {
			body: new URLSearchParams({
				title: 'Same site',
				devices: '10',
				lifetimeYears: '3',
				countries: 'DE'
			}),
			headers: { origin: s.server.origin, accept: 'text/html' }
		});
		expect(reply.status).toBe(303);
		expect(reply.headers.get('location')).toMatch(/^\/a\/[A-Za-z0-9_-]{22}\/network$/);
	});

	it('refuses JSON API writes that a browser sends from another site with 403, in the error shape', async () => {
		const s = seeded();
		const writes: [string, string, unknown][] = [
			['POST', '/api/assessments', createBody('Cross site')],
			['PATCH', `/api/assessments/${s.id}`, { title: 'Cross site' }],
			['POST', `/api/assessments/${s.id}/shares`, { label: 'cross site' }],
			['DELETE', `/api/assessments/${s.id}/shares/${s.shareId}`, undefined],
			[
				'POST',
				'/api/import',
				{
					format: 'lock-in-radar/assessments',
					formatVersion: 1,
					exportedAt: '2026-11-25T10:00:00.000Z',
					assessments: []
				}
			],
			['POST', '/api/simulate', { seed: 1, assessmentId: s.id }]
		];
		const foreign: Record<string, string>[] = [
			{ origin: FOREIGN },
			{ origin: 'null' },
			{ origin: `http://localhost:${s.server.port + 1}` },
			{ 'sec-fetch-site': 'cross-site' },
			{ origin: FOREIGN, 'sec-fetch-site': 'same-origin' }
		];
		await expectNothingStored(s.server, async () => {
			for (const [method, path, json] of writes) {
				for (const headers of foreign) {
					const reply = await send(s.server, method, path, { json, headers });
					expect(reply.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
					expect(apiErrorProblem(reply)).toBeNull();
				}
			}
		});
		// The control: our own origin may write.
		const own = await send(s.server, 'POST', '/api/assessments', {
			json: createBody('Same site'),
			headers: { origin: s.server.origin, 'sec-fetch-site': 'same-origin' }
		});
		expect(own.status).toBe(201);
	});

	it('answers API writes in another content type with 415 from our origin, and with 403 from SvelteKit when a form type has no Origin', async () => {
		const s = seeded();
		await expectNothingStored(s.server, async () => {
			for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
				const own = await send(s.server, 'POST', '/api/assessments', {
					body: '{"title":"x"}',
					headers: { 'content-type': type, origin: s.server.origin }
				});
				expect(own.status, type).toBe(415);
				expect(apiErrorProblem(own)).toBeNull();
			}
			const noOrigin = await send(s.server, 'POST', '/api/assessments', {
				body: '{"title":"x"}',
				headers: { 'content-type': 'text/plain' }
			});
			expect(noOrigin.status).toBe(403);
		});
	});
});

describe('rate limits', () => {
	const expectTooMany = (reply: Reply, what: string) => {
		expect(reply.status, what).toBe(429);
		const retryAfter = Number(reply.headers.get('retry-after'));
		expect(
			Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600,
			`${what}: Retry-After ${reply.headers.get('retry-after')}`
		).toBe(true);
	};

	it('answers the fourth create with 429 and Retry-After when RATE_LIMITS="create=3", on the API and the form alike', async () => {
		const server = await startServer({ env: { RATE_LIMITS: 'create=3' } });
		try {
			const statuses: number[] = [];
			let last: Reply | undefined;
			for (let i = 0; i < 4; i++) {
				last = await send(server, 'POST', '/api/assessments', { json: createBody(`Limited ${i}`) });
				statuses.push(last.status);
			}
			expect(statuses).toEqual([201, 201, 201, 429]);
			expectTooMany(last!, 'API create');
			expect(apiErrorProblem(last!)).toBeNull();

			const form = await send(server, 'POST', '/new', {
				body: new URLSearchParams({
					title: 'Limited form',
					devices: '10',
					lifetimeYears: '3',
					countries: 'DE'
				}),
				headers: { origin: server.origin, accept: 'text/html' }
			});
			expectTooMany(form, 'form create');
			expect(form.text).toContain('Too many requests');
			expect(form.headers.get('content-type')).toMatch(/^text\/html/);

			// Reads are not limited.
			expect((await send(server, 'GET', '/api/rules')).status).toBe(200);
		} finally {
			await server.stop();
			rmSync(server.dataDir, { recursive: true, force: true });
		}
	});

	it('limits report downloads in their own bucket (RATE_LIMITS="report=1")', async () => {
		const server = await startServer({ env: { RATE_LIMITS: 'report=1' } });
		try {
			const created = await send(server, 'POST', '/api/assessments', {
				json: createBody('Report limit')
			});
			const { id } = JSON.parse(created.text) as { id: string };
			expect((await send(server, 'GET', `/api/assessments/${id}/report.pdf`)).status).toBe(200);
			expectTooMany(
				await send(server, 'GET', `/api/assessments/${id}/report.pdf`),
				'second report'
			);
			expect((await send(server, 'GET', `/api/assessments/${id}`)).status).toBe(200);
		} finally {
			await server.stop();
			rmSync(server.dataDir, { recursive: true, force: true });
		}
	});

	it('refuses to start with a RATE_LIMITS it cannot read, rather than run without limits', async () => {
		await expect(startServer({ env: { RATE_LIMITS: 'create=lots' } })).rejects.toThrow(
			/RATE_LIMITS: cannot read/
		);
	});
});

describe('error pages', () => {
	it('shows the 404 page for an unknown assessment without echoing the id into a script', async () => {
		const s = seeded();
		const reply = await send(s.server, 'GET', '/a/%3Cscript%3Ealert(1)%3C%2Fscript%3E/fleet', {
			headers: { accept: 'text/html' }
		});
		expect(reply.status).toBe(404);
		expect(friendlyPageProblem(reply)).toBeNull();
		expect(reply.text).not.toContain('<script>alert(1)</script>');
	});
});
