/**
 * The README's start, as a new user runs it: `npm start` in the project, no variables at all (so
 * port 3000 and ./data), then a browser on http://localhost:3000 saves, with and without
 * JavaScript. Every other test configures the server; this one must not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './server';

const BASE = 'http://localhost:3000';
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Variables a developer's shell or CI may carry that the README never asks anyone to set. */
const CONFIG_VARIABLES = [
	'ORIGIN',
	'PORT',
	'HOST',
	'DATA_DIR',
	// The README's start is the file store: a DATABASE_URL the test run has is for other tests.
	'DATABASE_URL',
	'RATE_LIMITS',
	'BODY_SIZE_LIMIT',
	// Where `node build` keeps the operator's BODY_SIZE_LIMIT (src/lib/server/body-limit.ts).
	'LOCK_IN_RADAR_BODY_SIZE_LIMIT',
	'KEEP_ALIVE_TIMEOUT',
	'HEADERS_TIMEOUT',
	'ALLOWED_HOSTS',
	'PROTOCOL_HEADER',
	'HOST_HEADER',
	'ADDRESS_HEADER',
	'XFF_DEPTH',
	'DATABASE_URL',
	'NODE_ENV'
];

const portTaken = () =>
	new Promise<boolean>((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port: 3000 });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});

let install: string;
let server: ChildProcess;
let output = '';
let browser: Browser;

beforeAll(async () => {
	assertBuilt();
	if (await portTaken()) {
		throw new Error(
			'Port 3000 is in use: stop whatever listens there, then run the system tests again.'
		);
	}
	// A copy of the installed project, so ./data lands in a temp directory, not the developer's.
	install = mkdtempSync(join(tmpdir(), 'lock-in-radar-readme-'));
	cpSync(join(ROOT, 'package.json'), join(install, 'package.json'));
	cpSync(join(ROOT, 'build'), join(install, 'build'), { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'), 'dir');
	const env = { ...process.env };
	for (const name of CONFIG_VARIABLES) delete env[name];
	server = spawn('npm', ['start'], {
		cwd: install,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			if ((await fetch(BASE + '/')).ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline || server.exitCode !== null)
			throw new Error(`npm start did not answer:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	browser = await chromium.launch(
		existsSync(SYSTEM_CHROMIUM)
			? {
					executablePath: SYSTEM_CHROMIUM,
					args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
				}
			: {}
	);
});

afterAll(async () => {
	await browser?.close();
	if (server && server.exitCode === null) {
		// npm starts node as a child: stop the whole group.
		process.kill(-server.pid!, 'SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
	}
	if (install) rmSync(install, { recursive: true, force: true });
});

async function startAssessment(javaScriptEnabled: boolean, title: string) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await page.goto(BASE + '/new');
	if (javaScriptEnabled)
		await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
	await page.getByLabel('Assessment title').fill(title);
	await page.getByLabel('Number of devices').fill('500');
	await page.getByLabel('Device lifetime (years)').fill('8');
	await page.locator('input[name="countries"][value="DE"]').check();
	const created = page.waitForResponse(
		(r) => r.request().method() === 'POST' && r.url().includes('/new')
	);
	await page.getByRole('button', { name: /Save and start/ }).click();
	return { context, page, status: (await created).status() };
}

describe('the README start (npm start, nothing configured)', () => {
	it('lets a browser with JavaScript create an assessment and save an answer on http://localhost:3000', async () => {
		const { context, page, status } = await startAssessment(true, 'First try, with JavaScript');
		expect(status).toBeLessThan(400);
		await page.waitForURL(/\/a\/[A-Za-z0-9_-]{22}\/network$/);
		const id = page.url().split('/a/')[1]!.split('/')[0]!;
		await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
		const firstAnswer = page.locator('input[type="radio"][name^="answer."]').first();
		const [questionName, option] = await firstAnswer.evaluate((el: HTMLInputElement) => [
			el.name,
			el.value
		]);
		await firstAnswer.check();
		await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
		const stored = await (await fetch(`${BASE}/api/assessments/${id}`)).json();
		expect(stored.answers[questionName!.slice('answer.'.length)].option).toBe(option);
		await context.close();
	});

	it('lets a browser without JavaScript create an assessment and save answers', async () => {
		const { context, page, status } = await startAssessment(false, 'First try, no JavaScript');
		expect(status).toBe(303);
		await page.waitForURL(/\/a\/[A-Za-z0-9_-]{22}\/network$/);
		const id = page.url().split('/a/')[1]!.split('/')[0]!;
		const firstAnswer = page.locator('input[type="radio"][name^="answer."]').first();
		const [questionName, option] = await firstAnswer.evaluate((el: HTMLInputElement) => [
			el.name,
			el.value
		]);
		await firstAnswer.check();
		await page.locator('button[value="stay"]').click();
		await page.waitForURL(/\/network$/);
		const stored = await (await fetch(`${BASE}/api/assessments/${id}`)).json();
		expect(stored.answers[questionName!.slice('answer.'.length)].option).toBe(option);
		await context.close();
	});

	it("keeps an idle kept-alive connection open past Node's 5 s default, so the next request on it is answered", async () => {
		const { request, Agent } = await import('node:http');
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		const get = () =>
			new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
				const req = request({ host: '127.0.0.1', port: 3000, path: '/', agent }, (res) => {
					res.resume();
					res.once('end', () => resolve({ status: res.statusCode!, socket: req.socket }));
				});
				req.once('error', reject);
				req.end();
			});
		const first = await get();
		expect(first.status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 6_500));
		const second = await get();
		expect(second.status).toBe(200);
		// The same socket: the server had not closed it under the client.
		expect(second.socket).toBe(first.socket);
		agent.destroy();
	}, 20_000);

	it('still refuses writes a browser sends from another site', async () => {
		const form = await fetch(BASE + '/new', {
			method: 'POST',
			headers: {
				origin: 'http://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'title=x&devices=10&countries=DE&lifetimeYears=1'
		});
		expect(form.status).toBe(403);
		const api = await fetch(BASE + '/api/assessments', {
			method: 'POST',
			headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
			body: JSON.stringify({
				title: 'x',
				fleet: { devices: 1, countries: ['DE'], lifetimeYears: 1 }
			})
		});
		expect(api.status).toBe(403);
	});

	it('builds share links from the real scheme and an allowed Host, never from a spoofed one', async () => {
		const created = await fetch(BASE + '/api/assessments', {
			method: 'POST',
			headers: { origin: BASE, 'content-type': 'application/json' },
			body: JSON.stringify({
				title: 'Shared',
				fleet: { devices: 1, countries: ['DE'], lifetimeYears: 1 }
			})
		});
		expect(created.status).toBe(201);
		const { id } = await created.json();
		const share = async (host: string) => {
			// fetch() will not change Host; a raw request can, as an attacker's would.
			const { request } = await import('node:http');
			return new Promise<{ url: string }>((resolve, reject) => {
				const req = request(
					{
						host: '127.0.0.1',
						port: 3000,
						path: `/api/assessments/${id}/shares`,
						method: 'POST',
						headers: { host, 'content-type': 'application/json' }
					},
					(res) => {
						let body = '';
						res.on('data', (c) => (body += c));
						res.on('end', () => resolve(JSON.parse(body)));
					}
				);
				req.on('error', reject);
				req.end('{}');
			});
		};
		expect((await share('localhost:3000')).url).toMatch(
			/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{22}$/
		);
		expect((await share('evil.example')).url).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
	});
});
