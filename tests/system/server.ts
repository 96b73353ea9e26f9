/**
 * The real production server (`node build`) in a child process, on its own port and data
 * directory, for the system tests, `prove.ts` and the storage benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/free-port';

export { freePort };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(ROOT, 'build');
/** Set by copyBuild() for the processes that run the servers. */
const BUILD_COPY_ENV = 'LOCK_IN_RADAR_SYSTEM_BUILD';

/** Stops with a message that says what to do, rather than a spawn error further down. */
export function assertBuilt(): void {
	if (!existsSync(join(BUILD, 'index.js'))) {
		throw new Error(
			`No production build at ${BUILD}. Run \`npm run build\` first, then run these tests again.`
		);
	}
}

/**
 * Servers run from a private copy of build/: the build loads route chunks lazily, so a rebuild
 * (another terminal, `npm run test:e2e`) during a long run would otherwise pull files from under
 * a running server. The copy sits inside node_modules so the build still resolves its packages.
 */
export function copyBuild(): () => void {
	assertBuilt();
	const parent = join(ROOT, 'node_modules', '.cache', 'lock-in-radar');
	mkdirSync(parent, { recursive: true });
	const dir = mkdtempSync(join(parent, 'system-build-'));
	cpSync(BUILD, dir, { recursive: true });
	// Inside node_modules the project's package.json no longer says the build is ES modules.
	writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
	process.env[BUILD_COPY_ENV] = dir;
	return () => {
		rmSync(dir, { recursive: true, force: true });
		delete process.env[BUILD_COPY_ENV];
	};
}

export const tempDataDir = (prefix = 'lock-in-radar-system-') =>
	mkdtempSync(join(tmpdir(), prefix));

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface ServerOptions {
	/** Reuse a data directory (restarts); a fresh temp directory otherwise. */
	dataDir?: string;
	/**
	 * Extra environment, e.g. `{ RATE_LIMITS: 'create=3' }`. Rate limits are off unless given;
	 * undefined unsets. The files in dataDir unless this gives DATABASE_URL.
	 */
	env?: Record<string, string | undefined>;
	/** How long to wait for the first answer. */
	startTimeoutMs?: number;
}

export class TestServer {
	/** Where requests go: the loopback address, so nothing listens beyond this machine. */
	readonly url: string;
	/** What the server believes it is (ORIGIN): what a same-site browser sends as `Origin`. */
	readonly origin: string;
	readonly exited: Promise<Exit>;
	private output = '';
	private printed = 0;
	private exit: Exit | null = null;

	constructor(
		readonly child: ChildProcess,
		readonly port: number,
		readonly dataDir: string
	) {
		this.url = `http://127.0.0.1:${port}`;
		this.origin = `http://localhost:${port}`;
		const collect = (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			this.printed += text.length;
			// Keep the tail only: storms can make a server talk a lot.
			this.output = (this.output + text).slice(-256_000);
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		this.exited = new Promise((resolve) => {
			child.once('exit', (code, signal) => {
				this.exit = { code, signal };
				resolve(this.exit);
			});
		});
	}

	get alive(): boolean {
		return this.exit === null;
	}

	/** What the server printed (stdout and stderr; the last 256 KB), for failure messages. */
	log(): string {
		return this.output;
	}

	/** A place in the log, for logSince(). */
	logMark(): number {
		return this.printed;
	}

	/** What the server printed since a mark. */
	logSince(mark: number): string {
		return this.output.slice(Math.max(0, this.output.length - (this.printed - mark)));
	}

	/** Graceful stop (SIGTERM), waiting for the process to exit. */
	async stop(): Promise<Exit> {
		if (this.alive) this.child.kill('SIGTERM');
		return this.exited;
	}

	/** Pulls the plug (SIGKILL) and waits for the 'exit' event, so the process is reaped. */
	async kill(): Promise<Exit> {
		if (this.alive) this.child.kill('SIGKILL');
		return this.exited;
	}

	fetch(path: string, init?: RequestInit): Promise<Response> {
		return fetch(this.url + path, init);
	}
}

/** Starts `node build` and resolves once it answers; rejects with its output if it dies first. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
	assertBuilt();
	const port = await freePort();
	const dataDir = options.dataDir ?? tempDataDir();
	const env: Record<string, string | undefined> = {
		...process.env,
		// The lowdb store unless a test asks for PostgreSQL: a DATABASE_URL the test run inherited
		// (the machine's database, for the PostgreSQL tests) must not turn every server into one.
		DATABASE_URL: undefined,
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		DATA_DIR: dataDir,
		ORIGIN: `http://localhost:${port}`,
		RATE_LIMITS: 'off',
		...options.env
	};
	for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
	const child = spawn(process.execPath, [process.env[BUILD_COPY_ENV] ?? BUILD], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const server = new TestServer(child, port, dataDir);
	// A temp directory made for a server that never started is nobody's to clean up later.
	const fail = (message: string) => {
		if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
		return new Error(message);
	};
	const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
	while (Date.now() < deadline) {
		if (!server.alive) {
			const exit = await server.exited;
			throw fail(
				`The server exited (code ${exit.code}, signal ${exit.signal}) before answering:\n${server.log()}`
			);
		}
		try {
			const response = await fetch(`${server.url}/api/rules`, {
				signal: AbortSignal.timeout(2_000)
			});
			await response.arrayBuffer();
			if (response.ok) return server;
		} catch {
			/* not listening yet */
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	await server.kill();
	throw fail(
		`The server did not answer within ${options.startTimeoutMs ?? 30_000} ms:\n${server.log()}`
	);
}
