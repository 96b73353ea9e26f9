import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:system`: the production build (`npm run build` first) in child processes, with
 * real files, and a real PostgreSQL for the tests of DATABASE_URL (tests/support/postgres.ts).
 * One file at a time, so the storms do not compete for the two CPUs.
 */
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['tests/system/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 60_000,
		globalSetup: ['tests/system/global-setup.ts', 'tests/system/postgres-setup.ts']
	}
});
