import { fileURLToPath } from 'node:url';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** Example tests first, properties last: a mutant is usually killed by the first, fast files. */
const ORDER = [
	'golden',
	'score',
	'evidence',
	'costs',
	'roaming',
	'format-1',
	'contradictions',
	'legacy',
	'rescore',
	'properties'
];
const position = (spec: TestSpecification) => {
	const index = ORDER.findIndex((name) => spec.moduleId.split('/').pop()!.startsWith(name));
	return index === -1 ? ORDER.length : index;
};
class ExamplesFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]) {
		return [...files].sort((a, b) => position(a) - position(b));
	}
}

/**
 * The tests Stryker runs against each mutant of src/lib/scoring: the scoring unit tests, which are
 * the only unit tests that import the scoring code directly (route tests reach it through the API).
 */
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['tests/unit/scoring/**/*.test.ts'],
		setupFiles: ['tests/mutation/fast-check.setup.ts'],
		// One module graph for all files: the rules are parsed once per run, not once per file, which
		// is most of a mutant's run time. The scoring tests share no mutable state.
		isolate: false,
		sequence: { sequencer: ExamplesFirst },
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 60_000
	}
});
