import { z } from 'zod';
import { createTokenIndex } from './token-index';

const entrySchema = z.strictObject({ assessmentId: z.string() });

/** Maps a share token's hash to its assessment (DATA_DIR/share-index; see token-index.ts). */
export interface ShareIndex {
	put(tokenHash: string, assessmentId: string): Promise<void>;
	get(tokenHash: string): Promise<string | null>;
}

export function createFileShareIndex(dataDir: string): ShareIndex {
	const index = createTokenIndex(dataDir, 'share-index', entrySchema);
	return {
		put: (tokenHash, assessmentId) => index.put(tokenHash, { assessmentId }),
		get: async (tokenHash) => (await index.get(tokenHash))?.assessmentId ?? null
	};
}
