import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh DATA_DIR per test, so each scenario starts from an empty lowdb store on disk: without
 * the DATABASE_URL the test run may have (for the PostgreSQL tests), which would choose PostgreSQL.
 */
export function useTempDataDir(): () => string {
	let dir = '';
	let databaseUrl: string | undefined;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'lock-in-radar-'));
		process.env.DATA_DIR = dir;
		databaseUrl = process.env.DATABASE_URL;
		delete process.env.DATABASE_URL;
	});
	afterEach(() => {
		rmSync(dir, { recursive: true, force: true });
		delete process.env.DATA_DIR;
		if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
	});
	return () => dir;
}
