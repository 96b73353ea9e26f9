import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh DATA_DIR per test, so each scenario starts from an empty lowdb store on disk. */
export function useTempDataDir(): () => string {
	let dir = '';
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'lock-in-radar-'));
		process.env.DATA_DIR = dir;
	});
	afterEach(() => {
		rmSync(dir, { recursive: true, force: true });
		delete process.env.DATA_DIR;
	});
	return () => dir;
}
