import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { asDiskFull, DurableJSONFile } from './durable-json-file';

const entrySchema = z.strictObject({ assessmentId: z.string() });
const HASH_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Maps a share token's hash to its assessment. The assessment record stays the authority on
 * whether the share is live; this index only finds it without scanning every record.
 */
export interface ShareIndex {
	put(tokenHash: string, assessmentId: string): Promise<void>;
	get(tokenHash: string): Promise<string | null>;
}

export function createFileShareIndex(dataDir: string): ShareIndex {
	const root = join(dataDir, 'share-index');
	const pathOf = (hash: string) => {
		if (!HASH_PATTERN.test(hash)) throw new Error('invalid token hash');
		return join(root, hash.slice(0, 2), `${hash}.json`);
	};
	return {
		async put(tokenHash, assessmentId) {
			await mkdir(join(root, tokenHash.slice(0, 2)), { recursive: true }).catch((error: unknown) => {
				throw asDiskFull(error);
			});
			const db = new Low(new DurableJSONFile<{ assessmentId: string }>(pathOf(tokenHash)), { assessmentId });
			db.data = { assessmentId };
			await db.write();
		},
		async get(tokenHash) {
			if (!HASH_PATTERN.test(tokenHash)) return null;
			const db = new Low(new DurableJSONFile<unknown>(pathOf(tokenHash)), null);
			await db.read();
			const parsed = entrySchema.safeParse(db.data);
			return parsed.success ? parsed.data.assessmentId : null;
		}
	};
}
