import { z } from 'zod';
import { createTokenIndex, type TokenIndex } from './token-index';

export const comparisonShareEntrySchema = z.strictObject({ tenderId: z.string() });
export type ComparisonShareEntry = z.infer<typeof comparisonShareEntrySchema>;

/** Maps a comparison link's token hash to its tender (DATA_DIR/comparison-share-index; see token-index.ts). */
export type ComparisonShareIndex = TokenIndex<ComparisonShareEntry>;

export function createFileComparisonShareIndex(dataDir: string): ComparisonShareIndex {
	return createTokenIndex(dataDir, 'comparison-share-index', comparisonShareEntrySchema);
}
