import { z } from 'zod';
import { createTokenIndex, type TokenIndex } from './token-index';

export const shareEntrySchema = z.strictObject({ assessmentId: z.string() });

/** Maps a share token's hash to its assessment (DATA_DIR/share-index; see token-index.ts). */
export interface ShareIndex {
	put(tokenHash: string, assessmentId: string): Promise<void>;
	get(tokenHash: string): Promise<string | null>;
}

export function createFileShareIndex(dataDir: string): ShareIndex {
	return shareIndexOver(createTokenIndex(dataDir, 'share-index', shareEntrySchema));
}

/** The share index over any token index (a folder of files, or a table). */
export function shareIndexOver(index: TokenIndex<z.infer<typeof shareEntrySchema>>): ShareIndex {
	return {
		put: (tokenHash, assessmentId) => index.put(tokenHash, { assessmentId }),
		get: async (tokenHash) => (await index.get(tokenHash))?.assessmentId ?? null
	};
}
