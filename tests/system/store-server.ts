/**
 * A built server on the store the run asks for: PostgreSQL when `TEST_DATABASE_URL` is set (passed
 * to the server as `DATABASE_URL`), otherwise lowdb in a fresh temp DATA_DIR. Tests written against
 * it run unchanged on either store.
 */
import { rmSync } from 'node:fs';
import { startServer, type ServerOptions, type TestServer } from './server';

/** Which store the servers of this run use, for test names and messages. */
export const STORE_NAME = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'lowdb';

export function startStoreServer(options: ServerOptions = {}): Promise<TestServer> {
	const databaseUrl = process.env.TEST_DATABASE_URL;
	return startServer({
		...options,
		env: { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...options.env }
	});
}

/** Stops the server and removes its data directory (PostgreSQL rows stay for the run's database to drop). */
export async function stopStoreServer(server: TestServer): Promise<void> {
	await server.stop();
	rmSync(server.dataDir, { recursive: true, force: true });
}
