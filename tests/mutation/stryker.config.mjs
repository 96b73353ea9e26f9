import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Mutation testing of the scoring core: `npm run test:mutation` (about 50 minutes on 2 cores; see
// tests/mutation/README.md). Not part of CI.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	plugins: ['@stryker-mutator/vitest-runner'],
	vitest: { configFile: 'tests/mutation/vitest.config.ts' },
	mutate: ['src/lib/scoring/**/*.ts', '!src/lib/scoring/types.ts'],
	coverageAnalysis: 'perTest',
	// Later runs retest only mutants whose code or covering tests changed.
	incremental: true,
	incrementalFile: 'tests/mutation/reports/stryker-incremental.json',
	// Two shared cores.
	concurrency: 2,
	timeoutMS: 30_000,
	ignorePatterns: [
		'build',
		'test-results',
		'data',
		'playwright-report',
		'tests/e2e',
		'tests/system',
		'!.svelte-kit/tsconfig.json'
	],
	// Outside the project, so type checks and test globs never see the sandbox copies.
	tempDirName: join(tmpdir(), 'lock-in-radar-stryker'),
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'tests/mutation/reports/mutation.html' },
	jsonReporter: { fileName: 'tests/mutation/reports/mutation.json' },
	thresholds: { high: 90, low: 85, break: 85 }
};
