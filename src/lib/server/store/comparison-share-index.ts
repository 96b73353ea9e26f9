import { z } from 'zod';
import { createTokenIndex, type TokenIndex } from './token-index';

const entrySchema = z.strictObject({ tenderId: z.string() });
export type ComparisonShareEntry = z.infer<typeof entrySchema>;

/** Maps a comparison link's token hash to its tender (DATA_DIR/comparison-share-index; see token-index.ts). */
export type ComparisonShareIndex = TokenIndex<ComparisonShareEntry>;

export function createFileComparisonShareIndex(dataDir: string): ComparisonShareIndex {
	return createTokenIndex(dataDir, 'comparison-share-index', entrySchema);
}
