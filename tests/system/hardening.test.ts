/**
 * The audit's smaller findings against the real build: a full disk (F11, on a real 2 MiB tmpfs),
 * headers on static files, redirects and HTTPS (F13), no-store on answers carrying an edit id,
 * a stale lock held by another program (F16), and no id or token in the server's log after all
 * of the fault tests (F6).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPath, scanDataDir } from './data-dir';
import {
	apiErrorProblem,
	createBody,
	friendlyPageProblem,
	jsonOf,
	send,
	type ApiError
} from './http';
import { startServer, tempDataDir, type TestServer } from './server';

/** Every id and token the fault tests handled: none may appear in the log. */
const secrets = new Set<string>();

function mountTmpfs(): string | null {
	const dir = mkdtempSync(join(tmpdir(), 'lock-in-radar-full-'));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
		return dir;
	} catch {
		rmSync(dir, { recursive: true, force: true });
		return null;
	}
}

let server: TestServer;
let tmpfs: string | null = null;

beforeAll(async () => {
	tmpfs = mountTmpfs();
	server = await startServer({ dataDir: tmpfs ?? tempDataDir() });
});

afterAll(async () => {
	await server?.stop();
	if (tmpfs) execFileSync('umount', [tmpfs]);
	rmSync(tmpfs ?? server.dataDir, { recursive: true, force: true });
});

async function create(title: string, note = ''): Promise<{ status: number; id?: string }> {
	const body = {
		...createBody(title),
		answers: note ? { network_carriers_per_market: { option: 'not_sure', note } } : undefined
	};
	const reply = await send(server, 'POST', '/api/assessments', { json: body });
	if (reply.status !== 201) return { status: reply.status };
	const { id } = jsonOf<{ id: string }>(reply);
	secrets.add(id);
	return { status: 201, id };
}

describe('fault tests on one server', () => {
	it('answers a corrupt record with 500 and logs it by a redacted id', async () => {
		const { id } = await create('Soon corrupt');
		writeFileSync(recordPath(server.dataDir, id!), '\u0000\u0001garbage{{{');
		const reply = await send(server, 'GET', `/api/assessments/${id}`);
		expect(reply.status).toBe(500);
		expect(server.log()).toMatch(new RegExp(`Stored assessment ${id!.slice(0, 4)}… is unreadable`));
		rmSync(recordPath(server.dataDir, id!));
	});

	it('answers concurrent imports of one file per record', async () => {
		const ids = [(await create('Import A')).id!, (await create('Import B')).id!];
		const exports = await Promise.all(
			ids.map((id) => send(server, 'GET', `/api/assessments/${id}/export`))
		);
		const document = {
			...jsonOf<{ assessments: unknown[] }>(exports[0]!),
			assessments: exports.flatMap((e) => jsonOf<{ assessments: unknown[] }>(e).assessments)
		};
		for (const id of ids) rmSync(recordPath(server.dataDir, id));
		const replies = await Promise.all(
			Array.from({ length: 8 }, () => send(server, 'POST', '/api/import', { json: document }))
		);
		expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
	});

	it('answers 507 when the disk is full, leaves no temp file and loses nothing acknowledged (F11)', async (context) => {
		if (!tmpfs) context.skip();
		const acknowledged: string[] = [];
		// Big records until one does not fit, then smaller ones, until not even a bare one does.
		for (const noteLength of [9_000, 1_000, 0]) {
			let full = null;
			for (let i = 0; i < 300 && !full; i++) {
				const attempt = await create(`Filler ${noteLength} ${i}`, 'n'.repeat(noteLength));
				if (attempt.status === 201) acknowledged.push(attempt.id!);
				else full = attempt.status;
			}
			expect(full, `records with ${noteLength}-character notes`).toBe(507);
		}
		const api = await send(server, 'POST', '/api/assessments', {
			json: {
				...createBody('One more'),
				answers: { network_carriers_per_market: { option: 'not_sure', note: 'n'.repeat(9_000) } }
			}
		});
		expect(api.status).toBe(507);
		expect(apiErrorProblem(api)).toBeNull();
		expect(jsonOf<ApiError>(api).error).toMatch(/out of disk space.*not saved/);
		const patch = await send(server, 'PATCH', `/api/assessments/${acknowledged[0]}`, {
			json: { title: 'x'.repeat(200) }
		});
		expect([200, 507]).toContain(patch.status);
		const form = {
			body: new URLSearchParams({
				title: 'Form',
				devices: '10',
				countries: 'DE',
				lifetimeYears: '2'
			}).toString(),
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: server.origin,
				accept: 'text/html'
			}
		};
		const page = await send(server, 'POST', '/new', form);
		expect(
			page.status,
			page.text
				.replace(/<[^>]+>/g, ' ')
				.replace(/\s+/g, ' ')
				.slice(0, 600)
		).toBe(507);
		expect(friendlyPageProblem(page)).toBeNull();
		expect(page.text).toMatch(/out of disk space/);
		// With JavaScript, the enhanced form reads SvelteKit's JSON error, with the same status.
		const enhanced = await send(server, 'POST', '/new', {
			...form,
			headers: { ...form.headers, accept: 'application/json' }
		});
		expect(enhanced.status).toBe(507);
		expect(jsonOf<{ type: string; error: { message: string } }>(enhanced).error.message).toMatch(
			/out of disk space/
		);
		const scan = scanDataDir(server.dataDir);
		expect(scan.tempFiles).toEqual([]);
		expect(scan.failures).toEqual([]);
		for (const id of acknowledged) expect(scan.records.get(id)?.title).toMatch(/^Filler /);
		expect(server.alive).toBe(true);
	});

	it('wrote no edit id and no share token to its log, in any message (F6)', async () => {
		const id = [...secrets][0]!;
		const share = await send(server, 'POST', `/api/assessments/${id}/shares`, { json: {} });
		if (share.status === 201) secrets.add(jsonOf<{ token: string }>(share).token);
		await send(server, 'GET', `/api/shared/${[...secrets].at(-1)}/nothing`);
		const log = server.log();
		expect(log.length).toBeGreaterThan(0);
		for (const secret of secrets) expect(log, 'the log names an id or token').not.toContain(secret);
	});
});

describe('headers everywhere (F13)', () => {
	let plain: TestServer;
	beforeAll(async () => {
		plain = await startServer();
	});
	afterAll(async () => {
		await plain?.stop();
		rmSync(plain.dataDir, { recursive: true, force: true });
	});

	it('sends nosniff, X-Frame-Options and a Referrer-Policy on static files and the trailing-slash redirect', async () => {
		const asset = readdirSync(
			join(process.env.LOCK_IN_RADAR_SYSTEM_BUILD ?? 'build', 'client/_app/immutable/entry')
		).find((f) => f.endsWith('.js'));
		const { id } = jsonOf<{ id: string }>(
			await send(plain, 'POST', '/api/assessments', { json: createBody('Headers') })
		);
		for (const path of [
			'/favicon.svg',
			`/_app/immutable/entry/${asset}`,
			`/api/assessments/${id}/`
		]) {
			const reply = await send(plain, 'GET', path);
			expect([200, 308], path).toContain(reply.status);
			expect(reply.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(reply.headers.get('x-frame-options'), path).toBe('DENY');
			expect(reply.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
		}
		expect((await send(plain, 'GET', `/api/assessments/${id}/`)).status).toBe(308);
		expect(
			(await send(plain, 'GET', '/favicon.svg')).headers.get('strict-transport-security')
		).toBeNull();
	});

	it('sends Cache-Control: no-store on every answer that carries an edit id', async () => {
		const created = await send(plain, 'POST', '/api/assessments', { json: createBody('No store') });
		expect(created.status).toBe(201);
		const { id } = jsonOf<{ id: string }>(created);
		secrets.add(id);
		expect(created.headers.get('cache-control')).toContain('no-store');
		const exported = await send(plain, 'GET', `/api/assessments/${id}/export`);
		expect(exported.headers.get('cache-control')).toContain('no-store');
		const form = await send(plain, 'POST', '/new', {
			body: new URLSearchParams({
				title: 'Form',
				devices: '10',
				countries: 'DE',
				lifetimeYears: '2'
			}).toString(),
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: plain.origin,
				accept: 'text/html'
			}
		});
		expect(form.status).toBe(303);
		expect(form.headers.get('cache-control')).toContain('no-store');
	});

	it('sends HSTS when ORIGIN is https, or PROTOCOL_HEADER says https, on pages, the API and static files', async () => {
		const started: TestServer[] = [];
		try {
			const https = await startServer({ env: { ORIGIN: 'https://radar.example.com' } });
			started.push(https);
			const proxied = await startServer({
				env: {
					ORIGIN: undefined,
					PROTOCOL_HEADER: 'x-forwarded-proto',
					HOST_HEADER: 'x-forwarded-host'
				}
			});
			started.push(proxied);
			for (const path of ['/', '/api/rules', '/favicon.svg']) {
				const reply = await send(https, 'GET', path);
				expect(reply.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{8,}/);
				const viaProxy = await send(proxied, 'GET', path, {
					headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'radar.example.com' }
				});
				expect(viaProxy.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{8,}/);
				const plain = await send(proxied, 'GET', path, {
					headers: { 'x-forwarded-proto': 'http', 'x-forwarded-host': 'radar.example.com' }
				});
				expect(plain.headers.get('strict-transport-security'), path).toBeNull();
			}
		} finally {
			// Stopped even when a start or an assertion fails: no server outlives the test.
			for (const s of started) {
				await s.stop();
				rmSync(s.dataDir, { recursive: true, force: true });
			}
		}
	});
});

describe('start-up lock (F16)', () => {
	it('starts when the lock names a live process that is not Lock-in Radar', async () => {
		const dataDir = tempDataDir();
		const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
		try {
			writeFileSync(join(dataDir, '.lock'), String(sleeper.pid));
			const s = await startServer({ dataDir });
			expect(s.alive).toBe(true);
			await s.stop();
		} finally {
			sleeper.kill();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

describe('bidirectional overrides (F17)', () => {
	const SPOOF = '\u202Egnp.exe\u202C invoice \u2066x\u2069';
	const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
	/** What a reader sees: the HTML without scripts, data and form field values. */
	const visible = (html: string) =>
		html
			.replace(/<script[\s\S]*?<\/script>/g, '')
			.replace(/<textarea[\s\S]*?<\/textarea>/g, '')
			.replace(/\svalue="[^"]*"/g, '');

	it('stores text as typed and shows it without them on the results, share and list pages', async () => {
		const server = await startServer();
		try {
			const rules = await send(server, 'GET', '/api/rules');
			const question = jsonOf<{ areas: { questions: { id: string }[] }[] }>(rules).areas[0]!
				.questions[0]!.id;
			const created = await send(server, 'POST', '/api/assessments', {
				json: {
					...createBody(SPOOF),
					organisation: SPOOF,
					vendor: SPOOF,
					answers: { [question]: { option: 'not_sure', note: SPOOF } }
				}
			});
			const { id, title } = jsonOf<{ id: string; title: string }>(created);
			expect(title).toBe(SPOOF);
			const share = jsonOf<{ token: string }>(
				await send(server, 'POST', `/api/assessments/${id}/shares`, {
					json: { label: SPOOF, includeNotes: true }
				})
			);
			for (const path of [
				`/a/${id}/results`,
				`/s/${share.token}`,
				`/s/${share.token}/fleet`,
				`/assessments/${id}/fleet`
			]) {
				const page = await send(server, 'GET', path, { headers: { accept: 'text/html' } });
				expect(page.status, path).toBe(200);
				expect(page.text, path).toContain('gnp.exe');
				const shown = visible(page.text);
				const at = shown.search(BIDI);
				expect(
					at,
					`${path} shows a bidi control: ${JSON.stringify(shown.slice(at - 200, at + 20))}`
				).toBe(-1);
			}
			const pdf = await send(server, 'GET', `/api/shared/${share.token}/report.pdf`);
			expect(pdf.status).toBe(200);
			expect(
				jsonOf<{ title: string }>(await send(server, 'GET', `/api/assessments/${id}`)).title
			).toBe(SPOOF);
		} finally {
			await server.stop();
			rmSync(server.dataDir, { recursive: true, force: true });
		}
	});
});
